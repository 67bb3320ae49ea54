"""The README's set-up is complete on a bare Debian/Ubuntu, and CI installs what it names."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _apt_packages(text: str) -> set[str]:
    """Every package named after `apt-get install` (lines joined at their backslashes)."""
    joined = text.replace("\\\n", " ")
    found: set[str] = set()
    for command in re.findall(r"apt-get install([^\n`>]*)", joined):
        found |= {word for word in command.split() if not word.startswith("-")}
    return found


def test_the_readme_installs_venv_and_what_qt_needs_without_a_desktop() -> None:
    readme = _apt_packages((ROOT / "README.md").read_text())
    # python3 -m venv fails on Debian without python3-venv; Qt 6's xcb plugin needs the
    # xcb-icccm, -keysyms and -shape libraries; emoji need a colour emoji font (the app ships one
    # too, for systems that cannot install it)
    for package in (
        "python3-venv",
        "libxcb-cursor0",
        "libxcb-icccm4",
        "libxcb-keysyms1",
        "libxcb-shape0",
        "fonts-noto-color-emoji",
    ):
        assert package in readme, package


def test_ci_installs_everything_the_readme_asks_for() -> None:
    readme = _apt_packages((ROOT / "README.md").read_text())
    ci = _apt_packages((ROOT / ".ci" / "run").read_text())
    assert readme
    assert readme <= ci, sorted(readme - ci)
