"""A part of a WhatsApp export counted instead of built, for the dry run's summary.

The summary (`summary.ChatSummary`) needs of a plain text from a known sender (most messages)
only who sent it: such a message is counted where the split left it, without the message
object or its timestamp (about a third of a half's time on a big export). The messages that
need a closer look go through the same slow path as when the part is built, so the summary is
the one `summary.summarize` makes of the built part. An iOS export is built all the same: its
chat's name is found among the texts of every message (`parser._ios_system_author`).
"""

from __future__ import annotations

from collections import Counter
from itertools import compress
from operator import attrgetter

from ..model import KIND_MESSAGE, ChatMessage
from ..summary import ChatSummary, summarize
from .parser import WHOLE, Part, PartColumns, Prepared, built_part, take_closer_looks

_sender = attrgetter("sender")
_kind = attrgetter("kind")


def summarized_part(
    prepared: Prepared, columns: PartColumns, *, chat_name: str | None, part: Part = WHOLE
) -> ChatSummary:
    """The summary of a part read by `parser.read_part`."""
    if prepared.shape.bracket:
        return summarize(built_part(prepared, columns, chat_name=chat_name, part=part))
    senders = columns.senders
    total = len(senders)
    first, last = columns.stamps((0, total - 1))
    closer = columns.closer_looks(prepared.features.marks)
    looked_at = list(compress(range(total), closer))
    slots: list[ChatMessage | None] = [None] * total
    take_closer_looks(columns, slots, closer, columns.stamps(looked_at), part)
    built: list[ChatMessage] = [slots[i] for i in looked_at]  # type: ignore[misc]
    del slots

    # each message's sender (None: a system line), counted in C; the order of their first
    # messages is the order of first appearance
    for i, message in zip(looked_at, built, strict=True):
        senders[i] = message.sender
    counts = Counter(senders)
    kinds = Counter(map(_kind, built))
    if total > len(built):
        kinds[KIND_MESSAGE] += total - len(built)
    return ChatSummary(
        format=prepared.format,
        date_order=columns.order,
        chat_name=chat_name,
        total=total,
        participants=tuple((sender, n) for sender, n in counts.items() if sender is not None),
        kinds=tuple(sorted(kinds.items())),
        first=first,
        last=last,
        warnings=tuple(columns.warnings),
    )
