"""How many of a long list's newest rows a view shows: a page at first, a page more each time
she asks for older ones, and a page again for another subject (client, ticket). A whole imported
chat makes the timeline, a client's tickets and a ticket's conversation that long.
"""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


class ShownLimit:
    def __init__(self, page: int) -> None:
        self.page = page
        self.limit = page
        self._subject: object = None

    def follow(self, subject: object) -> None:
        """About to show *subject*: the same one shown anew keeps the older rows asked for,
        another starts at a page."""
        if subject != self._subject:
            self.limit = self.page
        self._subject = subject

    def grow(self) -> None:
        """A page more of the older rows."""
        self.limit += self.page

    @property
    def asked(self) -> int:
        """How many rows to read: one more than shown, which tells whether there are more."""
        return self.limit + 1

    def cut(self, rows: list[T]) -> tuple[list[T], bool]:
        """Of *rows* (read with `asked`), those shown, and whether more were left out."""
        return rows[: self.limit], len(rows) > self.limit
