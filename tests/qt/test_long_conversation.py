"""A ticket holding a whole imported chat opens at once: the view draws the latest lines and a
link above them that shows earlier ones, a page at a time, without moving what was in sight."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QUrl
from pytestqt.qtbot import QtBot
from qt_helpers import statements_on_gui_thread
from sqlalchemy import insert
from sqlalchemy.engine import Engine

from agencydesk.core import clients, tickets
from agencydesk.core.db import session_scope
from agencydesk.core.models import Message
from agencydesk.qt.tickets.conversation_html import EARLIER_LINK
from agencydesk.qt.tickets.conversation_pane import CONVERSATION_PAGE
from agencydesk.qt.tickets.ticket_view import TicketView

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LINES = 2 * CONVERSATION_PAGE + 50


def _whole_chat_ticket(engine: Engine) -> int:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Ibu Ratna"})
        assert client.id is not None
        ticket = tickets.create_ticket(
            session=session, client_id=client.id, values={"title": "Whole chat"}
        )
        assert ticket.id is not None
        session.execute(
            insert(Message),
            [
                {
                    "client_id": client.id,
                    "ticket_id": ticket.id,
                    "sent_at": T0 + timedelta(minutes=n),
                    "sender": "Ibu Ratna",
                    "body": f"pesan nomor {n}",
                }
                for n in range(LINES)
            ],
        )
        return ticket.id


def _shown(view: TicketView) -> str:
    return view.conversation.toPlainText()


def _at_the_top(view: TicketView) -> str:
    """The text of the line at the top of the conversation's view."""
    return view.conversation.cursorForPosition(QPoint(40, 12)).block().text()


@pytest.mark.usefixtures("inline_tasks")
def test_a_long_conversation_shows_its_latest_lines_and_the_rest_on_request(
    qtbot: QtBot, engine: Engine
) -> None:
    ticket_id = _whole_chat_ticket(engine)
    view = TicketView(engine)
    qtbot.addWidget(view)
    view.resize(700, 700)
    view.show()
    view.show_ticket(ticket_id)
    first_shown = LINES - CONVERSATION_PAGE
    text = _shown(view)
    assert f"pesan nomor {first_shown}\n" in text
    assert f"pesan nomor {first_shown - 1}\n" not in text
    assert text.startswith(f"Show earlier messages ({first_shown} more)")
    bar = view.conversation.verticalScrollBar()
    assert bar.value() == bar.maximum()  # the latest line in sight, as before

    bar.setValue(0)  # up to the link, and it is clicked
    view.conversation.anchorClicked.emit(QUrl(EARLIER_LINK))
    text = _shown(view)
    assert text.startswith("Show earlier messages (50 more)")
    assert "pesan nomor 50\n" in text
    # the line that was first comes to the top, where the link was; the new ones are above it
    assert _at_the_top(view).endswith(f"pesan nomor {first_shown}")
    assert bar.value() > 0

    view.conversation.anchorClicked.emit(QUrl(EARLIER_LINK))
    text = _shown(view)
    assert "Show earlier messages" not in text  # every line, no link above them
    assert "pesan nomor 0\n" in text


@pytest.mark.usefixtures("inline_tasks")
def test_showing_the_same_ticket_again_keeps_the_earlier_lines_asked_for(
    qtbot: QtBot, engine: Engine
) -> None:
    """A reply added (the ticket is shown anew) must not fold away what she scrolled back to;
    another ticket starts from its latest lines."""
    ticket_id = _whole_chat_ticket(engine)
    view = TicketView(engine)
    qtbot.addWidget(view)
    view.show_ticket(ticket_id)
    view.conversation.anchorClicked.emit(QUrl(EARLIER_LINK))
    view.show_ticket(ticket_id)
    assert _shown(view).startswith("Show earlier messages (50 more)")
    with session_scope(engine) as session:
        other = tickets.create_ticket(
            session=session, client_id=1, values={"title": "Short one"}, first_message="Halo"
        )
        assert other.id is not None
        other_id = other.id
    view.show_ticket(other_id)
    view.show_ticket(ticket_id)
    assert _shown(view).startswith(f"Show earlier messages ({LINES - CONVERSATION_PAGE} more)")


@pytest.mark.usefixtures("inline_tasks")
def test_a_long_timeline_says_there_is_more_and_shows_it_below(
    qtbot: QtBot, engine: Engine
) -> None:
    """The timeline showed the newest 200 events and nothing said there were older ones."""
    from agencydesk.qt.clients.client_history import OLDER_LINK, TIMELINE_LIMIT, TimelineView

    _whole_chat_ticket(engine)  # LINES messages: more events than a page
    history = TimelineView(engine)
    qtbot.addWidget(history)
    history.resize(600, 500)
    history.show()
    history.show_client(1)
    assert len(history.events) == TIMELINE_LIMIT
    assert history.toPlainText().rstrip().endswith("Show older events")
    oldest_shown = LINES - TIMELINE_LIMIT + 1  # the newest event: the ticket was opened today
    assert f"pesan nomor {oldest_shown}\n" in history.toPlainText()
    assert f"pesan nomor {oldest_shown - 1}\n" not in history.toPlainText()

    bar = history.verticalScrollBar()
    bar.setValue(bar.maximum())  # down to the link, and it is clicked
    at = bar.value()
    history.anchorClicked.emit(QUrl(OLDER_LINK))
    assert len(history.events) == 2 * TIMELINE_LIMIT
    assert bar.value() == at  # what was in sight stays; the older events follow below
    history.anchorClicked.emit(QUrl(OLDER_LINK))
    text = history.toPlainText()
    assert "pesan nomor 0\n" in text  # every message, the ticket's opening too
    assert "Show older events" not in text


@pytest.mark.usefixtures("inline_tasks")
def test_a_ticket_shown_before_its_page_had_a_size_opens_at_its_latest_line(
    qtbot: QtBot, engine: Engine
) -> None:
    """The Tickets page fills its view before it is on screen: the view then grew, and the
    conversation stayed at its first line (the latest is what she came for)."""
    ticket_id = _whole_chat_ticket(engine)
    view = TicketView(engine)
    qtbot.addWidget(view)
    view.show_ticket(ticket_id)
    view.resize(700, 900)
    view.show()
    qtbot.waitExposed(view)
    bar = view.conversation.verticalScrollBar()
    assert bar.maximum() > 0
    assert bar.value() == bar.maximum()
    bar.triggerAction(bar.SliderAction.SliderPageStepSub)  # she scrolls up to read
    view.resize(700, 600)
    qtbot.wait(10)
    assert bar.value() < bar.maximum()  # and stays where she went


@pytest.mark.usefixtures("inline_tasks")
def test_a_clients_tickets_tab_says_there_are_older_ones_and_lists_them_on_request(
    qtbot: QtBot, engine: Engine
) -> None:
    """A long chat split at its pauses makes hundreds of tickets: the tab listed the newest 200
    and nothing said there were more."""
    from agencydesk.core.models import Ticket
    from agencydesk.qt.clients.client_history import CLIENT_TICKETS_PAGE, ClientTicketsView

    count = CLIENT_TICKETS_PAGE + 30
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Ibu Ratna"})
        session.execute(
            insert(Ticket),
            [
                {
                    "client_id": client.id,
                    "title": f"Percakapan {n}",
                    "created_at": T0 + timedelta(days=n),
                    "updated_at": T0 + timedelta(days=n),
                }
                for n in range(count)
            ],
        )
        client_id = client.id
    view = ClientTicketsView(engine)
    qtbot.addWidget(view)
    view.show_client(client_id)
    shown = view.list
    assert shown.topLevelItemCount() == CLIENT_TICKETS_PAGE + 1
    last = shown.topLevelItem(CLIENT_TICKETS_PAGE)
    assert last.text(2) == "Show older tickets…"
    assert shown.topLevelItem(0).text(2) == f"Percakapan {count - 1}"  # the newest first

    with qtbot.assertNotEmitted(view.ticket_activated):
        shown.itemActivated.emit(last, 0)
    titles = [shown.topLevelItem(n).text(2) for n in range(shown.topLevelItemCount())]
    assert len(titles) == count
    assert titles[-1] == "Percakapan 0"
    assert "Show older tickets…" not in titles


def test_earlier_lines_are_read_in_a_worker(qtbot: QtBot, engine: Engine) -> None:
    """A page more of a whole imported chat, on a team server a round trip away or more."""
    ticket_id = _whole_chat_ticket(engine)
    view = TicketView(engine)
    qtbot.addWidget(view)
    view.resize(700, 700)
    view.show()
    view.show_ticket(ticket_id)
    qtbot.waitUntil(lambda: _shown(view).startswith("Show earlier messages"))
    with statements_on_gui_thread(engine) as on_gui_thread:
        view.conversation.anchorClicked.emit(QUrl(EARLIER_LINK))
        qtbot.waitUntil(lambda: _shown(view).startswith("Show earlier messages (50 more)"))
    assert on_gui_thread == []
    assert _at_the_top(view).endswith(f"pesan nomor {LINES - CONVERSATION_PAGE}")
