"""One search over clients, tickets, messages and guides.

SQLite FTS5 (external-content tables kept in sync by triggers; see
`agencydesk/migrations/fts_v1.py`): every word must match, the last one (still being typed) as a
prefix (`search_words`); clients and
guides are ranked (bm25), tickets and messages come newest first; every hit comes with a
snippet. PostgreSQL (a team desk) has the same search over tsvector columns and GIN indexes
(`search_pg`), which says when it cannot ignore accents (no ``unaccent`` extension). Where neither
index exists (an unusual SQLite build, a database before migration 0008) the same search runs as
a slower LIKE scan and says so.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from agencydesk.core import search_pg, search_snippet
from agencydesk.core.models import Client, Ticket
from agencydesk.core.search_words import every_word_query
from agencydesk.core.word_filter import like_pattern

KINDS = ("client", "ticket", "message", "guide")
#: snippets mark the matched words with these characters; the GUI turns them into bold
HIT_START = search_snippet.HIT_START
HIT_END = search_snippet.HIT_END
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: int
    title: str
    snippet: str
    client_id: int | None
    ticket_id: int | None


@dataclass
class SearchResults:
    text: str
    used_fts: bool
    hits: dict[str, list[SearchHit]] = field(default_factory=dict)
    #: False where "cafe" does not find "Café" (PostgreSQL without the unaccent extension)
    accents_ignored: bool = True

    def count(self) -> int:
        return sum(len(found) for found in self.hits.values())


def words(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


def fts_query(text: str) -> str | None:
    """User text → an FTS5 query: every word must match, the last one as a prefix and the ones
    before it whole (`search_words.prefixes`, as on PostgreSQL). None when no words."""
    return every_word_query(words(text), whole='"{}"', prefix='"{}"*', joiner=" ")


def fts_available(session: Session) -> bool:
    """The database has its full-text index (FTS5 on SQLite, tsvector columns on PostgreSQL)."""
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        return search_pg.search_state(session).available
    if bind.dialect.name != "sqlite":
        return False
    row = session.execute(
        sa.text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='client_fts'")
    ).first()
    return row is not None


_TICKET_NUMBER = re.compile(r"^\s*#(\d{1,9})\s*$")


def search(*, session: Session, text: str, limit: int = 20) -> SearchResults:
    """Hits for *text*, at most *limit* per kind, best first. "#1042" is the ticket with that
    number (as the lists, the report and the command line write it). Text pasted with its
    accents apart from their letters (from a Mac, a PDF) is read as typed ones: "\\w+" cut
    "Sebastia\\u0301n" in two words, and nothing was found."""
    results = _search(session, unicodedata.normalize("NFC", text), limit)
    guides = results.hits.get("guide")
    if guides:
        results.hits["guide"] = [replace(hit, snippet=readable(hit.snippet)) for hit in guides]
    return results


# A guide is Markdown; its snippet is read as text: "*Foto*. ## Mengirimnya" reads "Foto.
# Mengirimnya". Links and pictures keep their words, headings and quotes lose their marks, and
# the stars and underscores around a word go (not those inside one: {site_url} stays whole).
_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_LINE_MARK = re.compile(r"(^|\s)(?:#{1,6}|>)\s+")
_EMPHASIS = re.compile(
    r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)|(?<=\S)_(?!\w)"
)


def readable(snippet: str) -> str:
    """A guide's snippet (Markdown, with the hit marks) as plain words."""
    text = _LINK.sub(r"\1", snippet)
    text = _LINE_MARK.sub(r"\1", text)
    return _EMPHASIS.sub("", text)


def _search(session: Session, text: str, limit: int) -> SearchResults:
    number = _TICKET_NUMBER.match(text)
    if number is not None:
        return _ticket_by_number(session, text, int(number.group(1)))
    if session.get_bind().dialect.name == "postgresql":
        return _pg_search(session, text, limit)
    query = fts_query(text)
    use_fts = fts_available(session)
    results = SearchResults(text=text, used_fts=use_fts)
    if query is None:
        return results
    for kind in KINDS:
        if use_fts:
            results.hits[kind] = _fts_hits(session, kind, query, limit, words(text))
        else:
            results.hits[kind] = _like_hits(session, kind, words(text), limit)
    return results


def _ticket_by_number(session: Session, text: str, number: int) -> SearchResults:
    results = SearchResults(text=text, used_fts=False)
    row = session.execute(
        sa.select(col(Ticket.id), col(Ticket.title), col(Ticket.client_id))
        .join(Client, col(Client.id) == col(Ticket.client_id))
        .where(col(Ticket.id) == number, col(Client.deleted_at).is_(None))
    ).first()
    if row is not None:
        hit = f"{HIT_START}#{row[0]}{HIT_END}"
        results.hits["ticket"] = [SearchHit("ticket", row[0], row[1], hit, row[2], row[0])]
    return results


# Every statement lets FTS5 hand over the rows already in order (`rank`, or rowid = newest first)
# and stops after :limit live rows, so the joins and the snippets' texts are read for the shown
# hits only. ORDER BY bm25(...) would read them for every match before sorting.
# Tickets and messages are many and are not ranked: bm25 computes each word's weight by reading
# every match of that word (hundreds of thousands for "tidak" on a big desk), even when only a few
# rows are ranked; newest first is also what one looks for in a conversation.
# The snippet of a short text is FTS5's snippet(); a longer one's is cut in Python
# (`search_snippet`, the same snippet) from the texts snippet() would choose among. snippet()
# takes time in the square of the matches in one text (1.2 s for a message of 64,000 words that
# held the searched words), which a short text bounds: snippet() of SHORT_TEXT characters that are
# the searched word throughout ("ab ab ab …", 666 matches) takes 3 ms; of a text with a few
# matches, as texts are, microseconds, faster in C than in Python. A guide
# (1,000-2,000 characters) cut in Python cost the benchmark's searches 0.5 ms more.
#: the longest text (in characters; all of a client's indexed fields together) whose snippet
#: FTS5 cuts
SHORT_TEXT = 2000


def _snippet_if_short(table: str, column: int, length: str) -> str:
    """snippet() of the hit when the *length* of its text is at most `SHORT_TEXT`, else NULL."""
    cut = f"snippet({table}_fts, {column}, '{HIT_START}', '{HIT_END}', '…', 10)"
    return f"CASE WHEN {length} <= {SHORT_TEXT} THEN {cut} END"


def _ranked_sql(
    table: str, alias: str, *, title: str, client_id: str, snippet: str, texts: str, bm25: str
) -> str:
    """Clients and guides: live rows in the order of `rank`, bm25 with the weights *bm25*."""
    fts = f"{table}_fts"
    return f"""
        SELECT {alias}.id, {title}, {client_id}, NULL, {snippet}, {texts}
        FROM {fts} JOIN {table} {alias} ON {alias}.id = {fts}.rowid
        WHERE {fts} MATCH :q AND {fts}.rank MATCH 'bm25({bm25})'
          AND {alias}.deleted_at IS NULL
        ORDER BY {fts}.rank LIMIT :limit"""


def _newest_first_sql(table: str, alias: str, *, title: str, ticket_id: str, text: str) -> str:
    """Tickets and messages: the rows of live clients, newest (highest rowid) first."""
    fts = f"{table}_fts"
    return f"""
        SELECT {alias}.id, {title}, {alias}.client_id, {ticket_id},
               {_snippet_if_short(table, 0, f"length({text})")}, {text}
        FROM {fts} JOIN {table} {alias} ON {alias}.id = {fts}.rowid
        JOIN client c ON c.id = {alias}.client_id
        WHERE {fts} MATCH :q AND c.deleted_at IS NULL
        ORDER BY {fts}.rowid DESC LIMIT :limit"""


_CLIENT_TEXTS = ("c.name", "c.company", "c.city", "c.tags", "c.caution_note", "c.notes")

#: kind → its statement; selected: id, title, client_id, ticket_id, the snippet if FTS5 cut it,
#: then the texts the snippet is otherwise cut from (for a client the best of its indexed
#: columns, as snippet(client_fts, -1, ...) chooses; for a guide its body, for a ticket its
#: title, for a message its body)
_FTS_SQL = {
    "client": _ranked_sql(
        "client",
        "c",
        title="c.name",
        client_id="c.id",
        snippet=_snippet_if_short(
            "client", -1, " + ".join(f"length(coalesce({text}, ''))" for text in _CLIENT_TEXTS)
        ),
        texts=", ".join(_CLIENT_TEXTS),
        bm25="10.0, 5.0, 2.0, 3.0, 1.0, 1.0",
    ),
    "ticket": _newest_first_sql("ticket", "t", title="t.title", ticket_id="t.id", text="t.title"),
    "message": _newest_first_sql(
        "message", "m", title="c.name", ticket_id="m.ticket_id", text="m.body"
    ),
    "guide": _ranked_sql(
        "guide",
        "g",
        title="g.title",
        client_id="NULL",
        snippet=_snippet_if_short("guide", 1, "length(g.body)"),
        texts="g.body",
        bm25="10.0, 1.0, 3.0",
    ),
}


def _fts_hits(
    session: Session, kind: str, query: str, limit: int, found: list[str] | None = None
) -> list[SearchHit]:
    """The hits of *kind* for the FTS5 *query* made of the words *found* (`fts_query`; when not
    given, read back from *query*)."""
    rows = session.execute(sa.text(_FTS_SQL[kind]), {"q": query, "limit": limit}).all()
    marked = found if found is not None else words(query)
    return [
        SearchHit(
            kind,
            row[0],
            row[1],
            row[4] if row[4] is not None else search_snippet.snippet(row[5:], marked),
            row[2],
            row[3],
        )
        for row in rows
    ]


def _pg_search(session: Session, text: str, limit: int) -> SearchResults:
    state = search_pg.search_state(session)
    found = words(text)
    results = SearchResults(
        text=text, used_fts=state.available, accents_ignored=state.accents_ignored
    )
    query = search_pg.pg_query(found)
    if query is None:
        return results
    for kind in KINDS:
        if state.available and state.message_words and kind == "message":
            words_query = search_pg.message_query(session, found)
            results.hits[kind] = (
                [] if words_query is None else pg_fts_hits(session, kind, words_query, limit, found)
            )
        elif state.available:
            results.hits[kind] = pg_fts_hits(session, kind, query, limit, found, False)
        else:
            results.hits[kind] = _like_hits(session, kind, found, limit)
    return results


def pg_fts_hits(
    session: Session, kind: str, query: str, limit: int, found: list[str], words_query: bool = True
) -> list[SearchHit]:
    """The hits of *kind* on PostgreSQL for the words *found*: *query* is `search_pg.pg_query`'s
    text (for messages `search_pg.message_query`'s, unless not *words_query*)."""
    marks = (HIT_START, HIT_END)
    return [
        SearchHit(kind, row[0], row[1], _pg_snippet(row[2] or "", row[3] or "", found), *row[4:])
        for row in search_pg.pg_hits(session, kind, query, limit, marks, words_query)
    ]


def _pg_snippet(headline: str, text: str, found: list[str]) -> str:
    # ts_headline reads the text with PostgreSQL's parser, which keeps an address or a host
    # whole ("katering-bunda-ratna.id"), so a word found inside one is not marked; the snippet
    # of the LIKE search marks it.
    if HIT_START not in headline:
        return like_snippet(text, found)
    return search_pg.with_ellipses(headline, text, (HIT_START, HIT_END))


_LIKE_SPEC: dict[str, tuple[str, tuple[str, ...], str, str]] = {
    # kind: (from clause, searched columns, selected "id, title, text, client_id, ticket_id",
    #        order)
    "client": (
        "client c",
        ("c.name", "c.company", "c.city", "c.tags", "c.caution_note", "c.notes"),
        "c.id, c.name, c.name || ' ' || c.company || ' ' || c.city || ' ' || c.tags, c.id, NULL",
        "lower(c.name)",
    ),
    "ticket": (
        "ticket t JOIN client c ON c.id = t.client_id",
        ("t.title",),
        "t.id, t.title, t.title, t.client_id, t.id",
        "t.created_at DESC",
    ),
    "message": (
        "message m JOIN client c ON c.id = m.client_id",
        ("m.body", "m.sender"),
        "m.id, c.name, m.body, m.client_id, m.ticket_id",
        "m.sent_at DESC",
    ),
    "guide": (
        "guide g",
        ("g.title", "g.body", "g.tags"),
        "g.id, g.title, g.body, NULL, NULL",
        "lower(g.title)",
    ),
}


def _like_hits(session: Session, kind: str, found: list[str], limit: int) -> list[SearchHit]:
    source, columns, selected, order = _LIKE_SPEC[kind]
    params: dict[str, Any] = {"limit": limit}
    clauses = []
    for number, word in enumerate(found):
        params[f"w{number}"] = like_pattern(word)
        clauses.append(
            "(" + " OR ".join(f"lower({c}) LIKE :w{number} ESCAPE '\\'" for c in columns) + ")"
        )
    alias = source.split()[1]
    live = f"{alias}.deleted_at IS NULL" if kind in ("client", "guide") else "c.deleted_at IS NULL"
    sql = (
        f"SELECT {selected} FROM {source} WHERE {live} AND {' AND '.join(clauses)} "
        f"ORDER BY {order} LIMIT :limit"
    )
    rows = session.execute(sa.text(sql), params).all()
    return [
        SearchHit(kind, row[0], row[1], like_snippet(row[2] or "", found), row[3], row[4])
        for row in rows
    ]


def like_snippet(text: str, found: list[str], width: int = 60) -> str:
    """A short excerpt around the first matched word, with the matches marked."""
    flat = " ".join(text.split())
    lower = flat.lower()
    first = min((lower.find(w) for w in found if lower.find(w) >= 0), default=0)
    # a text that fits is shown whole, not cut in the middle of its first word
    start = 0 if len(flat) <= width else max(0, first - width // 2)
    excerpt = flat[start : start + width]
    for word in sorted(set(found), key=len, reverse=True):
        excerpt = re.sub(
            re.escape(word), lambda m: f"{HIT_START}{m.group(0)}{HIT_END}", excerpt, flags=re.I
        )
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(flat) else ""
    return f"{prefix}{excerpt}{suffix}"
