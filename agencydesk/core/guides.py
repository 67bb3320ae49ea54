"""Patient how-to notes ("guides"): written once in Markdown, sent many times over WhatsApp.

A guide is plain-language Markdown with pictures stored in the database (`![alt](image:NAME)`)
and placeholders such as ``{first_name}`` or ``{site_url}`` that are filled in for each client.
`render_whatsapp` turns the Markdown into WhatsApp's own formatting (``*bold*``, ``_italic_``,
``~strike~``, ```` ```code``` ````), so what the client receives never shows Markdown syntax.
Every send is recorded, so the desk can warn before the same guide goes to a client twice.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from agencydesk.core.clients import normalize_tags
from agencydesk.core.errors import UserError, ValidationError
from agencydesk.core.models import (
    ACTIVE_STATUSES,
    Client,
    Guide,
    GuideImage,
    GuideLevel,
    GuideSend,
    Ticket,
    utcnow,
)

EDITABLE_FIELDS = ("title", "body", "language", "tags", "level", "gentle_variant_of_id")
LANGUAGES = ("id", "en")
LEVELS = tuple(level.value for level in GuideLevel)
TITLE_MAX = 200
TAGS_MAX = 500
#: clients at or below this tech comfort get the very gentle variant suggested
GENTLE_COMFORT_MAX = 2

MAX_IMAGE_BYTES = 5 * 1024 * 1024
IMAGE_NAME_MAX = 200
IMAGE_MIME_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")
IMAGE_SCHEME = "image:"

#: English texts for this module's error codes (the GUI has its own translated sentences)
ERROR_TEXT: dict[str, str] = {
    "title_required": "Please give the guide a title.",
    "too_long": "This is too long.",
    "language_unknown": "Choose Bahasa Indonesia or English.",
    "level_unknown": "Choose one of the listed levels.",
    "variant_self": "A guide cannot be a gentle variant of itself.",
    "variant_missing": "That guide does not exist (any more).",
    "variant_of_variant": "That guide is itself a variant: choose the original guide.",
    "variant_has_variants": "Other guides are variants of this one, so it cannot be a variant.",
    "image_name_invalid": "A picture name uses letters, digits, dots, dashes and underscores.",
    "image_name_taken": "This guide already has a picture with that name.",
    "image_too_large": "The picture is larger than 5 MB. Please use a smaller one.",
    "image_empty": "The picture file is empty.",
    "image_type_unknown": "Use a PNG, JPEG, GIF or WebP picture.",
}


# -- rows handed to the GUI (no ORM objects) --------------------------------------------------
@dataclass(frozen=True)
class GuideRow:
    """One line of the guide list."""

    id: int
    title: str
    language: str
    level: str
    tags: str
    updated_at: datetime
    times_sent: int


@dataclass(frozen=True)
class ImageInfo:
    id: int
    name: str
    mime_type: str
    size: int


@dataclass(frozen=True)
class SendToClient:
    """A guide a client received (for the client's history)."""

    id: int
    guide_id: int
    guide_title: str
    sent_at: datetime
    ticket_id: int | None


@dataclass(frozen=True)
class SendOfGuide:
    """A client who received a guide (for "who received it")."""

    id: int
    client_id: int
    client_name: str
    sent_at: datetime
    ticket_id: int | None


@dataclass(frozen=True)
class FilledText:
    text: str
    #: placeholders found but not filled in (unknown, or no value), in order of appearance
    missing: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RenderedGuide:
    text: str
    missing_placeholders: list[str]
    guide_id: int
    language: str


# -- CRUD --------------------------------------------------------------------------------------
def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not guide fields: {sorted(unknown)}")
    cleaned = dict(values)
    if isinstance(cleaned.get("title"), str):
        cleaned["title"] = " ".join(cleaned["title"].split())
    if "tags" in cleaned:
        cleaned["tags"] = normalize_tags(cleaned["tags"] or "")
    if isinstance(cleaned.get("body"), str):
        body = cleaned["body"].replace("\r\n", "\n").replace("\r", "\n")
        cleaned["body"] = body.strip("\n")
    return cleaned


def validate(values: Mapping[str, Any]) -> dict[str, str]:
    """Field → error code for what is wrong with *values* on their own (no database needed)."""
    errors: dict[str, str] = {}
    if "title" in values:
        title = values["title"] or ""
        if not title.strip():
            errors["title"] = "title_required"
        elif len(title) > TITLE_MAX:
            errors["title"] = "too_long"
    if "language" in values and values["language"] not in LANGUAGES:
        errors["language"] = "language_unknown"
    if "level" in values and values["level"] not in LEVELS:
        errors["level"] = "level_unknown"
    if len(values.get("tags") or "") > TAGS_MAX:
        errors["tags"] = "too_long"
    return errors


def _check_variant(session: Session, guide_id: int | None, variant_of_id: int | None) -> str | None:
    """The error code for making *guide_id* a gentle variant of *variant_of_id*, if any."""
    if variant_of_id is None:
        return None
    if guide_id is not None and variant_of_id == guide_id:
        return "variant_self"
    original = session.get(Guide, variant_of_id)
    if original is None or original.deleted_at is not None:
        return "variant_missing"
    if original.gentle_variant_of_id is not None:
        return "variant_of_variant"
    if guide_id is not None:
        has_variants = session.exec(
            select(func.count())
            .select_from(Guide)
            .where(Guide.gentle_variant_of_id == guide_id, col(Guide.deleted_at).is_(None))
        ).one()
        if has_variants:
            return "variant_has_variants"
    return None


def create_guide(*, session: Session, values: Mapping[str, Any]) -> Guide:
    cleaned = _clean(values)
    cleaned.setdefault("title", "")
    errors = validate(cleaned)
    variant_error = _check_variant(session, None, cleaned.get("gentle_variant_of_id"))
    if variant_error:
        errors["gentle_variant_of_id"] = variant_error
    if errors:
        raise ValidationError(errors)
    guide = Guide(**cleaned)
    session.add(guide)
    session.flush()
    return guide


def update_guide(*, session: Session, guide_id: int, values: Mapping[str, Any]) -> Guide:
    guide = get_guide(session=session, guide_id=guide_id)
    cleaned = _clean(values)
    errors = validate(cleaned)
    if "gentle_variant_of_id" in cleaned:
        variant_error = _check_variant(session, guide_id, cleaned["gentle_variant_of_id"])
        if variant_error:
            errors["gentle_variant_of_id"] = variant_error
    if errors:
        raise ValidationError(errors)
    for key, value in cleaned.items():
        setattr(guide, key, value)
    guide.updated_at = utcnow()
    session.add(guide)
    session.flush()
    return guide


def get_guide(*, session: Session, guide_id: int, include_deleted: bool = False) -> Guide:
    guide = session.get(Guide, guide_id)
    if guide is None or (guide.deleted_at is not None and not include_deleted):
        raise UserError("That guide no longer exists. It may have been deleted.")
    return guide


def delete_guide(*, session: Session, guide_id: int) -> None:
    """Soft delete: the guide leaves the lists and can be brought back with `undelete_guide`."""
    guide = get_guide(session=session, guide_id=guide_id)
    guide.deleted_at = utcnow()
    session.add(guide)
    session.flush()


def undelete_guide(*, session: Session, guide_id: int) -> Guide:
    guide = get_guide(session=session, guide_id=guide_id, include_deleted=True)
    guide.deleted_at = None
    guide.updated_at = utcnow()
    session.add(guide)
    session.flush()
    return guide


def _like(word: str) -> str:
    escaped = word.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def list_guides(
    *,
    session: Session,
    search: str = "",
    language: str | None = None,
    level: str | None = None,
) -> list[GuideRow]:
    """Live guides, every search word in the title, text or tags; sorted by title (any case)."""
    sent = (
        sa.select(func.count())
        .select_from(GuideSend)
        .where(col(GuideSend.guide_id) == col(Guide.id))
        .scalar_subquery()
    )
    statement = sa.select(
        col(Guide.id),
        col(Guide.title),
        col(Guide.language),
        col(Guide.level),
        col(Guide.tags),
        col(Guide.updated_at),
        sent,
    ).where(col(Guide.deleted_at).is_(None))
    for word in search.split():
        pattern = _like(word)
        statement = statement.where(
            sa.or_(
                *(
                    func.lower(column).like(pattern, escape="\\")
                    for column in (col(Guide.title), col(Guide.body), col(Guide.tags))
                )
            )
        )
    if language:
        statement = statement.where(col(Guide.language) == language)
    if level:
        statement = statement.where(col(Guide.level) == level)
    rows = [
        GuideRow(
            id=int(row[0]),
            title=str(row[1]),
            language=str(row[2]),
            level=str(row[3]),
            tags=str(row[4]),
            updated_at=row[5],
            times_sent=int(row[6]),
        )
        for row in session.execute(statement).all()
    ]
    rows.sort(key=lambda row: (row.title.casefold(), row.id))
    return rows


def variant_choices(*, session: Session, exclude_id: int | None = None) -> list[tuple[int, str]]:
    """(id, title) of live guides that can be the original of a gentle variant."""
    statement = sa.select(col(Guide.id), col(Guide.title)).where(
        col(Guide.deleted_at).is_(None), col(Guide.gentle_variant_of_id).is_(None)
    )
    if exclude_id is not None:
        statement = statement.where(col(Guide.id) != exclude_id)
    choices = [(int(row_id), str(title)) for row_id, title in session.execute(statement)]
    choices.sort(key=lambda choice: (choice[1].casefold(), choice[0]))
    return choices


def linked_guides(*, session: Session, guide_id: int) -> list[tuple[int, str, str]]:
    """(id, title, level) of the live guides linked to *guide_id* as original or gentle variant."""
    guide = get_guide(session=session, guide_id=guide_id, include_deleted=True)
    condition = col(Guide.gentle_variant_of_id) == guide_id
    if guide.gentle_variant_of_id is not None:
        condition = sa.or_(condition, col(Guide.id) == guide.gentle_variant_of_id)
    statement = (
        sa.select(col(Guide.id), col(Guide.title), col(Guide.level))
        .where(condition, col(Guide.deleted_at).is_(None), col(Guide.id) != guide_id)
        .order_by(func.lower(Guide.title), col(Guide.id))
    )
    return [(int(i), str(t), str(lv)) for i, t, lv in session.execute(statement)]


# -- images ------------------------------------------------------------------------------------
_IMAGE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def safe_image_name(filename: str) -> str:
    """A file name made fit for `![alt](image:NAME)`: `"Layar HP (1).PNG"` → `"layar-hp-1.png"`."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1].strip().lower()
    base = re.sub(r"[^a-z0-9._-]+", "-", base)
    base = re.sub(r"-+", "-", base)
    base = re.sub(r"-?\.-?", ".", base).strip("-.")
    if not base or base.startswith("."):
        base = "picture" + (base if base.startswith(".") else "")
    if len(base) > IMAGE_NAME_MAX:
        stem, dot, ext = base.rpartition(".")
        base = (stem[: IMAGE_NAME_MAX - len(ext) - 1] + dot + ext) if dot else base[:IMAGE_NAME_MAX]
    return base


def unique_image_name(*, session: Session, guide_id: int | None, name: str, taken: set[str]) -> str:
    """*name*, or `name-2.png`, `name-3.png`, … when the guide (or *taken*) already has it."""
    used = set(taken)
    if guide_id is not None:
        used |= {info.name for info in list_images(session=session, guide_id=guide_id)}
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    candidate, number = name, 1
    while candidate in used:
        number += 1
        candidate = f"{stem}-{number}{dot}{ext}"
    return candidate


def sniff_image_type(data: bytes) -> str | None:
    """The MIME type of PNG, JPEG, GIF or WebP *data*, from its first bytes."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def add_image(
    *, session: Session, guide_id: int, name: str, data: bytes, mime_type: str
) -> GuideImage:
    get_guide(session=session, guide_id=guide_id)
    errors: dict[str, str] = {}
    if not _IMAGE_NAME.match(name) or len(name) > IMAGE_NAME_MAX:
        errors["name"] = "image_name_invalid"
    else:
        taken = session.exec(
            select(func.count())
            .select_from(GuideImage)
            .where(GuideImage.guide_id == guide_id, GuideImage.name == name)
        ).one()
        if taken:
            errors["name"] = "image_name_taken"
    if not data:
        errors["data"] = "image_empty"
    elif len(data) > MAX_IMAGE_BYTES:
        errors["data"] = "image_too_large"
    if mime_type not in IMAGE_MIME_TYPES:
        errors["mime_type"] = "image_type_unknown"
    if errors:
        raise ValidationError(errors)
    image = GuideImage(guide_id=guide_id, name=name, data=bytes(data), mime_type=mime_type)
    session.add(image)
    session.flush()
    return image


def list_images(*, session: Session, guide_id: int) -> list[ImageInfo]:
    statement = (
        sa.select(
            col(GuideImage.id),
            col(GuideImage.name),
            col(GuideImage.mime_type),
            func.length(col(GuideImage.data)),
        )
        .where(col(GuideImage.guide_id) == guide_id)
        .order_by(col(GuideImage.name))
    )
    return [
        ImageInfo(int(i), str(n), str(m), int(s or 0)) for i, n, m, s in session.execute(statement)
    ]


def get_image(*, session: Session, guide_id: int, name: str) -> GuideImage | None:
    return session.exec(
        select(GuideImage).where(GuideImage.guide_id == guide_id, GuideImage.name == name)
    ).first()


def remove_image(*, session: Session, guide_id: int, name: str) -> bool:
    """Remove the picture; False when the guide has no picture by that name."""
    image = get_image(session=session, guide_id=guide_id, name=name)
    if image is None:
        return False
    session.delete(image)
    session.flush()
    return True


_IMAGE_REFERENCE = re.compile(r"!\[[^\]]*\]\(\s*image:([^)\s]+)")


def image_references(markdown: str) -> list[str]:
    """The picture names a guide's Markdown uses, in order, without repeats."""
    return list(dict.fromkeys(_IMAGE_REFERENCE.findall(markdown)))


# -- placeholders -------------------------------------------------------------------------------
PLACEHOLDERS = ("client_name", "call_name", "first_name", "company", "site_url", "my_name", "today")
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}")

#: forms of address that come before a name; the long form → how one says it in a chat
HONORIFICS: dict[str, str] = {
    "ibu": "Bu",
    "bu": "Bu",
    "bapak": "Pak",
    "pak": "Pak",
    "bpk": "Pak",
    "mbak": "Mbak",
    "mba": "Mbak",
    "mas": "Mas",
    "kak": "Kak",
    "kakak": "Kak",
    "bang": "Bang",
    "abang": "Bang",
    "dik": "Dik",
    "adik": "Dik",
    "om": "Om",
    "tante": "Tante",
    "ny": "Bu",
    "nyonya": "Bu",
    "sdr": "",
    "sdri": "",
    "saudara": "",
    "saudari": "",
    "h": "",
    "hj": "",
    "haji": "",
    "hajjah": "",
    "dr": "",
    "drg": "",
    "ir": "",
    "prof": "",
    "mr": "",
    "mrs": "",
    "ms": "",
    "miss": "",
}


def _split_name(name: str) -> tuple[str, str]:
    """("Bu", "Ratna") for "Ibu Ratna Wulandari": the chat form of address and the first name."""
    words = name.split()
    address = ""
    while len(words) > 1:
        key = words[0].rstrip(".,").casefold()
        if key not in HONORIFICS:
            break
        address = address or HONORIFICS[key]
        words.pop(0)
    return address, (words[0].rstrip(",") if words else "")


def first_name(name: str) -> str:
    """ "Ibu Ratna Wulandari" → "Ratna"; "Pak H. Bambang Santoso" → "Bambang"."""
    return _split_name(name)[1]


def call_name(name: str) -> str:
    """How one greets the client in a chat: "Ibu Ratna Wulandari" → "Bu Ratna"."""
    address, first = _split_name(name)
    return f"{address} {first}" if address and first else first


def fill_placeholders(text: str, values: Mapping[str, str]) -> FilledText:
    """Replace `{name}` with `values[name]`; `{{` and `}}` give literal braces.

    Unknown placeholders, and known ones without a value, stay as they are (so the text shows what
    still needs filling in) and are listed in `missing`.
    """
    missing: list[str] = []

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        key = match.group(1)
        value = values.get(key, "")
        if value:
            return value
        if key not in missing:
            missing.append(key)
        return token

    return FilledText(_PLACEHOLDER.sub(replace, text), missing)


#: month names for long dates, by language (the report uses them too)
MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def format_long_date(day: date, language: str = "id") -> str:
    """ "3 Maret 2025" / "3 March 2025"."""
    months = MONTH_NAMES.get(language, MONTH_NAMES["en"])
    return f"{day.day} {months[day.month - 1]} {day.year}"


def site_url(website: str) -> str:
    """The client's website as a link to click: "katering-ratna.id/" → "https://katering-ratna.id"."""
    url = website.strip().rstrip("/")
    if url and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", url):
        url = f"https://{url}"
    return url


def placeholder_values_for_client(
    *,
    session: Session,
    client_id: int,
    my_name: str = "",
    language: str = "id",
    today: date | None = None,
) -> dict[str, str]:
    client = session.get(Client, client_id)
    if client is None or client.deleted_at is not None:
        raise UserError("That client no longer exists. It may have been deleted.")
    return {
        "client_name": client.name,
        "first_name": first_name(client.name),
        "call_name": call_name(client.name),
        "company": client.company,
        "site_url": site_url(client.website),
        "my_name": my_name.strip(),
        "today": format_long_date(today or date.today(), language),
    }


# -- WhatsApp rendering -------------------------------------------------------------------------
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_PICTURE_WORD = {"id": "Gambar", "en": "Picture"}
_URL = re.compile(r"(?:https?://|www\.)[^\s<>]+", re.IGNORECASE)
_AUTOLINK = re.compile(r"<((?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)|(?:[^<>\s@]+@[^<>\s@]+))>")
_STYLE_MARK = {"strong": "*", "em": "_", "strike": "~"}


@dataclass
class _Piece:
    """A bit of inline output: text, a code span (left exactly as typed), or a style marker."""

    text: str
    code: bool = False
    #: for emphasis markers: ("open" | "close", style)
    marker: tuple[str, str] | None = None


@dataclass
class _Delimiter:
    """A run of `*`, `_` or `~` that may open or close emphasis."""

    index: int  # position of its stand-in piece in the piece list
    char: str
    count: int
    original: int
    can_open: bool
    can_close: bool
    opens: list[str] = field(default_factory=list)  # styles it opens, outermost first
    closes: list[str] = field(default_factory=list)  # styles it closes, innermost first
    active: bool = True


def _is_space(char: str) -> bool:
    return char == "" or char.isspace()


def _is_punct(char: str) -> bool:
    return char in _PUNCTUATION or (char != "" and unicodedata.category(char).startswith("P"))


class _Inline:
    """Inline Markdown → WhatsApp text, following CommonMark's delimiter rules closely enough."""

    def __init__(self, language: str, references: Mapping[str, str], plain: bool = False) -> None:
        self.language = language
        self.references = references
        #: plain text only: no WhatsApp markers (for headings and picture descriptions)
        self.plain = plain

    def render(self, text: str) -> str:
        pieces: list[_Piece] = []
        delimiters: list[_Delimiter] = []
        self._scan(text, pieces, delimiters)
        self._match(delimiters)
        return self._join(self._expand(pieces, delimiters))

    # -- scanning -------------------------------------------------------------------------------
    def _scan(self, text: str, pieces: list[_Piece], delimiters: list[_Delimiter]) -> None:
        i, n = 0, len(text)
        buffer: list[str] = []

        def emit(value: str, *, code: bool = False) -> None:
            if buffer:
                pieces.append(_Piece("".join(buffer)))
                buffer.clear()
            pieces.append(_Piece(value, code=code))

        while i < n:
            char = text[i]
            if char == "\\":
                if i + 1 < n and text[i + 1] in _PUNCTUATION:
                    emit(text[i + 1])
                    i += 2
                elif i + 1 >= n:
                    i += 1  # a hard line break at the end of a line: the newline is enough
                else:
                    buffer.append(char)
                    i += 1
                continue
            if char == "`":
                run = _run_length(text, i, "`")
                end = _find_backtick_run(text, i + run, run)
                if end < 0:
                    buffer.append("`" * run)
                    i += run
                    continue
                content = text[i + run : end]
                if content.startswith(" ") and content.endswith(" ") and content.strip():
                    content = content[1:-1]
                if content:
                    emit(content if self.plain else f"```{content}```", code=True)
                i = end + run
                continue
            if char == "<":
                match = _AUTOLINK.match(text, i)
                if match:
                    emit(match.group(1).removeprefix("mailto:"))
                    i = match.end()
                    continue
            elif char == "!" and text.startswith("[", i + 1):
                parsed = self._link(text, i + 1)
                if parsed is not None:
                    label, url, i = parsed
                    emit(self._picture(label, url))
                    continue
            elif char == "[":
                parsed = self._link(text, i)
                if parsed is not None:
                    label, url, i = parsed
                    emit(self._link_text(label, url))
                    continue
            elif char in "hHwW" and (i == 0 or not text[i - 1].isalnum()):
                match = _URL.match(text, i)
                if match:
                    url = _trim_url(match.group(0))
                    emit(url)
                    i += len(url)
                    continue
            elif char in "*_~":
                run = _run_length(text, i, char)
                delimiters.append(self._delimiter(text, i, run, len(pieces) + bool(buffer)))
                emit("")  # the delimiter's stand-in
                i += run
                continue
            buffer.append(char)
            i += 1
        if buffer:
            pieces.append(_Piece("".join(buffer)))

    @staticmethod
    def _delimiter(text: str, start: int, run: int, index: int) -> _Delimiter:
        char = text[start]
        before = text[start - 1] if start > 0 else ""
        after = text[start + run] if start + run < len(text) else ""
        left = not _is_space(after) and (
            not _is_punct(after) or _is_space(before) or _is_punct(before)
        )
        right = not _is_space(before) and (
            not _is_punct(before) or _is_space(after) or _is_punct(after)
        )
        if char == "_":
            can_open = left and (not right or _is_punct(before))
            can_close = right and (not left or _is_punct(after))
        else:
            can_open, can_close = left, right
        if char == "~" and run > 2:
            can_open = can_close = False
        return _Delimiter(index, char, run, run, can_open, can_close)

    def _link(self, text: str, start: int) -> tuple[str, str, int] | None:
        """Parse `[label](url "title")`, `[label][ref]`, `[label][]` or `[ref]` at *start*."""
        close = _matching_bracket(text, start)
        if close < 0:
            return None
        label = text[start + 1 : close]
        after = close + 1
        if text.startswith("(", after):
            parsed = _link_destination(text, after)
            if parsed is None:
                return None
            url, end = parsed
            return label, url, end
        if text.startswith("[", after):
            ref_close = _matching_bracket(text, after)
            if ref_close >= 0:
                ref = text[after + 1 : ref_close] or label
                target = self.references.get(_reference_key(ref))
                if target is not None:
                    return label, target, ref_close + 1
        target = self.references.get(_reference_key(label))
        if target is not None and label.strip():
            return label, target, after
        return None

    def _picture(self, alt: str, url: str) -> str:
        word = _PICTURE_WORD.get(self.language, _PICTURE_WORD["en"])
        description = _Inline(self.language, self.references, plain=True).render(alt).strip()
        text = f"[{word}: {description}]" if description else f"[{word}]"
        if re.match(r"^https?://", url, re.IGNORECASE):
            text += f" ({url})"
        return text

    def _link_text(self, label: str, url: str) -> str:
        shown = _Inline(self.language, self.references, plain=self.plain).render(label).strip()
        plain_label = _Inline(self.language, self.references, plain=True).render(label).strip()
        bare = url.removeprefix("mailto:")
        if not bare:
            return shown
        if not plain_label or plain_label in (url, bare):
            return bare
        return f"{shown} ({bare})"

    # -- emphasis -------------------------------------------------------------------------------
    def _match(self, delimiters: list[_Delimiter]) -> None:
        """CommonMark's "process emphasis", producing WhatsApp styles instead of HTML tags."""
        for closer_position, closer in enumerate(delimiters):
            while closer.can_close and closer.count > 0:
                opener_position = self._find_opener(delimiters, closer_position)
                if opener_position is None:
                    break
                opener = delimiters[opener_position]
                if closer.char == "~":
                    used, style = closer.count, "strike"
                else:
                    used = 2 if opener.count >= 2 and closer.count >= 2 else 1
                    style = "strong" if used == 2 else "em"
                opener.count -= used
                closer.count -= used
                opener.opens.insert(0, style)
                closer.closes.append(style)
                for between in delimiters[opener_position + 1 : closer_position]:
                    between.active = False
                if opener.count == 0:
                    opener.active = False

    @staticmethod
    def _find_opener(delimiters: list[_Delimiter], closer_position: int) -> int | None:
        closer = delimiters[closer_position]
        for position in range(closer_position - 1, -1, -1):
            opener = delimiters[position]
            if not (opener.active and opener.count and opener.can_open):
                continue
            if opener.char != closer.char:
                continue
            if closer.char == "~":
                if opener.count == closer.count:
                    return position
                continue
            either_way = (opener.can_open and opener.can_close) or (
                closer.can_open and closer.can_close
            )
            if (
                either_way
                and (opener.original + closer.original) % 3 == 0
                and not (opener.original % 3 == 0 and closer.original % 3 == 0)
            ):
                continue
            return position
        return None

    # -- output ---------------------------------------------------------------------------------
    @staticmethod
    def _expand(pieces: list[_Piece], delimiters: list[_Delimiter]) -> list[_Piece]:
        """Replace each delimiter's stand-in by its closing markers, leftover text and openers."""
        by_index = {delimiter.index: delimiter for delimiter in delimiters}
        flat: list[_Piece] = []
        for index, piece in enumerate(pieces):
            delimiter = by_index.get(index)
            if delimiter is None:
                flat.append(piece)
                continue
            flat += [_Piece("", marker=("close", style)) for style in delimiter.closes]
            leftover = delimiter.char * delimiter.count
            if delimiter.char == "*":
                leftover = leftover[:1]  # never leave a broken `**` behind
            flat.append(_Piece(leftover))
            flat += [_Piece("", marker=("open", style)) for style in delimiter.opens]
        return flat

    def _join(self, pieces: list[_Piece]) -> str:
        # WhatsApp cannot nest a style inside itself, so an inner span of a style already open is
        # dropped, and a span closed and reopened with nothing between is merged into one.
        depth = dict.fromkeys(_STYLE_MARK, 0)
        segments: list[tuple[str, bool]] = []  # (text, is code)
        pending: list[tuple[str, str]] = []

        def write_markers() -> None:
            i = 0
            while i < len(pending):
                kind, style = pending[i]
                if (
                    kind == "close"
                    and depth[style] == 1
                    and i + 1 < len(pending)
                    and pending[i + 1] == ("open", style)
                ):
                    i += 2
                    continue
                before = depth[style]
                depth[style] = before + 1 if kind == "open" else max(0, before - 1)
                if not self.plain and (before == 0) != (depth[style] == 0):
                    segments.append((_STYLE_MARK[style], False))
                i += 1
            pending.clear()

        for piece in pieces:
            if piece.marker is not None:
                pending.append(piece.marker)
            elif piece.text:
                write_markers()
                segments.append((piece.text, piece.code))
        write_markers()

        result: list[str] = []
        prose: list[str] = []
        for value, code in segments:
            if code:
                result.append(_tidy("".join(prose)))
                prose.clear()
                result.append(value)
            else:
                prose.append(value)
        result.append(_tidy("".join(prose)))
        return "".join(result)


def _tidy(text: str) -> str:
    """The last guard against Markdown left over outside code: `**` and `](`."""
    return re.sub(r"\*{2,}", "*", text).replace("](", "] (")


def _run_length(text: str, start: int, char: str) -> int:
    end = start
    while end < len(text) and text[end] == char:
        end += 1
    return end - start


def _find_backtick_run(text: str, start: int, length: int) -> int:
    """Where a run of exactly *length* backticks starts at or after *start*, or -1."""
    i = start
    while i < len(text):
        if text[i] == "`":
            run = _run_length(text, i, "`")
            if run == length:
                return i
            i += run
        else:
            i += 1
    return -1


def _matching_bracket(text: str, start: int) -> int:
    """The `]` closing the `[` at *start* (nesting, escapes and code spans respected), or -1."""
    depth = 0
    i = start
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "`":
            run = _run_length(text, i, "`")
            end = _find_backtick_run(text, i + run, run)
            i = end + run if end >= 0 else i + run
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _link_destination(text: str, start: int) -> tuple[str, int] | None:
    """Parse `(url "optional title")` at *start* (the `(`): (url, index after `)`)."""
    i = start + 1
    n = len(text)
    while i < n and text[i] in " \t":
        i += 1
    if i < n and text[i] == "<":
        close = text.find(">", i + 1)
        if close < 0:
            return None
        url = text[i + 1 : close]
        i = close + 1
    else:
        depth = 0
        begin = i
        while i < n:
            char = text[i]
            if char == "\\" and i + 1 < n:
                i += 2
                continue
            if char == "(":
                depth += 1
            elif char == ")":
                if depth == 0:
                    break
                depth -= 1
            elif char.isspace():
                break
            i += 1
        url = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text[begin:i])
    while i < n and text[i] in " \t":
        i += 1
    if i < n and text[i] in "\"'(":
        closing = {'"': '"', "'": "'", "(": ")"}[text[i]]
        end = text.find(closing, i + 1)
        if end < 0:
            return None
        i = end + 1
        while i < n and text[i] in " \t":
            i += 1
    if i < n and text[i] == ")":
        return url, i + 1
    return None


def _trim_url(url: str) -> str:
    """A bare URL without the sentence's punctuation after it (and unbalanced `)`)."""
    while url and url[-1] in ".,:;!?'\"*_~":
        url = url[:-1]
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1]
    return url


def _reference_key(label: str) -> str:
    return " ".join(label.split()).casefold()


_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")
_HEADING = re.compile(r"^\s{0,3}(#+)(.*)$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_BULLET = re.compile(r"^(\s*)([-*+])(?:\s+(.*))?$")
_ORDERED = re.compile(r"^(\s*)(\d{1,9})[.)](?:\s+(.*))?$")
_TASK = re.compile(r"^\[([ xX])\]\s+")
_REFERENCE = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?([^\s>]*)>?(?:\s+[\"'(].*[\"')])?\s*$")
INDENT = "   "


@dataclass
class _ListLevel:
    indent: int
    ordered: bool
    number: int


class _Blocks:
    """The line-based block pass: headings, lists, quotes, code fences, rules, paragraphs."""

    def __init__(self, language: str, references: Mapping[str, str]) -> None:
        self.inline = _Inline(language, references)
        self.plain_inline = _Inline(language, references, plain=True)
        self.out: list[str] = []
        self.levels: list[_ListLevel] = []
        self.previous = "blank"  # what the previous source line was
        #: the source of a one-line paragraph just written (a setext underline makes it a heading)
        self.lone_paragraph: str | None = None

    def line(self, raw: str) -> None:
        lone, self.lone_paragraph = self.lone_paragraph, None
        stripped = raw.strip()
        if not stripped:
            self._write("", "blank")
            return
        quote = _QUOTE.match(raw)
        if quote:
            rest = raw
            while quote:
                rest = rest[quote.end() :]
                quote = _QUOTE.match(rest)
            self.levels.clear()
            content = self._content(rest.strip(), in_list=False)
            self._write(f"> {content}" if content else "", "quote")
            return
        setext = _SETEXT.match(raw)
        if setext and lone is not None:
            self.out.pop()
            self._write(self._heading(lone), "heading")
            return
        if _RULE.match(raw) or (setext and setext.group(1).startswith("=")):
            self.levels.clear()
            self._write("", "blank")
            return
        item = self._list_item(raw)
        if item is not None:
            self._write(item, "item")
            return
        indent = len(raw) - len(raw.lstrip())
        heading = _HEADING.match(stripped)
        lazy = self.previous == "item" and indent == 0 and heading is None
        if self.levels and (indent > 0 or lazy):
            depth = self._continuation_depth(indent)
            kind = "item" if self.previous == "item" else "continuation"
            self._write(INDENT * depth + self._content(stripped, in_list=True), kind)
            return
        self.levels.clear()
        if heading:
            self._write(self._heading(_strip_closing_hashes(heading.group(2))), "heading")
            return
        if self.previous != "paragraph":
            self.lone_paragraph = stripped
        self._write(self.inline.render(stripped), "paragraph")

    def _write(self, text: str, kind: str) -> None:
        self.out.append(text)
        self.previous = kind

    def _content(self, text: str, *, in_list: bool) -> str:
        """A line in a quote or list item: may be a heading (or, in a quote, a list item)."""
        heading = _HEADING.match(text)
        if heading:
            return self._heading(_strip_closing_hashes(heading.group(2)))
        if not in_list and not _RULE.match(text):
            bullet = _BULLET.match(text)
            if bullet:
                return f"• {self.inline.render(bullet.group(3) or '')}".rstrip()
            ordered = _ORDERED.match(text)
            if ordered:
                number = int(ordered.group(2))
                return f"{number}. {self.inline.render(ordered.group(3) or '')}".rstrip()
        return self.inline.render(text)

    def _heading(self, text: str) -> str:
        content = self.plain_inline.render(text.strip()).strip(" *")
        return f"*{content}*" if content else ""

    def _list_item(self, raw: str) -> str | None:
        if _RULE.match(raw):
            return None
        bullet = _BULLET.match(raw)
        ordered = None if bullet else _ORDERED.match(raw)
        match = bullet or ordered
        if match is None:
            return None
        indent = len(match.group(1))
        while self.levels and self.levels[-1].indent > indent:
            self.levels.pop()
        is_ordered = ordered is not None
        if (
            self.levels
            and self.levels[-1].indent == indent
            and self.levels[-1].ordered == is_ordered
        ):
            level = self.levels[-1]
            level.number += 1
        else:
            if self.levels and self.levels[-1].indent == indent:
                self.levels.pop()  # another kind of list at the same place starts afresh
            level = _ListLevel(indent, is_ordered, int(ordered.group(2)) if ordered else 1)
            self.levels.append(level)
        text = (match.group(3) or "").strip()
        task = _TASK.match(text)
        if task:
            text = ("☑ " if task.group(1) in "xX" else "☐ ") + text[task.end() :]
        marker = f"{level.number}." if level.ordered else "•"
        content = self._content(text, in_list=True) if text else ""
        return f"{INDENT * (len(self.levels) - 1)}{marker} {content}".rstrip()

    def _continuation_depth(self, indent: int) -> int:
        """How deep a continuation line sits: under the deepest item it is indented past."""
        depth = 1
        for number, level in enumerate(self.levels):
            if indent > level.indent:
                depth = number + 1
        return depth

    def code(self, lines: list[str]) -> None:
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        if lines:
            in_item = self.levels and self.previous in ("item", "continuation")
            prefix = INDENT * len(self.levels) if in_item else ""
            block = "\n".join(line.rstrip() for line in lines)
            self._write(f"{prefix}```{block}```", "code")
        else:
            self.previous = "code"
        self.lone_paragraph = None


def _strip_closing_hashes(text: str) -> str:
    """`Title ##` → `Title` (the optional closing sequence of an ATX heading)."""
    text = text.strip()
    without = re.sub(r"\s+#+$", "", text)
    return "" if re.fullmatch(r"#+", without) else without


def _fence_roles(lines: list[str]) -> list[str]:
    """For each line: "text", or its part in a fenced code block: "open", "code", "close"."""
    roles: list[str] = []
    marker: str | None = None
    for line in lines:
        fence = _FENCE.match(line)
        if marker is None:
            if fence is not None and not (fence.group(2)[0] == "`" and "`" in fence.group(3)):
                marker = fence.group(2)
                roles.append("open")
            else:
                roles.append("text")
        elif fence and fence.group(2).startswith(marker) and not fence.group(3).strip():
            marker = None
            roles.append("close")
        else:
            roles.append("code")
    return roles


def render_whatsapp(markdown: str, *, language: str = "id") -> str:
    """The guide as a WhatsApp message: WhatsApp's own formatting, no Markdown left over."""
    lines = [
        line.expandtabs(4)
        for line in markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    references: dict[str, str] = {}
    kept: list[tuple[str, str]] = []
    for line, role in zip(lines, _fence_roles(lines), strict=True):
        reference = _REFERENCE.match(line) if role == "text" else None
        if reference:
            references.setdefault(_reference_key(reference.group(1)), reference.group(2))
        else:
            kept.append((line, role))

    blocks = _Blocks(language, references)
    block: list[str] = []
    fence_indent = 0
    for line, role in kept:
        if role == "text":
            blocks.line(line)
        elif role == "open":
            block = []
            fence_indent = len(line) - len(line.lstrip())
        elif role == "code":
            block.append(_dedent(line, fence_indent))
        else:
            blocks.code(block)
            block = []
    if kept and kept[-1][1] in ("open", "code"):
        blocks.code(block)

    result: list[str] = []
    for line in blocks.out:
        line = line.rstrip()
        if line or (result and result[-1]):
            result.append(line)
    while result and not result[-1]:
        result.pop()
    return "\n".join(result)


def _dedent(line: str, indent: int) -> str:
    spaces = len(line) - len(line.lstrip(" "))
    return line[min(spaces, indent) :]


def with_hard_line_breaks(markdown: str) -> str:
    """*markdown* where each line break in a paragraph stays a line break, as in WhatsApp.

    For a Markdown viewer (the preview): Markdown joins the lines of a paragraph, WhatsApp does not.
    """
    lines = markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    roles = _fence_roles(lines)
    out: list[str] = []
    for number, (line, role) in enumerate(zip(lines, roles, strict=True)):
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if (
            role == "text"
            and line.strip()
            and following.strip()
            and roles[number + 1] == "text"
            and not _SETEXT.match(following)
            and not line.rstrip().endswith("\\")
        ):
            line = line.rstrip() + "  "
        out.append(line)
    return "\n".join(out)


# -- sending ------------------------------------------------------------------------------------
def render_for_client(
    *,
    session: Session,
    guide_id: int,
    client_id: int,
    my_name: str = "",
    today: date | None = None,
) -> RenderedGuide:
    """The guide as WhatsApp text for one client, placeholders filled in."""
    guide = get_guide(session=session, guide_id=guide_id)
    values = placeholder_values_for_client(
        session=session, client_id=client_id, my_name=my_name, language=guide.language, today=today
    )
    filled = fill_placeholders(render_whatsapp(guide.body, language=guide.language), values)
    return RenderedGuide(
        text=filled.text,
        missing_placeholders=filled.missing,
        guide_id=guide_id,
        language=guide.language,
    )


def suggest_variant(*, session: Session, guide_id: int, client_id: int) -> int:
    """The very gentle version of the guide for clients with tech comfort 1–2, when there is one."""
    guide = get_guide(session=session, guide_id=guide_id)
    client = session.get(Client, client_id)
    if client is None or client.tech_comfort > GENTLE_COMFORT_MAX:
        return guide_id
    if guide.level == GuideLevel.VERY_GENTLE.value:
        return guide_id
    for other_id, _title, level in linked_guides(session=session, guide_id=guide_id):
        if level == GuideLevel.VERY_GENTLE.value:
            return other_id
    return guide_id


def record_send(
    *,
    session: Session,
    guide_id: int,
    client_id: int,
    ticket_id: int | None = None,
    text: str,
    sent_at: datetime | None = None,
) -> GuideSend:
    get_guide(session=session, guide_id=guide_id)
    client = session.get(Client, client_id)
    if client is None or client.deleted_at is not None:
        raise UserError("That client no longer exists. It may have been deleted.")
    if ticket_id is not None:
        ticket = session.get(Ticket, ticket_id)
        if ticket is None or ticket.client_id != client_id:
            raise UserError("That ticket does not belong to this client.")
    send = GuideSend(
        guide_id=guide_id,
        client_id=client_id,
        ticket_id=ticket_id,
        text=text,
        sent_at=sent_at or utcnow(),
    )
    session.add(send)
    session.flush()
    return send


def sends_for_client(*, session: Session, client_id: int) -> list[SendToClient]:
    """The guides a client received, newest first."""
    statement = (
        sa.select(
            col(GuideSend.id),
            col(GuideSend.guide_id),
            col(Guide.title),
            col(GuideSend.sent_at),
            col(GuideSend.ticket_id),
        )
        .join(Guide, col(Guide.id) == col(GuideSend.guide_id))
        .where(col(GuideSend.client_id) == client_id)
        .order_by(col(GuideSend.sent_at).desc(), col(GuideSend.id).desc())
    )
    return [
        SendToClient(int(i), int(g), str(t), s, None if k is None else int(k))
        for i, g, t, s, k in session.execute(statement)
    ]


def sends_for_guide(*, session: Session, guide_id: int) -> list[SendOfGuide]:
    """Who received the guide, newest first (deleted clients left out)."""
    statement = (
        sa.select(
            col(GuideSend.id),
            col(GuideSend.client_id),
            col(Client.name),
            col(GuideSend.sent_at),
            col(GuideSend.ticket_id),
        )
        .join(Client, col(Client.id) == col(GuideSend.client_id))
        .where(col(GuideSend.guide_id) == guide_id, col(Client.deleted_at).is_(None))
        .order_by(col(GuideSend.sent_at).desc(), col(GuideSend.id).desc())
    )
    return [
        SendOfGuide(int(i), int(c), str(n), s, None if k is None else int(k))
        for i, c, n, s, k in session.execute(statement)
    ]


def already_sent(*, session: Session, guide_id: int, client_id: int) -> datetime | None:
    """When the client last got this guide (UTC), or None."""
    return session.exec(
        select(func.max(GuideSend.sent_at)).where(
            GuideSend.guide_id == guide_id, GuideSend.client_id == client_id
        )
    ).one()


def ticket_choices(*, session: Session, client_id: int) -> list[tuple[int, str]]:
    """(id, title) of the client's tickets that are still open, newest first."""
    statement = (
        sa.select(col(Ticket.id), col(Ticket.title))
        .where(
            col(Ticket.client_id) == client_id,
            col(Ticket.status).in_([status.value for status in ACTIVE_STATUSES]),
        )
        .order_by(col(Ticket.created_at).desc(), col(Ticket.id).desc())
    )
    return [(int(row_id), str(title)) for row_id, title in session.execute(statement)]


def client_choices(*, session: Session) -> list[tuple[int, str, int]]:
    """(id, name, tech comfort) of live clients, by name."""
    statement = sa.select(col(Client.id), col(Client.name), col(Client.tech_comfort)).where(
        col(Client.deleted_at).is_(None)
    )
    rows = [(int(i), str(n), int(t)) for i, n, t in session.execute(statement)]
    rows.sort(key=lambda row: (row[1].casefold(), row[0]))
    return rows
