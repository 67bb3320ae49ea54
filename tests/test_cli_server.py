"""`agencydesk server init / move / export` and `--db ADDRESS` as a team uses them, against the
real PostgreSQL server in $AGENCYDESK_TEST_PG (the commands run in this process: each start of a
new one would cost a second)."""

from __future__ import annotations

import io
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from keyring_memory import MemoryKeyring
from sqlalchemy.engine import Engine, make_url

from agencydesk.__main__ import main
from agencydesk.core.server_address import SERVICE


@pytest.fixture
def role(pg_url: str) -> Iterator[str]:
    name = f"agencydesk_desk_{uuid.uuid4().hex[:8]}"
    yield name
    engine = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        if connection.exec_driver_sql(f"SELECT 1 FROM pg_roles WHERE rolname = '{name}'").first():
            connection.exec_driver_sql(f'DROP OWNED BY "{name}"')
            connection.exec_driver_sql(f'DROP ROLE "{name}"')
    engine.dispose()


def test_init_move_export_round_trip(
    pg_url: str,
    role: str,
    demo_engine: Engine,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    demo_engine.dispose()
    demo_db = db_path
    monkeypatch.setattr("sys.stdin", io.StringIO("desk password\n"))
    assert main(["server", "init", pg_url, "--role", role]) == 0
    said = capsys.readouterr()
    desk_url = make_url(pg_url).set(username=role).render_as_string(hide_password=False)
    assert "is prepared for agencydesk" in said.out
    assert f"agencydesk --db {desk_url}" in said.out
    assert "desk password" not in said.out + said.err

    assert main(["server", "move", "--to", desk_url, "--db", str(demo_db)]) == 0
    said = capsys.readouterr()
    assert said.out.startswith("Moved 91 rows of ")
    assert "every table was counted and compared" in said.out

    assert main(["search", "Ratna", "--db", desk_url]) == 0  # any command works on the server
    assert "Ibu Ratna Wulandari" in capsys.readouterr().out

    again = main(["server", "move", "--to", desk_url, "--db", str(demo_db)])
    said = capsys.readouterr()
    assert again == 2
    assert said.err.count("\n") == 1
    assert "already holds a desk" in said.err

    out = tmp_path / "team.sqlite3"
    assert main(["server", "export", "--out", str(out), "--db", desk_url]) == 0
    assert f"the solo app opens it as it is: agencydesk --db {out}" in capsys.readouterr().out
    assert main(["search", "Ratna", "--db", str(out)]) == 0
    assert "Ibu Ratna Wulandari" in capsys.readouterr().out
    assert main(["server", "export", "--out", str(out), "--db", desk_url]) == 2
    assert "is there already" in capsys.readouterr().err


def test_a_password_in_the_address_moves_to_the_keyring(
    pg_url: str, memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    url = make_url(pg_url)
    with_password = url.set(password="s3cret-Pw").render_as_string(hide_password=False)
    assert main(["demo", "--db", with_password]) == 0
    said = capsys.readouterr()
    key = f"{url.username}@{url.host}:{url.port or 5432}"
    assert memory_keyring.entries[(SERVICE, key)] == "s3cret-Pw"
    assert ("agencydesk", key) not in memory_keyring.entries  # apart from client logins
    assert "s3cret-Pw" not in said.out + said.err
    assert said.err.count("\n") == 1
    assert "is now kept in your keyring; leave it out of the address" in said.err
    assert main(["backup", "--db", pg_url]) == 2
    assert "agencydesk server export --out FILE.sqlite3" in capsys.readouterr().err


def test_export_needs_the_team_desk_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["server", "export", "--out", str(tmp_path / "x.sqlite3")]) == 2
    assert "Name the team desk to export: --db postgresql+psycopg://" in capsys.readouterr().err
    assert main(["search", "x", "--db", "postgresql+psycopg://sari@db.example.com"]) == 2
    assert "names no database" in capsys.readouterr().err


def test_export_to_a_full_or_read_only_disk_names_that_disk(
    pg_migrated_url: str,
    mount: Callable[[str], Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The snapshot's disk was spoken of as the desk's: "free space on the disk that holds the
    database", "open that copy (agencydesk --db COPY)"."""
    import subprocess

    full = mount("256k")  # a new snapshot is more than a megabyte
    out = full / "monday.sqlite3"
    assert main(["server", "export", "--out", str(out), "--db", pg_migrated_url]) == 2
    said = capsys.readouterr().err
    assert f"The disk that holds {full} is full: the snapshot was not written" in said
    assert list(full.iterdir()) == []
    read_only = mount("4m")
    subprocess.run(["mount", "-o", "remount,ro", str(read_only)], check=True)
    out = read_only / "monday.sqlite3"
    assert main(["server", "export", "--out", str(out), "--db", pg_migrated_url]) == 2
    said = capsys.readouterr().err
    assert f"The snapshot cannot be written in {read_only}: it is on a read-only disk" in said
    assert "--db COPY" not in said
