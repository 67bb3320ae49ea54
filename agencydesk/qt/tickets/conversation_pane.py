"""A ticket's conversation as chat bubbles: its latest lines, "Show earlier messages" above them,
and the latest line kept in sight until she scrolls away from it herself.

A ticket can hold a whole imported chat (100,000 messages): drawing all of it took seconds and
hundreds of MB, so the pane draws the latest `CONVERSATION_PAGE` lines and a page more for each
click on the link.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser, QWidget
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import tickets
from agencydesk.core.errors import UserError
from agencydesk.core.tickets import ConversationLine, LatestLines
from agencydesk.qt.common.detail_reading import read_then_show
from agencydesk.qt.common.shown_limit import ShownLimit
from agencydesk.qt.tickets.conversation_html import EARLIER_LINK, MARK, conversation_html

# the latest lines of a conversation shown at first, and added by each "Show earlier messages"
CONVERSATION_PAGE = 200


class ConversationPane(QTextBrowser):
    def __init__(
        self, engine: Engine, chip: Callable[[int | None], str], parent: QWidget | None = None
    ) -> None:
        """*chip*: the HTML of who wrote a line on a team desk (its person's id; "" solo)."""
        super().__init__(parent)
        self._engine = engine
        self._chip = chip
        self.ticket_id: int | None = None
        self._lines: list[ConversationLine] = []
        self._earlier = 0  # lines of the conversation before those shown
        self.shown = ShownLimit(CONVERSATION_PAGE)  # how many of its latest lines
        self._client_name = ""
        self.setObjectName("conversation")
        self.setOpenLinks(False)
        self.setStyleSheet("QTextBrowser { background: #ece5dd; }")
        self.anchorClicked.connect(self._show_earlier)
        # the latest line stays in sight while the view is laid out or resized (a ticket shown
        # before its page had its size opened at the first line), until she scrolls herself
        self._at_end = True
        bar = self.verticalScrollBar()
        bar.rangeChanged.connect(lambda _low, high: self._at_end and bar.setValue(high))
        bar.actionTriggered.connect(
            lambda _action: setattr(self, "_at_end", bar.sliderPosition() >= bar.maximum())
        )

    def keep_limit_for(self, ticket_id: int | None) -> None:
        """About to show *ticket_id*: the same ticket shown anew keeps as many earlier lines as
        were asked for, another starts at a page."""
        self.shown.follow(ticket_id)
        self.ticket_id = ticket_id

    def show_lines(self, latest: LatestLines, client_name: str) -> None:
        """The conversation *latest* (read with `shown.limit`), scrolled to its end."""
        self._lines, self._earlier = latest.lines, latest.earlier
        self._client_name = client_name
        self.redraw()

    def redraw(self) -> None:
        """Drawn anew, scrolled to its end (the desk's people changed: their chips show once
        there are several)."""
        self._draw()
        self._at_end = True
        # the text cursor too: the view keeps it in sight when it is first laid out
        self.moveCursor(QTextCursor.MoveOperation.End)
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def _draw(self, mark: int | None = None) -> None:
        note = self.tr("Internal note")
        earlier = (
            self.tr("Show earlier messages ({count} more)").format(
                count=self.locale().toString(self._earlier)
            )
            if self._earlier
            else ""
        )
        self.setHtml(
            conversation_html(self._lines, self._client_name, note, self._chip, earlier, mark)
        )
        # laid out whole now: a long text is otherwise laid out a part at a time later, and the
        # scroll bar's range read just after would be that of the first part
        self.document().documentLayout().documentSize()

    def _show_earlier(self, url: QUrl) -> None:
        """The link above the conversation: a page more of its earlier lines above those shown,
        the first of which comes to the top (where the link was)."""
        if url.toString() != EARLIER_LINK or self.ticket_id is None or not self._lines:
            return
        self.shown.grow()
        ticket_id, engine, limit = self.ticket_id, self._engine, self.shown.limit

        def read() -> LatestLines | None:
            with Session(engine) as session:
                try:
                    return tickets.latest_conversation(
                        session=session, ticket_id=ticket_id, limit=limit
                    )
                except UserError:  # deleted meanwhile: its notification empties the view
                    return None

        def show(latest: LatestLines | None) -> None:
            if latest is None or self.ticket_id != ticket_id or not self._lines:
                return  # another ticket is shown since
            first_shown = self._lines[0].id
            self._lines, self._earlier = latest.lines, latest.earlier
            self._at_end = False
            self._draw(mark=first_shown)
            self.scrollToAnchor(MARK)

        # in a worker: a page more of a long imported chat, on a team server too; the latest
        # click wins
        read_then_show(self, read, show, key="earlier lines")
