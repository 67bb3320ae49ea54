"""The words of a message that holds none of its own (core.message_notes): "message deleted",
"photo not in the export", in the UI's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from agencydesk.core.message_notes import Note


def note_text(note: Note) -> str:
    texts = {
        "deleted": QCoreApplication.translate("MessageNote", "message deleted"),
        "photo": QCoreApplication.translate("MessageNote", "photo not in the export"),
        "video": QCoreApplication.translate("MessageNote", "video not in the export"),
        "audio": QCoreApplication.translate("MessageNote", "voice message not in the export"),
        "sticker": QCoreApplication.translate("MessageNote", "sticker not in the export"),
        "document": QCoreApplication.translate("MessageNote", "document not in the export"),
        "media": QCoreApplication.translate("MessageNote", "picture or file not in the export"),
    }
    return texts[note]
