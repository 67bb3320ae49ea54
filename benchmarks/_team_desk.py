"""One desk of ``benchmarks/team.py``, run in a process of its own (``multiprocessing`` spawn).

The desk opens the server database as the app does (`migrate.open_database`, which makes the
engine that sends each commit with pg_notify), says who it is (a person, `authorship.act_as`),
subscribes to the change stream and starts `live.Listener`, exactly the core calls a window makes,
without Qt. Then, until the common end time, it does what a person at a busy desk does, one
action after another with a short pause: reads (a page of clients, a page of tickets, a Ctrl+K
search), edits (a client's notes, a ticket's title, as a form does: read, type, save over the
version it showed), replies (a message on a ticket) and chat imports (`import_chat`, the real
import action).

What it writes down for the parent, as JSON in *out*:
* ``probes``: for each commit whose row is unique to it (a reply's message, an edit of a row no
  other desk edits): when the action started, when its commit was done (``time.time()``, one
  clock for every process of the machine), and the row;
* ``heard``: per row, when this desk's subscriber received another desk's change set naming it
  (on the listener's thread: this desk's own commits are announced on its main thread);
* ``saves``: every edit that was saved, with the value the form showed and the value it wrote
  (the parent finds overwritten values nobody saw: lost updates), and the conflicts caught;
* timings of reads, searches and imports.
"""

from __future__ import annotations

import inspect
import json
import random
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPLIES = (
    "Baik Bu, sudah kami cek, invoice-nya kami kirim ulang sore ini.",
    "Siap Pak, password email sudah direset, silakan coba login lagi.",
    "Thanks, the renewal is paid; the domain is active until next year.",
    "Mohon maaf menunggu, printer kantor sudah bisa dipakai lagi.",
)
READ_KINDS = ("clients", "tickets", "search")
#: the mix of a busy desk: what share of its actions is which (imports are also capped)
MIX = (("read", 0.45), ("edit", 0.28), ("reply", 0.27))
#: how long a form stays open between showing a record and saving it (seconds)
FORM_OPEN_S = (0.05, 0.3)


class Desk:
    def __init__(self, config: dict[str, Any]) -> None:
        import sqlalchemy as sa

        from agencydesk.core import authorship, changes, clients, live, migrate, people, tickets
        from agencydesk.core.db import session_scope

        self.config = config
        self.number: int = config["desk"]
        self.rng = random.Random(config["seed"] * 1000 + self.number)
        self.engine = migrate.open_database(config["url"])
        with session_scope(self.engine) as session:
            person = people.add_person(session=session, name=f"Desk {self.number + 1}")
        authorship.act_as(self.engine, person.id)
        # the forms pass the version they showed once the app has versions (core.versions)
        self.versioned = "seen_version" in inspect.signature(clients.update_client).parameters
        self.tickets = tickets
        self.clients = clients
        self.heard: dict[str, list[float]] = defaultdict(list)
        #: when this desk last sent a COMMIT: the moment a change starts its way to the others
        self.commit_sent = 0.0
        sa.event.listen(self.engine, "commit", self._committing)
        self._main = threading.main_thread()
        changes.subscribe(self._hear, engine=self.engine)
        self.listener = live.Listener(self.engine).start()
        if not self.listener.listening.wait(30):
            raise SystemExit(f"desk {self.number}: the listener did not start")
        self.probes: list[tuple[float, float, str]] = []
        self.saves: list[dict[str, Any]] = []
        self.conflicts = 0
        self.timings: dict[str, list[float]] = defaultdict(list)
        self.imported: list[tuple[int, float]] = []
        self.errors: list[str] = []
        self.exports = self._exports()
        self.live_clients = self._live_clients()

    def _committing(self, _connection: Any) -> None:
        self.commit_sent = time.time()

    # hearing ----------------------------------------------------------------------------------
    def _hear(self, _engine: Any, change_set: Any) -> None:
        if threading.current_thread() is self._main:  # this desk's own commit
            return
        now = time.time()
        for topic, ids in change_set.touched.items():
            if ids is not None and topic.value in ("client", "ticket", "message"):
                for row_id in ids:
                    self.heard[f"{topic.value}:{row_id}"].append(now)

    # the actions ------------------------------------------------------------------------------
    def read(self) -> None:
        from sqlmodel import Session

        from agencydesk.core import search

        kind = self.rng.choice(READ_KINDS)
        started = time.perf_counter()
        with Session(self.engine) as session:
            if kind == "clients":
                self.clients.list_clients(
                    session=session, offset=self.rng.randrange(0, 500), limit=100
                )
            elif kind == "tickets":
                self.tickets.list_tickets(
                    session=session, sort="updated", descending=True, limit=100
                )
            else:
                search.search(session=session, text=self.rng.choice(self.config["queries"]))
        self.timings[kind].append((time.perf_counter() - started) * 1000.0)

    def edit(self) -> None:
        """A form: show the record, type for a moment, save over the version it showed."""
        from sqlmodel import Session

        from agencydesk.core.models import Client, Ticket

        kind = self.rng.choice(("client", "ticket"))
        hot = self.rng.random() < 0.5  # half the edits go to the few rows everybody edits
        if hot:
            row_id = self.rng.choice(self.config[f"hot_{kind}s"])
        elif kind == "client":
            row_id = self.rng.choice(self.live_clients)
        else:
            row_id = self.rng.randrange(self.config["first_own"], self.config[f"{kind}s"] + 1)
        model: Any = Client if kind == "client" else Ticket
        field = "notes" if kind == "client" else "title"
        with Session(self.engine) as session:
            row = session.get(model, row_id)
            if row is None:
                return
            seen_value = getattr(row, field)
            seen_version = getattr(row, "version", None)
        time.sleep(self.rng.uniform(*FORM_OPEN_S))
        mine = f"Edited on desk {self.number + 1} #{len(self.saves) + 1}"
        started = time.time()
        for _attempt in range(3):
            outcome = self._save(kind, row_id, field, mine, seen_version)
            if outcome is None:  # saved
                committed = self.commit_sent
                self.saves.append(
                    {"row": f"{kind}:{row_id}", "seen": seen_value, "wrote": mine, "hot": hot}
                )
                if not hot:
                    self.probes.append((started, committed, f"{kind}:{row_id}"))
                return
            self.conflicts += 1
            if self.rng.random() < 0.5:  # take theirs: nothing of mine is saved
                return
            # keep mine, having seen theirs in the conflict dialog
            seen_value, seen_version = outcome
        return

    def _save(
        self, kind: str, row_id: int, field: str, value: str, seen_version: int | None
    ) -> tuple[Any, int] | None:
        """None when saved; (their value, the stored version) when it is a conflict."""
        from agencydesk.core.db import session_scope

        extra = {"seen_version": seen_version} if self.versioned else {}
        update: Callable[..., Any] = (
            self.clients.update_client if kind == "client" else self.tickets.update_ticket
        )
        key = "client_id" if kind == "client" else "ticket_id"
        try:
            with session_scope(self.engine) as session:
                update(session=session, **{key: row_id}, values={field: value}, **extra)
        except Exception as exc:
            conflict = _conflict(exc)
            if conflict is not None:
                return conflict.theirs.get(field), conflict.version
            if _stale(exc):  # lost the race inside the save: saving again says the conflict
                return self._save(kind, row_id, field, value, seen_version)
            raise
        return None

    def reply(self) -> None:
        from agencydesk.core.db import session_scope

        ticket_id = self.rng.randrange(self.config["first_own"], self.config["tickets"] + 1)
        started = time.time()
        with session_scope(self.engine) as session:
            message = self.tickets.add_message(
                session=session, ticket_id=ticket_id, body=self.rng.choice(REPLIES), from_me=True
            )
            message_id = message.id
        self.probes.append((started, self.commit_sent, f"message:{message_id}"))

    def import_chat(self) -> None:
        if not self.exports:
            return
        from agencydesk.core import chat_import
        from agencydesk.core.db import session_scope
        from agencydesk.core.errors import UserError

        parsed = self.exports.pop()
        client_id = self.rng.choice(self.live_clients)
        started = time.perf_counter()
        try:
            with session_scope(self.engine) as session:
                plan = chat_import.plan_import(
                    parsed=parsed,
                    choices=chat_import.client_choices(session=session),
                    client_id=client_id,
                    me_names=["Rizky"],
                )
                result = chat_import.import_chat(
                    session=session,
                    parsed=parsed,
                    client_id=client_id,
                    mapping=plan.mapping,
                    target=chat_import.SplitAtGaps(8),
                    me_names=["Rizky"],
                )
        except UserError as exc:
            self.errors.append(f"import: {exc}")
            return
        self.imported.append((result.new, time.perf_counter() - started))

    def _exports(self) -> list[Any]:
        from chat_parse_generator import generate_whatsapp_export

        from agencydesk.core.importers import parse_chat_text

        count, size = self.config["imports"], self.config["import_size"]
        exports = []
        for index in range(count):
            seed = 10_000 + self.number * 100 + index  # a chat of its own: nothing deduplicated
            text = generate_whatsapp_export(size, seed=seed, style="id-android")
            exports.append(parse_chat_text(text, filename=f"WhatsApp Chat {seed}.txt"))
        return exports

    def _live_clients(self) -> list[int]:
        """The clients a person can open (the demo desk has deleted ones), past the hot ones."""
        import sqlalchemy as sa
        from sqlmodel import Session

        from agencydesk.core.models import Client

        with Session(self.engine) as session:
            found = session.execute(
                sa.select(Client.id).where(
                    Client.deleted_at.is_(None),  # type: ignore[union-attr]
                    Client.id >= self.config["first_own"],  # type: ignore[operator]
                )
            )
            return [int(row_id) for row_id in found.scalars()]

    # the run ----------------------------------------------------------------------------------
    def run(self, start_at: float, end_at: float) -> None:
        actions = {"read": self.read, "edit": self.edit, "reply": self.reply}
        actions["import"] = self.import_chat
        names, weights = zip(*MIX, strict=True)
        # a chat import every so often, the desks' imports spread over the run
        every = (end_at - start_at) / (len(self.exports) + 1)
        next_import = start_at + every * (1 + self.number / self.config["desks"])
        time.sleep(max(0.0, start_at - time.time()))
        pause = 1.0 / self.config["pace"]
        while time.time() < end_at:
            name = self.rng.choices(names, weights=weights)[0]
            if time.time() >= next_import:
                name, next_import = "import", next_import + every
            try:
                actions[name]()
            except Exception as exc:  # counted and shown by the parent, the desk goes on
                self.errors.append(f"{name}: {type(exc).__name__}: {exc}")
            time.sleep(self.rng.uniform(0.0, 2 * pause))
        time.sleep(self.config["settle_s"])  # the last commits of the others still arrive
        self.listener.stop()
        self.engine.dispose()

    def report(self) -> dict[str, Any]:
        return {
            "desk": self.number,
            "versioned": self.versioned,
            "probes": self.probes,
            "heard": self.heard,
            "saves": self.saves,
            "conflicts": self.conflicts,
            "timings": self.timings,
            "imported": self.imported,
            "errors": self.errors,
        }


def _conflict(exc: BaseException) -> Any:
    try:
        from agencydesk.core.versions import EditConflict  # type: ignore[import-not-found]
    except ImportError:  # the app without record versions yet
        return None
    return exc if isinstance(exc, EditConflict) else None


def _stale(exc: BaseException) -> bool:
    from sqlalchemy.orm.exc import StaleDataError

    return isinstance(exc, StaleDataError)


def desk_main(config: dict[str, Any], ready: Any, start: Any, out: str) -> None:
    """The process's entry point: open the desk, say ready, run from the common start, report."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))  # chat_parse_generator
    desk = Desk(config)
    ready.put(config["desk"])
    start_at, end_at = start.get()
    desk.run(start_at, end_at)
    Path(out).write_text(json.dumps(desk.report()), encoding="utf-8")
