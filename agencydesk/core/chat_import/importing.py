"""`import_chat`: the new messages of a parsed export into a client's history, in the caller's
transaction (it only flushes, so a failure or a Cancel leaves the database exactly as it was).

The steps, each in its own module: settle who is who (`matching`), find which messages are new
(`planning`), decide their tickets (`targets`), build the rows (`rows`), write them with the
search index (`writing`). Media files are not touched here: see `action.import_chat_with_media`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from sqlmodel import Session

from agencydesk.core.importers import ParsedChat

from .matching import Assignment, settle_participants
from .planning import plan_messages
from .progress import Progress, Stage, StageBegun, Ticker, begin
from .rows import MessageRows
from .targets import Target, check_target, place_in_tickets, update_ticket_times
from .writing import insert_messages, last_message_id


@dataclass(frozen=True)
class ImportResult:
    new: int
    known: int
    tickets_created: int
    warnings: tuple[str, ...] = ()
    client_id: int = 0
    #: tickets that received messages (created or attached), oldest first
    ticket_ids: tuple[int, ...] = ()
    #: zip members holding the media of the new messages (the files to extract)
    media_members: tuple[str, ...] = ()
    created_client_ids: tuple[int, ...] = ()
    #: of the tickets created, how many wait on us (the client spoke last)
    tickets_waiting: int = 0
    #: what undoing the import takes back out (`undo.undo_import`): the ids the new messages
    #: got lie in (first, last]; they carry this source
    message_ids: tuple[int, int] = (0, 0)
    source: str = ""
    #: the tickets the import created, and those whose first response it set
    created_ticket_ids: tuple[int, ...] = ()
    first_responses_set: tuple[int, ...] = ()


def import_chat(
    *,
    session: Session,
    parsed: ParsedChat,
    client_id: int | None,
    mapping: Mapping[str, Assignment],
    target: Target,
    me_names: Iterable[str] = (),
    progress: Progress | None = None,
    stage_begun: StageBegun | None = None,
) -> ImportResult:
    """Write the new messages of *parsed* into the history of *client_id* (or, when None, of the
    busiest client in *mapping*). Only flushes: the caller's transaction commits, and any error
    (or `ImportCancelled`, raised when *progress* returns False) leaves nothing written.

    Senders mapped to "me", or named in *me_names*, are the freelancer (`from_me`). Tickets
    made by the import start at their first message, and their first response time is the
    first "me" message after a client message. When splitting at gaps, a part where the client
    spoke last waits on us, and one where I answered last is resolved (the latest: waits on the
    client); a part that continues an earlier import joins that earlier ticket.
    """
    messages = parsed.messages
    begin(stage_begun, Stage.MESSAGES)
    # looking up, then writing: a full count means every row is in, and the indexing begins
    tick = Ticker(
        progress, total=2 * len(messages), full=lambda: begin(stage_begun, Stage.INDEXING)
    )
    tick(0)
    participants = settle_participants(session, parsed, mapping, client_id, me_names)
    check_target(session, target, participants.client_id)
    plan = plan_messages(session, participants.client_id, messages, tick)
    placement = place_in_tickets(
        session, participants.client_id, messages, plan, target, participants.me_senders
    )
    rows = MessageRows(parsed, plan, placement, participants)
    before = last_message_id(session.connection())
    insert_messages(session, rows, _writing_half(tick, len(messages), len(rows)))
    tick(tick.total)  # with nothing new written (no chunk filled the count), full only now
    responded = update_ticket_times(session, placement, rows.first_response)
    tick(0)  # a Cancel while the indexes were built
    new = len(plan.new_index)
    return ImportResult(
        new=new,
        known=len(messages) - new,
        tickets_created=len(placement.created),
        tickets_waiting=len(placement.waiting),
        warnings=tuple(parsed.warnings),
        client_id=participants.client_id,
        ticket_ids=tuple(dict.fromkeys(placement.touched)),
        media_members=rows.media_members,
        created_client_ids=participants.created_client_ids,
        message_ids=(before, last_message_id(session.connection())),
        source=rows.constants()[1],
        created_ticket_ids=tuple(placement.created),
        first_responses_set=tuple(responded),
    )


def _writing_half(tick: Ticker, half: int, rows: int) -> Callable[[int], None]:
    """What the writing of *rows* rows calls after each chunk of them: the bar's second half
    (*half* steps) filled in proportion, exactly full with the last chunk."""
    written = 0

    def chunk_done(n: int) -> None:
        nonlocal written
        before = written * half // rows
        written += n
        tick(written * half // rows - before)

    return chunk_done
