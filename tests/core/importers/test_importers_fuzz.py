"""Property-based tests: whatever the bytes, the API returns a ParsedChat or raises
ChatImportError, never anything else."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from importer_testutil import FIXTURES

from agencydesk.core.importers import (
    ChatImportError,
    ChatMessage,
    ParsedChat,
    detect_format,
    parse_chat_bytes,
)

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

VALID: list[bytes] = [p.read_bytes() for p in sorted(FIXTURES.iterdir()) if p.is_file()]


def _small_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("_chat.txt", (FIXTURES / "wa_ios_en.txt").read_bytes())
        zf.writestr("00000042-PHOTO-2021-10-14-15-39-30.jpg", b"\xff\xd8\xff\xe0" + b"x" * 64)
    return buf.getvalue()


VALID.append(_small_zip())

DATE_ORDERS = st.sampled_from([None, "DMY", "MDY", "YMD"])


def _check(data: bytes, date_order: str | None = None) -> None:
    error: ChatImportError | None = None
    try:
        chat = parse_chat_bytes(data, filename="fuzz.txt", date_order=date_order)
    except ChatImportError as exc:
        error = exc
    if error is not None:
        assert error.path == "fuzz.txt"
        assert str(error).startswith("“fuzz.txt”")
        # Every failure is an anticipated one, not the API's last-resort wrapper
        # around an internal bug.
        assert "unexpected problem" not in str(error), repr(error.__cause__)
        return
    assert isinstance(chat, ParsedChat)
    assert chat.format in {
        "whatsapp-android",
        "whatsapp-ios",
        "telegram",
        "line",
        "messenger",
        "csv",
    }
    for m in chat.messages:
        assert isinstance(m, ChatMessage)
        assert m.kind in ("message", "media", "system")
        assert isinstance(m.timestamp, datetime)
        assert m.timestamp.tzinfo is None
        assert isinstance(m.flags, frozenset)
        assert isinstance(m.text, str)
        assert (m.sender is None) or (isinstance(m.sender, str) and m.sender)
        m.to_json_dict()
    assert None not in chat.participants
    assert len(set(chat.participants)) == len(chat.participants)
    assert all(isinstance(w, str) for w in chat.warnings)


@FUZZ
@given(st.binary(max_size=4000), DATE_ORDERS)
def test_random_bytes(data: bytes, date_order: str | None) -> None:
    _check(data, date_order)


HEADERISH = st.text(
    alphabet="0123456789/.-:, []APMapm\n\r\t\u200e\u202f\u00a0\u2028<>()\"'{}klo deletdBuSari",
    max_size=600,
)


@FUZZ
@given(HEADERISH, DATE_ORDERS)
def test_header_like_text(text: str, date_order: str | None) -> None:
    _check(text.encode("utf-8"), date_order)
    detect_format(text)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(VALID)))
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        op = draw(st.sampled_from(["insert", "delete", "replace", "truncate", "duplicate"]))
        pos = draw(st.integers(min_value=0, max_value=max(len(data), 0)))
        if op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=12))
        elif op == "delete":
            data[pos : pos + draw(st.integers(min_value=1, max_value=40))] = b""
        elif op == "replace" and pos < len(data):
            data[pos] = draw(st.integers(min_value=0, max_value=255))
        elif op == "truncate":
            del data[pos:]
        elif op == "duplicate":
            end = min(len(data), pos + draw(st.integers(min_value=1, max_value=200)))
            data[end:end] = data[pos:end]
    return bytes(data)


@FUZZ
@given(mutated(), DATE_ORDERS)
def test_mutated_valid_exports(data: bytes, date_order: str | None) -> None:
    _check(data, date_order)


@FUZZ
@given(st.sampled_from(VALID[:-1]), st.data())
def test_truncated_exports_keep_a_prefix_of_the_messages(
    original: bytes, data: st.DataObject
) -> None:
    cut = data.draw(st.integers(min_value=0, max_value=len(original)))
    _check(original[:cut])
    try:
        full = parse_chat_bytes(original, filename="fuzz.txt")
        # read as the whole export was: a short prefix may not tell the date order
        part = parse_chat_bytes(original[:cut], filename="fuzz.txt", date_order=full.date_order)
    except ChatImportError:
        return  # an unreadable fixture, or a JSON export cut short: _check saw the error

    def seen(m: ChatMessage) -> object:
        # iOS writes a group's notices with the group as the sender, and whether its lines are
        # notices is judged from all of them: a cut one may tip a few to plain messages.
        if m.kind == "system" or (m.sender is not None and m.sender == full.chat_name):
            return (m.timestamp, m.text)
        return m

    kept, expected = list(map(seen, part.messages)), list(map(seen, full.messages))
    # One message may be cut: shorter, or with the cut-off start of the next one appended, or
    # (a CSV row cut in its date) read as another time and sorted elsewhere. Every other message
    # is the full export's, in the same order, from its start.
    cut_off = [m for m in kept if m not in expected]
    assert len(cut_off) <= 1, cut_off
    whole = [m for m in kept if m not in cut_off]
    assert whole == expected[: len(whole)]


@FUZZ
@given(
    st.text(max_size=300), st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-16-be", "cp1252"])
)
def test_any_text_in_any_encoding(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    _check(data)
