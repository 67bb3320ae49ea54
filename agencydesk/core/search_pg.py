"""Search on PostgreSQL: the statements behind `search.search` on a team desk.

The index is the ``search_vector`` columns and their GIN indexes (`search_pg_schema`). The rules
are SQLite's (`search`): every word of two letters or more is a prefix and a lone letter a whole
word; clients and guides are ranked (ts_rank with the weights of SQLite's bm25), tickets and
messages come newest first; snippets come from ``ts_headline`` with the same marks.

Each statement finds the ids of the shown hits first (a subquery with LIMIT) and makes the
snippets for those only: ts_headline parses the text again, which costs more than the match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from agencydesk.core.search_pg_schema import CONFIG

#: the words of the query as the index splits them (the index turns "_" into a space too)
_PART = re.compile(r"[^\W_]+", re.UNICODE)
#: ts_rank weights {D, C, B, A}, after SQLite's bm25 weights (name 10, company 5, tags 3, …)
RANK_WEIGHTS = "{0.1, 0.3, 0.5, 1.0}"
#: ts_rank's normalisation, as bm25 favours short documents: clients divide by the length (2),
#: guides (long) by 1 + log(length) (1). Over every word and prefix of the demo desk these put
#: the same hit first as SQLite's bm25 most often (tests/core/test_search_pg.py)
CLIENT_NORMALISATION = 2
GUIDE_NORMALISATION = 1
#: a cut-off end holds more words (not just a closing quote or a full stop)
_WORDS = re.compile(r"\w", re.UNICODE)
_Q = f"to_tsquery('{CONFIG}'::regconfig, :q)"


@dataclass(frozen=True)
class PgSearchState:
    #: the search index exists (migration 0008)
    available: bool
    #: its configuration runs unaccent: "cafe" finds "Café"
    accents_ignored: bool


def search_state(session: Session) -> PgSearchState:
    row = session.execute(
        sa.text(
            "SELECT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = :cfg), "
            "EXISTS (SELECT 1 FROM pg_ts_config_map m "
            "JOIN pg_ts_config c ON c.oid = m.mapcfg JOIN pg_ts_dict d ON d.oid = m.mapdict "
            "WHERE c.cfgname = :cfg AND d.dictname = 'unaccent')"
        ),
        {"cfg": CONFIG},
    ).one()
    return PgSearchState(bool(row[0]), bool(row[1]))


def pg_query(words: list[str]) -> str | None:
    """Lower-case words → a tsquery text: every word must match, as a prefix; a lone letter as
    a whole word (as `search.fts_query` on SQLite). None when there are no words.

    The words hold letters and digits only, so quoting them needs no escapes."""
    parts = [part for word in words for part in _PART.findall(word)]
    if not parts:
        return None
    return " & ".join(f"'{part}'" if len(part) == 1 else f"'{part}':*" for part in parts)


def _client_text(alias: str) -> str:
    columns = ("name", "company", "city", "tags", "caution_note", "notes")
    return f"concat_ws(' ', {', '.join(f'{alias}.{column}' for column in columns)})"


# Each: the hits' ids in order (with their rank), then the shown columns and the headline.
# Selected: id, title, headline, the text the headline was cut from, client_id, ticket_id.
_SQL = {
    "client": f"""
        SELECT c.id, c.name, ts_headline('{CONFIG}'::regconfig, {_client_text("c")}, {_Q}, :opts),
               {_client_text("c")}, c.id, NULL
        FROM (SELECT c.id, ts_rank('{RANK_WEIGHTS}', c.search_vector, {_Q},
                                   {CLIENT_NORMALISATION}) AS rank
              FROM client c WHERE c.search_vector @@ {_Q} AND c.deleted_at IS NULL
              ORDER BY rank DESC, c.id LIMIT :limit) hit
        JOIN client c ON c.id = hit.id
        ORDER BY hit.rank DESC, c.id""",
    "ticket": f"""
        SELECT t.id, t.title, ts_headline('{CONFIG}'::regconfig, t.title, {_Q}, :opts), t.title,
               t.client_id, t.id
        FROM (SELECT t.id FROM ticket t JOIN client c ON c.id = t.client_id
              WHERE t.search_vector @@ {_Q} AND c.deleted_at IS NULL
              ORDER BY t.id DESC LIMIT :limit) hit
        JOIN ticket t ON t.id = hit.id
        ORDER BY t.id DESC""",
    "message": f"""
        SELECT m.id, c.name, ts_headline('{CONFIG}'::regconfig, m.body, {_Q}, :opts), m.body,
               m.client_id, m.ticket_id
        FROM (SELECT m.id FROM message m JOIN client c ON c.id = m.client_id
              WHERE m.search_vector @@ {_Q} AND c.deleted_at IS NULL
              ORDER BY m.id DESC LIMIT :limit) hit
        JOIN message m ON m.id = hit.id JOIN client c ON c.id = m.client_id
        ORDER BY m.id DESC""",
    "guide": f"""
        SELECT g.id, g.title, ts_headline('{CONFIG}'::regconfig, g.body, {_Q}, :opts), g.body,
               NULL, NULL
        FROM (SELECT g.id, ts_rank('{RANK_WEIGHTS}', g.search_vector, {_Q},
                                   {GUIDE_NORMALISATION}) AS rank
              FROM guide g WHERE g.search_vector @@ {_Q} AND g.deleted_at IS NULL
              ORDER BY rank DESC, g.id LIMIT :limit) hit
        JOIN guide g ON g.id = hit.id
        ORDER BY hit.rank DESC, g.id""",
}


def headline_options(start: str, end: str) -> str:
    """ts_headline's options: about ten words around the first match (FTS5's snippet: 10)."""
    # ShortWord=0: keep short words at the ends ("Bu Ratna"), the default drops up to 3 letters;
    # one fragment: the words on both sides of the match, not only after it
    return f"StartSel={start}, StopSel={end}, MaxWords=10, MinWords=5, ShortWord=0, MaxFragments=1"


def pg_hits(
    session: Session, kind: str, query: str, limit: int, marks: tuple[str, str]
) -> list[Any]:
    """Rows (id, title, headline, text, client_id, ticket_id) of the hits of *kind*."""
    params = {"q": query, "limit": limit, "opts": headline_options(*marks)}
    return list(session.execute(sa.text(_SQL[kind]), params).all())


def with_ellipses(headline: str, text: str, marks: tuple[str, str]) -> str:
    """*headline* with "…" where it cuts *text* short, as FTS5's snippet() does."""
    shown = " ".join(headline.replace(marks[0], "").replace(marks[1], "").split())
    flat = " ".join(text.split())
    start = flat.find(shown) if shown else 0
    if start < 0:
        return headline
    before = "…" if _WORDS.search(flat[:start]) else ""
    after = "…" if _WORDS.search(flat[start + len(shown) :]) else ""
    return f"{before}{headline.strip()}{after}"
