"""The client detail pane: who they are, how to treat them, who they brought.

Everything the client or the user typed is shown as plain text (never interpreted as HTML).
A client chosen is read in a worker (`read_client`, `detail_reading`) and shown when the read is
done.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import clients
from agencydesk.core.errors import UserError
from agencydesk.core.row_columns import snapshot
from agencydesk.core.whatsapp_link import chat_link, international_number
from agencydesk.qt.clients.client_history import ClientTicketsView, TimelineView
from agencydesk.qt.common.buttons import (
    TwoSidedButtonRow,
    button_row,
    link_button,
    push_button,
)
from agencydesk.qt.common.desk_people import people_of
from agencydesk.qt.common.detail_reading import read_for_pane
from agencydesk.qt.common.dialog_layout import STRETCH, scrolling, top_to_bottom
from agencydesk.qt.common.follow_up_dialog import ask_follow_up
from agencydesk.qt.common.formatting import (
    channel_label,
    format_date,
    tech_comfort_dots,
    tech_comfort_label,
)
from agencydesk.qt.common.labels import (
    bold_label,
    detail_title,
    empty_state_label,
    labelled_row,
    muted_label,
    plain_label,
    show_detail_or_empty,
)
from agencydesk.qt.common.long_text import TextViewerDialog, preview
from agencydesk.qt.common.presence import ViewPresence


@dataclass(frozen=True)
class ShownClient:
    """A client as the pane shows them, read in a worker (plain values: they cross threads)."""

    client_id: int
    name: str
    company: str
    caution_note: str
    phone: str
    email: str
    city: str
    tech_comfort: int
    preferred_channel: str
    tags: str
    first_contact: date | None
    notes: str
    website: str
    referrer: tuple[int, str] | None  # who introduced them: (id, name)
    referred: list[tuple[int, str]]  # whom they introduced


def read_client(engine: Engine, client_id: int) -> ShownClient | None:
    """Client *client_id*, who introduced them and whom they introduced, in one session; None
    when they are gone (deleted, here or on another desk)."""
    with Session(engine) as session:
        try:
            client = clients.get_client(session=session, client_id=client_id)
        except UserError:
            return None
        referrer = (
            clients.get_client(
                session=session, client_id=client.introduced_by_id, include_deleted=True
            )
            if client.introduced_by_id is not None
            else None
        )
        return snapshot(
            ShownClient,
            client,
            client_id=client_id,
            referrer=(referrer.id, referrer.name)
            if referrer is not None and referrer.id is not None
            else None,
            referred=list(clients.referred_clients(session=session, client_id=client_id)),
        )


class ClientDetailView(QWidget):
    edit_requested = Signal(int)
    # Export report… (the client report PDF)
    report_requested = Signal(int)
    delete_requested = Signal(int)
    client_link_activated = Signal(int)
    ticket_activated = Signal(int)
    new_ticket_requested = Signal(int)
    # an `UndoEntry` (an order deleted in the Orders tab): the shell's Ctrl+Z brings it back
    undoable = Signal(object)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.client_id: int | None = None
        self._wanted: int | None = None  # the client last asked for (shown once read)

        self.empty_label = empty_state_label(
            self.tr("Choose a client on the left, or press Ctrl+N to add one.")
        )

        self.name_label = detail_title("clientName", 1.5)
        self.company_label = muted_label(selectable=True)

        self.caution_frame = QFrame()
        self.caution_frame.setObjectName("cautionNote")
        self.caution_frame.setStyleSheet(
            "#cautionNote { background: #fff4d6; border: 1px solid #e8c66a; border-radius: 6px; }"
            "#cautionNote QLabel { color: #4a3b00; }"
        )
        caution_title = bold_label(plain_label(self.tr("Handle with care")))
        self.caution_label = plain_label(selectable=True)
        top_to_bottom((caution_title, self.caution_label), self.caution_frame)

        self.referrer_button = link_button(self._open_referrer)
        self.referrer_none = plain_label(self.tr("Came on their own"), selectable=True)
        self.notes_label = plain_label(selectable=True)
        # a long note shows its start; the whole of it opens in a window of its own
        self.notes_more = link_button(self._show_all_notes)
        self.notes_more.setObjectName("allNotes")
        self._notes = ""
        notes = top_to_bottom(
            (self.notes_label, (self.notes_more, 0, Qt.AlignmentFlag.AlignLeft)),
            margins=(0, 0, 0, 0),
        )

        facts = QFormLayout()
        facts.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.phone_label = labelled_row(facts, self.tr("Phone / WhatsApp"), selectable=True)
        # the number opens the client's WhatsApp chat (click to chat)
        self.phone_label.setObjectName("clientPhone")
        self.phone_label.setOpenExternalLinks(True)
        self.phone_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.email_label = labelled_row(facts, self.tr("Email"), selectable=True)
        self.website_label = labelled_row(facts, self.tr("Website"), selectable=True)
        self.city_label = labelled_row(facts, self.tr("City / island"), selectable=True)
        self.comfort_label = labelled_row(facts, self.tr("Tech comfort"), selectable=True)
        self.channel_label = labelled_row(facts, self.tr("Prefers"), selectable=True)
        self.tags_label = labelled_row(facts, self.tr("Tags"), selectable=True)
        self.first_contact_label = labelled_row(facts, self.tr("First contact"), selectable=True)
        referrer_row = button_row(self.referrer_button, self.referrer_none, None)
        facts.addRow(self.tr("Introduced by"), referrer_row)
        self.referred_label = labelled_row(facts, self.tr("Introduced"), selectable=True)
        facts.addRow(self.tr("Notes"), notes)

        self.edit_button = push_button(self.tr("Edit…"), lambda: self._emit(self.edit_requested))
        self.delete_button = push_button(
            self.tr("Delete"), lambda: self._emit(self.delete_requested)
        )
        self.report_button = push_button(
            self.tr("Export report…"), lambda: self._emit(self.report_requested)
        )
        self.follow_up_button = push_button(
            self.tr("Follow up…"), self._follow_up, name="clientFollowUp"
        )
        buttons = TwoSidedButtonRow(
            (self.report_button, self.follow_up_button), (self.edit_button, self.delete_button)
        )

        self.content = QWidget()
        top_to_bottom(
            (self.name_label, self.company_label, self.caution_frame, facts, STRETCH, buttons),
            self.content,
            margins=(16, 12, 16, 12),
            spacing=10,
        )

        scroll = scrolling(self.content)
        self.timeline = TimelineView(engine)
        self.timeline.ticket_activated.connect(self.ticket_activated)
        self.tickets = ClientTicketsView(engine)
        self.tickets.ticket_activated.connect(self.ticket_activated)
        self.tickets.new_ticket_requested.connect(self.new_ticket_requested)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("clientTabs")
        self.tabs.addTab(scroll, self.tr("Profile"))
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        self.tabs.addTab(self.tickets, self.tr("Tickets"))
        # Each further tab is a ClientTab (show_client(client_id | None)), loaded when visible.
        from agencydesk.qt.orders.client_orders import ClientOrdersView

        self.orders = ClientOrdersView(engine)
        self.orders.client_link_activated.connect(self.client_link_activated)
        self.orders.undoable.connect(self.undoable)
        self.tabs.addTab(self.orders, self.tr("Orders"))
        from agencydesk.qt.clients.client_credentials import ClientCredentialsView

        self.credentials = ClientCredentialsView(engine)
        self.tabs.addTab(self.credentials, self.tr("Logins"))
        # the client last asked for: one still being read would otherwise never reach this tab
        self.tabs.currentChanged.connect(lambda _index: self._load_tab(self._wanted))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        # "Sari is also viewing" (a team desk): over the tabs, whichever is open
        desk_people = people_of(engine)
        self.presence = ViewPresence(
            self, desk_people.presence if desk_people is not None else None, "client"
        )
        self.presence.line.setContentsMargins(16, 6, 16, 0)
        layout.addWidget(self.presence.line)
        layout.addWidget(self.tabs)
        self._scroll = self.tabs
        self._referrer_id: int | None = None
        self.show_client(None)

    def _follow_up(self) -> None:
        if self.client_id is not None:
            ask_follow_up(
                self, self._engine, client_id=self.client_id, subject=self.name_label.text()
            )

    def _emit(self, signal: Signal) -> None:  # type: ignore[valid-type]
        if self.client_id is not None:
            signal.emit(self.client_id)  # type: ignore[attr-defined]

    def _open_referrer(self) -> None:
        if self._referrer_id is not None:
            self.client_link_activated.emit(self._referrer_id)

    def show_client(self, client_id: int | None) -> None:
        """Show *client_id* (None: nobody) once a worker has read them; until then the pane
        shows what it showed, and the latest choice wins."""
        self._wanted = client_id
        if client_id is None:
            self._show(None)
            return
        engine = self._engine
        # the tab in front (the timeline, say) reads at the same time, in a worker of its own:
        # on a team server a network away the two reads one after the other took twice as long
        self._load_tab(client_id)
        read_for_pane(
            self,
            self._scroll,
            self.empty_label,
            lambda: read_client(engine, client_id),
            lambda client: self._show(client, tab_read=True),
        )

    def _show(self, client: ShownClient | None, *, tab_read: bool = False) -> None:
        self.client_id = None
        show_detail_or_empty(self._scroll, self.empty_label, client is not None)
        self.presence.show_subject(client.client_id if client is not None else None)
        if client is None:
            return
        self.client_id = client.client_id
        self.name_label.setText(client.name)
        self.company_label.setText(client.company)
        self.company_label.setVisible(bool(client.company))
        self.caution_label.setText(preview(client.caution_note)[0])
        self.caution_frame.setVisible(bool(client.caution_note))
        dash = "–"
        self._show_phone(client.phone, client.name)
        self.email_label.setText(client.email or dash)
        self.city_label.setText(client.city or dash)
        self.comfort_label.setText(
            f"{tech_comfort_dots(client.tech_comfort)}  {tech_comfort_label(client.tech_comfort)}"
        )
        self.channel_label.setText(channel_label(client.preferred_channel))
        self.tags_label.setText(client.tags or dash)
        self.first_contact_label.setText(format_date(client.first_contact) or dash)
        referrer = client.referrer
        self._referrer_id = referrer[0] if referrer is not None else None
        self.referrer_button.setVisible(referrer is not None)
        self.referrer_none.setVisible(referrer is None)
        if referrer is not None:
            self.referrer_button.setText(referrer[1].replace("&", "&&"))  # not a shortcut
        self.referred_label.setText(", ".join(name for _id, name in client.referred) or dash)
        self._notes = client.notes
        shown, clipped = preview(client.notes)
        self.notes_label.setText(shown or dash)
        self.notes_more.setVisible(clipped)
        if clipped:
            size = QLocale().formattedDataSize(
                len(client.notes.encode()), 1, QLocale.DataSizeFormat.DataSizeSIFormat
            )
            self.notes_more.setText(self.tr("Show all notes ({size})").format(size=size))
        self.website_label.setText(client.website or dash)
        if not tab_read:
            self._load_tab(client.client_id)

    def _show_phone(self, phone: str, name: str) -> None:
        number = international_number(phone) if phone else None
        if number is None:
            self.phone_label.setTextFormat(Qt.TextFormat.PlainText)
            self.phone_label.setText(phone or "–")
            self.phone_label.setToolTip("")
            return
        self.phone_label.setTextFormat(Qt.TextFormat.RichText)
        self.phone_label.setText(f'<a href="{chat_link(number).url}">{html.escape(phone)}</a>')
        self.phone_label.setToolTip(
            self.tr("Open the chat with {name} in WhatsApp").format(name=name)
        )

    def _show_all_notes(self) -> None:
        title = self.tr("Notes about {name}").format(name=self.name_label.text())
        TextViewerDialog(title, self._notes, self).exec()

    def _load_tab(self, client_id: int | None) -> None:
        """Only the visible tab queries the database."""
        current = self.tabs.currentWidget()
        show_client = getattr(current, "show_client", None)
        if show_client is not None:
            show_client(client_id)

    def refresh(self) -> None:
        # the client last asked for: the one shown may be on its way out (a read pending)
        self.show_client(self._wanted)
