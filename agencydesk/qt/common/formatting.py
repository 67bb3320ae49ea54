"""Display helpers: money, dates and labels, in the UI's locale."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from agencydesk.core import money
from agencydesk.core.choices import Channel


def ui_language(locale: QLocale | None = None) -> str:
    """ "id" when the UI speaks Indonesian, else "en" (the languages the desk has)."""
    language = (locale or QLocale()).language()
    return "id" if language == QLocale.Language.Indonesian else "en"


def format_money(amount: int, currency: str = "IDR", locale: QLocale | None = None) -> str:
    """Money as everywhere in the desk (core.money): "Rp 9.000.000", "US$ 1,250"."""
    return money.format_money(amount, currency, ui_language(locale))


def format_date(value: date | None, locale: QLocale | None = None) -> str:
    if value is None:
        return ""
    return (locale or QLocale()).toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.LongFormat
    )


def channel_label(channel: str) -> str:
    labels = {
        Channel.WHATSAPP: QCoreApplication.translate("Channel", "WhatsApp"),
        Channel.PHONE: QCoreApplication.translate("Channel", "Phone call"),
        Channel.EMAIL: QCoreApplication.translate("Channel", "Email"),
        Channel.TELEGRAM: QCoreApplication.translate("Channel", "Telegram"),
        Channel.LINE: QCoreApplication.translate("Channel", "LINE"),
        Channel.IN_PERSON: QCoreApplication.translate("Channel", "In person"),
        Channel.OTHER: QCoreApplication.translate("Channel", "Other"),
    }
    try:
        return labels[Channel(channel)]
    except ValueError:
        return channel


def tech_comfort_label(level: int) -> str:
    labels = {
        1: QCoreApplication.translate("TechComfort", "1 – needs every step explained"),
        2: QCoreApplication.translate("TechComfort", "2 – needs patient help"),
        3: QCoreApplication.translate("TechComfort", "3 – manages with some help"),
        4: QCoreApplication.translate("TechComfort", "4 – comfortable"),
        5: QCoreApplication.translate("TechComfort", "5 – very comfortable"),
    }
    return labels.get(level, str(level))


def tech_comfort_dots(level: int) -> str:
    level = max(0, min(5, level))
    return "●" * level + "○" * (5 - level)


def format_short_date(value: date | None, locale: QLocale | None = None) -> str:
    if value is None:
        return ""
    return (locale or QLocale()).toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
    )


def format_datetime(value: datetime, locale: QLocale | None = None) -> str:
    """A stored (UTC) moment in the user's local time, e.g. "23/11/26 14.05"."""
    local = value if value.tzinfo is None else value.astimezone()
    qdt = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    return (locale or QLocale()).toString(qdt, QLocale.FormatType.ShortFormat)


def format_duration(seconds: int) -> str:
    """1 h 35 min, 20 min, 0 min."""
    minutes = max(0, int(seconds)) // 60
    hours, minutes = divmod(minutes, 60)
    if hours:
        return QCoreApplication.translate("Duration", "{h} h {m} min").format(h=hours, m=minutes)
    return QCoreApplication.translate("Duration", "{m} min").format(m=minutes)


def format_wait(seconds: float) -> str:
    """How long someone has waited, in the largest sensible unit."""
    minutes = int(seconds // 60)
    if minutes < 60:
        return QCoreApplication.translate("Duration", "{n} min").format(n=max(minutes, 0))
    hours = minutes // 60
    if hours < 48:
        return QCoreApplication.translate("Duration", "{n} h").format(n=hours)
    return QCoreApplication.translate("Duration", "{n} days").format(n=hours // 24)
