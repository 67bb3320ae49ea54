"""Smoke tests of the built app (packaging/agencydesk.spec), run as a user would run it.

Skipped unless ``AGENCYDESK_BUNDLE`` names the built bundle folder (``dist/agencydesk``, or
``dist/agencydesk.app`` on macOS); ``.ci/run`` builds it and sets it. Every command runs in a
fresh process with its own temporary XDG folders, offscreen.

To smoke-test a new command, add one line to ``COMMANDS``.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from agencydesk import __version__
from agencydesk.core import migrate

BUNDLE_ENV = os.environ.get("AGENCYDESK_BUNDLE", "")

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(
        not BUNDLE_ENV,
        reason="set AGENCYDESK_BUNDLE to the built bundle (python packaging/build.py)",
    ),
]

TIMEOUT_S = 60


@dataclass(frozen=True)
class Command:
    """One run of the bundled app on the demo database: ``{db}`` in *args* is its path."""

    name: str
    args: tuple[str, ...]
    expect: str  # a regular expression the standard output must match
    env: dict[str, str] = field(default_factory=dict)


# Each runs on a copy of the database the `demo` command filled (see `demo_db`).
COMMANDS = [
    Command("backup", ("backup", "--db", "{db}"), r"Backed up \S+ to .*manual"),
    Command(
        "window",
        ("--db", "{db}"),
        r"(?m)^PROBE populated$",
        {"AGENCYDESK_STARTUP_PROBE": "populated"},
    ),
    Command(
        "report",
        ("report", "Ratna", "--from", "2024-01-01", "--db", "{db}", "--out", "{tmp}/r.pdf"),
        r"Wrote the report for Ibu Ratna Wulandari \(.*\d+ pages\)",
    ),
]


def bundle_dir() -> Path:
    return Path(BUNDLE_ENV).expanduser().resolve()


def executable(bundle: Path) -> Path:
    """The program to run: on Windows the console twin, so that output reaches us."""
    if bundle.suffix == ".app":
        return bundle / "Contents" / "MacOS" / "agencydesk"
    if sys.platform == "win32":
        return bundle / "agencydesk-cli.exe"
    return bundle / "agencydesk"


def internal_dir(bundle: Path) -> Path:
    """sys._MEIPASS of the bundled app: where its modules and data files are."""
    if bundle.suffix == ".app":
        return bundle / "Contents" / "Frameworks"
    return bundle / "_internal"


def run_app(
    tmp_path: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    home = tmp_path / "home"
    child_env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("AGENCYDESK_", "PYTHON", "QT_")) and key != "VIRTUAL_ENV"
    }
    child_env["QT_QPA_PLATFORM"] = "offscreen"
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        (home / var.lower()).mkdir(parents=True, exist_ok=True)
        child_env[var] = str(home / var.lower())
    child_env.update(env or {})
    return subprocess.run(
        [str(executable(bundle_dir())), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=child_env,
        stdin=subprocess.DEVNULL,
        timeout=TIMEOUT_S,
        check=False,
    )


def _explain(result: subprocess.CompletedProcess[str]) -> str:
    return (
        f"exit {result.returncode}\n--- stdout ---\n{result.stdout}\n"
        f"--- stderr ---\n{result.stderr}"
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh database that the bundled `demo` command created, migrated and filled."""
    tmp_path = tmp_path_factory.mktemp("bundle-demo")
    db = tmp_path / "desk" / "x.sqlite3"
    result = run_app(tmp_path, "demo", "--db", str(db))
    assert result.returncode == 0, _explain(result)
    assert re.search(r"Added \d+ demo clients", result.stdout), _explain(result)
    return db


def test_the_bundle_exists() -> None:
    assert executable(bundle_dir()).is_file(), f"no app in {bundle_dir()}"
    if sys.platform == "win32" and bundle_dir().suffix != ".app":
        assert (bundle_dir() / "agencydesk.exe").is_file()


def test_version(tmp_path: Path) -> None:
    result = run_app(tmp_path, "--version")
    assert result.returncode == 0, _explain(result)
    assert result.stdout.strip() == f"agencydesk {__version__}"


def test_demo_creates_migrates_and_fills_a_fresh_database(demo_db: Path) -> None:
    with sqlite3.connect(demo_db) as connection:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        (clients,) = connection.execute("SELECT count(*) FROM client").fetchone()
    connection.close()
    assert revision == migrate.head_revision()
    assert clients > 0


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command.name)
def test_command_on_the_demo_database(command: Command, demo_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "desk" / demo_db.name
    db.parent.mkdir(parents=True)
    db.write_bytes(demo_db.read_bytes())
    args = [arg.format(db=db, tmp=tmp_path) for arg in command.args]
    result = run_app(tmp_path, *args, env=command.env)
    assert result.returncode == 0, _explain(result)
    assert re.search(command.expect, result.stdout), _explain(result)
    assert "Traceback" not in result.stderr, _explain(result)


def test_the_bundled_report_is_a_real_pdf(demo_db: Path, tmp_path: Path) -> None:
    """The PDF path needs QtGui's PDF writer, QtSvg for the charts and the system's fonts."""
    from pypdf import PdfReader

    db = tmp_path / "desk" / demo_db.name
    db.parent.mkdir(parents=True)
    db.write_bytes(demo_db.read_bytes())
    out = tmp_path / "laporan.pdf"
    args = ("report", "Ratna", "--from", "2024-01-01", "--lang", "id", "--db", str(db))
    result = run_app(tmp_path, *args, "--out", str(out))
    assert result.returncode == 0, _explain(result)
    reader = PdfReader(out)
    text = "".join("".join(page.extract_text().split()) for page in reader.pages)
    assert "IbuRatnaWulandari" in text
    assert "Laporanlayanan" in text
    assert "Rujukandarirujukannya" in text  # the spread chart's legend, drawn from SVG
    for page in reader.pages:
        for font in page["/Resources"].get_object().get("/Font", {}).values():
            descendants = font.get_object().get("/DescendantFonts")
            if descendants is not None:
                descriptor = descendants.get_object()[0].get_object()["/FontDescriptor"]
                assert "/FontFile2" in descriptor.get_object()


def test_migrations_and_resources_are_real_files_in_the_bundle() -> None:
    root = internal_dir(bundle_dir()) / "agencydesk"
    for relative in (
        "migrations/env.py",
        "migrations/script.py.mako",
        "resources/icons/agencydesk.svg",
        "resources/icons/agencydesk-16.svg",
        "resources/translations/agencydesk_id.qm",
        "resources/fonts/NotoColorEmoji.ttf",
        "resources/fonts/OFL.txt",
    ):
        assert (root / relative).is_file(), relative
    source_versions = {
        path.name for path in migrate.MIGRATIONS_DIR.joinpath("versions").glob("[!_]*.py")
    }
    bundled_versions = {path.name for path in (root / "migrations" / "versions").glob("*.py")}
    assert source_versions <= bundled_versions


def test_unused_qt_parts_and_test_suites_stay_out() -> None:
    names = {path.name for path in internal_dir(bundle_dir()).rglob("*")}
    unwanted = re.compile(
        # (QtNetwork is in: QLocalServer brings the open window forward on a second start)
        r"Qt6?(Qml|Quick|WebEngine|3D|Designer|Multimedia|Pdf|VirtualKeyboard|Sql)"
        r"|^_?tkinter|^libqgtk3|^libqeglfs|^libqvnc|qsqlite"
    )
    assert sorted(name for name in names if unwanted.search(name)) == []


def test_the_bundled_app_explains_a_missing_keyring(demo_db: Path, tmp_path: Path) -> None:
    """keyring and its backends are in the bundle: without a running Secret Service (this
    machine) saving a login explains what to install, and nothing is written."""
    db = tmp_path / "desk" / demo_db.name
    db.parent.mkdir(parents=True)
    db.write_bytes(demo_db.read_bytes())
    result = run_app(tmp_path, "creds", "add", "Ratna", "--label", "cPanel", "--db", str(db))
    assert result.returncode == 2, _explain(result)
    assert "keyring" in result.stderr, _explain(result)
    assert "Traceback" not in result.stderr, _explain(result)
    with sqlite3.connect(db) as connection:
        (rows,) = connection.execute("SELECT count(*) FROM credential").fetchone()
    connection.close()
    assert rows == 0
