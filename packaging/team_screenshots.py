"""Screens of two desks on one team database: a change on one shows on the other, and a save
over it opens the conflict dialog.

    xvfb-run -a .venv/bin/python packaging/team_screenshots.py --lang en --out /tmp/shots

Needs a PostgreSQL server (AGENCYDESK_TEST_PG, e.g. postgresql+psycopg://postgres@127.0.0.1/postgres);
makes and drops its own database. Two processes, two real main windows (Sari's and Budi's):
Sari opens Bu Ratna's form and types; Budi saves another city for her; Sari's window shows
Budi's city (the time it took is printed); Sari saves: the conflict dialog. Each window and the
dialog are saved as PNGs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path


def _wait_for(path: Path, timeout_s: float = 60) -> str:
    start = time.monotonic()
    while not path.exists():
        if time.monotonic() - start > timeout_s:
            raise SystemExit(f"waited in vain for {path.name}")
        time.sleep(0.05)
    return path.read_text()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", choices=("en", "id"), default="en")
    parser.add_argument("--out", type=Path, default=Path("/tmp/team-shots"))
    parser.add_argument("--desk", choices=("sari", "budi"), help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--scratch", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.desk:
        return _desk(args)
    import sqlalchemy as sa

    from agencydesk.core import demo, migrate, people
    from agencydesk.core.db import session_scope

    server = os.environ.get("AGENCYDESK_TEST_PG") or os.environ.get("AGENCYDESK_BENCH_PG")
    if not server:
        raise SystemExit("set AGENCYDESK_TEST_PG to a PostgreSQL server's URL")
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    name = f"agencydesk_shots_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    try:
        engine = migrate.open_database(url)
        with session_scope(engine) as session:
            demo.load_demo(session=session)
            for person in ("Sari Wulandari", "Budi Santoso"):
                people.add_person(session=session, name=person)
        engine.dispose()
        scratch = Path(tempfile.mkdtemp(prefix="agencydesk-team-shots-"))
        args.out.mkdir(parents=True, exist_ok=True)
        desks = [
            subprocess.Popen(
                [
                    sys.executable,
                    __file__,
                    "--desk",
                    desk,
                    "--url",
                    url,
                    "--scratch",
                    str(scratch),
                    "--lang",
                    args.lang,
                    "--out",
                    str(args.out),
                ]
            )
            for desk in ("sari", "budi")
        ]
        codes = [desk.wait(120) for desk in desks]
        return max(codes)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def _desk(args: argparse.Namespace) -> int:
    scratch: Path = args.scratch / args.desk
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(scratch / name.lower())
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication
    from sqlmodel import Session

    from agencydesk.core import changes, clients, people
    from agencydesk.core.changes import Topic
    from agencydesk.core.db import make_engine, session_scope
    from agencydesk.qt.clients.client_form import ClientFormDialog
    from agencydesk.qt.shell import app as app_module
    from agencydesk.qt.shell.main_window import MainWindow
    from agencydesk.qt.shell.settings import Settings

    probe = make_engine(args.url)
    with Session(probe) as session:
        ratna = next(c for c in clients.list_clients(session=session) if "Ratna" in c.name)
        me = next(
            p for p in people.list_people(session=session) if p.name.lower().startswith(args.desk)
        )
    probe.dispose()

    app = app_module.make_application()
    app_module.install_translators(app, args.lang)
    settings = Settings(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
    settings.set_desk_person(make_engine(args.url).url.render_as_string(hide_password=True), me.id)
    window = MainWindow(settings, scratch / "agencydesk.sqlite3", server_url=args.url)
    window.resize(1180, 720)
    window.show()
    signals = args.scratch
    heard: list[float] = []
    changes.subscribe(lambda _e, c: heard.append(time.time()) if c.touches(Topic.CLIENTS) else None)

    def save(widget: object, name: str) -> None:
        path = args.out / f"team-{name}-{args.lang}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        print(f"saved {path}")

    def show_ratna() -> None:
        page = window.pages.clients
        assert page is not None
        window.show_section("clients")
        page.select_client(ratna.id)
        QTimer.singleShot(1500, sari_types if args.desk == "sari" else budi_waits)

    # -- Sari ----------------------------------------------------------------------------------
    form: list[ClientFormDialog] = []
    asked: list[float] = []

    def sari_types() -> None:
        engine = window.desk.engine
        assert engine is not None
        dialog = ClientFormDialog(engine, ratna.id, window)
        form.append(dialog)
        dialog.show()
        dialog.city.setText("Kendari")
        dialog.caution_note.setPlainText("Call before 10, she is at the market after.")
        asked.append(time.time())
        (signals / "go-budi").write_text("go")
        QTimer.singleShot(100, sari_sees)

    def sari_sees() -> None:
        if not (signals / "budi-saved").exists():
            QTimer.singleShot(20, sari_sees)
            return
        QTimer.singleShot(1000, sari_grabs)

    def sari_grabs() -> None:
        late = [t for t in heard if t >= asked[0]]
        if late:  # an upper bound: Budi's desk notices the request, saves, and Sari hears it
            took = (late[0] - asked[0]) * 1000
            print(f"Budi's save reached Sari's desk within {took:.0f} ms of asking for it")
        form[0].hide()
        save(window, "sari-sees-budis-change")
        form[0].show()
        QTimer.singleShot(300, grab_conflict)
        form[0].save()  # the conflict dialog, modal until grab_conflict answers it

    def grab_conflict() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, grab_conflict)
            return
        dialog.resize(dialog.sizeHint().expandedTo(dialog.size()))
        save(dialog, "conflict-dialog")
        dialog.merge.click()  # type: ignore[attr-defined]
        (signals / "sari-done").write_text("done")
        QTimer.singleShot(500, window.close)

    # -- Budi ----------------------------------------------------------------------------------
    def budi_waits() -> None:
        if not (signals / "go-budi").exists():
            QTimer.singleShot(20, budi_waits)
            return
        engine = window.desk.engine
        assert engine is not None
        with session_scope(engine) as session:
            client = clients.get_client(session=session, client_id=ratna.id)
            clients.update_client(
                session=session,
                client_id=ratna.id,
                values={"city": "Denpasar, Bali", "caution_note": "Moved to Bali: WhatsApp only."},
                seen_version=client.version,
            )
        (signals / "budi-saved").write_text(str(time.time()))
        QTimer.singleShot(800, budi_grabs)

    def budi_grabs() -> None:
        save(window, "budi-saved")
        budi_ends()

    def budi_ends() -> None:
        if (signals / "sari-done").exists():
            window.close()
            return
        QTimer.singleShot(100, budi_ends)

    window.ready.connect(lambda: QTimer.singleShot(300, show_ratna))
    QTimer.singleShot(0, window.open_database)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
