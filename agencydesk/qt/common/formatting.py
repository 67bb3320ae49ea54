"""Display helpers: money, dates, numbers and labels, in the UI language's locale.

One format for each kind of thing, everywhere in the desk:
- a day: `format_date` ("4 Dec 2026", "4 Des 2026"; the same in date fields: `DATE_EDIT_FORMAT`);
- a moment: `format_datetime`, in local time ("4 Dec 2026 14:05", "4 Des 2026 14.05");
- a decimal number: `format_decimal` ("0.7" in English, "0,7" in Indonesian), a count
  `format_number` ("1,250", "1.250");
- money: `format_money` (core.money: "Rp 9.000.000", "US$ 1,250").
The UI's locale (`locale_for`) is British English (day first, 24-hour clock, a decimal point, as
money is written in English) or Indonesian.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from agencydesk.core import money
from agencydesk.core.choices import Channel
from agencydesk.qt.common.locales import locale_for, ui_language

# how a date field shows its day: the same style as `format_date`
DATE_EDIT_FORMAT = "d MMM yyyy"


def _locale(locale: QLocale | None) -> QLocale:
    return locale or locale_for(ui_language())


def format_money(amount: int, currency: str = "IDR", locale: QLocale | None = None) -> str:
    """Money as everywhere in the desk (core.money): "Rp 9.000.000", "US$ 1,250"."""
    return money.format_money(amount, currency, ui_language(locale))


def format_date(value: date | datetime | None, locale: QLocale | None = None) -> str:
    """A day: "4 Dec 2026" / "4 Des 2026" (a moment: its local day). "" for None."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = _local(value).date()
    return _locale(locale).toString(QDate(value.year, value.month, value.day), DATE_EDIT_FORMAT)


def format_datetime(value: datetime, locale: QLocale | None = None) -> str:
    """A moment in the user's local time: "4 Dec 2026 14:05" / "4 Des 2026 14.05" (a stored
    UTC moment is converted; a naive one, as a chat export gives, is shown as it is)."""
    local = _local(value)
    chosen = _locale(locale)
    time = chosen.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return f"{format_date(local.date(), chosen)} {time}"


def format_month(value: date, locale: QLocale | None = None) -> str:
    """A month: "Dec 2026" / "Des 2026", as the days are written (Today's months, a client's
    hours per month)."""
    return _locale(locale).toString(QDate(value.year, value.month, 1), "MMM yyyy")


def format_day_heading(value: date, locale: QLocale | None = None) -> str:
    """The day as a heading, with its weekday: "Friday, 4 December 2026" / "Jumat, 4 Desember
    2026" (Today's page)."""
    return _locale(locale).toString(QDate(value.year, value.month, value.day), "dddd, d MMMM yyyy")


def format_decimal(value: float, digits: int = 1, locale: QLocale | None = None) -> str:
    """ "0.7" in English, "0,7" in Indonesian (as the PDF's charts write it)."""
    return _locale(locale).toString(float(value), "f", digits)


def format_number(value: int, locale: QLocale | None = None) -> str:
    """A count: "1,250" in English, "1.250" in Indonesian."""
    return _locale(locale).toString(int(value))


def _local(value: datetime) -> datetime:
    return value if value.tzinfo is None else value.astimezone()


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


def format_duration(seconds: int) -> str:
    """1 h 35 min, 1 h, 20 min, 0 min ("1 h 0 min" crowded the ticket view's time line)."""
    minutes = max(0, int(seconds)) // 60
    hours, minutes = divmod(minutes, 60)
    if hours and not minutes:
        return QCoreApplication.translate("Duration", "{n} h").format(n=hours)
    if hours:
        return QCoreApplication.translate("Duration", "{h} h {m} min").format(h=hours, m=minutes)
    return QCoreApplication.translate("Duration", "{m} min").format(m=minutes)


def format_wait(seconds: float) -> str:
    """How long someone has waited, in the largest sensible unit: minutes, hours (from one),
    days (from two), months (from two: a ticket of a chat imported from years back is not
    "waiting 1541 days") and years (from two); so days, months and years are always plural."""
    minutes = int(seconds // 60)
    if minutes < 60:
        return QCoreApplication.translate("Duration", "{n} min").format(n=max(minutes, 0))
    hours = minutes // 60
    if hours < 48:
        return QCoreApplication.translate("Duration", "{n} h").format(n=hours)
    days = hours // 24
    months = days * 12 // 365
    if months < 2:
        return QCoreApplication.translate("Duration", "{n} days").format(n=days)
    if months < 24:
        return QCoreApplication.translate("Duration", "{n} months").format(n=months)
    return QCoreApplication.translate("Duration", "{n} years").format(n=days // 365)
