"""*Export hours (CSV)…* on a client's Tickets tab: their time per month (billable hours, other
hours) as a CSV file a spreadsheet or an invoice reads; `agencydesk time CLIENT --csv` does the
same at a shell."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QWidget
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import time_entries
from agencydesk.core.files import write_text_atomically
from agencydesk.qt.common import workers
from agencydesk.qt.common.dialogs import report_exception, show_info
from agencydesk.qt.common.save_file import ask_save_file


def export_billable_hours(
    parent: QWidget, engine: Engine, client_id: int, name: str, *, system: QLocale | None = None
) -> None:
    """Ask where, then read and write the CSV in a worker (a team server is a network away; the
    file appears whole or not at all) and say where it is, or why it could not be written.

    The figures are written as the computer's regional settings (*system*, default
    `QLocale.system()`) write numbers: a spreadsheet opens a CSV file by those, whatever
    language agencydesk speaks."""
    decimal_comma = (system or QLocale.system()).decimalPoint() == ","
    path = ask_save_file(
        parent,
        QCoreApplication.translate("BillableExport", "Save {name}'s hours").format(name=name),
        f"{name} hours.csv",
        QCoreApplication.translate("BillableExport", "CSV files (*.csv)"),
        ".csv",
    )
    if path is None:
        return

    def write() -> Path:
        with Session(engine) as session:
            text = time_entries.billable_months_csv(
                session=session, client_id=client_id, decimal_comma=decimal_comma
            )
        write_text_atomically(path, text)
        return path

    def written(path: Path) -> None:
        show_info(
            parent,
            QCoreApplication.translate("BillableExport", "Hours saved"),
            QCoreApplication.translate(
                "BillableExport", "{name}'s hours per month are saved: {path}"
            ).format(name=name, path=path),
        )

    workers.run_task(
        write, written, lambda exc, details: report_exception(parent, exc, details), owner=parent
    )
