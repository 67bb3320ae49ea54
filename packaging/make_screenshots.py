"""Make the screenshots used by the README (and later the AppStream metainfo).

    .venv/bin/python packaging/make_screenshots.py [--lang en|id] [--out resources/screenshots]

Builds a demo database in a temporary folder, opens the real main window on the offscreen
platform and saves the Clients (Bu Ratna selected), Today and Tickets sections as PNGs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
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

    from PySide6.QtCore import QSettings, QTimer

    from agencydesk.core import demo, migrate
    from agencydesk.core.db import session_scope, sqlite_url
    from agencydesk.qt.shell import app as app_module
    from agencydesk.qt.shell.main_window import MainWindow
    from agencydesk.qt.shell.settings import Settings

    db_path = scratch / "agencydesk.sqlite3"
    engine = migrate.open_database(sqlite_url(db_path))
    with session_scope(engine) as session:
        ratna_id = demo.load_demo(session=session)["ratna"]
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

    def grab() -> None:
        clients_page = window.pages.clients
        assert clients_page is not None
        window.show_section("clients")
        clients_page.select_client(ratna_id)
        app.processEvents()
        window.grab().save(str(target))
        print(f"saved {target}")
        window.show_section("today")
        QTimer.singleShot(1000, grab_today)

    def grab_today() -> None:
        save("today")
        window.show_section("tickets")
        app.processEvents()
        save("tickets")
        window.show_section("orders")
        app.processEvents()
        save("orders")
        window.show_section("referrals")
        referrals_page = window.pages.page("referrals")
        referrals_page.root_shown.connect(lambda *_: QTimer.singleShot(300, grab_referrals))
        referrals_page.select_root(ratna_id)

    def grab_referrals() -> None:
        save("referrals")
        window.close()

    window.ready.connect(lambda: QTimer.singleShot(200, grab))
    QTimer.singleShot(0, window.open_database)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
