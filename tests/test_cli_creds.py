"""`agencydesk creds …`: client logins from the command line.

How the keyring is provided (a choice): the commands that need a keyring to remember something
between two commands (add, then list/show/delete) run in this process through `main([...])` with
the in-memory backend (tests/keyring_memory.py), so no secret is ever written to a file, not even
in tests. A keyring in a child process would have to persist in a file to outlive the process, and
a plaintext keyring file is exactly what the feature must never create. What only a real process
can show runs as one: the hidden prompt on a terminal (a pty, memory backend through
PYTHON_KEYRING_BACKEND, the add happens within that one process) and the no-keyring explanation
(keyring's own `fail` backend, which tests/conftest.py selects for every child process).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from keyring_memory import MemoryKeyring
from sqlalchemy.engine import Engine

from agencydesk.__main__ import main

TESTS_DIR = Path(__file__).resolve().parent
SECRET = "Rahasia-2083!"


@pytest.fixture
def demo(demo_engine: Engine, db_path: Path) -> str:
    demo_engine.dispose()
    return str(db_path)


def cli(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *args: str,
    stdin: str = "",
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_show_delete(
    demo: str,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, out, err = cli(
        capsys,
        monkeypatch,
        *("creds", "add", "Ratna", "--label", "cPanel", "--db", demo),
        *("--url", "https://katering-ratna.id:2083", "--username", "ratna"),
        stdin=SECRET + "\n",
    )
    assert (code, err) == (0, "")
    assert "Saved the login “cPanel” for Ibu Ratna Wulandari" in out
    assert "memory (tests)" in out
    assert SECRET not in out
    assert list(memory_keyring.entries.values()) == [SECRET]  # one trailing newline dropped

    code, out, err = cli(
        capsys, monkeypatch, "creds", "add", "Ratna", "--label", "Domain", "--db", demo,
        stdin="two words\n\n",
    )  # fmt: skip
    assert code == 0, err

    code, out, err = cli(capsys, monkeypatch, "creds", "list", "ratna", "--db", demo)
    assert code == 0, err
    assert "cPanel" in out
    assert "ratna" in out
    assert "https://katering-ratna.id:2083" in out
    assert "Domain" in out
    assert SECRET not in out

    code, out, _err = cli(capsys, monkeypatch, "creds", "list", "Ratna", "--json", "--db", demo)
    lines = [json.loads(line) for line in out.splitlines()]
    assert [item["label"] for item in lines] == ["cPanel", "Domain"]
    assert lines[0]["username"] == "ratna"
    assert SECRET not in out

    code, out, _err = cli(capsys, monkeypatch, "creds", "show", "Ratna", "--label", "cpanel",
                          "--db", demo)  # fmt: skip
    assert (code, out) == (0, SECRET + "\n")
    code, out, _err = cli(capsys, monkeypatch, "creds", "show", "Ratna", "--label", "domain",
                          "--db", demo)  # fmt: skip
    assert out == "two words\n\n"  # only the one newline `echo` adds is dropped

    code, out, err = cli(capsys, monkeypatch, "creds", "delete", "Ratna", "--label", "cPanel",
                         "--db", demo)  # fmt: skip
    assert code == 2
    assert err == "agencydesk: Add --yes to delete a login without being asked.\n"
    code, out, err = cli(capsys, monkeypatch, "creds", "delete", "Ratna", "--label", "cPanel",
                         "--yes", "--db", demo)  # fmt: skip
    assert code == 0, err
    assert "Deleted the login “cPanel”" in out
    assert list(memory_keyring.entries.values()) == ["two words\n"]


def test_nobody_else_sees_the_logins_and_empty_list_says_so(
    demo: str,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, out, _err = cli(capsys, monkeypatch, "creds", "list", "Claire", "--db", demo)
    assert (code, out) == (0, "Claire Dubois has no logins yet.\n")
    code, out, _err = cli(capsys, monkeypatch, "creds", "list", "Claire", "--json", "--db", demo)
    assert (code, out) == (0, "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("creds", "list", "Nobody"), "There is no client called “Nobody”."),
        (("creds", "list", "Lestari"), "“Lestari” could be several clients"),
        (("creds", "show", "Ratna", "--label", "FTP"), "has no login labelled “FTP”"),
        (("creds", "show", "Ratna", "--label", "Word"), "could be several logins"),
        (("creds", "add", "Ratna", "--label", "cpanel"), "already has a login with this label"),
        (("creds", "add", "Ratna", "--label", " "), "Please give the login a label"),
        (("creds", "add", "Sari", "--label", "FTP"), "Please enter the password"),
    ],
)
def test_mistakes_are_one_plain_line(
    demo: str,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    message: str,
) -> None:
    for label in ("cPanel", "WordPress admin", "WordPress editor"):
        code, _out, err = cli(capsys, monkeypatch, "creds", "add", "Ratna", "--label", label,
                              "--db", demo, stdin="pw")  # fmt: skip
        assert code == 0, err
    code, out, err = cli(capsys, monkeypatch, *args, "--db", demo)
    assert code == 2
    assert out == ""
    assert err.startswith("agencydesk: ")
    assert err.count("\n") == 1
    assert message in err
    assert len(memory_keyring.entries) == 3


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agencydesk", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        input="",
        check=False,
    )


def test_without_a_keyring_the_commands_explain_what_to_install(demo: str) -> None:
    # tests/conftest.py sets PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring for children
    assert os.environ["PYTHON_KEYRING_BACKEND"] == "keyring.backends.fail.Keyring"
    for args in (
        ("creds", "add", "Ratna", "--label", "cPanel"),
        ("creds", "show", "Ratna", "--label", "cPanel"),
        ("creds", "delete", "Ratna", "--label", "cPanel", "--yes"),
    ):
        result = run_cli(*args, "--db", demo)
        assert result.returncode == 2, result.stderr
        assert result.stderr.count("\n") == 1
        assert "keyring" in result.stderr
        if sys.platform.startswith("linux"):
            assert "GNOME Keyring or KWallet" in result.stderr
        assert "Traceback" not in result.stderr
    listed = run_cli("creds", "list", "Ratna", "--db", demo)  # descriptions need no keyring
    assert (listed.returncode, listed.stdout) == (0, "Ibu Ratna Wulandari has no logins yet.\n")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")
def test_on_a_terminal_the_password_is_asked_twice_and_never_shown(demo: str) -> None:
    import pty
    import select

    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyring_memory.MemoryKeyring",
        "PYTHONPATH": os.pathsep.join([str(TESTS_DIR), os.environ.get("PYTHONPATH", "")]),
    }
    main_fd, child_fd = pty.openpty()
    args = ("creds", "add", "Ratna", "--label", "cPanel", "--db", demo)
    process = subprocess.Popen(
        [sys.executable, "-m", "agencydesk", *args],
        stdin=child_fd,
        stdout=child_fd,
        stderr=child_fd,
        env=env,
        start_new_session=True,  # the pty becomes the controlling terminal getpass uses
    )
    os.close(child_fd)
    seen = b""

    def read_until(marker: bytes) -> None:
        nonlocal seen
        while marker not in seen:
            ready, _, _ = select.select([main_fd], [], [], 60)
            assert ready, f"no {marker!r} after {seen!r}"
            try:
                chunk = os.read(main_fd, 1024)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk

    try:
        read_until(b"(not shown): ")
        os.write(main_fd, SECRET.encode() + b"\n")
        read_until(b"to be sure: ")
        os.write(main_fd, SECRET.encode() + b"\n")
        read_until(b"in the keyring")
        assert process.wait(timeout=60) == 0, seen
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main_fd)
    assert "Saved the login “cPanel”".encode() in seen
    assert SECRET.encode() not in seen  # the terminal never echoed it


def test_prune_removes_keyring_entries_no_login_names_once_no_backup_needs_them(
    demo: str,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from agencydesk.core import backup

    db = Path(demo)
    for label in ("cPanel", "Domain"):
        code, _out, err = cli(
            capsys,
            monkeypatch,
            "creds",
            "add",
            "Ratna",
            "--label",
            label,
            "--db",
            demo,
            stdin=SECRET + "\n",
        )
        assert code == 0, err
    before_hosting = backup.make_backup(db)
    cli(
        capsys,
        monkeypatch,
        "creds",
        "add",
        "Ratna",
        "--label",
        "Hosting",
        "--db",
        demo,
        stdin="hosting-secret\n",
    )
    assert len(memory_keyring.entries) == 3
    # Restoring the backup from before "Hosting" leaves its password in the keyring, unnamed.
    backup.restore_backup(db, before_hosting)

    code, out, err = cli(capsys, monkeypatch, "creds", "prune", "--db", demo)
    assert code == 0, err  # the before-restore backup still names it: nothing to remove
    assert "1 more stay while a backup still names them" in out
    assert len(memory_keyring.entries) == 3

    for info in backup.list_backups(db):  # the backups are rotated out
        info.path.unlink()
    code, out, err = cli(capsys, monkeypatch, "creds", "prune", "--db", demo)
    assert code == 2
    assert "1 keyring entries belong to no login any more. Add --yes" in err
    assert len(memory_keyring.entries) == 3  # asked first: nothing removed yet

    code, out, err = cli(capsys, monkeypatch, "creds", "prune", "--yes", "--db", demo)
    assert code == 0, err
    assert out.strip() == "Removed 1 keyring entries that no login names any more."
    assert sorted(memory_keyring.entries.values()) == [SECRET, SECRET]
    code, out, _err = cli(
        capsys, monkeypatch, "creds", "show", "Ratna", "--label", "Domain", "--db", demo
    )
    assert out == SECRET + "\n"


def test_a_client_entered_twice_is_reached_by_its_number(
    demo: str,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from agencydesk.core import clients
    from agencydesk.core.db import session_scope, sqlite_url
    from agencydesk.core.migrate import open_database

    engine = open_database(sqlite_url(demo))
    with session_scope(engine) as session:
        twin = clients.create_client(session=session, values={"name": "Ibu Ratna Wulandari"}).id
        first = next(
            row.id
            for row in clients.list_clients(session=session, search="Ratna")
            if row.id != twin
        )
    engine.dispose()

    code, _out, err = cli(capsys, monkeypatch, "creds", "list", "Ibu Ratna Wulandari", "--db", demo)
    assert code == 2
    assert f"#{first}" in err
    assert f"#{twin}" in err
    assert "or the number" in err
    for wanted in (f"#{twin}", str(twin), f"# {twin}"):
        code, out, err = cli(capsys, monkeypatch, "creds", "add", wanted, "--label", wanted,
                             "--db", demo, stdin="pw")  # fmt: skip
        assert code == 0, err
        assert "for Ibu Ratna Wulandari" in out
    code, out, err = cli(capsys, monkeypatch, "creds", "list", f"#{twin}", "--db", demo)
    assert (code, err) == (0, "")
    assert "No logins" not in out
    code, out, err = cli(capsys, monkeypatch, "creds", "list", f"#{first}", "--db", demo)
    assert code == 0, err
    assert f"#{twin}" not in out  # the other Ratna's logins stay hers
    code, _out, err = cli(capsys, monkeypatch, "creds", "list", "#99999", "--db", demo)
    assert code == 2
    assert err == "agencydesk: There is no client #99999 (it may have been deleted).\n"


def test_the_list_lines_up_labels_with_emoji_and_accents(
    demo: str,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Counted as characters, "WordPress 🔐" (an emoji takes two columns) and "Café" written
    with its accent apart pushed the user names after them out of line."""
    for label, user in (
        ("cPanel", "ratna"),
        ("WordPress 🔐", "admin"),
        ("Cafe\u0301 POS", "kasir"),
    ):
        code, _out, err = cli(
            capsys, monkeypatch, "creds", "add", "Ratna", "--label", label, "--db", demo,
            "--username", user, stdin=SECRET + "\n",
        )  # fmt: skip
        assert code == 0, err
    code, out, err = cli(capsys, monkeypatch, "creds", "list", "Ratna", "--db", demo)
    assert code == 0, err
    assert set(out.splitlines()[1:]) == {
        "  cPanel        ratna",
        "  WordPress 🔐  admin",
        "  Cafe\u0301 POS      kasir",
    }


def test_prune_on_one_desk_leaves_the_passwords_of_another_desk(
    demo: str,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The list of keyring entries is the computer's: pruning a shop's desk removed every entry
    it did not name, the school desk's passwords too."""
    school = tmp_path / "school" / "agencydesk.sqlite3"
    school.parent.mkdir()
    school.write_bytes(Path(demo).read_bytes())  # another desk, with the same clients
    for desk, label, secret in ((demo, "cPanel", "SHOP-PW"), (str(school), "Moodle", "SCHOOL-PW")):
        code, _out, err = cli(
            capsys, monkeypatch, "creds", "add", "Ratna", "--label", label, "--db", desk,
            stdin=secret + "\n",
        )  # fmt: skip
        assert code == 0, err
    code, out, err = cli(capsys, monkeypatch, "creds", "prune", "--yes", "--db", demo)
    assert code == 0, err
    assert "No keyring entry is left over" in out
    code, out, _err = cli(
        capsys, monkeypatch, "creds", "show", "Ratna", "--label", "moodle", "--db", str(school)
    )
    assert (code, out) == (0, "SCHOOL-PW\n")
    assert sorted(memory_keyring.entries.values()) == ["SCHOOL-PW", "SHOP-PW"]


def test_a_copy_of_a_desk_deleting_a_login_leaves_the_password_the_original_needs(
    demo: str,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """She copied her desk file to try something out; a copy names the same keyring entries as
    its original, and deleting a login in the copy deleted the original's password."""
    code, _out, err = cli(
        capsys, monkeypatch, "creds", "add", "Ratna", "--label", "cPanel", "--db", demo,
        stdin="RATNA-PW\n",
    )  # fmt: skip
    assert code == 0, err
    copy = tmp_path / "try-out" / "agencydesk.sqlite3"
    copy.parent.mkdir()
    copy.write_bytes(Path(demo).read_bytes())

    def delete_and_prune(desk: str) -> None:
        code, _out, err = cli(
            capsys, monkeypatch, "creds", "delete", "Ratna", "--label", "cpanel", "--yes",
            "--db", desk,
        )  # fmt: skip
        assert code == 0, err
        code, _out, err = cli(capsys, monkeypatch, "creds", "prune", "--yes", "--db", desk)
        assert code == 0, err

    def shown(desk: str) -> tuple[int, str]:
        code, out, _err = cli(
            capsys, monkeypatch, "creds", "show", "Ratna", "--label", "cpanel", "--db", desk
        )
        return code, out

    assert shown(str(copy)) == (0, "RATNA-PW\n")  # the copy opened once: it names the entry
    delete_and_prune(str(copy))
    assert shown(demo) == (0, "RATNA-PW\n")
    # the other way round: the copy (opened before) had it too, until it deleted it; a second
    # copy still names it, so deleting in the original leaves it for that one
    second = tmp_path / "second" / "agencydesk.sqlite3"
    second.parent.mkdir()
    second.write_bytes(Path(demo).read_bytes())
    assert shown(str(second)) == (0, "RATNA-PW\n")
    delete_and_prune(demo)
    assert shown(str(second)) == (0, "RATNA-PW\n")
    # once no desk names it any more, the last one to delete it takes it from the keyring
    delete_and_prune(str(second))
    assert list(memory_keyring.entries.values()) == []
