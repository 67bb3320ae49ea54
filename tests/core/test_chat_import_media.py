"""The chat import with its media files (`import_chat_with_media`): all saved or nothing saved."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from agencydesk.core import chat_import as ci
from agencydesk.core import clients
from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError
from agencydesk.core.importers import parse_chat_file

FIXTURE = Path(__file__).parent / "importers" / "fixtures" / "wa_android_id.txt"
PHOTO_NAME = "IMG-20250830-WA0007.jpg"
PHOTO = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8


def _zip(path: Path, chat: bytes, photo: bytes, *, damaged: bool = False) -> Path:
    """A WhatsApp "export with media"; *damaged*: the photo no longer matches its CRC."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr("WhatsApp Chat with Bu Sari.txt", chat)
        zf.writestr(PHOTO_NAME, photo)
    if damaged:
        data = bytearray(path.read_bytes())
        data[data.index(photo) + 100] ^= 0xFF
        path.write_bytes(bytes(data))
    return path


def _client(engine: Engine) -> int:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Bu Sari"})
        assert client.id is not None
        return client.id


def _import(
    engine: Engine,
    export: Path,
    data_dir: Path | None,
    client_id: int,
    progress: ci.Progress | None = None,
    stage_begun: ci.StageBegun | None = None,
    *,
    new_clients: dict[str, str] | None = None,
    target: ci.Target | None = None,
) -> ci.ImportResult:
    """Rudi is me, everyone else *client_id*, but the participants *new_clients* maps (by
    the start of their name) to a new client of that name; split at 8-hour gaps."""
    parsed = parse_chat_file(export)
    mapping: dict[str, ci.Assignment] = {}
    for p in parsed.participants:
        made = [name for start, name in (new_clients or {}).items() if p.startswith(start)]
        mapping[p] = ci.ME if p == "Rudi" else ci.NewClient(made[0]) if made else client_id
    return ci.import_chat_with_media(
        engine,
        parsed=parsed,
        export_path=export,
        data_dir=data_dir,
        client_id=client_id,
        mapping=mapping,
        target=target or ci.SplitAtGaps(8),
        progress=progress,
        stage_begun=stage_begun,
    )


def _media(engine: Engine) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT body, media_file FROM message WHERE media_file LIKE :media ORDER BY id"),
            {"media": "media/%"},
        ).all()
    return [(body, media) for body, media in rows]


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_a_damaged_media_file_saves_nothing_and_a_retry_saves_everything(
    engine: Engine, tmp_path: Path
) -> None:
    client_id = _client(engine)
    data_dir = tmp_path / "data"
    damaged = _zip(tmp_path / "damaged.zip", FIXTURE.read_bytes(), PHOTO, damaged=True)
    with pytest.raises(UserError) as failure:
        _import(engine, damaged, data_dir, client_id)
    message = str(failure.value)
    assert PHOTO_NAME in message
    assert str(damaged) in message
    assert message.endswith("Nothing was saved.")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM message").scalar_one() == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM ticket").scalar_one() == 0
    assert _files(data_dir) == []
    assert not list((data_dir / "media").iterdir())  # the temporary folder is gone

    good = _zip(tmp_path / "good.zip", FIXTURE.read_bytes(), PHOTO)
    result = _import(engine, good, data_dir, client_id)
    assert (result.new, result.known) == (15, 0)
    [(_body, stored)] = _media(engine)
    assert stored == f"media/{client_id}/{PHOTO_NAME}"
    assert (data_dir / stored).read_bytes() == PHOTO
    assert _files(data_dir) == [data_dir / stored]


def test_a_second_file_of_the_same_name_never_replaces_the_first(
    engine: Engine, tmp_path: Path
) -> None:
    client_id = _client(engine)
    data_dir = tmp_path / "data"
    _import(engine, _zip(tmp_path / "one.zip", FIXTURE.read_bytes(), PHOTO), data_dir, client_id)
    later_chat = f"01/09/25 10.00 - Rudi: {PHOTO_NAME} (file terlampir)\nFoto kedua\n".encode()
    other_photo = PHOTO[::-1]
    result = _import(
        engine, _zip(tmp_path / "two.zip", later_chat, other_photo), data_dir, client_id
    )
    assert result.new == 1
    (_first_body, first), (second_body, second) = _media(engine)
    assert second_body == "Foto kedua"
    assert first == f"media/{client_id}/{PHOTO_NAME}"  # the earlier message keeps its picture
    assert (data_dir / first).read_bytes() == PHOTO
    assert second == f"media/{client_id}/IMG-20250830-WA0007 (1).jpg"
    assert (data_dir / second).read_bytes() == other_photo


def test_cancel_while_the_files_are_extracted_saves_nothing(engine: Engine, tmp_path: Path) -> None:
    client_id = _client(engine)
    data_dir = tmp_path / "data"
    export = _zip(tmp_path / "chat.zip", FIXTURE.read_bytes(), PHOTO)
    totals: list[int] = []

    def cancel_at_the_files(done: int, total: int) -> bool:
        totals.append(total)
        return total == totals[0]  # the messages count first, then the files: Cancel there

    with pytest.raises(ci.ImportCancelled):
        _import(engine, export, data_dir, client_id, progress=cancel_at_the_files)
    assert totals[-1] == 1  # one file to extract
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM message").scalar_one() == 0
    assert not list((data_dir / "media").iterdir())


def test_the_stages_are_told_in_order_and_the_bar_is_full_only_once_the_rows_are_in(
    engine: Engine, tmp_path: Path
) -> None:
    """A progress bar counts the messages, then the files; between and after them the import
    says what it does (indexing, saving) instead of standing still at full."""
    client_id = _client(engine)
    export = _zip(tmp_path / "chat.zip", FIXTURE.read_bytes(), PHOTO)
    told: list[object] = []

    def progress(done: int, total: int) -> bool:
        told.append((done, total))
        return True

    def stage_begun(stage: ci.Stage) -> bool:
        told.append(stage)
        return True

    _import(engine, export, tmp_path / "data", client_id, progress, stage_begun)
    stages = [t for t in told if isinstance(t, ci.Stage)]
    assert stages == [ci.Stage.MESSAGES, ci.Stage.INDEXING, ci.Stage.MEDIA, ci.Stage.SAVING]
    assert told[0] is ci.Stage.MESSAGES
    assert told[-1] is ci.Stage.SAVING
    indexing = told.index(ci.Stage.INDEXING)
    counted = told[1:indexing]
    total = 2 * len(parse_chat_file(export).messages)
    assert counted[-1] == (total, total)  # full exactly when the stage changes
    assert all(done < total for done, _total in counted[:-1])  # type: ignore[misc]
    media = told.index(ci.Stage.MEDIA)
    assert told[media + 1 : -1][-1] == (1, 1)  # then the one file, counted from 0 again


@pytest.mark.parametrize("stage", [ci.Stage.INDEXING, ci.Stage.MEDIA, ci.Stage.SAVING])
def test_cancel_as_any_stage_begins_saves_nothing(
    engine: Engine, tmp_path: Path, stage: ci.Stage
) -> None:
    client_id = _client(engine)
    data_dir = tmp_path / "data"
    export = _zip(tmp_path / "chat.zip", FIXTURE.read_bytes(), PHOTO)
    with pytest.raises(ci.ImportCancelled):
        _import(engine, export, data_dir, client_id, stage_begun=lambda begun: begun is not stage)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM message").scalar_one() == 0
    assert not (data_dir / "media").exists() or not list((data_dir / "media").iterdir())


def test_an_import_into_the_wrong_client_is_taken_back_out_and_goes_where_it_belongs(
    any_engine: Engine, tmp_path: Path
) -> None:
    """Bu Sari's chat went into Ibu Ratna's history, with a new client made for the vendor in
    it. Undoing the import takes its messages, its tickets, the vendor and the photo back out;
    a reply typed on one of its tickets since stays, with its ticket; the chat then imports
    into Bu Sari's history whole."""
    engine = any_engine
    from sqlmodel import Session, select

    from agencydesk.core import search, tickets, trash
    from agencydesk.core.models import Message

    sari = _client(engine)
    with session_scope(engine) as session:
        ratna = clients.create_client(session=session, values={"name": "Ibu Ratna"}).id
        assert ratna is not None
        own = tickets.create_ticket(
            session=session, client_id=ratna, values={"title": "Logo"}, first_message="Logo baru"
        ).id
    data_dir = tmp_path / "data"
    export = _zip(tmp_path / "chat.zip", FIXTURE.read_bytes(), PHOTO)
    result = _import(engine, export, data_dir, ratna, new_clients={"Mas Andi": "Mas Andi"})
    assert result.new == 15
    assert len(result.created_client_ids) == 1
    [(_body, photo)] = _media(engine)
    assert (data_dir / photo).exists()
    worked_on = result.created_ticket_ids[0]
    assert worked_on in result.first_responses_set  # Rudi answered in it
    with session_scope(engine) as session:  # her reply, typed after the import
        replied = tickets.add_message(
            session=session, ticket_id=worked_on, body="Sudah saya kirim", from_me=True
        ).sent_at

    undone = ci.undo_import_with_media(engine, result, data_dir)

    assert undone.messages == 15
    assert undone.tickets == len(result.created_ticket_ids) - 1
    assert undone.kept_tickets == (worked_on,)
    assert undone.clients == 1
    assert not (data_dir / photo).exists()
    with Session(engine) as session:
        left = {t.id for t in tickets.list_tickets(session=session, status=None)}
        assert left == {own, worked_on}
        # its first response is her reply now, not the imported one, nor none
        kept = tickets.get_ticket(session=session, ticket_id=worked_on)
        assert kept.first_response_at == replied
        bodies = session.exec(select(Message.body)).all()
        assert sorted(bodies) == ["Logo baru", "Sudah saya kirim"]
        assert [e.key for e in trash.list_trash(session=session)] == [
            f"client#{result.created_client_ids[0]}"
        ]
        assert search.search(session=session, text="webnya error").hits.get("message", []) == []

    again = _import(engine, export, data_dir, sari)
    assert (again.new, again.known) == (15, 0)
    assert (data_dir / f"media/{sari}/{PHOTO_NAME}").read_bytes() == PHOTO


def test_undoing_an_import_into_a_ticket_gives_it_back_its_unknown_first_response(
    any_engine: Engine, tmp_path: Path
) -> None:
    engine = any_engine
    from sqlmodel import Session

    from agencydesk.core import tickets

    sari = _client(engine)
    with session_scope(engine) as session:
        own = tickets.create_ticket(
            session=session, client_id=sari, values={"title": "Web error"}, first_message="Tolong"
        ).id
        assert own is not None
    export = _zip(tmp_path / "chat.zip", FIXTURE.read_bytes(), PHOTO)
    result = _import(engine, export, None, sari, target=ci.AttachToTicket(own))
    assert result.first_responses_set == (own,)
    undone = ci.undo_import_with_media(engine, result, None)
    assert (undone.messages, undone.tickets, undone.clients) == (15, 0, 0)
    with Session(engine) as session:
        ticket = tickets.get_ticket(session=session, ticket_id=own)
        assert ticket.first_response_at is None
        assert [line.body for line in tickets.conversation(session=session, ticket_id=own)] == [
            "Tolong"
        ]
