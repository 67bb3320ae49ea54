"""Decoding of export files and small text-cleaning helpers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from .model import ChatImportError
from .problems import ReadingNote

# Bidirectional-text controls that phones wrap around names and numbers.
_BIDI_CONTROLS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_NAME_TABLE: dict[int, str | None] = {ord(c): None for c in _BIDI_CONTROLS}
_NAME_TABLE[0x2011] = "-"  # non-breaking hyphen
_NAME_TABLE[0x00A0] = " "  # no-break space
_NAME_TABLE[0x202F] = " "  # narrow no-break space
_NAME_TABLE[0xFEFF] = None  # stray BOM / zero-width no-break space


def clean_name(raw: str) -> str:
    """Display name without bidi controls, with plain spaces and hyphens."""
    return raw.translate(_NAME_TABLE).strip()


# Invisible marks WhatsApp adds to message text: the left-to-right mark before
# media and system lines, and the embedding pair it wraps around phone numbers.
def clean_text(raw: str) -> str:
    """Message text without WhatsApp's invisible marks."""
    if "\u200e" in raw:
        raw = raw.replace("\u200e", "")
    if "\u202a" in raw or "\u202c" in raw:
        raw = raw.replace("\u202a", "").replace("\u202c", "")
    return raw


_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\ufffd]")
_NON_SPACE = re.compile(r"\S")


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) * 100 > len(sample)


def text_blocks(text: str, size: int) -> Iterator[str]:
    """``text`` in blocks of about *size* characters, each after the first starting with the
    ``\\n`` it was cut before (a text of one block is given as it is, not copied)."""
    start = 0
    end = len(text)
    while start < end:
        cut = text.find("\n", start + size)
        if cut < 0:
            cut = end
        yield text[start:cut] if start or cut < end else text
        start = cut


#: characters split into lines at a time by `lines_of`
LINES_BLOCK = 1 << 20


def lines_of(text: str) -> Iterator[str]:
    """``text.split("\\n")``, made a block at a time: the lines of a big export are never all
    held at once (each a copy of its part of the text, a list of them as big as the text)."""
    if not text:
        yield ""
    for n, block in enumerate(text_blocks(text, LINES_BLOCK)):
        # a block after the first starts with the line end it was cut at: no line of its own
        yield from islice(block.split("\n"), 1 if n else 0, None)


def is_blank(text: str) -> bool:
    """True when ``text`` holds only whitespace (without copying it)."""
    return _NON_SPACE.search(text) is None


def first_visible_char(text: str) -> str:
    """The first non-whitespace character of ``text`` (``""`` if none), without copying."""
    m = _NON_SPACE.search(text)
    return m.group() if m else ""


def _guess_utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nul > half * 0.6 and even_nul < half * 0.1:
        return "utf-16-le"
    if even_nul > half * 0.6 and odd_nul < half * 0.1:
        return "utf-16-be"
    return None


def _replaced_in(body: bytes, text: str) -> int:
    """How many "\ufffd" decoding *body* as UTF-8 with replacement put in *text* (not
    counting the ones the file itself holds)."""
    return text.count("\ufffd") - body.count("\ufffd".encode())


def _mostly_utf8(text: str, replaced: int) -> bool:
    """Whether a text that is not all valid UTF-8 is UTF-8 all the same: it holds more valid
    non-ASCII characters than invalid ones. Windows-1252 text read as UTF-8 holds hardly any
    valid ones (an "é" is one byte, followed by plain ASCII); a UTF-8 export with a few
    damaged bytes holds its emoji and accented letters, which reading it all as Windows-1252
    would garble."""
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return non_ascii - replaced > replaced


def decode_export(data: bytes) -> tuple[str, list[str]]:
    """Decode raw export bytes to text with ``\\n`` line ends.

    Handles UTF-8 with or without BOM, UTF-16/32 with BOM (and UTF-16 without
    BOM when it is evident), CRLF line ends, a multi-byte character cut off at
    the end of a truncated file, a few bytes that are not UTF-8 in a UTF-8 text (replaced,
    the rest kept), and, as a last resort, Windows-1252 text.
    Returns the text and a list of warnings. Raises :class:`ChatImportError`
    for empty or binary data.
    """
    warnings: list[str] = []
    if not re.search(rb"[^ \t\r\n\x00]", data):
        raise ChatImportError("empty")
    encoding: str | None = None
    body = data
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, body = "utf-8", data[3:]
    elif data.startswith(b"\xff\xfe\x00\x00"):
        encoding, body = "utf-32-le", data[4:]
    elif data.startswith(b"\x00\x00\xfe\xff"):
        encoding, body = "utf-32-be", data[4:]
    elif data.startswith(b"\xff\xfe"):
        encoding, body = "utf-16-le", data[2:]
    elif data.startswith(b"\xfe\xff"):
        encoding, body = "utf-16-be", data[2:]
    elif b"\x00" in data[:4096]:
        encoding = _guess_utf16_without_bom(data)
        if encoding is None:
            raise ChatImportError("binary")

    text: str
    if encoding is None or encoding == "utf-8":
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start >= len(body) - 3 and "unexpected end" in str(exc.reason):
                text = body[: exc.start].decode("utf-8", errors="replace")
                warnings.append(ReadingNote("cut_in_a_character"))
            else:
                text = body.decode("utf-8", errors="replace")
                replaced = _replaced_in(body, text)
                if encoding == "utf-8" or _mostly_utf8(text, replaced):
                    line = body.count(b"\n", 0, exc.start) + 1
                    warnings.append(ReadingNote("not_utf8_replaced", count=replaced, line=line))
                else:
                    text = body.decode("cp1252", errors="replace")
                    warnings.append(ReadingNote("read_as_windows_1252"))
    else:
        unit = 4 if encoding.startswith("utf-32") else 2
        cut = len(body) % unit
        if cut:
            body = body[: len(body) - cut]
            warnings.append(ReadingNote("cut_in_a_character"))
        text = body.decode(encoding, errors="replace")
        if "\ufffd" in text:
            warnings.append(ReadingNote("not_encoding_replaced", encoding=encoding.upper()))

    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        # CR LF (Windows), or CR alone throughout (old Mac editors): read as one message else
        text = text.replace("\r\n", "\n") if "\n" in text else text.replace("\r", "\n")
    if "\x00" in text[:65536] or _looks_binary(text):
        raise ChatImportError("binary")
    if is_blank(text):
        raise ChatImportError("empty")
    return text, warnings
