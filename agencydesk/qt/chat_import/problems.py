"""Why a file cannot be imported, and what reading it noticed, in the window's language: the
importers say a kind and its values (`core.importers.problems`: a `ChatImportError`, a
`ReadingNote`), the window says the kind's sentence here, its {names} filled in after the
translation. A kind the window does not know yet is said in the importer's English."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale

from agencydesk.core.importers.jsonutil import CUT_OFF
from agencydesk.qt.common.core_sentences import os_words

if TYPE_CHECKING:
    from agencydesk.core.importers import ChatImportError

# the first words of the importers' problems that read on after "The file"
_VERBS = ("is ", "does ", "has ", "was ", "cannot ", "could ", "contains ")


def _problems() -> dict[str, str]:
    """Each kind of `PROBLEMS` as the window says it: a whole sentence (or two)."""
    translate = QCoreApplication.translate
    return {
        # reading the file
        "missing": translate("ImportProblem", "The file does not exist (any more)."),
        "folder": translate("ImportProblem", "This is a folder, not a file."),
        "permission_denied": translate(
            "ImportProblem", "The file cannot be opened: you may not read it."
        ),
        "unreadable": translate("ImportProblem", "The file cannot be read ({why})."),
        "too_large": translate("ImportProblem", "The file is too large to be a chat export."),
        "too_large_mb": translate(
            "ImportProblem", "The file is too large to be a chat export (more than {megabytes} MB)."
        ),
        "too_large_for_memory": translate(
            "ImportProblem", "The file is too large to be read into this computer's memory."
        ),
        "unexpected": translate(
            "ImportProblem",
            "The file could not be read because of an unexpected problem; it may be damaged. "
            "Export the chat again and choose the new file.",
        ),
        "not_text": translate("ImportProblem", "The file was not given as text."),
        "not_bytes": translate("ImportProblem", "The file was not given as bytes."),
        "unknown_date_order": translate(
            "ImportProblem", "The date order {order} is unknown; use one of {orders}."
        ),
        # what the file is
        "empty": translate("ImportProblem", "The file is empty."),
        "not_a_chat": translate(
            "ImportProblem",
            "The file does not look like a chat export agencydesk can read (WhatsApp, "
            "Telegram, LINE, Messenger/Instagram or CSV).",
        ),
        "binary": translate(
            "ImportProblem",
            "The file is not a chat export: it holds binary data (a picture, a document or a "
            "program).",
        ),
        "pdf": translate("ImportProblem", "The file is a PDF document, not a chat export."),
        "other_json": translate(
            "ImportProblem", "The file is JSON, but not a chat export agencydesk can read."
        ),
        "no_complete_message": translate(
            "ImportProblem",
            "The file does not look like a chat export agencydesk can read: it holds no "
            "complete message.",
        ),
        # JSON (Telegram, Messenger, Instagram)
        "not_json": translate(
            "ImportProblem",
            "The file is not valid JSON (line {line}, column {column}: {reason}); the export may "
            "be damaged or cut off.",
        ),
        "json_too_deep": translate(
            "ImportProblem", "The file is not a chat export: its JSON is nested too deeply."
        ),
        "json_number_too_long": translate(
            "ImportProblem",
            "The file is not a chat export: its JSON holds a number too long to read.",
        ),
        "impossible_timestamp": translate(
            "ImportProblem", "The file holds an impossible time ({seconds})."
        ),
        "not_telegram": translate("ImportProblem", "The file is not a Telegram export."),
        "telegram_no_message_list": translate(
            "ImportProblem", "The file is a Telegram export without a list of messages."
        ),
        "telegram_no_messages": translate(
            "ImportProblem", "The file is a Telegram export without any messages."
        ),
        "telegram_no_date": translate(
            "ImportProblem", "Message {id} of the file has no date that can be read."
        ),
        "not_messenger": translate(
            "ImportProblem", "The file is not a Messenger or Instagram export."
        ),
        "messenger_no_timestamp": translate(
            "ImportProblem", "A message of the file has no time that can be read."
        ),
        # zip files
        "damaged_zip": translate(
            "ImportProblem",
            "The file is damaged or not a complete zip file, so it cannot be opened. Export the "
            "chat from WhatsApp again (or copy the file again: a copy may have been cut off).",
        ),
        "no_chat_in_zip": translate(
            "ImportProblem",
            "The zip file holds no chat export (a WhatsApp chat .txt such as “_chat.txt”).",
        ),
        "zip_several_chats": translate(
            "ImportProblem",
            "The zip file holds several chat .txt files: unzip it and choose one of them.",
        ),
        "zip_too_many_entries": translate(
            "ImportProblem", "The zip file holds too many files ({count})."
        ),
        "zip_unsafe_entry": translate(
            "ImportProblem",
            "The zip file holds a file with an unsafe name (“{entry}”), so it was not opened.",
        ),
        "zip_entry_too_large": translate(
            "ImportProblem", "The file “{entry}” in the zip is too large."
        ),
        "zip_entry_too_large_mb": translate(
            "ImportProblem", "The file “{entry}” in the zip is too large ({megabytes} MB)."
        ),
        "zip_entry_expands": translate(
            "ImportProblem",
            "The file “{entry}” in the zip would unpack to suspiciously much, so the zip was not "
            "opened.",
        ),
        "zip_too_large": translate("ImportProblem", "The zip file would unpack to more than 4 GB."),
        "unsafe_media_name": translate(
            "ImportProblem", "The zip file holds a media file with an unsafe name (“{name}”)."
        ),
        "media_too_large": translate(
            "ImportProblem", "The media file “{name}” in the zip is too large."
        ),
        "media_not_written": translate(
            "ImportProblem",
            "The zip file could not be unpacked: writing its media files failed ({why}). Free "
            "some space on the disk or check the folder's permissions, then import again.",
        ),
        "damaged_media": translate(
            "ImportProblem",
            "The zip file is damaged: the media file “{name}” in it cannot be unpacked. Export "
            "the chat again with media (or copy the zip again: a copy may have been cut off).",
        ),
        "damaged_media_files": translate(
            "ImportProblem",
            "The zip file is damaged: its media files cannot be unpacked. Export the chat again "
            "with media (or copy the zip again: a copy may have been cut off).",
        ),
        # CSV
        "csv_no_header": translate(
            "ImportProblem", "The file is not a CSV table with a row of column names."
        ),
        "csv_unknown_field": translate(
            "ImportProblem", "The column mapping names an unknown field (“{field}”); use {fields}."
        ),
        "csv_no_column": translate(
            "ImportProblem", "The table has no column named “{column}” (its columns: {columns})."
        ),
        "csv_columns_unmatched": translate(
            "ImportProblem",
            "The file is a CSV table, but its columns could not be matched to date, sender and "
            "text (its columns: {columns}). Name them date, sender and text in the first row, "
            "then choose the file again.",
        ),
        "csv_quote_never_ends": translate(
            "ImportProblem",
            "The file is not a valid CSV table: a quoted cell never ends (line {line}). Save it "
            "again from the spreadsheet as CSV.",
        ),
        "csv_row_unreadable": translate(
            "ImportProblem",
            "The file is not a valid CSV table: line {line} cannot be read. Save it again from "
            "the spreadsheet as CSV.",
        ),
        "csv_no_rows": translate("ImportProblem", "The file is a CSV table without any rows."),
        "csv_bad_date": translate(
            "ImportProblem", "The date on line {line} cannot be read: “{date}”."
        ),
        # LINE
        "line_impossible_date": translate(
            "ImportProblem", "The file has an impossible date on line {line}."
        ),
        # WhatsApp
        "whatsapp_unexpected_date": translate(
            "ImportProblem", "The file has an unexpected date: “{date}”."
        ),
        "whatsapp_year_last": translate(
            "ImportProblem",
            "The dates in this file are written with the year last, not year/month/day: choose "
            "another date order.",
        ),
        "whatsapp_impossible_dates": translate(
            "ImportProblem",
            "Most dates in this file are impossible when read as {order}: choose another date "
            "order.",
        ),
    }


def _notes() -> dict[str, str]:
    """Each kind of `NOTES` as the window says it."""
    translate = QCoreApplication.translate
    return {
        # decoding the file
        "cut_in_a_character": translate(
            "ReadingNote", "The file ends in the middle of a character; it may have been cut off."
        ),
        "not_utf8_replaced": translate(
            "ReadingNote",
            "{count} character(s) were not valid UTF-8 and were replaced with “�” (the "
            "first on line {line}).",
        ),
        "read_as_windows_1252": translate(
            "ReadingNote", "The file is not UTF-8; it was read as Windows-1252 text."
        ),
        "not_encoding_replaced": translate(
            "ReadingNote", "Some characters were not valid {encoding} and were replaced."
        ),
        # WhatsApp
        "lines_before_first_message": translate(
            "ReadingNote", "{count} line(s) before the first message were ignored."
        ),
        "line_before_first_message": translate(
            "ReadingNote", "A line before the first message was ignored."
        ),
        "cut_in_a_header": translate(
            "ReadingNote",
            "The file seems to be cut off: its last line is the incomplete start of a message "
            "and was ignored.",
        ),
        "cut_in_a_message": translate(
            "ReadingNote",
            "The file seems to be cut off: its last message is incomplete and was ignored.",
        ),
        "year_first_order_ignored": translate(
            "ReadingNote",
            "Dates in this file are written year first; the date order {order} was ignored.",
        ),
        "impossible_headers_kept": translate(
            "ReadingNote",
            "{count} line(s) looked like the start of a message but had impossible dates or "
            "times; they were kept as text of the message before them.",
        ),
        # LINE
        "messages_before_first_date": translate(
            "ReadingNote", "{count} message(s) before the first date line were ignored."
        ),
        "cut_in_a_quote": translate(
            "ReadingNote",
            "The file seems to be cut off: its last message starts a quoted text that never ends.",
        ),
        # Telegram
        "telegram_chats_merged": translate(
            "ReadingNote",
            "This Telegram export holds {count} chats; their messages were merged. Export a "
            "single chat to import just one.",
        ),
    }


def _json_reasons() -> dict[str, str]:
    """What Python's JSON reader says is wrong (the ``reason`` of "not_json"), in the window's
    language: an Indonesian window said "Expecting ',' delimiter"."""
    translate = QCoreApplication.translate
    return {
        CUT_OFF: translate("ImportProblem", "the file ends before its data does"),
        "Expecting value": translate("ImportProblem", "a value is missing"),
        "Expecting ',' delimiter": translate("ImportProblem", "a comma is missing"),
        "Expecting ':' delimiter": translate("ImportProblem", "a colon is missing"),
        "Expecting property name enclosed in double quotes": translate(
            "ImportProblem", "a name in double quotes is missing"
        ),
        "Unterminated string starting at": translate(
            "ImportProblem", "a text in quotes does not end"
        ),
        "Invalid control character at": translate(
            "ImportProblem", "a control character inside a text"
        ),
        "Invalid \\escape": translate("ImportProblem", "a backslash escape that is not valid"),
        "Invalid \\uXXXX escape": translate(
            "ImportProblem", "a backslash escape that is not valid"
        ),
        "Extra data": translate("ImportProblem", "more follows after the end of the data"),
        "Illegal trailing comma before end of object": translate(
            "ImportProblem", "a comma before the end"
        ),
        "Illegal trailing comma before end of array": translate(
            "ImportProblem", "a comma before the end"
        ),
    }


def _shown(values: dict[str, Any]) -> dict[str, str]:
    """The values as the window shows them: counts in the window's digits, a date order in
    words, the system's and the JSON reader's reasons in the window's language."""
    orders = {
        "DMY": QCoreApplication.translate("ImportProblem", "day/month/year"),
        "MDY": QCoreApplication.translate("ImportProblem", "month/day/year"),
        "YMD": QCoreApplication.translate("ImportProblem", "year/month/day"),
    }
    words = os_words()  # the operating system's reason a file could not be read or written
    shown: dict[str, str] = {}
    for name, value in values.items():
        if name in ("line", "column"):
            shown[name] = str(value)  # as a text editor numbers them: 1234, not 1,234
        elif isinstance(value, int) and not isinstance(value, bool):
            shown[name] = QLocale().toString(value)
        elif name == "order" and value in orders:
            shown[name] = orders[value]
        elif name == "reason":
            # one a newer Python words otherwise: said without the reader's English
            shown[name] = _json_reasons().get(
                str(value),
                QCoreApplication.translate("ImportProblem", "it cannot be read from there on"),
            )
        else:
            shown[name] = words.get(str(value), str(value))
    return shown


def _before_the_end(sentence: str, addition: str) -> str:
    """*addition* (" (line 3)") before the full stop that ends *sentence*."""
    if sentence.endswith("."):
        return sentence[:-1] + addition + "."
    return sentence + addition


def problem_sentence(exc: ChatImportError) -> str:
    """One sentence (or two) for why the file of *exc* cannot be imported."""
    sentence = _problems().get(exc.kind)
    if sentence is None or (exc.line is None and "{line}" in sentence):
        return _english_sentence(exc.problem, exc.line)
    line = str(exc.line)  # as a text editor numbers it: 1234, not 1,234
    text = sentence.format(**_shown(exc.values), line=line)
    if exc.line is not None and "{line}" not in sentence:
        where = QCoreApplication.translate("ImportProblem", " (line {line})").format(line=line)
        text = _before_the_end(text, where)
    if exc.member is not None:
        inside = QCoreApplication.translate(
            "ImportProblem", " (in “{member}” inside the zip)"
        ).format(member=exc.member)
        text = _before_the_end(text, inside)
    return text


def note_sentence(note: str) -> str:
    """A note from reading a file (one of `ParsedChat.warnings`) in the window's language."""
    kind = getattr(note, "kind", None)
    sentence = _notes().get(kind) if isinstance(kind, str) else None
    if sentence is None:
        return str(note)
    return sentence.format(**_shown(getattr(note, "values", {})))


def _english_sentence(problem: str, line: int | None) -> str:
    """A problem the window has no sentence for, in the importer's English words."""
    where = (
        QCoreApplication.translate("ImportProblem", " (line {line})").format(line=line)
        if line
        else ""
    )
    if problem.startswith(_VERBS):
        return QCoreApplication.translate("ImportProblem", "The file {problem}{where}.").format(
            problem=problem, where=where
        )
    return problem[:1].upper() + problem[1:] + where + "."
