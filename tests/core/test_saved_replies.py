"""Saved replies: kept once by name, found by what follows "/", filled in for the client."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients, saved_replies
from agencydesk.core.db import session_scope
from agencydesk.core.errors import ValidationError
from agencydesk.core.versions import EditConflict

TRANSFER_ID = "Silakan transfer ke BCA 123 456 7890 a.n. {my_name} ya {call_name} 🙏"
TRANSFER_EN = "Please transfer to BCA 123 456 7890 ({my_name}), {first_name}. Thank you!"


@pytest.fixture
def engine(any_engine: Engine) -> Engine:
    return any_engine


def _save(engine: Engine, reply_id: int | None = None, **values: str) -> int:
    with session_scope(engine) as session:
        return saved_replies.save_reply(session=session, reply_id=reply_id, values=values).id


def _client(engine: Engine, name: str, language: str) -> int:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": name, "language": language})
        assert client.id is not None
        return client.id


def test_a_reply_is_found_by_the_start_of_its_name_and_filled_in_the_clients_language(
    engine: Engine,
) -> None:
    transfer = _save(engine, name=" Transfer ", text_id=TRANSFER_ID, text_en=TRANSFER_EN)
    _save(engine, name="thanks", text_id="Terima kasih, {call_name}!")
    _save(engine, name="jam kerja", text_en="We answer from 9 to 5, Monday to Friday.")
    ratna = _client(engine, "Ibu Ratna Wulandari", "id")
    claire = _client(engine, "Claire Dubois", "en")
    with Session(engine) as session:
        names = [r.name for r in saved_replies.list_replies(session=session)]
        assert names == ["jam-kerja", "thanks", "transfer"]
        assert [r.name for r in saved_replies.list_replies(session=session, starting="/T")] == [
            "thanks",
            "transfer",
        ]
        assert saved_replies.list_replies(session=session, starting="tr")[0].id == transfer
        assert saved_replies.list_replies(session=session, starting="%") == []
        for_ratna = saved_replies.fill_reply(
            session=session, reply_id=transfer, client_id=ratna, my_name="Budi"
        )
        for_claire = saved_replies.fill_reply(
            session=session, reply_id=transfer, client_id=claire, my_name="Budi"
        )
        hours = saved_replies.list_replies(session=session, starting="jam")[0]
        # only English words: Ratna gets those rather than nothing
        hours_for_ratna = saved_replies.fill_reply(
            session=session, reply_id=hours.id, client_id=ratna
        )
    assert for_ratna.text == "Silakan transfer ke BCA 123 456 7890 a.n. Budi ya Bu Ratna 🙏"
    assert for_claire.text == "Please transfer to BCA 123 456 7890 (Budi), Claire. Thank you!"
    assert hours_for_ratna.text == "We answer from 9 to 5, Monday to Friday."
    assert for_ratna.missing == []


@pytest.mark.parametrize(
    ("values", "field", "code"),
    [
        ({"name": "", "text_id": "x"}, "name", "name_required"),
        ({"name": "tr@nsfer", "text_id": "x"}, "name", "name_invalid"),
        ({"name": "x" * 41, "text_id": "x"}, "name", "too_long"),
        ({"name": "thanks", "text_id": "x"}, "name", "name_taken"),
        ({"name": "kosong", "text_id": "  ", "text_en": ""}, "text_id", "text_required"),
    ],
)
def test_a_reply_needs_a_free_typable_name_and_some_words(
    engine: Engine, values: dict[str, str], field: str, code: str
) -> None:
    _save(engine, name="thanks", text_id="Terima kasih!")
    with pytest.raises(ValidationError) as refused:
        _save(engine, **values)
    assert refused.value.errors[field] == code
    assert code in saved_replies.ERROR_TEXT


def test_two_desks_editing_one_reply_do_not_lose_an_edit(engine: Engine) -> None:
    reply_id = _save(engine, name="thanks", text_id="Terima kasih!")
    with Session(engine) as session:
        seen = saved_replies.get_reply(session=session, reply_id=reply_id).version
    _save(engine, reply_id, text_id="Terima kasih banyak!")  # the other desk, first
    with pytest.raises(EditConflict), session_scope(engine) as session:
        saved_replies.save_reply(
            session=session,
            reply_id=reply_id,
            values={"text_id": "Makasih ya!"},
            seen_version=seen,
        )
    with Session(engine) as session:
        assert saved_replies.get_reply(session=session, reply_id=reply_id).text_id == (
            "Terima kasih banyak!"
        )
    with session_scope(engine) as session:
        saved_replies.delete_reply(session=session, reply_id=reply_id)
    with Session(engine) as session:
        assert saved_replies.list_replies(session=session) == []


def test_a_reply_that_went_out_is_recorded_for_the_client_even_after_a_rename(
    engine: Engine,
) -> None:
    from agencydesk.core import tickets, timeline

    reply_id = _save(engine, name="transfer", text_id=TRANSFER_ID, text_en=TRANSFER_EN)
    kept_id = _save(engine, name="thanks", text_id="Terima kasih!", text_en="")
    client_id = _client(engine, "Bu Ratna", "id")
    with session_scope(engine) as session:
        ticket = tickets.create_ticket(
            session=session, client_id=client_id, values={"title": "Bayar"}
        )
        assert ticket.id is not None
        filled = saved_replies.fill_reply(session=session, reply_id=reply_id, client_id=client_id)
        body = "Baik Bu.\n" + filled.text
        # "thanks" was put in and taken out again before sending: it did not go out
        used = saved_replies.record_uses(
            session=session,
            client_id=client_id,
            ticket_id=ticket.id,
            inserted={reply_id: filled.text, kept_id: "Terima kasih!"},
            body=body,
        )
    assert used == 1
    _save(engine, reply_id, name="bayar", text_id=TRANSFER_ID, text_en=TRANSFER_EN)
    with Session(engine) as session:
        uses = saved_replies.uses(session=session)
        events = timeline.client_timeline(session=session, client_id=client_id)
    assert set(uses) == {reply_id}
    assert uses[reply_id].times == 1
    [sent] = [event for event in events if event.kind == "saved_reply_sent"]
    assert (sent.subject, sent.ticket_id) == ("/transfer", ticket.id)
