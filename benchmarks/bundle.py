"""Bundle benchmark: how big the built app is, and how fast it starts compared with the source.

- size: the bundle folder's disk use, like ``du`` (MiB; symlinks not followed, hard links once);
- ``frozen``: ``dist/agencydesk/agencydesk`` started with ``AGENCYDESK_STARTUP_PROBE=shown``;
- ``source``: ``python -m agencydesk`` from this checkout's interpreter, with the same probe.

Each start is a fresh process, offscreen, with its own temporary XDG folders and database path,
timed by the parent's wall clock from just before ``subprocess.Popen`` to reading ``PROBE shown``.
One untimed warm-up of each kind (it fills the page cache and the source's bytecode cache, kept in
a private ``PYTHONPYCACHEPREFIX``), then ``--runs`` rounds with the two kinds interleaved; the
median is reported.

    python benchmarks/bundle.py [--bundle dist/agencydesk] [--runs 5]

Builds the bundle with packaging/build.py when ``--bundle`` is not given and dist/agencydesk is
missing. The last line is machine-readable:
``BENCH bundle size_mb=… frozen_start_ms=… source_start_ms=…``
"""

from __future__ import annotations

import argparse
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BUNDLE = ROOT / "dist" / "agencydesk"
TIMEOUT_S = 60.0
KINDS = ("frozen", "source")


class BenchmarkError(Exception):
    """A child failed or timed out; the message carries its stderr."""


def disk_usage_mib(path: Path) -> float:
    seen: set[tuple[int, int]] = set()
    total = 0
    for folder, _dirs, files in os.walk(path):
        for name in files:
            info = (Path(folder) / name).lstat()
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            blocks = getattr(info, "st_blocks", None)
            total += blocks * 512 if blocks is not None else info.st_size
    return total / 2**20


def frozen_executable(bundle: Path) -> Path:
    if bundle.suffix == ".app":
        return bundle / "Contents" / "MacOS" / "agencydesk"
    return bundle / ("agencydesk-cli.exe" if sys.platform == "win32" else "agencydesk")


def command(kind: str, bundle: Path, db: Path) -> list[str]:
    if kind == "frozen":
        return [str(frozen_executable(bundle)), "--db", str(db)]
    return [sys.executable, "-m", "agencydesk", "--db", str(db)]


def child_env(home: Path, pycache: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("AGENCYDESK_", "QT_")) and key != "PYTHONDONTWRITEBYTECODE"
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["AGENCYDESK_STARTUP_PROBE"] = "shown"
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        (home / var.lower()).mkdir(parents=True)
        env[var] = str(home / var.lower())
    return env


def _read_lines(stream: IO[str], lines: queue.Queue[tuple[float, str | None]]) -> None:
    for line in stream:
        lines.put((time.perf_counter(), line))
    lines.put((time.perf_counter(), None))


def start_ms(kind: str, bundle: Path, pycache: Path) -> float:
    """One fresh start: milliseconds from just before Popen to the ``PROBE shown`` line."""
    home = Path(tempfile.mkdtemp(prefix=f"agencydesk-bench-{kind}-"))
    try:
        argv = command(kind, bundle, home / "desk" / "agencydesk.sqlite3")
        env = child_env(home, pycache)
        with tempfile.TemporaryFile("w+", encoding="utf-8") as stderr:
            lines: queue.Queue[tuple[float, str | None]] = queue.Queue()
            started = time.perf_counter()
            process = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=stderr,
                env=env,
                text=True,
                encoding="utf-8",
                errors="replace",
                bufsize=1,
            )
            assert process.stdout is not None
            reader = threading.Thread(target=_read_lines, args=(process.stdout, lines), daemon=True)
            reader.start()
            probed_at = None
            problem = ""
            try:
                while probed_at is None:
                    remaining = started + TIMEOUT_S - time.perf_counter()
                    try:
                        at, line = lines.get(timeout=max(remaining, 0.0))
                    except queue.Empty:
                        problem = f"no 'PROBE shown' within {TIMEOUT_S:.0f} s"
                        break
                    if line is None:
                        problem = "stdout closed without 'PROBE shown'"
                        break
                    if line.strip() == "PROBE shown":
                        probed_at = at
                if not problem and process.wait(timeout=TIMEOUT_S) != 0:
                    problem = f"exited with code {process.returncode}"
            finally:
                if process.poll() is None:
                    process.kill()
                process.wait()
                reader.join(timeout=5)
                process.stdout.close()
            if problem or probed_at is None:
                stderr.seek(0)
                raise BenchmarkError(
                    f"{kind}: {problem}\ncommand: {' '.join(argv)}\n"
                    f"--- stderr ---\n{stderr.read().rstrip()}"
                )
            return (probed_at - started) * 1000.0
    finally:
        shutil.rmtree(home, ignore_errors=True)


def ensure_bundle(bundle: Path | None) -> Path:
    if bundle is not None:
        bundle = bundle.expanduser().resolve()
        if not frozen_executable(bundle).is_file():
            raise BenchmarkError(f"no built app in {bundle}")
        return bundle
    if not frozen_executable(DEFAULT_BUNDLE).is_file():
        print("dist/agencydesk is missing: building it (packaging/build.py)", flush=True)
        subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")], check=True)
    return DEFAULT_BUNDLE


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Size and start-up time of the built app against the source install."
    )
    parser.add_argument("--bundle", type=Path, help="the built bundle folder (or .app)")
    parser.add_argument("--runs", type=_positive, default=5, help="timed starts per kind")
    args = parser.parse_args(argv)
    pycache = Path(tempfile.mkdtemp(prefix="agencydesk-bench-pycache-"))
    try:
        bundle = ensure_bundle(args.bundle)
        size = disk_usage_mib(bundle)
        print(f"bundle {bundle}: {size:.1f} MiB on disk", flush=True)
        print(
            f"timing {', '.join(KINDS)}: 1 warm-up + {args.runs} runs each, interleaved",
            flush=True,
        )
        for kind in KINDS:
            start_ms(kind, bundle, pycache)
        samples: dict[str, list[float]] = {kind: [] for kind in KINDS}
        for _round in range(args.runs):
            for kind in KINDS:
                samples[kind].append(start_ms(kind, bundle, pycache))
    except (BenchmarkError, subprocess.CalledProcessError) as exc:
        print(f"benchmark failed: {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(pycache, ignore_errors=True)
    medians = {kind: statistics.median(values) for kind, values in samples.items()}
    for kind, values in samples.items():
        print(
            f"{kind:<7} median {medians[kind]:6.0f} ms   samples: "
            + ", ".join(f"{value:.0f}" for value in values)
        )
    print(
        f"BENCH bundle size_mb={size:.1f} frozen_start_ms={medians['frozen']:.0f} "
        f"source_start_ms={medians['source']:.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
