"""Import a parsed chat export into a client's history: tickets, timeline, search index, media.

The parsers (`agencydesk.core.importers`) turn a file into `ChatMessage` objects; this package
decides who is who (`plan_import`), and writes the new messages: `import_chat` in the caller's
transaction, or `import_chat_with_media`, the whole action in its own transaction with the media
files of a zip. Every imported message carries a `fingerprint` that depends only on the chat's
identity and the message itself, so importing the same export again, or a later export of the
same chat that overlaps, adds only what is new.

All messages of one import belong to one client's history (the *main* client). The participant
mapping says who is "me" (the freelancer: `from_me`), who is an existing client and who should
become a new client (created in the same transaction).

The modules, in the order an import runs them: `matching` (who is who), `planning` (which
messages are new), `targets` (their tickets), `rows`, `writing` (rows and search index),
`media` (the files), with `importing` and `action` putting the steps together; `undo` takes an
import back out.
"""

from __future__ import annotations

from .action import import_chat_with_media
from .identity import chat_key_for, clean_name, fingerprint, fingerprints, phone_digits
from .importing import ImportResult, import_chat
from .matching import (
    ME,
    Assignment,
    ClientChoice,
    ImportPlan,
    NewClient,
    client_choices,
    earlier_me_names,
    new_client_for,
    plan_import,
    suggest_client,
)
from .progress import ImportCancelled, Progress, Stage, StageBegun
from .targets import AttachToTicket, NewTicket, SplitAtGaps, Target, TimelineOnly
from .titles import substance, title_from
from .undo import UndoneImport, undo_import, undo_import_with_media

__all__ = [
    "ME",
    "Assignment",
    "AttachToTicket",
    "ClientChoice",
    "ImportCancelled",
    "ImportPlan",
    "ImportResult",
    "NewClient",
    "NewTicket",
    "Progress",
    "SplitAtGaps",
    "Stage",
    "StageBegun",
    "Target",
    "TimelineOnly",
    "UndoneImport",
    "chat_key_for",
    "clean_name",
    "client_choices",
    "earlier_me_names",
    "fingerprint",
    "fingerprints",
    "import_chat",
    "import_chat_with_media",
    "new_client_for",
    "phone_digits",
    "plan_import",
    "substance",
    "suggest_client",
    "title_from",
    "undo_import",
    "undo_import_with_media",
]
