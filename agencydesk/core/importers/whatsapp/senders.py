"""Messages whose header may have swallowed part of the text: a sender name with ": " in it,
a pasted log line that looks like a header, and which split between name and text is right.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import datetime

from ..model import (
    KIND_SYSTEM,
    NO_FLAGS,
    ChatImportError,
    ChatMessage,
    _NewPlainMessage,
    make_message,
)
from ..problems import ReadingNote
from ..textutil import clean_name, clean_text
from .header import _SYSTEM_VERB, _balanced, _rebuild_header, _Shape
from .messages import _OMITTED_SUFFIXES, _SPECIAL_TEXTS, _classify, _is_system_text

# --- parser -----------------------------------------------------------------


def _fold_bad_headers(
    shape: _Shape,
    dates: list[str],
    times: list[str],
    raws: list[str | None],
    bodies: list[str],
    bad_d: set[str],
    bad_t: set[str],
    warns: list[str],
    forced: bool,
    order: str,
) -> tuple[list[str], list[str], list[str | None], list[str]]:
    n_bad = 0
    nd: list[str] = []
    nt: list[str] = []
    nr: list[str | None] = []
    nb: list[str] = []
    # lines folded into a message, joined once at the end: added one by one, a run of them
    # copied the growing message each time (quadratic)
    folded: dict[int, list[str]] = {}
    for d, t, raw, body in zip(dates, times, raws, bodies, strict=True):
        if d in bad_d or t in bad_t:
            n_bad += 1
            line = _rebuild_header(shape, d, t) + (raw + ": " if raw is not None else "") + body
            if nb:
                folded.setdefault(len(nb) - 1, []).append(line)
            else:
                warns.append(ReadingNote("line_before_first_message"))
            continue
        nd.append(d)
        nt.append(t)
        nr.append(raw)
        nb.append(body)
    for at, lines in folded.items():
        nb[at] = "\n".join((nb[at], *lines))
    if not nd or n_bad * 2 > len(dates):
        if forced:
            raise ChatImportError("whatsapp_impossible_dates", order=order)
        raise ChatImportError("not_a_chat")
    warns.append(ReadingNote("impossible_headers_kept", count=n_bad))
    return nd, nt, nr, nb


#: a sender name goes on for at most this many characters after its first ": " (WhatsApp's own
#: names are far shorter): a ": " further into the line is message text. Without a bound, a
#: first line full of ": " (a pasted log or JSON error) made every prefix of the line a
#: candidate name, which took time and memory growing with the square of its length.
_NAME_EXTENSION_LIMIT = 200


def _name_zone_end(body: str) -> int:
    """Where a ": " that ends a sender name must lie within: the first line, and not far."""
    nl = body.find("\n", 0, _NAME_EXTENSION_LIMIT)
    return nl if nl >= 0 else min(len(body), _NAME_EXTENSION_LIMIT)


def _colon_positions(line: str) -> list[int]:
    out: list[int] = []
    p = line.find(": ")
    while p >= 0:
        out.append(p)
        p = line.find(": ", p + 2)
    return out


def _build(ts: datetime, sender: str, text: str) -> ChatMessage:
    """A message from a sender, classified only when its text needs it."""
    if (
        "<" in text
        or "\u200e" in text
        or "(file " in text
        or "\u202a" in text
        or text in _SPECIAL_TEXTS
        or text.endswith(_OMITTED_SUFFIXES)
    ):
        kind, txt, flags, media = _classify(text)
        return make_message(kind, ts, sender, txt, flags, media)
    return _NewPlainMessage(ts, sender, text)  # type: ignore[return-value]


def _resolve_suspicious(
    messages: list[ChatMessage | None],
    suspicious: list[tuple[int, datetime, str, str]],
    confirmed: set[str],
    share: Callable[[Counter[str]], list[Counter[str]]] = lambda mine: [mine],
) -> None:
    """Build the messages whose sender is uncertain, using the known participants.

    A name may contain ``": "`` (``Mas Andi (Vendor: Percetakan)``) and so may a
    group subject in an Android system line without author. ``confirmed`` holds
    the names seen as the author of unambiguous lines. A line's candidate
    senders are the prefixes of its first line that end before a ``": "`` (not further
    than ``_NAME_EXTENSION_LIMIT``); lines with the same candidates get the same decision,
    computed once. In parts of an export, ``confirmed`` is every part's and *share* adds up
    the parts' counts of candidate names.
    """
    names: dict[str, str] = {}

    def name_of(prefix: str) -> str:
        n = names.get(prefix)
        if n is None:
            n = names[prefix] = clean_name(prefix)
        return n

    colon_names = any(": " in n for n in confirmed)
    # Lines with one or two candidates are keyed (raw, text up to the 2nd ": "
    # or None) without building strings; lines with more get the full tuple.
    pending: list[tuple[int, datetime, str, str, tuple[str, str | None] | tuple[str, ...]]] = []
    for idx, ts, raw, body in suspicious:
        if not colon_names and name_of(raw) in confirmed:
            messages[idx] = _build(ts, names[raw], body)
            continue
        end = _name_zone_end(body)
        p = body.find(": ", 0, end)
        key: tuple[str, str | None] | tuple[str, ...]
        if p < 0:
            key = (raw, None)
        elif body.find(": ", p + 2, end) < 0:
            key = (raw, body[:p])
        else:
            first = body[:end]
            key = (raw, *(raw + ": " + first[:q] for q in _colon_positions(first)), "")
        pending.append((idx, ts, raw, body, key))

    def candidates(key: tuple[str, str | None] | tuple[str, ...]) -> tuple[str, ...]:
        if len(key) == 2:
            raw, ext = key
            return (raw,) if ext is None else (raw, f"{raw}: {ext}")
        return key[:-1]

    counts: Counter[str] = Counter()
    for key, k in Counter(item[4] for item in pending).items():
        for name in {name_of(c) for c in candidates(key)}:
            counts[name] += k
    counts = sum(share(counts), Counter())
    decided: dict[tuple[str, str | None] | tuple[str, ...], tuple[int, str, int]] = {}
    for idx, ts, raw, body, key in pending:
        plan = decided.get(key)
        if plan is None:
            cands = candidates(key)
            choice = _choose_split(cands, body, confirmed, counts, name_of)
            # (choice, sender, where the text starts in body)
            plan = decided[key] = (
                choice,
                name_of(cands[max(choice, 0)]),
                len(cands[choice]) - len(raw) if choice > 0 else 0,
            )
        choice, sender, start = plan
        if choice < 0:
            text = clean_text(raw + ": " + body).strip()
            messages[idx] = make_message(KIND_SYSTEM, ts, None, text, NO_FLAGS, None)
        else:
            messages[idx] = _build(ts, sender, body[start:] if start else body)


def _choose_split(
    cands: tuple[str, ...],
    body: str,
    confirmed: set[str],
    counts: Counter[str],
    name_of: Callable[[str], str],
) -> int:
    """Index of the candidate that is the sender, or -1 for a system line."""
    # A longer name must be balanced and must not swallow the start of a message
    # (iOS marks media and system texts with U+200E; placeholders start with "<").
    cut = len(cands[0]) + 2
    valid = [
        i
        for i, c in enumerate(cands)
        if _balanced(c) and (i == 0 or c[cut : cut + 1] not in "\u200e<")
    ]
    if name_of(cands[0]) not in confirmed and (
        not valid or _SYSTEM_VERB.search(cands[0]) is not None
    ):
        line = cands[0] + ": " + body.split("\n", 1)[0]
        if _is_system_text(clean_text(line), group=True):
            return -1
    if len(cands) == 1:
        return 0
    known = [i for i, c in enumerate(cands) if name_of(c) in confirmed]
    if known:
        return max(known)
    pool = valid or list(range(len(cands)))

    def rank(i: int) -> tuple[int, int]:
        n = counts[name_of(cands[i])]
        return n, (i if n >= 2 else -i)

    return max(pool, key=rank)
