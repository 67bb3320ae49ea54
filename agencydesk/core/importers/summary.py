"""What a parsed chat export holds, in numbers: for `import-chat --dry-run` and the wizard.

Stdlib only (no database layer), so a dry run starts fast.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter

from .model import ParsedChat

_sender = attrgetter("sender")
_kind = attrgetter("kind")


@dataclass(frozen=True)
class ChatSummary:
    format: str
    date_order: str | None
    chat_name: str | None
    total: int
    #: (participant, number of messages), in order of first appearance
    participants: tuple[tuple[str, int], ...]
    #: (kind, count), by kind
    kinds: tuple[tuple[str, int], ...]
    first: datetime | None
    last: datetime | None
    warnings: tuple[str, ...]


def summarize(parsed: ParsedChat) -> ChatSummary:
    msgs = parsed.messages
    # counted column by column in C (a generator per message costs more than the counting)
    senders = Counter(map(_sender, msgs))
    senders.pop(None, None)
    kinds = Counter(map(_kind, msgs))
    return ChatSummary(
        format=parsed.format,
        date_order=parsed.date_order,
        chat_name=parsed.chat_name,
        total=len(msgs),
        participants=tuple((p, senders[p]) for p in parsed.participants),
        kinds=tuple(sorted(kinds.items())),
        first=msgs[0].timestamp if msgs else None,
        last=msgs[-1].timestamp if msgs else None,
        warnings=tuple(parsed.warnings),
    )


def joined(halves: list[ChatSummary]) -> ChatSummary:
    """The summary of an export from its consecutive parts' summaries."""
    first, last = halves[0], halves[-1]
    senders: Counter[str] = Counter()
    for half in halves:
        senders.update(dict(half.participants))  # in order of first appearance
    kinds: Counter[str] = Counter()
    for half in halves:
        kinds.update(dict(half.kinds))
    return ChatSummary(
        format=first.format,
        date_order=first.date_order,
        chat_name=first.chat_name,
        total=sum(half.total for half in halves),
        participants=tuple(senders.items()),
        kinds=tuple(sorted(kinds.items())),
        first=first.first,
        last=last.last,
        warnings=tuple(w for half in halves for w in half.warnings),
    )


def summary_lines(summary: ChatSummary) -> list[str]:
    """The summary as plain English lines (the CLI prints them)."""
    lines = [f"Format: {summary.format}"]
    if summary.chat_name:
        lines.append(f"Chat: {summary.chat_name}")
    lines.append(f"Date order: {summary.date_order or 'not applicable'}")
    lines.append(f"Messages: {summary.total}")
    lines.append("Participants:")
    lines.extend(f"  {name}: {count}" for name, count in summary.participants)
    lines.append("By kind: " + ", ".join(f"{kind} {count}" for kind, count in summary.kinds))
    if summary.first is not None and summary.last is not None:
        lines.append(f"First: {summary.first:%Y-%m-%d %H:%M}")
        lines.append(f"Last: {summary.last:%Y-%m-%d %H:%M}")
    if summary.warnings:
        lines.append(f"Warnings ({len(summary.warnings)}):")
        lines.extend(f"  {w}" for w in summary.warnings)
    return lines
