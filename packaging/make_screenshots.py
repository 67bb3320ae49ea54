"""Make the screenshots used by the README (and later the AppStream metainfo).

    .venv/bin/python packaging/make_screenshots.py [--lang en|id] [--out resources/screenshots]

Builds a demo database in a temporary folder, opens the real main window on the offscreen
platform and saves the Clients (Bu Ratna selected), Today, Tickets, Orders and Referrals sections
as PNGs (with a follow-up due on Today and a timer running in the status bar), and a paid
order's receipt (a PDF page, through pdftoppm).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", choices=("en", "id"), default="en")
    parser.add_argument("--out", type=Path, default=Path("resources/screenshots"))
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="agencydesk-shots-"))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(scratch / name.lower())

    from datetime import timedelta

    from PySide6.QtCore import QSettings, QTimer

    from agencydesk.core import agency, demo, follow_ups, migrate, models, tickets, time_spent
    from agencydesk.core.db import session_scope, sqlite_url
    from agencydesk.qt.shell import app as app_module
    from agencydesk.qt.shell.main_window import MainWindow
    from agencydesk.qt.shell.settings import Settings

    db_path = scratch / "agencydesk.sqlite3"
    engine = migrate.open_database(sqlite_url(db_path))
    with session_scope(engine) as session:
        ratna_id = demo.load_demo(session=session)["ratna"]
        # a follow-up whose time has come (on top of Today) and a timer running (status bar)
        [ticket, *_] = tickets.list_tickets(session=session, client_id=ratna_id)
        follow_ups.set_follow_up(
            session=session,
            client_id=ratna_id,
            ticket_id=ticket.id,
            due_at=models.utcnow() - timedelta(hours=1),
            note=(
                "Tanya apakah foto menu barunya sudah siap"
                if args.lang == "id"
                else "Ask whether the new menu photos are ready"
            ),
        )
        time_spent.start_timer(
            session=session, ticket_id=ticket.id, now=models.utcnow() - timedelta(minutes=25)
        )
        # who the receipt (and the report) is from: the freelancer's own letterhead
        agency.save_agency_profile(
            session=session,
            profile=agency.AgencyProfile(
                name="Budi Web Studio",
                address="Jl. Teuku Umar 88, Denpasar, Bali",
                phone="+62 812 3456 7890",
                email="halo@budi-web.id",
                website="budi-web.id",
            ),
        )
    engine.dispose()

    app = app_module.make_application()
    app_module.install_translators(app, args.lang)
    settings = Settings(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, db_path)
    window.resize(1280, 760)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / f"main-window-{args.lang}.png"

    def save(name: str) -> None:
        path = args.out / f"{name}-{args.lang}.png"
        window.grab().save(str(path))
        print(f"saved {path}")

    def wait_for(done: Callable[[], bool]) -> None:
        """Run the event loop until *done* (a detail read in a worker has come), 10 s at most."""
        deadline = time.monotonic() + 10
        while not done() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        app.processEvents()

    def grab() -> None:
        clients_page = window.pages.clients
        assert clients_page is not None
        window.show_section("clients")
        clients_page.select_client(ratna_id)
        wait_for(lambda: clients_page.detail.client_id == ratna_id)  # read in a worker
        window.grab().save(str(target))
        print(f"saved {target}")
        window.show_section("today")
        QTimer.singleShot(1000, grab_today)

    def grab_today() -> None:
        save("today")
        window.show_section("tickets")
        tickets_page = window.pages.page("tickets")
        # the chosen ticket is read in a worker: grabbed once it shows (and its time with it)
        wait_for(lambda: tickets_page.view.ticket_id is not None)
        QTimer.singleShot(300, grab_tickets)

    def grab_tickets() -> None:
        save("tickets")
        window.show_section("orders")
        orders_page = window.pages.page("orders")
        wait_for(lambda: not orders_page.model.read_pending)  # the list is read in a worker
        paid = orders_page.model.order_row(0)
        for row in range(orders_page.model.rowCount()):
            found = orders_page.model.order_row(row)
            if found is not None and found.status == "paid":
                paid = found
                break
        if paid is not None:
            orders_page.select_order(paid.id)  # Receipt… is offered
            wait_for(lambda: orders_page.current_order_id() == paid.id)
            save_receipt(paid.id)
        app.processEvents()
        save("orders")
        window.show_section("referrals")
        referrals_page = window.pages.page("referrals")
        referrals_page.root_shown.connect(lambda *_: QTimer.singleShot(300, grab_referrals))
        referrals_page.select_root(ratna_id)

    def save_receipt(order_id: int) -> None:
        """The order's receipt as the client gets it: a PDF, turned into a PNG by pdftoppm
        (where poppler is installed)."""
        import shutil
        import subprocess

        from sqlmodel import Session

        from agencydesk.core import receipts
        from agencydesk.reports.receipt import build_receipt_content
        from agencydesk.reports.receipt_pdf import render_receipt_pdf

        with session_scope(window.desk.engine) as session:
            issued = receipts.issue_receipt(session=session, order_id=order_id)
        with Session(window.desk.engine) as session:
            content = build_receipt_content(
                session=session, receipt_id=issued.id, language=args.lang
            )
        pdf = scratch / "receipt.pdf"
        render_receipt_pdf(content, pdf)
        if shutil.which("pdftoppm"):
            stem = args.out / f"receipt-{args.lang}"
            subprocess.run(
                ["pdftoppm", "-r", "90", "-png", "-singlefile", str(pdf), str(stem)], check=True
            )
            print(f"saved {stem}.png")

    def grab_referrals() -> None:
        save("referrals")
        window.close()

    window.ready.connect(lambda: QTimer.singleShot(200, grab))
    QTimer.singleShot(0, window.open_database)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
