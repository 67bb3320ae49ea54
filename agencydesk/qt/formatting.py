"""Display helpers: money, dates and labels, in the UI's locale."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from agencydesk.core.models import Channel

_INDONESIAN = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
_SYMBOLS = {"USD": "$", "EUR": "€", "SGD": "S$"}


def format_money(amount: int, currency: str = "IDR", locale: QLocale | None = None) -> str:
    """Rupiah the way Indonesians write it, whatever the UI language: "Rp 9.000.000".

    Other currencies (the occasional USD job) follow the UI locale: "$1,250.00".
    """
    if currency == "IDR":
        return f"Rp {_INDONESIAN.toString(int(amount))}"
    symbol = _SYMBOLS.get(currency, f"{currency} ")
    return (locale or QLocale()).toCurrencyString(float(amount), symbol)


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
