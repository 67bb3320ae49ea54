"""The two languages' locales. Qt only: the window's language is set with it before the window
is shown, without the formatting helpers (and the money and choices modules they import)."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def locale_for(language: str) -> QLocale:
    """The locale the desk formats with when it speaks *language* ("en" or "id")."""
    if language == "id":
        return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def ui_language(locale: QLocale | None = None) -> str:
    """ "id" when the UI speaks Indonesian, else "en" (the languages the desk has)."""
    language = (locale or QLocale()).language()
    return "id" if language == QLocale.Language.Indonesian else "en"
