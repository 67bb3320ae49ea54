"""Search on PostgreSQL: the statements behind `search.search` on a team desk.

The index is the ``search_vector`` columns and their GIN indexes (`search_pg_schema`). The rules
are SQLite's (`search`, `search_words`): every word must match, the last one (still being typed)
as a prefix; clients and guides are ranked (ts_rank with the weights of SQLite's bm25), tickets and
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

from agencydesk.core.search_pg_schema import CONFIG, MESSAGE_WORDS_V1
from agencydesk.core.search_words import every_word_query, prefixes

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
_MQ = "CAST(:q AS tsquery)"


@dataclass(frozen=True)
class PgSearchState:
    #: the search index exists (migration 0008)
    available: bool
    #: its configuration runs unaccent: "cafe" finds "Café"
    accents_ignored: bool
    #: the words of the messages are in their table (migration 0010): see `message_query`
    message_words: bool = False


def search_state(session: Session) -> PgSearchState:
    row = session.execute(
        sa.text(
            "SELECT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = :cfg), "
            "EXISTS (SELECT 1 FROM pg_ts_config_map m "
            "JOIN pg_ts_config c ON c.oid = m.mapcfg JOIN pg_ts_dict d ON d.oid = m.mapdict "
            "WHERE c.cfgname = :cfg AND d.dictname = 'unaccent'), "
            "to_regclass(:words) IS NOT NULL"
        ),
        {"cfg": CONFIG, "words": MESSAGE_WORDS_V1.table},
    ).one()
    return PgSearchState(bool(row[0]), bool(row[1]), bool(row[2]))


def _parts(words: list[str]) -> list[str]:
    """The index's words in *words* (an address or a code holds several)."""
    return [part for word in words for part in _PART.findall(word)]


def pg_query(words: list[str]) -> str | None:
    """Lower-case words → a tsquery text: every word must match, the last one as a prefix and
    the ones before it whole (`search_words.prefixes`, as `search.fts_query` on SQLite, whose
    prefix also applies to the last part of a word only). None when there are no words."""
    return every_word_query(_parts(words), whole="'{}'", prefix="'{}':*", joiner=" & ")


def _client_text(alias: str) -> str:
    columns = ("name", "company", "city", "tags", "caution_note", "notes")
    return f"concat_ws(' ', {', '.join(f'{alias}.{column}' for column in columns)})"


def _headline(text: str, query: str = _Q) -> str:
    return f"ts_headline('{CONFIG}'::regconfig, {text}, {query}, :opts)"


def _ranked_sql(
    table: str, alias: str, *, title: str, text: str, client_id: str, normalisation: int
) -> str:
    """Clients and guides: live rows by ts_rank (`RANK_WEIGHTS`, *normalisation*)."""
    return f"""
        SELECT {alias}.id, {title}, {_headline(text)}, {text}, {client_id}, NULL
        FROM (SELECT {alias}.id,
                     ts_rank('{RANK_WEIGHTS}', {alias}.search_vector, {_Q}, {normalisation}) AS rank
              FROM {table} {alias}
              WHERE {alias}.search_vector @@ {_Q} AND {alias}.deleted_at IS NULL
              ORDER BY rank DESC, {alias}.id LIMIT :limit) hit
        JOIN {table} {alias} ON {alias}.id = hit.id
        ORDER BY hit.rank DESC, {alias}.id"""


def _newest_first_sql(
    table: str, alias: str, *, title: str, text: str, ticket_id: str, query: str, joined: str = ""
) -> str:
    """Tickets and messages: the rows of live clients, newest (highest id) first; *joined* joins
    what the shown columns need."""
    return f"""
        SELECT {alias}.id, {title}, {_headline(text, query)}, {text}, {alias}.client_id, {ticket_id}
        FROM (SELECT {alias}.id FROM {table} {alias} JOIN client c ON c.id = {alias}.client_id
              WHERE {alias}.search_vector @@ {query} AND c.deleted_at IS NULL
              ORDER BY {alias}.id DESC LIMIT :limit) hit
        JOIN {table} {alias} ON {alias}.id = hit.id{joined}
        ORDER BY {alias}.id DESC"""


# Each: the hits' ids in order (with their rank), then the shown columns and the headline.
# Selected: id, title, headline, the text the headline was cut from, client_id, ticket_id.
_SQL = {
    "client": _ranked_sql(
        "client",
        "c",
        title="c.name",
        text=_client_text("c"),
        client_id="c.id",
        normalisation=CLIENT_NORMALISATION,
    ),
    "ticket": _newest_first_sql(
        "ticket", "t", title="t.title", text="t.title", ticket_id="t.id", query=_Q
    ),
    # the query comes as words already (`message_query`): no to_tsquery
    "message": _newest_first_sql(
        "message",
        "m",
        title="c.name",
        text="m.body",
        ticket_id="m.ticket_id",
        query=_MQ,
        joined=" JOIN client c ON c.id = m.client_id",
    ),
    "guide": _ranked_sql(
        "guide",
        "g",
        title="g.title",
        text="g.body",
        client_id="NULL",
        normalisation=GUIDE_NORMALISATION,
    ),
}


#: at most this many whole words for one prefix; a prefix with more stays a prefix (it is common
#: then, and the planner reads the newest messages instead of the index)
MOST_WORDS = 64
_WORDS_OF_PREFIXES = sa.text(
    f"""
    SELECT w.n, l.lexeme,
           ARRAY(SELECT word FROM {MESSAGE_WORDS_V1.table}
                 WHERE word >= l.lexeme COLLATE "C"
                   AND word < (l.lexeme || chr(1114111)) COLLATE "C"
                 ORDER BY word LIMIT :most)
    FROM unnest(CAST(:words AS text[])) WITH ORDINALITY AS w(word, n)
    CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('{CONFIG}'::regconfig, w.word)))
         AS l(lexeme)
    ORDER BY w.n"""
)


def _quoted(lexeme: str) -> str:
    escaped = lexeme.replace("\\", "\\\\").replace("'", "''")
    return f"'{escaped}'"


def message_query(session: Session, words: list[str]) -> str | None:
    """The tsquery (as text) of the message search for lower-case *words*: each prefix turned
    into the whole words of the messages that start with it (`MessageWords`), the same hits as
    `pg_query`'s prefixes. None when no message can match (a prefix of no word)."""
    parts = _parts(words)
    if not parts:
        return None
    prefix = prefixes(parts)
    rows = session.execute(_WORDS_OF_PREFIXES, {"words": parts, "most": MOST_WORDS + 1}).all()
    terms = []
    for number, lexeme, found in rows:
        if not prefix[number - 1]:  # a whole word, as in pg_query
            terms.append(_quoted(lexeme))
        elif len(found) > MOST_WORDS:
            terms.append(f"{_quoted(lexeme)}:*")
        elif not found:
            return None
        else:
            terms.append("(" + " | ".join(_quoted(word) for word in found) + ")")
    return " & ".join(terms) if terms else None


def headline_options(start: str, end: str) -> str:
    """ts_headline's options: about ten words around the first match (FTS5's snippet: 10)."""
    # ShortWord=0: keep short words at the ends ("Bu Ratna"), the default drops up to 3 letters;
    # one fragment: the words on both sides of the match, not only after it
    return f"StartSel={start}, StopSel={end}, MaxWords=10, MinWords=5, ShortWord=0, MaxFragments=1"


def pg_hits(
    session: Session,
    kind: str,
    query: str,
    limit: int,
    marks: tuple[str, str],
    words_query: bool = True,
) -> list[Any]:
    """Rows (id, title, headline, text, client_id, ticket_id) of the hits of *kind*: *query* is
    `pg_query`'s text, or for messages `message_query`'s (*words_query*: a database before
    migration 0010 gets `pg_query`'s)."""
    params = {"q": query, "limit": limit, "opts": headline_options(*marks)}
    sql = _SQL[kind]
    if kind == "message" and not words_query:
        sql = sql.replace(_MQ, _Q)
    return list(session.execute(sa.text(sql), params).all())


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
