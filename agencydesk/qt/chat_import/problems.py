"""Why a file cannot be imported, in the UI's language: the importers' common problems (not a
chat, a damaged zip, empty) have their own sentences; any other is the importer's own words
after "The file …"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from agencydesk.core.importers.problems import PROBLEMS

NOT_A_CHAT = PROBLEMS["not_a_chat"]
DAMAGED_ZIP = PROBLEMS["damaged_zip"]
NO_CHAT_IN_ZIP = PROBLEMS["no_chat_in_zip"]

# the first words of the importers' problems that read on after "The file"
_VERBS = ("is ", "does ", "has ", "was ", "cannot ", "could ", "contains ")


def problem_sentence(problem: str, line: int | None) -> str:
    """One sentence (or two) for *problem*, a `ChatImportError.problem`."""
    known = {
        DAMAGED_ZIP: QCoreApplication.translate(
            "ImportProblem",
            "The file is damaged or not a complete zip file, so it cannot be opened. Export the "
            "chat from WhatsApp again (or copy the file again: a copy may have been cut off).",
        ),
        NO_CHAT_IN_ZIP: QCoreApplication.translate(
            "ImportProblem",
            "The zip file holds no chat export (a WhatsApp chat .txt such as “_chat.txt”).",
        ),
        NOT_A_CHAT: QCoreApplication.translate(
            "ImportProblem",
            "The file does not look like a chat export agencydesk can read (WhatsApp, "
            "Telegram, LINE, Messenger/Instagram or CSV).",
        ),
        NOT_A_CHAT + " (it contains binary data)": QCoreApplication.translate(
            "ImportProblem",
            "The file is not a chat export: it holds binary data (a picture, a document or a "
            "program).",
        ),
        NOT_A_CHAT + " (it is a PDF document)": QCoreApplication.translate(
            "ImportProblem", "The file is a PDF document, not a chat export."
        ),
        NOT_A_CHAT + " (it is JSON of another kind)": QCoreApplication.translate(
            "ImportProblem", "The file is JSON, but not a chat export agencydesk can read."
        ),
        "is empty": QCoreApplication.translate("ImportProblem", "The file is empty."),
    }
    if problem in known:
        return known[problem]
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
