"""The same client entered twice: found on save, merged into one (on SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from keyring_memory import MemoryKeyring
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from agencydesk.core import (
    changes,
    client_merge,
    clients,
    credentials,
    demo,
    orders,
    tickets,
    timeline,
)
from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError
from agencydesk.core.guides import library, sending
from agencydesk.core.models import Client, Credential, GuideSend, Message, Order, Ticket
from agencydesk.core.versions import EditConflict


@pytest.fixture
def desk(any_engine: Engine) -> dict[str, int]:
    with session_scope(any_engine) as session:
        return demo.load_demo(session=session)


def _add(engine: Engine, **values: object) -> int:
    with session_scope(engine) as session:
        client_id = clients.create_client(session=session, values=values).id
    assert client_id is not None
    return client_id


def test_the_same_phone_or_nearly_the_same_name_is_a_possible_duplicate(
    any_engine: Engine, desk: dict[str, int]
) -> None:
    with Session(any_engine) as session:
        by_name = client_merge.possible_duplicates(session=session, name="bu RATNA  wulandari")
        by_phone = client_merge.possible_duplicates(
            session=session, name="Ratna W.", phone="0812-4455-1020"
        )
        themselves = client_merge.possible_duplicates(
            session=session, name="Ibu Ratna Wulandari", exclude_id=desk["ratna"]
        )
        nobody = client_merge.possible_duplicates(
            session=session, name="Ibu Wati", phone="0812 9999 0000"
        )
        # her WhatsApp contact name, as the chat import makes a client of it
        with_emoji = client_merge.possible_duplicates(
            session=session, name="⭐ Ibu Ratna Wulandari 🌸"
        )
    assert [(d.id, d.same_name, d.same_phone) for d in by_name] == [(desk["ratna"], True, False)]
    assert [d.id for d in with_emoji] == [desk["ratna"]]
    assert [(d.id, d.same_name, d.same_phone) for d in by_phone] == [(desk["ratna"], False, True)]
    assert themselves == []
    assert nobody == []


def _rows(session: Session, model: type, client_id: int) -> int:
    column = model.client_id  # type: ignore[attr-defined]
    return len(session.exec(select(model).where(column == client_id)).all())


def _ancestors(session: Session, client_id: int) -> list[int]:
    """The referrers above *client_id*, nearest first; fails on a loop."""
    seen: list[int] = []
    current = session.get(Client, client_id)
    while current is not None and current.introduced_by_id is not None:
        assert current.introduced_by_id not in seen
        assert current.introduced_by_id != client_id
        seen.append(current.introduced_by_id)
        current = session.get(Client, current.introduced_by_id)
    return seen


@pytest.mark.parametrize("keep", ["first", "second"])
def test_merging_moves_everything_and_the_referral_tree_stays_a_tree(
    any_engine: Engine, desk: dict[str, int], memory_keyring: MemoryKeyring, keep: str
) -> None:
    ratna = desk["ratna"]
    # the second "Bu Ratna", introduced (wrongly) by Lestari, whom Ratna's cascade brought
    second = _add(
        any_engine,
        name="Bu Ratna Wulandari",
        phone="0812 4455 1020",
        notes="Lebih suka ditelepon sore",
        introduced_by_id=desk["lestari"],
    )
    joko = _add(any_engine, name="Pak Joko", introduced_by_id=second)
    with session_scope(any_engine) as session:
        ticket = tickets.create_ticket(
            session=session, client_id=second, values={"title": "Menu tidak muncul"}
        )
        assert ticket.id is not None
        tickets.add_message(session=session, ticket_id=ticket.id, body="Halo mas", from_me=False)
        orders.create_order(session=session, client_id=second, values={"title": "Hosting 2027"})
        credentials.add_credential(
            session=session, client_id=ratna, values={"label": "cPanel"}, secret="old-one"
        )
        credentials.add_credential(
            session=session, client_id=second, values={"label": "cPanel"}, secret="s3cret"
        )
        guide_id = library.list_guides(session=session)[0].id
        sending.record_send(session=session, guide_id=guide_id, client_id=second, text="…")
    with Session(any_engine) as session:
        before = {m: _rows(session, m, ratna) for m in (Ticket, Message, Order, GuideSend)}
        preview = client_merge.merge_preview(session=session, keep_id=ratna, drop_id=second)
    assert (preview.tickets, preview.messages, preview.orders, preview.logins) == (1, 1, 1, 1)
    assert (preview.guide_sends, preview.introduced) == (1, 1)

    kept, gone = (ratna, second) if keep == "first" else (second, ratna)
    client_merge.merge_clients(any_engine, keep_id=kept, drop_id=gone)

    with Session(any_engine) as session:
        assert session.get(Client, gone) is None
        after = {m: _rows(session, m, kept) for m in (Ticket, Message, Order, GuideSend)}
        assert after == {model: count + 1 for model, count in before.items()}
        logins = {c.label: c for c in session.exec(select(Credential)).all()}
        dropped_name = "Bu Ratna Wulandari" if keep == "first" else "Ibu Ratna Wulandari"
        assert set(logins) == {"cPanel", f"cPanel ({dropped_name})"}
        assert {c.client_id for c in logins.values()} == {kept}
        passwords = {
            credentials.get_secret(session=session, credential_id=c.id)
            for c in logins.values()
            if c.id is not None
        }
        assert passwords == {"old-one", "s3cret"}  # keyring references travel with the logins
        merged = session.get(Client, kept)
        assert merged is not None
        assert merged.phone == ("+62 812 4455 1020" if keep == "first" else "0812 4455 1020")
        assert "Lebih suka ditelepon sore" in merged.notes
        assert merged.introduced_by_id is None  # Lestari is in Ratna's own cascade: no loop
        assert session.get(Client, joko).introduced_by_id == kept  # type: ignore[union-attr]
        for client_id in session.exec(select(Client.id)).all():
            assert client_id is not None
            _ancestors(session, client_id)  # no loop anywhere
        events = timeline.client_timeline(session=session, client_id=kept)
        assert "Menu tidak muncul" in {event.subject for event in events}


def test_a_client_is_not_merged_with_themselves_nor_with_a_deleted_one(
    any_engine: Engine, desk: dict[str, int]
) -> None:
    with pytest.raises(UserError, match="themselves"):
        client_merge.merge_clients(any_engine, keep_id=desk["ratna"], drop_id=desk["ratna"])
    with session_scope(any_engine) as session:
        clients.delete_client(session=session, client_id=desk["andi"])
    with pytest.raises(UserError, match="no longer exists"):
        client_merge.merge_clients(any_engine, keep_id=desk["ratna"], drop_id=desk["andi"])
    with Session(any_engine) as session:
        count = session.execute(sa.select(sa.func.count()).select_from(Client)).scalar_one()
    assert count == len(desk)


# -- no lost edits across a merge -----------------------------------------------------------------
def test_a_merge_raises_the_version_of_every_row_it_moves_and_announces_them(
    any_engine: Engine, memory_keyring: MemoryKeyring
) -> None:
    """A desk editing a ticket, order or login of the merged-away client saves over the merge
    only through the conflict dialog: the merge gives each moved row a new version (and the
    change notification names their tables)."""
    keep = _add(any_engine, name="Ibu Ratna Wulandari")
    drop = _add(any_engine, name="Bu Ratna")
    with session_scope(any_engine) as session:
        ticket = tickets.create_ticket(session=session, client_id=drop, values={"title": "Login"})
        order = orders.create_order(
            session=session, client_id=drop, values={"title": "Website", "amount": 1000}
        )
        login = credentials.add_credential(
            session=session, client_id=drop, values={"label": "cPanel"}, secret="rahasia"
        )
        introduced = clients.create_client(
            session=session, values={"name": "Pak Joko", "introduced_by_id": drop}
        )
        seen = {
            Ticket: (ticket.id, ticket.version),
            Order: (order.id, order.version),
            Credential: (login.id, session.get(Credential, login.id).version),  # type: ignore[union-attr]
            Client: (introduced.id, introduced.version),
        }
    heard: list[changes.ChangeSet] = []
    unsubscribe = changes.subscribe(lambda _e, c: heard.append(c), engine=any_engine)
    try:
        client_merge.merge_clients(any_engine, keep_id=keep, drop_id=drop)
    finally:
        unsubscribe()
    with Session(any_engine) as session:
        for model, (row_id, version) in seen.items():
            row = session.get(model, row_id)
            assert row is not None
            assert row.version == version + 1, model.__name__
    announced = heard[-1]
    for topic, (row_id, _version) in zip(
        (
            changes.Topic.TICKETS,
            changes.Topic.ORDERS,
            changes.Topic.CREDENTIALS,
            changes.Topic.CLIENTS,
        ),
        seen.values(),
        strict=True,
    ):
        assert announced.may_touch(topic, row_id or 0), topic
    # a desk that still shows the ticket before the merge is told, not saved over
    with pytest.raises(EditConflict), session_scope(any_engine) as session:
        tickets.update_ticket(
            session=session,
            ticket_id=seen[Ticket][0] or 0,
            values={"title": "Login lupa"},
            seen_version=seen[Ticket][1],
        )
