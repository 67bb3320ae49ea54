"""What the importers say, by kind: why a file cannot be imported (`PROBLEMS`, the English of a
`ChatImportError`) and what they noticed while reading one (`NOTES`, the English of a
`ReadingNote`). The command line and the log say the English; a window says the same kind in
its own language (`qt.chat_import.problems`), its {names} filled in with the same values.

Plain Python (stdlib only), like the rest of the importers.
"""

from __future__ import annotations

from typing import Any

#: the first words of every problem of a file that is no chat export the importers can read
_NOT_A_CHAT = (
    "does not look like a chat export we can read "
    "(WhatsApp, Telegram, LINE, Messenger/Instagram or CSV)"
)
_EXPORT_MEDIA_AGAIN = (
    "in it cannot be unpacked. Export the chat again with media (or copy the zip again: a copy "
    "may have been cut off)"
)
_SAVE_CSV_AGAIN = "Save it again from the spreadsheet as CSV"

#: the English of `ChatImportError`'s kinds: what follows the file's name (“chat.txt”: …)
PROBLEMS: dict[str, str] = {
    # reading the file
    "missing": "does not exist",
    "folder": "is a folder, not a file",
    "permission_denied": "cannot be opened: permission denied",
    "unreadable": "cannot be read ({why})",
    "too_large": "is too large to be a chat export",
    "too_large_mb": "is too large to be a chat export (more than {megabytes} MB)",
    "too_large_for_memory": "is too large to read into memory",
    "unexpected": (
        "could not be read because of an unexpected problem; the file may be damaged. Export "
        "the chat again and choose the new file"
    ),
    "not_text": "was not given as text",
    "not_bytes": "was not given as bytes",
    "unknown_date_order": "unknown date order {order!r}; use one of {orders}",
    # what the file is
    "empty": "is empty",
    "not_a_chat": _NOT_A_CHAT,
    "binary": _NOT_A_CHAT + " (it contains binary data)",
    "pdf": _NOT_A_CHAT + " (it is a PDF document)",
    "other_json": _NOT_A_CHAT + " (it is JSON of another kind)",
    "no_complete_message": _NOT_A_CHAT + " (it holds no complete message)",
    # JSON (Telegram, Messenger, Instagram)
    "not_json": (
        "is not valid JSON ({reason}, column {column}); the export may be damaged or cut off"
    ),
    "json_too_deep": "is not a chat export: its JSON is nested too deeply",
    "json_number_too_long": "is not a chat export: its JSON holds a number too long to read",
    "impossible_timestamp": "contains an impossible timestamp ({seconds!r})",
    "not_telegram": "is not a Telegram export",
    "telegram_no_message_list": "is a Telegram export without a message list",
    "telegram_no_messages": "is a Telegram export without any messages",
    "telegram_no_date": "message {id} has no readable date",
    "not_messenger": "is not a Messenger or Instagram export",
    "messenger_no_timestamp": "a message has no readable timestamp",
    # zip files
    # (the zip cannot be read at all: a cut-off copy, a damaged file, or only named ".zip")
    "damaged_zip": (
        "is damaged or not a complete zip file, so it cannot be opened. Export the chat from "
        "WhatsApp again (or copy the file again: a copy may have been cut off)"
    ),
    "no_chat_in_zip": (
        "is a zip file without a single chat export inside "
        "(expected a WhatsApp chat .txt such as “_chat.txt”)"
    ),
    "zip_several_chats": "is a zip file with several chat .txt files; unzip it and pick one",
    "zip_too_many_entries": "is a zip file with too many entries ({count})",
    "zip_unsafe_entry": "is a zip file with an unsafe entry name ({entry!r}); it was not opened",
    "zip_entry_too_large": "is a zip file whose entry {entry!r} is too large",
    "zip_entry_too_large_mb": "is a zip file whose entry {entry!r} is too large ({megabytes} MB)",
    "zip_entry_expands": (
        "is a zip file whose entry {entry!r} expands suspiciously much; it was not opened"
    ),
    "zip_too_large": "is a zip file that would expand to more than 4 GB",
    "unsafe_media_name": "has an unsafe media name {name!r}",
    "media_too_large": "has a media file that is too large ({name!r})",
    "media_not_written": (
        "could not be unpacked: writing its media files failed ({why}). Free some space on the "
        "disk or check the folder's permissions, then import again"
    ),
    "damaged_media": "is damaged: the media file “{name}” " + _EXPORT_MEDIA_AGAIN,
    "damaged_media_files": "is damaged: the media files " + _EXPORT_MEDIA_AGAIN,
    # CSV
    "csv_no_header": "is not a CSV file with a header row",
    "csv_unknown_field": "unknown CSV field {field!r} in the column mapping; use {fields}",
    "csv_no_column": "has no column named {column!r} (columns: {columns})",
    "csv_columns_unmatched": (
        "is a CSV file, but its columns could not be matched to date, sender and text "
        "(columns: {columns}); give a column mapping"
    ),
    "csv_quote_never_ends": "is not valid CSV: a quoted cell never ends. " + _SAVE_CSV_AGAIN,
    "csv_row_unreadable": "is not valid CSV: a row cannot be read. " + _SAVE_CSV_AGAIN,
    "csv_no_rows": "is a CSV file without any rows",
    "csv_bad_date": "has a date that cannot be read: {date!r}",
    # LINE
    "line_impossible_date": "has an impossible date",
    # WhatsApp
    "whatsapp_unexpected_date": "unexpected date {date!r}",
    "whatsapp_year_last": "dates in this file are written with the year last, not YMD",
    "whatsapp_impossible_dates": (
        "most dates in this file are impossible when read as {order}; choose another date order"
    ),
}

#: the problems another date order may solve (the window offers the choice beside them only)
DATE_ORDER_MAY_HELP = frozenset(
    {
        "csv_bad_date",
        "line_impossible_date",
        "whatsapp_unexpected_date",
        "whatsapp_year_last",
        "whatsapp_impossible_dates",
        "no_complete_message",
    }
)

#: what a problem of the chat inside a zip adds to it (a `ChatImportError`'s *member*)
IN_ZIP = " (in “{member}” inside the zip)"

#: the English of `ReadingNote`'s kinds
NOTES: dict[str, str] = {
    # decoding the file
    "cut_in_a_character": "The file ends in the middle of a character; it may have been cut off.",
    "not_utf8_replaced": (
        "{count} character(s) were not valid UTF-8 and were replaced with “�” (the first "
        "on line {line})."
    ),
    "read_as_windows_1252": "The file is not UTF-8; it was read as Windows-1252 text.",
    "not_encoding_replaced": "Some characters were not valid {encoding} and were replaced.",
    # WhatsApp
    "lines_before_first_message": "{count} line(s) before the first message were ignored.",
    "line_before_first_message": "A line before the first message was ignored.",
    "cut_in_a_header": (
        "The file seems to be cut off: its last line is an incomplete message header and was "
        "ignored."
    ),
    "cut_in_a_message": (
        "The file seems to be cut off: its last message is incomplete and was ignored."
    ),
    "year_first_order_ignored": (
        "Dates in this file are written year first; date order {order} was ignored."
    ),
    "impossible_headers_kept": (
        "{count} line(s) looked like message headers but had impossible dates or times; they "
        "were kept as text of the previous message."
    ),
    # LINE
    "messages_before_first_date": ("{count} message(s) before the first date line were ignored."),
    "cut_in_a_quote": (
        "The file seems to be cut off: its last message starts a quoted text that never ends."
    ),
    # Telegram
    "telegram_chats_merged": (
        "This Telegram export holds {count} chats; their messages were merged. Export a single "
        "chat to import just one."
    ),
}


def _note(kind: str, values: dict[str, Any]) -> ReadingNote:
    return ReadingNote(kind, **values)


class ReadingNote(str):
    """One of `ParsedChat.warnings`: its English text (so it is the str everyone reads, and
    equal to it), with the *kind* (a key of `NOTES`) and *values* a window says it in its own
    language by. Made only when there is something to note: never in a parser's loop."""

    kind: str
    values: dict[str, Any]

    def __new__(cls, kind: str, **values: Any) -> ReadingNote:
        note = super().__new__(cls, NOTES[kind].format(**values))
        note.kind = kind
        note.values = values
        return note

    def __reduce__(self) -> tuple[Any, ...]:
        # sent between the processes of a parse in halves: the kind and values go along
        return (_note, (self.kind, self.values))
