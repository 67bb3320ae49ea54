"""One format for each thing, from the UI language's locale (issue 14.13: dates were written four
ways — 02/12/2026, 2026-12-02, 4 Dec 2026 and ISO in the import preview —, decimals "K = 0,7" on
screen but "K = 3.0" in the charts, and the restore list said "Coordinated Universal Time")."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from agencydesk.core import backup
from agencydesk.core.models import Client
from agencydesk.qt.chat_import.import_wizard import ImportWizard
from agencydesk.qt.common import formatting
from agencydesk.qt.orders.order_form import OrderFormDialog
from agencydesk.qt.orders.order_model import OrderTableModel
from agencydesk.qt.shell.restore_dialog import RestoreDialog
from agencydesk.qt.tickets.ticket_model import TicketTableModel
from agencydesk.reports.charts.labels import format_k

CHAT = Path(__file__).resolve().parents[1] / "core" / "importers" / "fixtures" / "wa_android_id.txt"
MONTHS = {
    "en": "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept|Oct|Nov|Dec",  # en_GB: "Sept"
    "id": "Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des",
}


def _day(language: str) -> str:
    return rf"\d{{1,2}} ({MONTHS[language]}) \d{{4}}"


def _moment(language: str) -> str:
    return _day(language) + (r" \d\d:\d\d" if language == "en" else r" \d\d\.\d\d")


def test_the_helpers_write_each_kind_one_way(language: str) -> None:
    moment = datetime(2026, 12, 2, 7, 5, tzinfo=UTC)
    local = moment.astimezone()
    day = formatting.format_date(date(2026, 12, 2))
    assert day == {"en": "2 Dec 2026", "id": "2 Des 2026"}[language]
    assert formatting.format_date(moment) == formatting.format_date(local.date())
    time = f"{local:%H:%M}" if language == "en" else f"{local:%H.%M}"
    assert formatting.format_datetime(moment) == f"{formatting.format_date(local)} {time}"
    assert formatting.format_decimal(0.7) == {"en": "0.7", "id": "0,7"}[language]
    assert f"K = {formatting.format_decimal(3.0)}" == format_k(3.0, language)  # as the PDF
    assert formatting.format_number(1250) == {"en": "1,250", "id": "1.250"}[language]
    assert formatting.format_money(1250, "USD") == {"en": "US$ 1,250", "id": "US$ 1.250"}[language]
    durations = [formatting.format_duration(s) for s in (3600, 5700, 1200)]
    expected = {
        "en": ["1 h", "1 h 35 min", "20 min"],
        "id": ["1 jam", "1 jam 35 menit", "20 menit"],
    }
    assert durations == expected[language]


def test_a_long_wait_is_said_in_months_and_years_not_thousands_of_days(language: str) -> None:
    """A ticket of a chat imported from years back had waited "1541 days" on Today."""
    day = 86_400
    lengths = (2, 60, 61, 400, 729, 730, 1541)
    waits = [formatting.format_wait(n * day) for n in lengths]
    assert (
        waits
        == {
            "en": ["2 days", "60 days", "2 months", "13 months", "23 months", "2 years", "4 years"],
            "id": ["2 hari", "60 hari", "2 bulan", "13 bulan", "23 bulan", "2 tahun", "4 tahun"],
        }[language]
    )


def _column(model: TicketTableModel | OrderTableModel, field: str) -> list[str]:
    column = [name for name, _sort in model.COLUMNS].index(field)
    texts = [model.index(row, column).data() for row in range(model.rowCount())]
    return [text for text in texts if text]


def test_lists_forms_and_the_import_preview_show_one_date_style(
    qtbot: QtBot, demo_engine: Engine, language: str
) -> None:
    day, moment = re.compile(_day(language)), re.compile(_moment(language))
    tickets = TicketTableModel(demo_engine)
    tickets.refresh()  # a new model is read by its list (in a worker)
    orders = OrderTableModel(demo_engine)
    orders.refresh()  # a new model is read by its list (in a worker)
    shown = _column(tickets, "due_date") + _column(tickets, "updated_at")
    shown += _column(orders, "quoted_on") + _column(orders, "paid_on")
    assert len(shown) > 20
    assert [text for text in shown if not day.fullmatch(text)] == []

    with Session(demo_engine) as session:
        ratna = session.exec(select(Client).where(Client.name == "Ibu Ratna Wulandari")).one()
    form = OrderFormDialog(demo_engine, client_id=ratna.id)
    qtbot.addWidget(form)
    assert day.fullmatch(form.quoted_on.edit.text())  # a date field writes its day the same way

    wizard = ImportWizard(demo_engine, path=str(CHAT), me_names=["Rudi"])
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=10_000)
    lines = [
        line
        for line in wizard.preview_page.preview.toPlainText().splitlines()
        if line[:1].isdigit()
    ]
    assert len(lines) > 5
    assert [line for line in lines if not moment.match(line)] == []  # was 2024-03-05 09:12
    first, last = wizard.preview_page.range_label.text().split(" – ")
    assert day.fullmatch(first)
    assert day.fullmatch(last)


def test_the_restore_list_shows_local_time_without_a_zone_name(
    qtbot: QtBot, demo_db: Path, language: str
) -> None:
    backup.make_backup(demo_db, reason="manual")
    dialog = RestoreDialog(demo_db)
    qtbot.addWidget(dialog)
    text = dialog.list.item(0).text()
    assert re.match(_moment(language) + " — ", text), text
    assert "Coordinated" not in text
    assert "UTC" not in text
    assert dialog.list.item(0).data(Qt.ItemDataRole.UserRole)
