"""A big UTF-8 export decoded a block at a time, so its text never exists as one string.

One emoji anywhere makes a whole decoded text four bytes per character (a 79 MiB export became
a 306 MiB string); decoded block by block and split as it goes, only one block of text is held
at any moment. The blocks are exactly the text :func:`~.textutil.decode_export` makes, cut
before a line end; anything this path does not decide alone (another encoding, a character
that is not valid UTF-8, a file cut off mid-character) goes the whole-text way instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .textutil import _looks_binary, is_blank, text_blocks

#: files smaller than this are decoded whole (nothing to gain, and one path is simpler)
MIN_BYTES = 16 << 20
#: bytes per decoded block: small enough for the block's text (up to four bytes a character)
#: and its split to stay in the processor's cache (a 17 MB half split 15 % faster in blocks of
#: 256 KB than of 2 MB)
BLOCK_BYTES = 256 << 10
#: bytes of the first block at least: ≥ 400k characters even at four bytes each, so it holds
#: every sample the format detection and the WhatsApp parser take from the start of the text
HEAD_BYTES = 1_600_000
#: lines looked at for a place to cut a big export in two, and the bytes read of each
CUT_TRIES = 10_000
CUT_LINE_BYTES = 4096
_UTF8_BOM = b"\xef\xbb\xbf"
_OTHER_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
_NOT_BLANK = re.compile(rb"[^ \t\r\n\x00]")


class NotUtf8Error(Exception):
    """A block was not valid UTF-8: the export is read the whole-text way (the bytes travel
    back with this exception, as nothing else holds them any more)."""

    def __init__(self, data: bytes) -> None:
        super().__init__("not plain UTF-8")
        self.data = data


class TextBlocks:
    """The text of a big UTF-8 export: ``head`` (the first block), then :meth:`blocks`, each
    block after the first starting with the ``\\n`` it was cut before."""

    def __init__(self, data: bytes, start: int, head: str, head_end: int) -> None:
        self._data = data
        self._start = start
        self._head_end = head_end
        self.head = head
        # plain byte scans (UTF-8 of U+200E, U+202A): whether the text holds them anywhere
        self.marks = b"\xe2\x80\x8e" in data or b"\xe2\x80\xaa" in data
        self.ends_with_newline = data.endswith(b"\n")

    @classmethod
    def of(cls, data: bytes) -> TextBlocks | None:
        """The blocks of ``data``, or None when it is to be decoded whole (small, not UTF-8,
        binary, blank)."""
        if len(data) < MIN_BYTES or data.startswith(_OTHER_BOMS) or b"\x00" in data[:4096]:
            return None
        start = 3 if data.startswith(_UTF8_BOM) else 0
        cut = data.find(b"\n", start + max(BLOCK_BYTES, HEAD_BYTES))
        if cut < 0 or _NOT_BLANK.search(data) is None:
            return None
        try:
            head = _decoded(data[start:cut], last=False)
        except UnicodeDecodeError:
            return None
        if head.startswith("\ufeff"):
            head = head[1:]
        if "\x00" in head[:65536] or _looks_binary(head) or is_blank(head):
            return None
        return cls(data, start, head, cut)

    @property
    def size(self) -> int:
        """The export's length in bytes."""
        return len(self._data)

    def blocks(self, end: int | None = None) -> Iterator[str]:
        """The head, then each further block decoded as it is asked for (with *end*, up to that
        byte: a line end past the head). Raises :class:`NotUtf8Error` (with the bytes) at a
        block that is not valid UTF-8."""
        yield from text_blocks(self.head, BLOCK_BYTES)  # (in cache-sized pieces as well)
        yield from self.blocks_between(self._head_end, len(self._data) if end is None else end)

    def blocks_between(self, start: int, end: int) -> Iterator[str]:
        """The blocks from byte *start* (a line end past the head) to byte *end*."""
        data = self._data
        while start < end:
            cut = data.find(b"\n", start + BLOCK_BYTES, end)
            if cut < 0:
                cut = end
            try:
                block = _decoded(data[start:cut], last=cut == len(data))
            except UnicodeDecodeError:
                raise NotUtf8Error(data) from None
            yield block
            start = cut

    def line_end_before(self, start: int, starts_message: Callable[[str], bool]) -> int | None:
        """The first line end at or after byte *start*, past the head, whose next line
        *starts_message* (given that line's text from its ``\\n``); None if none of the next
        `CUT_TRIES` lines does."""
        data = self._data
        at = max(start, self._head_end)
        for _ in range(CUT_TRIES):
            at = data.find(b"\n", at)
            if at < 0:
                return None
            line_end = data.find(b"\n", at + 1, at + CUT_LINE_BYTES)
            line = data[at : line_end if line_end >= 0 else at + CUT_LINE_BYTES]
            if starts_message(line.decode("utf-8", "ignore").replace("\r", "")):
                return at
            at += 1
        return None

    def release(self) -> None:
        """Let the raw bytes go (the split is done): only the messages are held from here."""
        self._data = b""


def _decoded(raw: bytes, *, last: bool) -> str:
    """One block as decode_export would have it: ``\\r\\n`` → ``\\n``. A block other than the
    last is always followed by ``\\n``, so a ``\\r`` at its end is the first half of one."""
    text = raw.decode("utf-8")
    if "\r" in text:
        text = text.replace("\r\n", "\n")
        if not last and text.endswith("\r"):
            text = text[:-1]
    return text
