"""What the importers say by kind: every problem and note they make has its English (the
command line's and the log's, as it was), and keeps its kind and values wherever it goes (a
zip around the chat, a file name learnt later, another process), so that a window can say it
in its own language."""

from __future__ import annotations

import ast
import pickle
import zipfile
from pathlib import Path

import pytest

from agencydesk.core.importers import ChatImportError, parse_chat_file
from agencydesk.core.importers.problems import NOTES, PROBLEMS, ReadingNote

IMPORTERS = Path(__file__).resolve().parents[3] / "agencydesk" / "core" / "importers"


def _kinds_made(constructor: str) -> list[tuple[str, int, str | None]]:
    """(file, line, kind) of each call of *constructor* in the importers' code (but where the
    two classes live, which make their kinds again); the kind is None where it is not written
    out."""
    made = []
    for path in sorted(IMPORTERS.rglob("*.py")):
        if path.name in ("model.py", "problems.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            args = node.args
            if isinstance(func, ast.Name) and func.id == "partial" and args:
                func, args = args[0], args[1:]  # partial(ChatImportError, "kind", …)
            if not (isinstance(func, ast.Name) and func.id == constructor):
                continue
            first = args[0] if args else None
            kind = first.value if isinstance(first, ast.Constant) else None
            made.append((path.name, node.lineno, kind if isinstance(kind, str) else None))
    return made


@pytest.mark.parametrize(
    ("constructor", "known", "chosen"),
    [
        # the csv reader's two problems are chosen by a variable just above its raise
        ("ChatImportError", PROBLEMS, {"csv_quote_never_ends", "csv_row_unreadable"}),
        ("ReadingNote", NOTES, set()),
    ],
)
def test_every_kind_the_importers_make_has_its_english(
    constructor: str, known: dict[str, str], chosen: set[str]
) -> None:
    """A kind left out of the English would be a KeyError where the user needs the reason,
    and an English no importer makes any more would be translated for nothing."""
    made = _kinds_made(constructor)
    not_written_out = [file for file, _line, kind in made if kind is None]
    assert not_written_out == (["csv_chat.py"] if chosen else [])
    unknown = [(file, line, kind) for file, line, kind in made if kind and kind not in known]
    assert unknown == []
    assert {kind for _file, _line, kind in made if kind} | chosen == set(known)


def test_a_reading_note_is_its_english_and_survives_pickle() -> None:
    """The notes are the str everyone reads (the command line, the log, the dry run's
    summary); the dry run sends them from one process to another."""
    note = ReadingNote("impossible_headers_kept", count=3)
    english = (
        "3 line(s) looked like message headers but had impossible dates or times; they were "
        "kept as text of the previous message."
    )
    assert note == english
    assert isinstance(note, str)
    assert hash(note) == hash(english)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        sent = pickle.loads(pickle.dumps(note, protocol=protocol))
        assert (sent, sent.kind, sent.values) == (english, "impossible_headers_kept", {"count": 3})
        assert type(sent) is ReadingNote


def test_a_problem_keeps_its_english_its_kind_and_values(tmp_path: Path) -> None:
    """A CSV export whose third line has a date that cannot be read, as a file and inside a
    zip: the message is the English it always was; kind, values, line and zip member go along,
    through a pickle too."""
    rows = "date,sender,text\n01/02/2024 10:00,Bu Sari,halo\n32/13/2024 10:00,Bu Sari,lagi\n"
    csv_file = tmp_path / "chat.csv"
    csv_file.write_text(rows, "utf-8")
    with pytest.raises(ChatImportError) as raised:
        parse_chat_file(csv_file)
    exc = raised.value
    assert str(exc) == f"“{csv_file}”, line 3: has a date that cannot be read: '32/13/2024 10:00'"
    assert (exc.kind, exc.values, exc.line, exc.member) == (
        "csv_bad_date",
        {"date": "32/13/2024 10:00"},
        3,
        None,
    )

    zipped = tmp_path / "chat.zip"
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.writestr("chat.csv", rows)
    with pytest.raises(ChatImportError) as raised:
        parse_chat_file(zipped)
    exc = raised.value
    assert str(exc) == (
        f"“{zipped}”, line 3: has a date that cannot be read: '32/13/2024 10:00' "
        "(in “chat.csv” inside the zip)"
    )
    assert (exc.kind, exc.line, exc.member) == ("csv_bad_date", 3, "chat.csv")
    sent = pickle.loads(pickle.dumps(exc))
    assert (str(sent), sent.kind, sent.values, sent.line, sent.member) == (
        str(exc),
        exc.kind,
        exc.values,
        exc.line,
        exc.member,
    )


def test_a_problem_named_later_keeps_its_kind() -> None:
    exc = ChatImportError("zip_too_many_entries", count=70_000)
    assert str(exc) == "The chat file: is a zip file with too many entries (70000)"
    named = exc.with_path("export.zip")
    assert str(named) == "“export.zip”: is a zip file with too many entries (70000)"
    assert (named.kind, named.values) == ("zip_too_many_entries", {"count": 70_000})
