"""Build the desktop app with PyInstaller: ``dist/agencydesk/`` (``dist/agencydesk.app`` on macOS).

    .venv/bin/pip install -e '.[build]'      # PyInstaller, once
    .venv/bin/python packaging/build.py      # [--clean] [--archive]

``--archive`` also packs it, in a folder named by version, into
``dist/agencydesk-<version>-<os>-<arch>.tar.gz`` (Linux) or ``.zip`` (Windows; macOS: the .app)
to hand out. See packaging/README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tarfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "agencydesk.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"


def version() -> str:
    from agencydesk import __version__

    return __version__


def bundle_path() -> Path:
    return DIST / ("agencydesk.app" if sys.platform == "darwin" else "agencydesk")


def size_on_disk(path: Path) -> int:
    """Bytes used, like `du`: symlinks not followed, hard links counted once."""
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
    return total


def build(clean: bool) -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit(
            "PyInstaller is not installed: .venv/bin/pip install -e '.[build]'"
        ) from None
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
    ]
    if clean:
        command.append("--clean")
    subprocess.run(command, cwd=ROOT, check=True)
    return bundle_path()


def archive(bundle: Path) -> Path:
    machine = platform.machine().lower().replace("amd64", "x86_64")
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
    stem = f"agencydesk-{version()}-{system}-{machine}"
    if system == "linux":
        target = DIST / f"{stem}.tar.gz"
        with tarfile.open(target, "w:gz") as tar:  # keeps the symlinks PyInstaller made
            tar.add(bundle, arcname=stem)
        return target
    target = DIST / f"{stem}.zip"
    if system == "macos":  # ditto keeps the .app's symlinks and signature
        subprocess.run(["ditto", "-c", "-k", "--keepParent", str(bundle), str(target)], check=True)
        return target
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive_file:
        for path in sorted(bundle.rglob("*")):  # in a folder named like the zip
            archive_file.write(path, Path(stem, path.relative_to(bundle)).as_posix())
    return target


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the agencydesk desktop app.")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument(
        "--archive", action="store_true", help="also pack it as a versioned .tar.gz / .zip"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    bundle = build(args.clean)
    took = time.perf_counter() - started
    print(
        f"built {bundle.relative_to(ROOT)} (agencydesk {version()}) in {took:.0f} s: "
        f"{size_on_disk(bundle) / 2**20:.0f} MB"
    )
    if args.archive:
        target = archive(bundle)
        print(f"packed {target.relative_to(ROOT)}: {target.stat().st_size / 2**20:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
