"""How a page of the import wizard reaches the wizard (and through it the other pages).

The pages live in their own modules and the wizard imports them; they name the wizard's type
only for the type checker, so the modules do not import each other in a circle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QWizardPage

if TYPE_CHECKING:
    from agencydesk.qt.chat_import.import_wizard import ImportWizard


def the_wizard(page: QWizardPage) -> ImportWizard:
    """The `ImportWizard` *page* belongs to (pages are only ever added to one)."""
    return cast("ImportWizard", page.wizard())
