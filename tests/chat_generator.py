"""The benchmarks' chat export generator (`benchmarks/chat_parse_generator.py`) for the tests:
loaded from its file once, here, as the benchmarks are no package."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "chat_parse_generator.py"
_SPEC = importlib.util.spec_from_file_location("chat_parse_generator", _PATH)
assert _SPEC is not None
assert _SPEC.loader is not None
generator = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(generator)
