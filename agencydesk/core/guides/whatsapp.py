"""A guide's Markdown as a WhatsApp message, and as Markdown for the editor's preview.

markdown-it-py parses the Markdown (CommonMark, with ``~~strike~~``); this module walks its tokens
and writes WhatsApp's own formatting (``*bold*``, ``_italic_``, ``~strike~``, ```` ```code``` ````),
so what the client receives never shows Markdown syntax. Where guides were written for the
desk's earlier reading of Markdown, that reading is kept: a line starting with ``#`` is a heading
even without a space (``#hashtag``), indented text is never a code block, a bare web address is
never broken up by emphasis (``a_b_c``), and what is typed (``&amp;``, ``<b>``) is sent as typed.
Blank lines in the message are where the writer left blank lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

_PICTURE_WORD = {"id": "Gambar", "en": "Picture"}
_STYLE_MARK = {"strong": "*", "em": "_", "s": "~"}
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\]]+", re.IGNORECASE)  # `]` may end a link label
#: where a bare web address starts: not in the middle of a word
_URL_START = re.compile(r"(?<![^\W_])(?:https?://|www\.)", re.IGNORECASE)
#: what markdown-it's text rule stops at (CommonMark's special characters)
_TERMINATOR = re.compile(r"[\n!#$%&*+\-:<=>@\[\\\]^_`{}~]")
#: a line that makes the paragraph above it a heading (`Title` / `=====`)
_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_TASK = re.compile(r"^\[([ xX])\]\s+")
#: WhatsApp has no nested lists: each level is indented by this much
INDENT = "   "


class _GuideMarkdown(MarkdownIt):
    """Links are shown as text, never followed: keep every destination exactly as typed."""

    def validateLink(self, url: str) -> bool:
        return True

    def normalizeLink(self, url: str) -> str:
        return url

    def normalizeLinkText(self, link: str) -> str:
        return link


def _strip_closing_hashes(text: str) -> str:
    """`Title ##` → `Title` (the optional closing sequence of a `#` heading)."""
    text = text.strip()
    # The trailing run of `#`, when whitespace comes before it, goes with that whitespace: what
    # `re.sub(r"\s+#+$", "", text)` did, without its search trying every space of a long run up
    # to the run's end ("# a" + 40,000 spaces + "b" took 5.9 s, quadratic in the spaces).
    body = text.rstrip("#")
    if body != text and body[-1:].isspace():
        text = body.rstrip()
    return "" if re.fullmatch(r"#+", text) else text


def _hash_heading(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Any line starting with `#` is a heading: `#Title`, `####### Title`, indented or not."""
    pos = state.bMarks[start_line] + state.tShift[start_line]
    end = state.eMarks[start_line]
    if pos >= end or state.src[pos] != "#":
        return False
    if silent:
        return True
    hashes = len(state.src[pos:end]) - len(state.src[pos:end].lstrip("#"))
    state.line = start_line + 1
    tag = f"h{min(hashes, 6)}"
    state.push("heading_open", tag, 1).map = [start_line, state.line]
    inline = state.push("inline", "", 0)
    inline.content = _strip_closing_hashes(state.src[pos + hashes : end])
    inline.map = [start_line, state.line]
    inline.children = []
    state.push("heading_close", tag, -1)
    return True


def _trim_url(url: str) -> str:
    """A bare URL without the sentence's punctuation after it (and unbalanced `)`)."""
    url = url.rstrip(".,:;!?'\"*_~")
    # the `)` that close nothing opened in the address, counted once (not once a character)
    unbalanced = url.count(")") - url.count("(")
    trailing = len(url) - len(url.rstrip(")"))
    return url[: len(url) - min(max(unbalanced, 0), trailing)] if unbalanced > 0 else url


def _next_url_start(state: StateInline) -> re.Match[str] | None:
    """Where the next web address starts at or after the state's position, before its end
    (None: nowhere).

    The rule runs at every position of a paragraph; searching to its end each time made a
    guide of short lines, or of "*" and "_", quadratic (8,000 lines: 5.5 s). The answer holds
    until the position passes it, so it is kept on the state, with the end it was sought to
    (a link's label is read with a nearer end, then the paragraph's is back)."""
    pos, end = state.pos, state.posMax
    kept = cast(
        "tuple[int, int, re.Match[str] | None] | None", getattr(state, "_agencydesk_url", None)
    )
    if kept is not None:
        since, until, found = kept
        if since <= pos and end <= until and (found is None or pos <= found.start()):
            # the first from `since` up to `until` is the first from here up to `end`, if it
            # ends before `end`; else there is none before `end`
            return found if found is not None and found.end() <= end else None
    found = _URL_START.search(state.src, pos, end)
    state._agencydesk_url = (pos, end, found)  # type: ignore[attr-defined]
    return found


def _bare_url(state: StateInline, silent: bool) -> bool:
    """A web address typed as is becomes one `bare_url` token, safe from emphasis.

    Runs before markdown-it's text rule, which would otherwise swallow the address's start
    together with the words before it: those words are handed over as text up to the address.
    """
    src, pos = state.src, state.pos
    start = _next_url_start(state)
    if start is None:
        return False
    if start.start() > pos:
        text_end = _TERMINATOR.search(src, pos, state.posMax)
        if text_end is not None and text_end.start() < start.start():
            return False  # markdown-it's own rules come first
        if not silent:
            state.pending += src[pos : start.start()]
        state.pos = start.start()
        return True
    match = _URL.match(src, pos, state.posMax)
    url = _trim_url(match.group(0)) if match else ""
    if not url:
        return False
    if not silent:
        state.push("bare_url", "", 0).content = url
    state.pos += len(url)
    return True


def _parser() -> MarkdownIt:
    parser = _GuideMarkdown("commonmark", {"html": False}).enable("strikethrough")
    parser.disable(["code", "entity"])
    parser.block.ruler.at(
        "heading", _hash_heading, {"alt": ["paragraph", "reference", "blockquote"]}
    )
    parser.inline.ruler.before("text", "bare_url", _bare_url)
    return parser


_PARSER = _parser()
#: the preview's reading of the block structure (Qt's Markdown viewer is CommonMark, too)
_PREVIEW_PARSER = MarkdownIt("commonmark", {"html": False})


def _tidy(text: str) -> str:
    """The last guard against Markdown left over outside code: `**` and `](`."""
    return re.sub(r"\*{2,}", "*", text).replace("](", "] (")


class _Inline:
    """A paragraph's (or heading's) inline tokens → WhatsApp text."""

    def __init__(self, language: str, *, plain: bool = False) -> None:
        self.language = language
        #: plain text only: no WhatsApp markers (for headings and picture descriptions)
        self.plain = plain

    def render(self, tokens: Sequence[Token]) -> str:
        segments: list[tuple[str, bool]] = []  # (text, is code)
        markers = _Markers(self.plain, segments)
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind, _, edge = token.type.rpartition("_")
            if kind in _STYLE_MARK and edge in ("open", "close"):
                markers.pending.append((edge, kind))
            elif token.type == "link_open":
                end = _closing(tokens, index, "link_close")
                markers.write(self._link(token, tokens[index + 1 : end]))
                index = end
            elif token.type == "image":
                markers.write(self._picture(token))
            elif token.type == "code_inline":
                if token.content:
                    shown = token.content if self.plain else f"```{token.content}```"
                    markers.write(shown, code=True)
            elif token.type in ("softbreak", "hardbreak"):
                markers.line_break()
            elif token.content:  # text, bare_url
                markers.write(token.content)
            index += 1
        markers.flush()
        result: list[str] = []
        prose: list[str] = []
        for value, code in segments:
            if code:
                result += [_tidy("".join(prose)), value]
                prose.clear()
            else:
                prose.append(value)
        result.append(_tidy("".join(prose)))
        return "".join(result)

    def _link(self, link: Token, label: Sequence[Token]) -> str:
        url = str(link.attrGet("href") or "")
        shown = _Inline(self.language, plain=self.plain).render(label).strip()
        if link.markup == "autolink":
            return shown
        plain_label = _Inline(self.language, plain=True).render(label).strip()
        bare = url.removeprefix("mailto:")
        if not bare:
            return shown
        if not plain_label or plain_label in (url, bare):
            return bare
        return f"{shown} ({bare})"

    def _picture(self, image: Token) -> str:
        word = _PICTURE_WORD.get(self.language, _PICTURE_WORD["en"])
        description = _Inline(self.language, plain=True).render(image.children or []).strip()
        text = f"[{word}: {description}]" if description else f"[{word}]"
        url = str(image.attrGet("src") or "")
        if re.match(r"^https?://", url, re.IGNORECASE):
            text += f" ({url})"
        return text


@dataclass
class _Markers:
    """Style markers waiting to be written before the next text.

    WhatsApp cannot nest a style inside itself, so an inner span of a style already open is
    dropped, and a span closed and reopened with nothing between is merged into one. Nor does a
    style carry over a line break, so it is closed before the break and opened again after it.
    """

    plain: bool
    segments: list[tuple[str, bool]]

    def __post_init__(self) -> None:
        self.pending: list[tuple[str, str]] = []  # ("open" | "close", style)
        self.depth = dict.fromkeys(_STYLE_MARK, 0)
        self.open: list[str] = []  # the styles in effect, in the order they were opened

    def write(self, text: str, *, code: bool = False) -> None:
        if text:
            self.flush()
            self.segments.append((text, code))

    def flush(self) -> None:
        pending, depth = self.pending, self.depth
        i = 0
        while i < len(pending):
            edge, style = pending[i]
            if (
                edge == "close"
                and depth[style] == 1
                and i + 1 < len(pending)
                and pending[i + 1] == ("open", style)
            ):
                i += 2
                continue
            before = depth[style]
            depth[style] = before + 1 if edge == "open" else max(0, before - 1)
            if (before == 0) != (depth[style] == 0):
                if before == 0:
                    self.open.append(style)
                else:
                    self.open.remove(style)
                if not self.plain:
                    self.segments.append((_STYLE_MARK[style], False))
            i += 1
        pending.clear()

    def line_break(self) -> None:
        self.flush()
        marks = [] if self.plain else [(_STYLE_MARK[style], False) for style in self.open]
        self.segments.extend([*reversed(marks), ("\n", False), *marks])


def _closing(tokens: Sequence[Token], start: int, kind: str) -> int:
    """The index of the first *kind* token after *start* (or the end)."""
    for index in range(start + 1, len(tokens)):
        if tokens[index].type == kind:
            return index
    return len(tokens)


@dataclass
class _Item:
    """An open list item: its marker (`•`, `3.`) until its first line is written."""

    marker: str | None
    opening: Token


#: an open quote, in the stack of open containers
_QUOTE = "quote"


class _Blocks:
    """The block tokens → lines of the message, in the order and spacing of the source."""

    def __init__(self, language: str) -> None:
        self.inline = _Inline(language)
        self.plain_inline = _Inline(language, plain=True)
        self.out: list[str] = []
        self.next_line = 0  # the source line after the last block written
        self.lists: list[int | None] = []  # per open list: the next number (None: bullets)
        #: open quotes and list items, outermost first: they make each line's prefix
        self.containers: list[_Item | str] = []

    def render(self, tokens: Sequence[Token]) -> None:
        for index, token in enumerate(tokens):
            kind = token.type
            if kind == "blockquote_open":
                self.containers.append(_QUOTE)
            elif kind in ("blockquote_close", "list_item_close"):
                container = self.containers.pop()
                if isinstance(container, _Item) and container.marker is not None:
                    self._empty_item(container)
            elif kind == "bullet_list_open":
                self.lists.append(None)
            elif kind == "ordered_list_open":
                self.lists.append(int(token.attrGet("start") or 1))
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "list_item_open":
                number = self.lists[-1]
                if number is not None:
                    self.lists[-1] = number + 1
                self.containers.append(_Item("•" if number is None else f"{number}.", token))
            elif kind == "paragraph_open":
                self._paragraph(token, tokens[index + 1])
            elif kind == "heading_open":
                self._write(token.map, [self._heading(tokens[index + 1])])
            elif kind == "fence":
                self._code(token)
            elif kind == "hr":
                self._write(token.map, [""])

    def _paragraph(self, paragraph: Token, inline: Token) -> None:
        lines = self.inline.render(inline.children or []).split("\n")
        innermost = self.containers[-1] if self.containers else None
        if isinstance(innermost, _Item) and innermost.marker is not None:
            task = _TASK.match(lines[0])
            if task:
                lines[0] = ("☑ " if task.group(1) in "xX" else "☐ ") + lines[0][task.end() :]
        self._write(paragraph.map, lines)

    def _heading(self, inline: Token) -> str:
        text = self.plain_inline.render(inline.children or [])
        content = " ".join(text.split("\n")).strip().strip(" *")
        return f"*{content}*" if content else ""

    def _code(self, fence: Token) -> None:
        lines = fence.content.split("\n")
        first = next((n for n, line in enumerate(lines) if line.strip()), len(lines))
        del lines[:first]  # at once: one pop(0) a blank line was quadratic
        while lines and not lines[-1].strip():
            lines.pop()
        if lines:
            self._write(fence.map, ["```" + "\n".join(line.rstrip() for line in lines) + "```"])
        elif fence.map:
            self.next_line = fence.map[1]

    def _empty_item(self, item: _Item) -> None:
        """A list item with nothing in it still shows its marker (on its own first line)."""
        self.containers.append(item)
        start = item.opening.map[0] if item.opening.map else self.next_line
        self._write([start, start + 1], [""])
        self.containers.pop()

    def _write(self, source_lines: list[int] | None, lines: list[str]) -> None:
        """Write a block's lines, after a blank line where the source has one before it."""
        if source_lines:
            if source_lines[0] > self.next_line:
                self.out.append("")
            self.next_line = max(self.next_line, source_lines[1])
        for line in lines:
            prefix, marked = self._prefix()
            text = f"{prefix}{line}".rstrip()
            self.out.append(text if line.strip() or marked else "")

    def _prefix(self) -> tuple[str, bool]:
        """What goes before a line: `> ` for a quote (however deep), a list item's marker on its
        first line and its indent on the others. Also whether a marker was used up."""
        parts: list[str] = []
        marked = False
        for container in self.containers:
            if isinstance(container, _Item):
                if container.marker is None:
                    parts.append(INDENT)
                else:
                    parts.append(f"{container.marker} ")
                    container.marker = None
                    marked = True
            elif not parts or parts[-1] != "> ":
                parts.append("> ")
        return "".join(parts), marked


def render_whatsapp(markdown: str, *, language: str = "id") -> str:
    """The guide as a WhatsApp message: WhatsApp's own formatting, no Markdown left over."""
    source = markdown.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)
    blocks = _Blocks(language)
    blocks.render(_PARSER.parse(source))
    result: list[str] = []
    for line in blocks.out:
        if line or (result and result[-1]):
            result.append(line)
    while result and not result[-1]:
        result.pop()
    return "\n".join(result)


def with_hard_line_breaks(markdown: str) -> str:
    """*markdown* where each line break in a paragraph stays a line break, as in WhatsApp.

    For a Markdown viewer (the preview): Markdown joins the lines of a paragraph, WhatsApp does not.
    Two spaces end every line followed by another line of text, except in code blocks, before a
    heading's underline and after a backslash (already a line break).
    """
    lines = markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    code: set[int] = set()
    for token in _PREVIEW_PARSER.parse("\n".join(lines)):
        if token.type == "fence" and token.map:
            code.update(range(*token.map))
    for number, line in enumerate(lines[:-1]):
        following = lines[number + 1]
        if (
            line.strip()
            and following.strip()
            and not {number, number + 1} & code
            and not _UNDERLINE.match(following)
            and not line.rstrip().endswith("\\")
        ):
            lines[number] = line.rstrip() + "  "
    return "\n".join(lines)
