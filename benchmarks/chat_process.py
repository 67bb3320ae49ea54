"""Whole processes, as a user at a shell meets them: the dry run against the bare-regex floor and
the peers, each a fresh Python process (start-up, imports, reading, output and exit included).

Used by chat_parse.py; each figure is the median of runs taken in turn (the machine is shared,
so a burst of load hits every contender alike).

agencydesk's own processes (and the floor, alike) start the way an installed app does: they read
and write bytecode in a private cache (``PYTHONPYCACHEPREFIX``, filled by an untimed first run of
each command), even where ``PYTHONDONTWRITEBYTECODE`` is set, as it is on the machine this was
written on. Without it an editable install compiled every module of the app on every start
(about 40 ms), while the peers, installed by pip, had their bytecode from the start.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

#: the floor: read the file, one compiled regex split over it (the WhatsApp Android header)
FLOOR_CODE = (
    "import re, sys\n"
    "text = open(sys.argv[1], encoding='utf-8').read()\n"
    "parts = re.compile(r'\\n(\\d{1,2}/\\d{1,2}/\\d{2,4}) (\\d{1,2}[.:]\\d{2}) - ').split(text)\n"
    "print(len(parts))\n"
)
WHATSTK_CODE = (
    "import sys\nfrom whatstk import df_from_whatsapp\nprint(len(df_from_whatsapp(sys.argv[1])))\n"
)
CHATMINER_CODE = (
    "import logging, os, sys\n"
    "os.environ['TQDM_DISABLE'] = '1'\n"
    "from chatminer.chatparsers import WhatsAppParser\n"
    "logging.getLogger('chatminer').setLevel(logging.ERROR)\n"
    "p = WhatsAppParser(sys.argv[1])\n"
    "p.parse_file()\n"
    "print(len(p.parsed_messages.get_df()))\n"
)


#: runs a command and writes its peak resident KiB to a file: a process started by this (big)
#: one inherits its peak at exec (Linux keeps the larger of the old and new memory's peaks), so
#: the peak is read by a small process in between
PEAK_CODE = (
    "import os, sys\n"
    "pid = os.posix_spawn(sys.argv[2], sys.argv[2:], os.environ,\n"
    "    file_actions=[(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)])\n"
    "_pid, status, usage = os.wait4(pid, 0)\n"
    "open(sys.argv[1], 'w').write(str(usage.ru_maxrss))\n"
    "sys.exit(os.waitstatus_to_exitcode(status))\n"
)


@contextlib.contextmanager
def installed_bytecode() -> Iterator[dict[str, str]]:
    """The environment for processes that start as an installed app does: bytecode read and
    written in a private cache, removed afterwards (see the module's documentation)."""
    cache = tempfile.mkdtemp(prefix="agencydesk-bench-pycache-")
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = cache
    try:
        yield env
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def peak_rss_mb(argv: list[str], env: Mapping[str, str] | None = None) -> float:
    """The peak resident MB of one run of a command, its own alone."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "peak"
        run_process([sys.executable, "-c", PEAK_CODE, str(out), *argv], env)
        return int(out.read_text()) / 1024


def run_process(argv: list[str], env: Mapping[str, str] | None = None) -> tuple[float, float]:
    """(wall seconds, peak resident MB, which includes this process's own peak: see
    :func:`peak_rss_mb`) of one process, its output thrown away."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        pid = os.posix_spawn(
            argv[0],
            argv,
            os.environ if env is None else env,
            file_actions=[
                (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
                (os.POSIX_SPAWN_DUP2, err.fileno(), 2),
            ],
        )
        _pid, status, usage = os.wait4(pid, 0)
        seconds = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            err.seek(0)
            tail = err.read()[-500:].decode(errors="replace")
            raise RuntimeError(f"{' '.join(argv)} failed ({code}): {tail}")
    return seconds, usage.ru_maxrss / 1024


def dry_run_argv(path: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "agencydesk", "import-chat", str(path), "--dry-run", *extra]


def floor_argv(path: Path) -> list[str]:
    return [sys.executable, "-c", FLOOR_CODE, str(path)]


def medians(
    commands: dict[str, list[str]], runs: int, env: Mapping[str, str] | None = None
) -> dict[str, float]:
    """The median wall time of each command, the commands run in turn ``runs`` times after one
    untimed run of each (it fills the page cache, and the bytecode cache of *env*)."""
    for argv in commands.values():
        run_process(argv, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            times[name].append(run_process(argv, env)[0])
    return {name: statistics.median(values) for name, values in times.items()}


def peer_seconds(code: str, path: Path) -> float:
    return run_process([sys.executable, "-c", code, str(path)])[0]
