"""The report's list of requests, as rows that `request_rows.py` lays out and draws itself.

A busy client's report lists a thousand requests, each with the first lines of its
conversation. As an HTML table, Qt laid every cell out again and again to size the columns:
two thirds of the whole PDF's time went to that table. Here the whole list is one object in the
document (an `<img>` of our own scheme, like the charts), its size and drawing ours: the
columns are fixed shares of the width, so a row is laid out once. Pagination keeps each row
(with its conversation) whole and repeats the header row on every page the list continues on.
(One object a row, as before, cost Qt a paragraph, a size asked five times and a drawing call
for each: a tenth of a busy client's PDF.)
No Qt here: the rows are plain text, escaped by nobody because no HTML is made of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

#: the `src` of the list's object
REQUEST_LIST = "agencydesk-request:list"
#: the header row's key, beside the rows' indexes
HEADER = "header"
#: the columns' shares of the width: request, opened, resolved, status
COLUMN_SHARES = (0.46, 0.14, 0.14, 0.26)


class ConversationLine(NamedTuple):
    """One line of a request's conversation: "Who · 3 Oct 09:15 — text (grey note)". This and
    `RequestRow` are named tuples: a thousand requests and their conversations are made three
    times faster so than as frozen dataclasses."""

    who: str
    when: str
    text: str
    #: what a line with no words of its own stands for ("photo", "deleted"), or ""
    note: str = ""

    def parts(self) -> list[tuple[str, str]]:
        """Its text in parts, each with what it is ("who", "said", "note"): drawn each in its
        own look, read together as the line's text."""
        parts = [(self.who, "who"), (f" · {self.when} — {self.text}", "said")]
        if self.note:
            parts.append(((" " if self.text else "") + self.note, "note"))
        return parts


class RequestRow(NamedTuple):
    number: str  # "#12"
    title: str
    opened: str
    resolved: str
    status: str
    striped: bool
    conversation: tuple[ConversationLine, ...] = ()
    #: "… and 16 more messages", or ""
    more: str = ""

    @property
    def cells(self) -> tuple[str, str, str]:
        return self.opened, self.resolved, self.status

    def lines(self) -> list[str]:
        """Its text as drawn, a line a cell and a line a message (as the HTML table's cells
        and paragraphs read in plain text)."""
        said = ["".join(text for text, _part in line.parts()) for line in self.conversation]
        return [
            f"{self.number} {self.title}",
            *self.cells,
            *said,
            *([self.more] if self.more else []),
        ]


@dataclass(frozen=True)
class RequestTable:
    headings: tuple[str, str, str, str]
    rows: tuple[RequestRow, ...]

    def plain_text(self) -> str:
        """The header's text and every row's, a line a cell or message."""
        lines = list(self.headings)
        for row in self.rows:
            lines.extend(row.lines())
        return "\n".join(lines)

    def html(self) -> str:
        """The list: one object, in a paragraph of its own."""
        # the size only spares Qt from looking for a picture there; request_rows.py sizes it
        return f'<p class="request"><img src="{REQUEST_LIST}" width="1" height="1"/></p>'
