"""`agencydesk import-chat`: dry runs (JSON lines, summary), imports, and plain errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from chat_exports import conversations_the_client_ended
from sqlalchemy.engine import Engine

FIXTURE = Path(__file__).parent / "core" / "importers" / "fixtures" / "wa_android_id.txt"


def _run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agencydesk", *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_dry_run_json_is_one_message_per_line() -> None:
    from agencydesk.core.importers import parse_chat_file

    result = _run("import-chat", FIXTURE, "--dry-run", "--json")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    expected = [m.to_json_dict() for m in parse_chat_file(FIXTURE).messages]
    assert [json.loads(line) for line in lines] == expected
    assert set(json.loads(lines[0])) == {
        "kind",
        "timestamp",
        "sender",
        "text",
        "flags",
        "media_file",
    }


def test_dry_run_summary_and_no_database_layer() -> None:
    code = (
        "import sys\n"
        "from agencydesk.__main__ import main\n"
        f"rc = main(['import-chat', {str(FIXTURE)!r}, '--dry-run'])\n"
        "bad = [m for m in ('sqlalchemy', 'sqlmodel', 'PySide6') if m in sys.modules]\n"
        "print('LOADED', bad)\n"
        "sys.exit(rc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Format: whatsapp-android" in out
    assert "Date order: DMY" in out
    assert "Bu Sari: 4" in out
    assert "Rudi: 4" in out
    assert "By kind: media 2, message 8, system 5" in out
    assert "First: 2025-08-30 17:58" in out
    assert "Last: 2025-08-31 09:20" in out
    assert "LOADED []" in out


def test_import_then_reimport(demo_engine: Engine, db_path: Path) -> None:
    demo_engine.dispose()
    args = ("import-chat", FIXTURE, "--client", "Ratna", "--me", "Rudi", "--db", db_path)
    first = _run(*args, "--new-ticket", "Web error")
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[:2] == [
        "15 new messages, 0 already known",
        "1 ticket created, waiting on you",  # the client spoke last
    ]
    again = _run(*args, "--split-hours", "4")
    assert again.stdout.splitlines()[0] == "0 new messages, 15 already known"
    with demo_engine.connect() as conn:
        from_me = conn.exec_driver_sql(
            "SELECT count(*) FROM message WHERE from_me AND source = 'whatsapp-android'"
        ).scalar_one()
    assert from_me == 4


def test_without_me_the_one_who_is_not_the_client_is_me_and_it_says_so(
    demo_engine: Engine, db_path: Path, tmp_path: Path
) -> None:
    demo_engine.dispose()
    export = tmp_path / "WhatsApp Chat with Bu Ratna.txt"
    export.write_bytes((FIXTURE.parent / "wa_android_id_ratna.txt").read_bytes())
    done = _run("import-chat", export, "--client", "Ratna", "--db", db_path, "--split-hours", "8")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "Taken as you: Rudi (give --me NAME to choose another)."
    with demo_engine.connect() as conn:
        mine = conn.exec_driver_sql(
            "SELECT DISTINCT sender FROM message WHERE from_me AND source = 'whatsapp-android'"
        ).all()
    assert mine == [("Rudi",)]
    # a group chat next: the name I had before is me again
    group = _run("import-chat", FIXTURE, "--client", "Sari", "--db", db_path)
    assert group.stdout.splitlines()[-1].startswith("Taken as you: Rudi ")


def test_unknown_client_and_unreadable_file_are_one_line(
    demo_engine: Engine, db_path: Path
) -> None:
    demo_engine.dispose()
    unknown = _run("import-chat", FIXTURE, "--client", "Nobody Here", "--db", db_path)
    assert unknown.returncode == 2
    assert unknown.stderr.count("\n") == 1
    assert "Nobody Here" in unknown.stderr
    binary = _run("import-chat", sys.executable, "--dry-run")
    assert binary.returncode != 0
    assert binary.stderr.count("\n") == 1
    assert "Traceback" not in binary.stderr
    assert sys.executable in binary.stderr
    missing = _run("import-chat", "/no/such/chat.txt", "--client", "x", "--db", db_path)
    assert missing.returncode == 2
    assert missing.stderr.count("\n") == 1


PHOTO = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8


def _export_zip(path: Path, *, damaged: bool) -> Path:
    """A WhatsApp "export with media" zip; *damaged*: the photo's bytes no longer match its CRC
    (as after a bad download or a failing disk)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr("WhatsApp Chat with Bu Sari.txt", FIXTURE.read_bytes())
        zf.writestr("IMG-20250830-WA0007.jpg", PHOTO)
    if damaged:
        data = bytearray(path.read_bytes())
        data[data.index(PHOTO) + 100] ^= 0xFF
        path.write_bytes(bytes(data))
    return path


def test_damaged_media_saves_nothing_and_a_retry_imports_everything(
    demo_engine: Engine, db_path: Path, tmp_path: Path
) -> None:
    demo_engine.dispose()

    def messages() -> int:
        with demo_engine.connect() as conn:
            return int(conn.exec_driver_sql("SELECT count(*) FROM message").scalar_one())

    before = messages()
    damaged = _export_zip(tmp_path / "damaged" / "chat.zip", damaged=True)
    args = ("--client", "Ratna", "--me", "Rudi", "--db", db_path)
    failed = _run("import-chat", damaged, *args)
    assert failed.returncode == 2, failed.stderr
    assert failed.stderr.count("\n") == 1
    assert "IMG-20250830-WA0007.jpg" in failed.stderr
    assert str(damaged) in failed.stderr
    assert "nothing was saved" in failed.stderr.lower()
    assert messages() == before
    media = db_path.parent / "media"
    assert not media.exists() or not [p for p in media.rglob("*") if p.is_file()]

    good = _export_zip(tmp_path / "good" / "chat.zip", damaged=False)
    retry = _run("import-chat", good, *args)
    assert retry.returncode == 0, retry.stderr
    assert retry.stdout.splitlines()[0] == "15 new messages, 0 already known"
    with demo_engine.connect() as conn:
        stored = conn.exec_driver_sql(
            "SELECT media_file FROM message WHERE media_file LIKE 'media/%'"
        ).scalar_one()
    assert (db_path.parent / stored).read_bytes() == PHOTO
    leftovers = [p for p in media.rglob("*") if p.is_file() and p != db_path.parent / stored]
    assert leftovers == []


def _long_chat(path: Path, client: str, messages: int) -> Path:
    """A WhatsApp export of *messages* messages between *client* and Rudi."""
    lines = [
        f"{1 + i // 1440 % 28:02d}/08/25 {i // 60 % 24:02d}.{i % 60:02d} - "
        f"{client if i % 2 else 'Rudi'}: pesan nomor {i}"
        for i in range(messages)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_two_imports_at_once_both_succeed(
    tmp_path: Path, demo_engine: Engine, db_path: Path
) -> None:
    """Two agencydesk processes importing into one database: the second waits for the first
    (it used to fail with "database is locked" nine times in ten)."""
    demo_engine.dispose()
    exports = {
        "Ratna": _long_chat(tmp_path / "ratna.txt", "Bu Ratna", 20_000),
        "Bambang": _long_chat(tmp_path / "bambang.txt", "Pak Bambang", 20_000),
    }
    options = ("--me", "Rudi", "--db", str(db_path), "--client")
    running = [
        subprocess.Popen(
            [sys.executable, "-m", "agencydesk", "import-chat", str(export), *options, client],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for client, export in exports.items()
    ]
    results = [process.communicate(timeout=120)[1] for process in running]
    assert results == ["", ""]
    assert [process.returncode for process in running] == [0, 0]
    with demo_engine.connect() as conn:
        imported = conn.exec_driver_sql(
            "SELECT count(*) FROM message WHERE source = 'whatsapp-android'"
        ).scalar_one()
    assert imported == 40_000


def test_a_database_busy_for_too_long_is_a_plain_sentence(
    demo_engine: Engine, db_path: Path
) -> None:
    """Another program keeps writing longer than agencydesk waits (the busy timeout): one
    sentence, status 2, nothing imported."""
    import sqlite3

    with demo_engine.connect() as conn:
        before = conn.exec_driver_sql("SELECT count(*) FROM message").scalar_one()
    demo_engine.dispose()
    holder = sqlite3.connect(db_path)
    holder.execute("BEGIN IMMEDIATE")
    try:
        # waiting out the usual five seconds would say nothing more
        quick = {**os.environ, "AGENCYDESK_BUSY_TIMEOUT_MS": "500"}
        busy = _run("import-chat", FIXTURE, "--client", "Ratna", "--db", db_path, env=quick)
    finally:
        holder.rollback()
        holder.close()
    assert busy.returncode == 2
    assert busy.stderr == (
        "agencydesk: The database is busy: another agencydesk is writing to it. "
        "Try again in a moment.\n"
    )
    with demo_engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM message").scalar_one() == before


def test_a_reader_that_stops_early_ends_the_command_quietly() -> None:
    """`agencydesk import-chat FILE --dry-run | head -1`: the reader closes the pipe; this
    used to end in "unexpected error (BrokenPipeError)" and status 1."""
    for extra in ((), ("--json",)):
        process = subprocess.Popen(
            [sys.executable, "-m", "agencydesk", "import-chat", str(FIXTURE), "--dry-run", *extra],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        process.stdout.close()  # before anything is written: the reader has gone
        _out, err = process.communicate(timeout=60)
        assert (process.returncode, err) == (0, "")


def test_earlier_done_leaves_only_the_latest_conversation_waiting(
    demo_engine: Engine, db_path: Path, tmp_path: Path
) -> None:
    """Each conversation of this export ends with the client's word: with --earlier-done only
    the latest waits on us; without --split-hours the option is a mistake said as such."""
    demo_engine.dispose()
    export = conversations_the_client_ended(tmp_path)
    base = ("import-chat", export, "--client", "Sari", "--db", db_path, "--me", "Rudi")
    alone = _run(*base, "--earlier-done")
    assert alone.returncode == 2
    assert alone.stderr == (
        "agencydesk: --earlier-done goes with --split-hours N (a ticket per conversation).\n"
    )
    done = _run(*base, "--split-hours", "8", "--earlier-done")
    assert done.returncode == 0, done.stderr
    assert "3 tickets created, 1 of them waiting on you" in done.stdout
    with demo_engine.connect() as conn:
        statuses = conn.exec_driver_sql(
            "SELECT status FROM ticket WHERE title LIKE 'Tolong cek halaman%' ORDER BY id"
        ).all()
    assert [s for (s,) in statuses] == ["resolved", "resolved", "waiting_on_us"]
