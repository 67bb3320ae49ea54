"""The snippet of a hit on the solo desk (SQLite FTS5), cut in Python in time linear in its text.

FTS5's snippet() scores a window at every match of the query's words by walking every match of
the text: its time grows with the square of the matches in one text. A message of 64,000 words
that held the searched words took 1.2 s a search, and forty words of a guide pasted as the query
0.3-0.9 s, on every keystroke. Its highlight() is no way out: it rebuilds its whole output at
every mark, quadratic too.

This cuts the snippet FTS5 cut, the same way: a window of ten tokens, the one with the most
distinct searched words, then the most matches, one that starts a sentence preferred, moved so
that its matches sit in its middle; "…" where the text is cut; every matched token between
`HIT_START` and `HIT_END`. Words match as in the index: the text is read character by character
as FTS5's tokenizer reads it (which characters are parts of words, how each folds: case,
accents), and that is learnt from SQLite itself (a scratch FTS5 table with the desk's tokenizer)
the first time a character of its block is met. So "Café" is found and marked by "cafe", "x🙂y" is
one word and "user_name" two, as in the index.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from agencydesk.core.search_schema import CURRENT
from agencydesk.core.search_words import prefixes

HIT_START = "\x02"
HIT_END = "\x03"
ELLIPSIS = "…"
#: tokens in a snippet (snippet()'s last argument was 10)
TOKENS = 10

# A folded text has one character for each of the text's, so offsets are the same in both:
_SEPARATOR = " "  # not part of a word
_DROPPED = "\x01"  # part of a word the tokenizer leaves out of it (a combining accent)
#: FTS5 starts a sentence at a token that follows white space after "." or ":"
_SENTENCE_END = re.compile("[.:][ \t\n\r]+")
# A text's shape has a space for each character that separates words and "a" for any other:
# every token but one at the text's start begins at a " a", counted by str.count (no Python step
# per token).
_TOKEN_START = " a"


class _Alphabet:
    """How the FTS5 tokenizer *tokenize* reads each character, learnt from SQLite the first
    time a character of its block of 256 is met (a desk meets a few blocks: Latin, a few
    symbols, emoji) and kept."""

    def __init__(self, tokenize: str) -> None:
        self._tokenize = tokenize
        self._lock = threading.Lock()
        self._probe: sqlite3.Connection | None = None
        self._known: set[str] = set()
        #: code → its folded form, one character (`fold`)
        self._fold: dict[int, str] = {}
        #: code → a space where it separates words, "a" where it is part of one (`shape`)
        self._shape: dict[int, str] = {}
        # the same for ASCII, as tables for bytes.translate: ten times faster than str.translate
        self._ascii_fold = self._ascii_shape = b""

    def fold(self, text: str) -> str:
        """*text*, each character replaced by how the tokenizer reads it: a space where it
        separates words, `_DROPPED` where the word leaves it out, else its folded form."""
        if text.isascii():
            if not self._ascii_fold:
                self._learn({0})
            return text.encode("ascii").translate(self._ascii_fold).decode("ascii")
        if not self._known.issuperset(text):
            self._learn({ord(char) & ~0xFF for char in set(text).difference(self._known)})
        return text.translate(self._fold)

    def shape(self, text: str) -> str:
        """*text* (once folded), each character replaced by a space where it separates words,
        else "a"."""
        if text.isascii():
            return text.encode("ascii").translate(self._ascii_shape).decode("ascii")
        return text.translate(self._shape)

    def _learn(self, blocks: set[int]) -> None:
        with self._lock:
            for block in blocks:
                if chr(block) not in self._known:  # else learnt meanwhile by another thread
                    self._learn_block(range(block, block + 0x100))
            if not self._ascii_fold:
                ascii_fold = "".join(self._fold[code] for code in range(128))
                ascii_shape = "".join(self._shape[code] for code in range(128))
                # only ASCII is translated by them: the upper half maps to itself
                upper = bytes(range(128, 256))
                self._ascii_shape = ascii_shape.encode("ascii") + upper
                self._ascii_fold = ascii_fold.encode("ascii") + upper

    def _learn_block(self, block: range) -> None:
        # a lone surrogate cannot go to SQLite; it is no part of a word
        probed = [chr(code) for code in block if not 0xD800 <= code <= 0xDFFF]
        learnt = dict.fromkeys(block, _SEPARATOR)
        probe = self._connection()
        # "x" + char + "x": one token if the character is part of a word ("x" + its fold + "x"),
        # two tokens "x" if it separates words
        probe.executemany(
            "INSERT INTO probe(rowid, t) VALUES (?, ?)",
            [(ord(char), f"x{char}x") for char in probed],
        )
        terms: dict[int, list[str]] = {}
        for doc, term in probe.execute("SELECT doc, term FROM probe_terms"):
            terms.setdefault(doc, []).append(term)
        probe.execute("DELETE FROM probe")
        for char in probed:
            found = terms.get(ord(char), [])
            if len(found) == 1 and found[0].startswith("x") and found[0].endswith("x"):
                folded = found[0][1:-1]
                # unicode61 folds a character to one character or to none; a folded form must
                # not read as a space (str.split counts the tokens), the query's words are
                # folded by the same table
                if len(folded) != 1:
                    folded = _DROPPED
                learnt[ord(char)] = "\ufffd" if folded.isspace() else folded
        self._shape.update(
            (code, _SEPARATOR if folded == _SEPARATOR else "a") for code, folded in learnt.items()
        )
        self._fold.update(learnt)
        self._known.update(map(chr, block))

    def _connection(self) -> sqlite3.Connection:
        # made on first use: a desk without FTS5 never gets here
        if self._probe is None:
            probe = sqlite3.connect(":memory:", check_same_thread=False)
            probe.execute(f"CREATE VIRTUAL TABLE probe USING fts5(t, tokenize='{self._tokenize}')")
            probe.execute("CREATE VIRTUAL TABLE probe_terms USING fts5vocab(probe, instance)")
            self._probe = probe
        return self._probe


_ALPHABET = _Alphabet(CURRENT.tokenize)


@functools.lru_cache(maxsize=64)
def _finder(cores: tuple[str, ...]) -> re.Pattern[str]:
    """Finds every phrase of *cores* after a space, as a span of whole tokens of a folded text
    (the space matched with it: a pattern that starts with a space is searched for far faster
    than one that starts with a lookbehind); the group of the phrase found is its number + 1."""
    return re.compile(" (?:" + "|".join(f"({core})" for core in cores) + ")(?![^ ])")


@functools.lru_cache(maxsize=64)
def _compiled(core: str) -> re.Pattern[str]:
    return re.compile(core)


@dataclass(frozen=True)
class Phrases:
    """A query's words as FTS5 reads them: each a phrase of folded tokens, matched whole (the
    last word as a prefix, `search_words.prefixes`)."""

    #: finds them in a folded text without `_DROPPED`
    plain: re.Pattern[str] | None
    #: the phrases' patterns for a folded text with `_DROPPED` (a combining accent apart from its
    #: letter, as text from a Mac or a PDF may have): words may hold it anywhere. Compiled only
    #: when such a text is met: the search runs at every keystroke, each time a new query.
    dropping: tuple[str, ...]
    #: each phrase's length in tokens
    sizes: tuple[int, ...]
    #: the phrase that is a prefix (its number, -1 if none) and its token when it is one: a
    #: token found as a whole word may match it too, and FTS5 counts both
    prefix: int
    prefix_token: str | None

    def also_prefix(self, phrase: int, folded: str, start: int, stop: int) -> bool:
        """Whether the match of *phrase* at folded[start:stop] is one of the prefix too."""
        if self.prefix <= phrase:
            return False
        if self.prefix_token is not None:
            if self.sizes[phrase] != 1:  # more tokens than the prefix's one
                return False
            return folded[start:stop].replace(_DROPPED, "").startswith(self.prefix_token)
        return _compiled(self.dropping[self.prefix]).fullmatch(folded, start, stop) is not None


@functools.lru_cache(maxsize=64)
def phrases(words: tuple[str, ...]) -> Phrases:
    """The phrases of the query *words* (as `search.words` cuts them)."""
    plain: list[str] = []
    dropping: list[str] = []
    sizes: list[int] = []
    prefix, prefix_token = -1, None
    for word, is_prefix in zip(words, prefixes(words), strict=True):
        tokens = _ALPHABET.fold(word).replace(_DROPPED, "").split()
        if not tokens:
            continue
        core = " +".join(re.escape(token) for token in tokens)
        dropped = " +".join(
            _DROPPED + "*" + "".join(re.escape(c) + _DROPPED + "*" for c in token)
            for token in tokens
        )
        if is_prefix:
            core += "[^ ]*"
            dropped += "[^ ]*"
        if core in plain:  # the same word twice marks the same tokens
            continue
        if is_prefix:
            prefix = len(plain)
            prefix_token = tokens[0] if len(tokens) == 1 else None
        plain.append(core)
        dropping.append(dropped)
        sizes.append(len(tokens))
    if not plain:
        return Phrases(None, (), (), -1, None)
    return Phrases(_finder(tuple(plain)), tuple(dropping), tuple(sizes), prefix, prefix_token)


def _sentence_start(text: str, folded: str, start: int, end: int) -> int:
    """The offset of the last token in [start, end] (*end* included) that starts a sentence, or
    -1: the white space before it follows "." or ":" (FTS5's fts5SentenceFinderCb)."""
    while True:
        stop = max(text.rfind(".", start, end), text.rfind(":", start, end))
        if stop < 0:
            return -1
        after = _SENTENCE_END.match(text, stop)
        if after is not None:
            first = after.end()
            if first <= end and first < len(folded) and folded[first] != _SEPARATOR:
                return first
        end = stop


class _Column(NamedTuple):
    """One text of a hit as FTS5 saw it."""

    text: str
    folded: str
    #: (start offset, end offset, token) of every match, in order
    hits: list[tuple[int, int, int]]
    #: (phrase, token, size, start offset) of every match of every phrase: FTS5's instances, in
    #: its order
    instances: list[tuple[int, int, int, int]]
    #: (token, offset) of the first token of sentences that may matter, in order
    sentences: list[tuple[int, int]]
    tokens: int


def _matches(folded: str, found: Phrases) -> list[tuple[int, int, int]]:
    """(phrase, start, end) of every match of a phrase in *folded*, in order."""
    if found.plain is None:
        return []
    finder = found.plain if _DROPPED not in folded else _finder(found.dropping)
    # a space before the text: a match at its start is found as any other
    return [
        (match.lastindex - 1, match.start(match.lastindex) - 1, match.end() - 1)
        for match in finder.finditer(_SEPARATOR + folded)
        if match.lastindex
    ]


def _whole(text: str, folded: str, found: Phrases) -> str:
    """A text of `TOKENS` tokens or fewer: its snippet is the text, every match marked."""
    pieces: list[str] = []
    at = 0
    for _phrase, start, stop in _matches(folded, found):
        pieces += [text[at:start], HIT_START, text[start:stop], HIT_END]
        at = stop
    pieces.append(text[at:])
    return "".join(pieces)


def _read(text: str, found: Phrases, folded: str | None = None) -> _Column | None:
    """*text* (*folded* if known) as FTS5 saw it for *found*, or None when none of the phrases
    is in it."""
    if folded is None:
        folded = _ALPHABET.fold(text)
    matches = _matches(folded, found)
    if not matches:
        return None
    sizes, prefix = found.sizes, found.prefix
    hits: list[tuple[int, int, int]] = []
    instances: list[tuple[int, int, int, int]] = []
    words = len(folded.split(None, TOKENS))
    if words <= TOKENS:
        # a short text (a title, a name, most messages) is its own snippet, whole: its tokens
        # need no counting
        for phrase, start, stop in matches:
            instances.append((phrase, 0, sizes[phrase], start))
            if found.also_prefix(phrase, folded, start, stop):
                instances.append((prefix, 0, sizes[prefix], start))
            hits.append((start, stop, 0))
        return _Column(text, folded, hits, instances, [], words)
    shape = _ALPHABET.shape(text)
    count = shape.count
    sentences = [(0, shape.find("a"))]
    token = 1 if shape.startswith("a") else 0  # the tokens that start before *end*
    end = 0
    for phrase, start, stop in matches:
        at = token + count(_TOKEN_START, end, start) if start else 0
        sentence = _sentence_start(text, folded, end, start)
        if sentence >= 0:  # the match's token less the sentence's tokens before it
            before = count(_TOKEN_START, sentence, start) + (sentence < start)
            sentences.append((at - before, sentence))
        size = sizes[phrase]
        instances.append((phrase, at, size, start))
        # a token found as a whole word may be the prefix's too: FTS5 counts both
        if found.also_prefix(phrase, folded, start, stop):
            instances.append((prefix, at, sizes[prefix], start))
        hits.append((start, stop, at))
        token = at + size
        end = stop
    tokens = token + count(_TOKEN_START, end, len(shape))
    return _Column(text, folded, hits, instances, sentences, tokens)


class _Window(NamedTuple):
    score: int
    start: int  # its first token
    #: (token, offset) of a token at or after *start*, less than `TOKENS` after it
    anchor: tuple[int, int]


_NO_WINDOW = _Window(0, 0, (0, 0))


def _best(column: _Column) -> _Window:
    """FTS5's choice (fts5SnippetFunction): for each match, the window of `TOKENS` from it,
    moved back so that its matches sit in the middle, and the window from the start of its
    sentence (100 more, 120 if that is the text's start); the first of the best. A window
    scores 1000 for each distinct phrase in it and 1 for each further match: both kinds of
    window slide forward over the matches, each counting the matches it holds."""
    instances, sentences, tokens = column.instances, column.sentences, column.tokens
    if tokens <= TOKENS:  # every window from a match holds them all, and starts at 0
        if not instances:
            return _NO_WINDOW
        distinct = len({instance[0] for instance in instances})
        return _Window(999 * distinct + len(instances), 0, (0, 0))
    best = _NO_WINDOW
    count = len(instances)
    # the window from a match: instances[left:right], distinct phrases in it
    left = right = distinct = 0
    seen: dict[int, int] = {}
    # the window from a sentence's start, scored once a sentence (FTS5 scores it again for each
    # of the sentence's matches: the same score, which does not win twice)
    s_left = s_right = s_distinct = 0
    s_seen: dict[int, int] = {}
    sentence, scored = 0, -1
    for _phrase, token, _size, offset in instances:
        while right < count and instances[right][1] < token + TOKENS:
            added = instances[right][0]
            seen[added] = seen.get(added, 0) + 1
            distinct += seen[added] == 1
            right += 1
        while instances[left][1] < token:
            removed = instances[left][0]
            seen[removed] -= 1
            distinct -= seen[removed] == 0
            left += 1
        score = 999 * distinct + right - left
        if score > best.score:
            last, size = instances[right - 1][1:3]
            moved = token - _c_half(TOKENS - (last + size - token))
            if moved + TOKENS > tokens:
                moved = tokens - TOKENS
            best = _Window(score, max(moved, 0), (token, offset))
        while sentence + 1 < len(sentences) and sentences[sentence + 1][0] <= token:
            sentence += 1
        first = sentences[sentence][0]
        if sentence != scored and first < token:
            scored = sentence
            while s_right < count and instances[s_right][1] < first + TOKENS:
                added = instances[s_right][0]
                s_seen[added] = s_seen.get(added, 0) + 1
                s_distinct += s_seen[added] == 1
                s_right += 1
            while s_left < s_right and instances[s_left][1] < first:
                removed = instances[s_left][0]
                s_seen[removed] -= 1
                s_distinct -= s_seen[removed] == 0
                s_left += 1
            score = 999 * s_distinct + s_right - s_left + (120 if first == 0 else 100)
            if score > best.score:
                best = _Window(score, first, sentences[sentence])
    return best


def _c_half(value: int) -> int:
    """*value* / 2 as C divides: towards zero."""
    return -(-value // 2) if value < 0 else value // 2


@functools.lru_cache(maxsize=4 * TOKENS)
def _tokens_back(count: int) -> re.Pattern[str]:
    """*count* tokens of a reversed folded text, from the separators that end it."""
    return re.compile(" +" + "[^ ]+ +" * (count - 1) + "[^ ]+")


#: the window's tokens from its first
_WINDOW_END = re.compile("[^ ]+" + " +[^ ]+" * (TOKENS - 1))


def _back(folded: str, offset: int, count: int) -> int:
    """The offset of the token *count* tokens before the one at *offset* (a token's start),
    reading back only as far as needed: a pattern read forward over the text reversed."""
    width = 16 * count
    while count:
        low = max(0, offset - width)
        back = _tokens_back(count).match(folded[low:offset][::-1])
        # the token is whole: a separator before it, or the text's start
        if back is not None and (back.end() < offset - low or low == 0):
            return offset - back.end()
        if low == 0:  # fewer tokens before: from the first
            return len(folded) - len(folded.lstrip(_SEPARATOR))
        width *= 4
    return offset


def _cut(column: _Column, window: _Window) -> str:
    """The window of `TOKENS` tokens of *column*, its matches marked, "…" where it cuts."""
    text, folded, start = column.text, column.folded, window.start
    if column.tokens == 0:
        return text
    last = start + TOKENS - 1
    anchor, offset = window.anchor
    # from 0 the text before the first token is shown too, as FTS5 does
    begin = _back(folded, offset, anchor - start) if start else 0
    end = len(text)
    if last < column.tokens - 1:
        window_end = _WINDOW_END.search(folded, begin)
        if window_end is not None:
            end = window_end.end()
    pieces = [ELLIPSIS] if start > 0 else []
    at = begin
    hits = column.hits
    since = bisect.bisect_left(hits, start, key=lambda hit: hit[2]) if start else 0
    for index in range(since, len(hits)):
        hit_start, hit_end, token = hits[index]
        if hit_start >= end or token > last:
            break
        close = min(hit_end, end)
        pieces += [text[at:hit_start], HIT_START, text[hit_start:close], HIT_END]
        at = close
    pieces.append(text[at:end])
    if last < column.tokens - 1:
        pieces.append(ELLIPSIS)
    return "".join(pieces)


def _holding(texts: Sequence[str], found: Phrases) -> list[tuple[int, str]]:
    """(number, folded text) of the *texts* that may hold a match: one search over them all,
    joined by a line break (a separator: a match inside one text is found as it is alone). A
    client has six texts, most of them empty or without the words: six searches cost twice as
    much."""
    folded = _ALPHABET.fold("\n".join(texts))
    starts = list(itertools.accumulate((len(text) + 1 for text in texts), initial=0))
    holding: set[int] = set()
    for _phrase, start, stop in _matches(folded, found):
        # both texts of a phrase that spans a line break: each is searched alone after
        first = bisect.bisect_right(starts, start) - 1
        holding.update(range(first, bisect.bisect_right(starts, stop - 1)))
    return [(number, folded[starts[number] : starts[number + 1] - 1]) for number in sorted(holding)]


def snippet(texts: Sequence[str | None], words: Sequence[str]) -> str:
    """The snippet of a hit whose indexed *texts* (the columns snippet() chose among, in their
    order) matched the query *words*: cut from the text with the best window, the start of the
    first text when none holds a match (a guide found by its title: its body's start)."""
    found = phrases(tuple(words))
    given = [text or "" for text in texts]
    if not given:
        return ""
    if len(given) == 1:  # most hits: a short text is its own snippet
        folded = _ALPHABET.fold(given[0])
        if len(folded.split(None, TOKENS)) <= TOKENS:
            return _whole(given[0], folded, found)
        holding = [(0, folded)]
    else:
        holding = _holding(given, found)
    chosen: _Column | None = None
    window = _NO_WINDOW
    for number, folded in holding:
        column = _read(given[number], found, folded)
        if column is not None:
            best = _best(column)
            if chosen is None or best.score > window.score:
                chosen, window = column, best
    if chosen is None:
        folded = _ALPHABET.fold(given[0])
        chosen = _Column(given[0], folded, [], [], [], len(folded.split()))
    return _cut(chosen, window)
