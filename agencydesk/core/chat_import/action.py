"""The chat import as one action, the same for the window and the command line: the messages,
their tickets and their media files, all saved or nothing saved.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NotRequired, TypedDict, Unpack

from sqlalchemy.engine import Engine

from agencydesk.core.db import session_scope
from agencydesk.core.importers import ParsedChat

from .importing import ImportResult, import_chat
from .matching import Assignment
from .media import StagedMedia, stage_media
from .progress import Progress, Stage, StageBegun, begin
from .targets import Target


class ImportChoices(TypedDict):
    """What `import_chat` is told besides the session and the progress: the chat, the client,
    who is who, where the messages go (its arguments, documented there)."""

    parsed: ParsedChat
    client_id: int | None
    mapping: Mapping[str, Assignment]
    target: Target
    me_names: NotRequired[Iterable[str]]


def import_chat_with_media(
    engine: Engine,
    *,
    export_path: str | os.PathLike[str],
    data_dir: Path | None,
    progress: Progress | None = None,
    stage_begun: StageBegun | None = None,
    **choices: Unpack[ImportChoices],
) -> ImportResult:
    """Import the chat of *choices* (read from *export_path*) in its own transaction, with the
    media files of the new messages when *data_dir* is given (see `import_chat` for the
    choices).

    The media are extracted before the commit, so a damaged zip or a full disk saves nothing
    (a `UserError` naming the file) and trying again later imports messages and media alike.
    *progress* then counts the files (from 0 again), and a Cancel still saves nothing.
    *stage_begun* is told each `Stage` as it begins.
    """
    staged: StagedMedia | None = None
    try:
        with session_scope(engine) as session:
            result = import_chat(
                session=session, progress=progress, stage_begun=stage_begun, **choices
            )
            if result.media_members and data_dir is not None:
                begin(stage_begun, Stage.MEDIA)
                staged = stage_media(
                    export_path, result.media_members, data_dir, result.client_id, progress
                )
                staged.relink(session, after_id=result.message_ids[0])
            begin(stage_begun, Stage.SAVING)  # the last chance to cancel: the commit follows
    except BaseException:
        if staged is not None:  # extracted, but the commit failed
            staged.discard()
        raise
    if staged is not None:
        staged.move_into_place()
    return result
