"""A big WhatsApp export parsed as two halves side by side, the second in a forked process.

For a one-shot command on a machine with two cores (`import-chat --dry-run`): the split and
the building of messages take most of its time, and halve. The halves are cut before a header
line near the middle; each is read by `parser.read_part`, and what depends on the whole file
(the date order, the senders whose name holds ": ", an iOS chat's name) is decided from both
halves' findings, which the two processes send each other through pipes. Each half's messages
are built and reduced where they were read (to JSON lines), or only counted there (the
summary: `tally`), so only the results travel back, never the messages; or, where even those
are big (JSON lines), each process emits its own, in file order.

Not for a process with threads (a window): a forked copy of it would hold their locks. Any
doubt (a half that cannot be parsed alone, a child that fails or dies) gives None, and the
caller parses the export whole, which says what is wrong with it as ever.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import signal
from collections.abc import Callable
from typing import IO, Any, NoReturn, TypeVar

from ..blocks import TextBlocks
from ..model import ParsedChat
from ..summary import ChatSummary
from .parser import Part, PartColumns, Prepared, _cyclic_gc_paused, built_part, prepare, read_part
from .tally import summarized_part

_R = TypeVar("_R")
_T = TypeVar("_T")
#: what a half's process makes of its half: (the header, the half's columns, the chat's name,
#: the part) → the result
_Make = Callable[[Prepared, PartColumns, str | None, Part], _R]
_log = logging.getLogger(__name__)


class _PeerGoneError(Exception):
    """The other process stopped, or said it cannot go on."""


class _PipePeer:
    """The other half's process, through a pipe each way. The first half speaks first at each
    exchange, the second answers: neither waits for the other while holding back its own."""

    def __init__(self, reader: IO[bytes], writer: IO[bytes], *, first: bool) -> None:
        self._reader = reader
        self._writer = writer
        self.first = first  # of the halves: this process's half is the first

    def send(self, tag: str, value: Any) -> None:
        pickle.dump((tag, value), self._writer, protocol=pickle.HIGHEST_PROTOCOL)
        self._writer.flush()

    def receive(self, tag: str) -> Any:
        try:
            got, value = pickle.load(self._reader)
        except (EOFError, OSError, pickle.UnpicklingError) as exc:
            raise _PeerGoneError(f"the other half's process is gone ({exc!r})") from None
        if got != tag:
            raise _PeerGoneError(f"the other half's process said {got!r}: {value}")
        return value

    def receive_emitted(self) -> None:
        """Once the other half's process emitted its reduction; what stopped it otherwise is
        raised (an OSError as it was: a closed pipe, a full disk)."""
        try:
            got, value = pickle.load(self._reader)
        except (EOFError, OSError, pickle.UnpicklingError) as exc:
            raise RuntimeError(
                f"the second half's process ended while emitting ({exc!r})"
            ) from None
        if got == "emit failed" and isinstance(value, OSError):
            raise value
        if got != "emitted":
            raise RuntimeError(f"the second half's process said {got!r}: {value}")

    def share(self, mine: _T) -> list[_T]:
        if self.first:
            self.send("share", mine)
            return [mine, self.receive("share")]
        theirs = self.receive("share")
        self.send("share", mine)
        return [theirs, mine]


def reduce_in_halves(
    open_blocks: Callable[[], TextBlocks | None],
    reduce: Callable[[ParsedChat], _R],
    *,
    date_order: str | None,
    chat_name: str | None,
) -> list[_R] | None:
    """The two halves of the export, each parsed and reduced, in file order; together they
    hold exactly the messages (and warnings) `parse_whatsapp` finds in the whole. None when
    the export is to be parsed whole instead.

    *open_blocks* (called once in each process, right after the fork) gives the export's
    blocks, or None when it is not a big WhatsApp export. Each process also learns the header
    and the cut for itself: the same from the same bytes, and side by side rather than one
    after the other (about 50 ms of a 500,000-message export)."""
    return _in_halves(open_blocks, _built_then(reduce), None, date_order, chat_name)


def summarize_in_halves(
    open_blocks: Callable[[], TextBlocks | None],
    *,
    date_order: str | None,
    chat_name: str | None,
) -> list[ChatSummary] | None:
    """The summaries of the two halves (`summary.joined` makes the whole's of them), each
    counted where it was split (`tally`) rather than built; None as `reduce_in_halves`."""
    return _in_halves(open_blocks, _summarized, None, date_order, chat_name)


def emit_in_halves(
    open_blocks: Callable[[], TextBlocks | None],
    reduce: Callable[[ParsedChat], _R],
    emit: Callable[[_R], None],
    *,
    date_order: str | None,
    chat_name: str | None,
) -> bool:
    """The same, each half's reduction handed to *emit* in the process that made it: first the
    first half's, then the second's, once both are made. For output too big to send from one
    process to the other (the JSON lines of a big export: 40 MB through a pipe, whose pickling
    and unpickling alone took ~30 ms). Whether it was done; False (nothing emitted) when the
    export is to be parsed whole. Once the first *emit* has begun, a problem is raised: the
    output has begun."""
    return _in_halves(open_blocks, _built_then(reduce), emit, date_order, chat_name) is not None


def _built_then(reduce: Callable[[ParsedChat], _R]) -> _Make[_R]:
    """*reduce* of the half's messages, built."""

    def make(prepared: Prepared, columns: PartColumns, chat_name: str | None, part: Part) -> _R:
        return reduce(built_part(prepared, columns, chat_name=chat_name, part=part))

    return make


def _summarized(
    prepared: Prepared, columns: PartColumns, chat_name: str | None, part: Part
) -> ChatSummary:
    return summarized_part(prepared, columns, chat_name=chat_name, part=part)


@_cyclic_gc_paused()
def _in_halves(
    open_blocks: Callable[[], TextBlocks | None],
    make: _Make[_R],
    emit: Callable[[_R], None] | None,
    date_order: str | None,
    chat_name: str | None,
) -> list[_R] | None:
    """Both halves' results (with *emit*: emitted, and an empty list), or None."""
    if not hasattr(os, "fork"):
        return None
    down_read, down_write = os.pipe()  # first half → second
    up_read, up_write = os.pipe()  # second half → first
    pid = os.fork()
    if pid == 0:
        os.close(down_write)
        os.close(up_read)
        _second_half(open_blocks, make, emit, down_read, up_write, date_order, chat_name)
    os.close(down_read)
    os.close(up_write)
    with os.fdopen(up_read, "rb") as reader, os.fdopen(down_write, "wb") as writer:
        peer = _PipePeer(reader, writer, first=True)
        try:
            try:
                halves = _halves(open_blocks)
                if halves is None:  # so it is for the second half too: it gives up
                    return None
                mine = _half(make, *halves, peer, date_order, chat_name)
                theirs = peer.receive("ready" if emit else "result")
            except Exception as exc:  # parsed whole instead, which says any problem as ever
                _log.info("Parsed whole, not in halves: %r", exc)
                return None
            if emit is None:
                return [mine, theirs]
            emit(mine)
            del mine
            peer.send("go", None)
            peer.receive_emitted()
            return []
        finally:
            _end(pid)


def _halves(
    open_blocks: Callable[[], TextBlocks | None],
) -> tuple[Prepared, TextBlocks, int] | None:
    """The export's header, its blocks and where its halves meet (a line end before a header
    near the middle); None when it is not to be halved."""
    blocks = open_blocks()
    if blocks is None:
        return None
    try:
        prepared = prepare(blocks)
    except Exception:  # not a chat after all: the whole parse says so
        return None
    header = prepared.header
    cut = blocks.line_end_before(blocks.size // 2, lambda line: header.match(line) is not None)
    return None if cut is None else (prepared, blocks, cut)


def _second_half(
    open_blocks: Callable[[], TextBlocks | None],
    make: _Make[Any],
    emit: Callable[[Any], None] | None,
    read_fd: int,
    write_fd: int,
    date_order: str | None,
    chat_name: str | None,
) -> NoReturn:
    """The forked process: parses and reduces the second half, sends the result (or, with
    *emit*, says it is ready and emits it when told), and ends without running the parent's
    exit handlers or flushing its copies of the parent's buffers."""
    try:
        with os.fdopen(read_fd, "rb") as reader, os.fdopen(write_fd, "wb") as writer:
            _second_half_with(
                _PipePeer(reader, writer, first=False),
                open_blocks,
                make,
                emit,
                date_order,
                chat_name,
            )
    finally:
        os._exit(0)


def _second_half_with(
    peer: _PipePeer,
    open_blocks: Callable[[], TextBlocks | None],
    make: _Make[Any],
    emit: Callable[[Any], None] | None,
    date_order: str | None,
    chat_name: str | None,
) -> None:
    try:
        halves = _halves(open_blocks)
        if halves is None:
            peer.send("gave up", "not to be halved")
            return
        result = _half(make, *halves, peer, date_order, chat_name)
    except BaseException as exc:  # the first half parses the whole instead
        peer.send("gave up", repr(exc))
        return
    if emit is None:
        peer.send("result", result)
        return
    peer.send("ready", None)
    peer.receive("go")  # the first half is out
    try:
        emit(result)
    except OSError as exc:  # a closed pipe, a full disk: the command says it as ever
        peer.send("emit failed", exc)
    else:
        peer.send("emitted", None)


def _half(
    make: _Make[_R],
    prepared: Prepared,
    blocks: TextBlocks,
    cut: int,
    peer: _PipePeer,
    date_order: str | None,
    chat_name: str | None,
) -> _R:
    """What *make* makes of the half *peer* is the other half of: the first up to *cut* (a
    line end: the next half's message goes on after its last), or the second from it."""
    first = peer.first
    part = Part(first=first, last=not first, peer=peer)
    columns = read_part(
        prepared,
        blocks.blocks(end=cut) if first else blocks.blocks_between(cut, blocks.size),
        ends_with_newline=blocks.ends_with_newline and not first,
        date_order=date_order,
        part=part,
    )
    return make(prepared, columns, chat_name, part)


def _end(pid: int) -> None:
    """The second half's process ends (it has, or is stopped) and is waited for."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
