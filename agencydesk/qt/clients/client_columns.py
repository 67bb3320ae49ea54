"""The client list's columns: titles, cell texts and widths.

Shared by the ORM-backed list (`client_model`, `clients_page`) and the read-only list shown at
start-up before the data layer is imported (`quick_client_view`), so both look the same. Light:
Qt and SQLAlchemy-free core modules only. Strings keep their original translation contexts.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTableView

from agencydesk.core.rows import ClientRow
from agencydesk.qt.common.columns_by_room import ColumnsByRoom
from agencydesk.qt.common.formatting import channel_label, tech_comfort_dots, tech_comfort_label

# the ClientRow field each column shows, left to right
FIELDS = ("name", "company", "city", "phone", "tech_comfort", "preferred_channel", "tags")
# the widths of the columns; the name's takes the room the others leave (`NAME_COLUMN`)
COLUMN_WIDTHS = (170, 150, 130, 135, 80, 95, 120)
NAME_COLUMN = 0
# the names' least width, in average characters, before other columns step aside: tags,
# preferred channel, city, company, comfort, and last the phone (how clients are reached; in
# the narrowest window the names alone are readable, the phone is in the details beside).
# At 1280 points the list scrolled sideways to the comfort dots.
NAME_LEAST_CHARS = 18
GIVE_WAY = (6, 5, 2, 1, 4, 3)
CLIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def header_titles() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("ClientTableModel", "Name"),
        QCoreApplication.translate("ClientTableModel", "Company"),
        QCoreApplication.translate("ClientTableModel", "City / island"),
        QCoreApplication.translate("ClientTableModel", "Phone / WhatsApp"),
        QCoreApplication.translate("ClientTableModel", "Comfort"),
        QCoreApplication.translate("ClientTableModel", "Prefers"),
        QCoreApplication.translate("ClientTableModel", "Tags"),
    )


def header_data(section: int, orientation: Qt.Orientation, role: int) -> Any:
    """What a client table model's headerData() returns."""
    if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(FIELDS):
        return None
    if role == Qt.ItemDataRole.DisplayRole:
        return header_titles()[section]
    if role == Qt.ItemDataRole.ToolTipRole and FIELDS[section] == "tech_comfort":
        return QCoreApplication.translate(
            "ClientTableModel", "How comfortable the client is with technology, from 1 to 5"
        )
    return None


def cell_data(row: ClientRow, column: int, role: int) -> Any:
    """What a client table model's data() returns for *row* in *column*."""
    field = FIELDS[column]
    if role == Qt.ItemDataRole.DisplayRole:
        if field == "tech_comfort":
            return tech_comfort_dots(row.tech_comfort)
        if field == "preferred_channel":
            return channel_label(row.preferred_channel)
        return getattr(row, field)
    if role == Qt.ItemDataRole.ToolTipRole and field == "tech_comfort":
        return tech_comfort_label(row.tech_comfort)
    if role == CLIENT_ID_ROLE:
        return row.id
    return None


def search_placeholder() -> str:
    return QCoreApplication.translate(
        "ClientsPage", "Search by name, company, phone, email, city or tag  (Ctrl+F)"
    )


def new_client_title() -> str:
    """The "New client…" button's words: "…" as on every button that opens a form."""
    return QCoreApplication.translate("ClientsPage", "New client…")


def client_columns_by_room(table: QTableView) -> ColumnsByRoom:
    """The client list's columns stepping aside while the names would be too narrow, the same
    in the start-up list and the real one (no jump when one takes the other's place)."""
    return ColumnsByRoom(table, main=NAME_COLUMN, least_chars=NAME_LEAST_CHARS, give_way=GIVE_WAY)
