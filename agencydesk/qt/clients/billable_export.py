"""*Export hours (CSV)…* on a client's Tickets tab: their time per month (billable hours, other
hours) as a CSV file a spreadsheet or an invoice reads; `agencydesk time CLIENT --csv` does the
same at a shell."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import time_entries
from agencydesk.qt.common.dialogs import show_info, show_user_error
from agencydesk.qt.common.save_file import ask_save_file


def export_billable_hours(
    parent: QWidget, engine: Engine, client_id: int, name: str
) -> Path | None:
    """Ask where, write the CSV, say where it is; None when cancelled or it could not be
    written (said in a sentence)."""
    path = ask_save_file(
        parent,
        QCoreApplication.translate("BillableExport", "Save {name}'s hours").format(name=name),
        f"{name} hours.csv",
        QCoreApplication.translate("BillableExport", "CSV files (*.csv)"),
        ".csv",
    )
    if path is None:
        return None
    with Session(engine) as session:
        text = time_entries.billable_months_csv(session=session, client_id=client_id)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        show_user_error(
            parent,
            QCoreApplication.translate(
                "BillableExport", "Could not write {path}: {why}. Choose another folder."
            ).format(path=path, why=exc.strerror or exc),
        )
        return None
    show_info(
        parent,
        QCoreApplication.translate("BillableExport", "Hours saved"),
        QCoreApplication.translate(
            "BillableExport", "{name}'s hours per month are saved: {path}"
        ).format(name=name, path=path),
    )
    return path
