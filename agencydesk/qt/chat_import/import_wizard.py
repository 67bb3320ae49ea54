"""File ▸ Import chat…: read a chat export and add it to a client's history, step by step.

Choose the file → preview (parsed in a worker) → who is who → where it goes → import (in a
worker, with Cancel: nothing is saved then) → summary. Only plain values cross threads: the
parsed chat (plain dataclasses), ids and the mapping; the import opens its own Session.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from agencydesk.qt.chat_import.choice_pages import MappingPage, TargetPage
from agencydesk.qt.chat_import.import_pages import ImportPage, SummaryPage
from agencydesk.qt.chat_import.reading_pages import FilePage, PreviewPage

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


class ImportWizard(QWizard):
    """The chat import, start to finish. `open_ticket_requested(id)` asks the window to show it."""

    open_ticket_requested = Signal(int)

    def __init__(
        self,
        engine: Engine,
        *,
        path: str | None = None,
        client_id: int | None = None,
        me_names: list[str] | None = None,
        data_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.client_id = client_id
        self.me_names = [n for n in (me_names or []) if n.strip()]
        self.data_dir = data_dir
        self.setWindowTitle(self.tr("Import chat"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.file_page = FilePage(path)
        self.preview_page = PreviewPage()
        self.mapping_page = MappingPage()
        self.target_page = TargetPage()
        self.import_page = ImportPage()
        self.summary_page = SummaryPage()
        for page in (
            self.file_page,
            self.preview_page,
            self.mapping_page,
            self.target_page,
            self.import_page,
            self.summary_page,
        ):
            self.addPage(page)
        self.target_page.setButtonText(QWizard.WizardButton.NextButton, self.tr("Import"))
        # one size for every page: the pages' long names and titles are cut or wrapped to it
        self.setMinimumSize(720, 560)
        self.resize(720, 560)

    def reject(self) -> None:
        if self.import_page.running:  # let the worker stop; nothing is saved
            self.import_page.cancel()
            return
        super().reject()
