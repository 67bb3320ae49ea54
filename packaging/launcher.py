"""Entry script for the frozen app (PyInstaller): the same `main` as the `agencydesk` command."""

from __future__ import annotations

import sys

from agencydesk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
