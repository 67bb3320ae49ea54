"""A ticket's conversation as chat bubbles (rich text for the ticket view's QTextBrowser): the
client on the left, me on the right, internal notes in yellow, small grey notes for what an
export left out. Everything typed or imported is escaped: a client's "<b>" stays four
characters."""

from __future__ import annotations

import html
from collections.abc import Callable

from agencydesk.core.message_notes import Note, is_placeholder, note_of
from agencydesk.core.models import MessageKind
from agencydesk.core.tickets import ConversationLine
from agencydesk.qt.common.formatting import format_datetime
from agencydesk.qt.common.message_notes import note_text

# the address of the link above the lines that shows earlier ones
EARLIER_LINK = "earlier:"
# the name of the place where the line `conversation_html`'s *mark* names begins
MARK = "mark"


def conversation_html(
    lines: list[ConversationLine],
    client_name: str,
    note_label: str,
    chip: Callable[[int | None], str] = lambda _person_id: "",
    earlier: str = "",
    mark: int | None = None,
) -> str:
    """Chat bubbles: the client on the left, me on the right, internal notes in yellow; a
    deleted message, a picture left out of the export and a system line are small grey notes.
    *chip*: the rich-text chip of the person who wrote a line (a desk of several people).
    *earlier*: the text of a link above the lines (to `EARLIER_LINK`), when earlier lines exist.
    *mark*: the id of a line to begin with an anchor named `MARK` (to scroll to it)."""
    parts = ['<html><body style="margin:4px">']
    if earlier:
        parts.append(f'<p align="center"><a href="{EARLIER_LINK}">{html.escape(earlier)}</a></p>')
    for line in lines:
        if line.id == mark:
            parts.append(f'<a name="{MARK}"></a>')
        body = html.escape(line.body).replace("\n", "<br>")
        when = html.escape(format_datetime(line.sent_at))
        note = note_of(line.flags)
        if line.kind == MessageKind.SYSTEM or is_placeholder(line.kind, line.body, line.flags):
            parts.append(_grey_note(line, client_name, when, note))
            continue
        if line.kind == MessageKind.NOTE:
            who, align, colour = note_label, "center", "#fff4d6"
        elif line.from_me:
            who, align, colour = line.sender or "", "right", "#dcf8c6"
        else:
            who, align, colour = line.sender or client_name, "left", "#ffffff"
        media = ""
        if line.media_file:
            media = f"<br><i>📎 {html.escape(line.media_file)}</i>"
        elif note is not None:  # a caption of a picture the export left out
            media = f'<br><i style="color:#777777">{html.escape(note_text(note))}</i>'
        header = f"<b>{html.escape(who)}</b> &nbsp;" if who else ""
        written_by = chip(line.author_id) if line.from_me or line.kind == MessageKind.NOTE else ""
        if written_by:
            header = f"{written_by} &nbsp;{header}"
        parts.append(
            f'<table width="100%" cellspacing="0" cellpadding="2"><tr><td align="{align}">'
            f'<table cellpadding="8" style="background-color:{colour};'
            f' border: 1px solid #d8d8d8;"><tr><td>'
            f'<span style="color:#666666; font-size:small">{header}{when}</span><br>'
            f"{body}{media}</td></tr></table></td></tr></table>"
        )
    parts.append("</body></html>")
    return "".join(parts)


def _grey_note(line: ConversationLine, client_name: str, when: str, note: Note | None) -> str:
    """One small grey line, on the side of whoever it was: "Bu Sari · 18:08 — message deleted"
    (a system line, centred, is its own text)."""
    if line.kind == MessageKind.SYSTEM:
        align, text = "center", html.escape(" ".join(line.body.split()))
    else:
        who = line.sender or ("" if line.from_me else client_name)
        align = "right" if line.from_me else "left"
        said = html.escape(note_text(note)) if note is not None else ""
        text = f"{html.escape(who)} · {when} — <i>{said}</i>" if who else f"{when} — <i>{said}</i>"
    return (
        f'<table width="100%" cellspacing="0" cellpadding="2"><tr><td align="{align}">'
        f'<span class="messageNote" style="color:#777777; font-size:small">{text}</span>'
        "</td></tr></table>"
    )
