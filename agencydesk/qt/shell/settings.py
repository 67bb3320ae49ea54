"""Window and user settings in QSettings, with a version stamp and upgrade steps (as in Picard)."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_VERSION = 2
# how long the trash keeps things unless the user chose otherwise (core.trash.DEFAULT_DAYS)
DEFAULT_TRASH_DAYS = 30
MAX_TRASH_DAYS = 3650
LANGUAGES = ("", "en", "id")  # "" = follow the system


def _upgrade_to_1(settings: QSettings) -> None:
    """Version 1 is the first versioned layout; nothing to move yet."""


def _upgrade_to_2(settings: QSettings) -> None:
    """The window opens on Today, the start page, no longer on the section last shown."""
    settings.remove("window/last_section")


UPGRADES: dict[int, Callable[[QSettings], None]] = {1: _upgrade_to_1, 2: _upgrade_to_2}


def _keep_private(settings: QSettings) -> None:
    """The settings file readable by the owner only (0600), like every file agencydesk writes.

    It is made before QSettings first writes it: QSettings keeps the mode of a file it finds
    (and would create one readable by everybody). On macOS the native settings are not a
    plain file we may create, so an existing one is only narrowed."""
    if os.name != "posix" or not settings.fileName():
        return
    path = Path(settings.fileName())
    with contextlib.suppress(OSError):  # unwritable: the settings are then not saved anyway
        if path.exists():
            if path.stat().st_mode & 0o077:
                path.chmod(0o600)
        elif sys.platform != "darwin" or settings.format() == QSettings.Format.IniFormat:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def _key(desk: str) -> str:
    """A settings key for a desk's address (which holds '/' and ':', special to QSettings)."""
    import hashlib  # here: OpenSSL's loading (~2 ms) is not worth it before the first paint

    return hashlib.sha1(desk.encode(), usedforsecurity=False).hexdigest()[:16]


class Settings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings()
        _keep_private(self._settings)
        self._upgrade()

    def _upgrade(self) -> None:
        version = int(self._settings.value("settings_version", 0))
        for target in range(version + 1, SETTINGS_VERSION + 1):
            UPGRADES[target](self._settings)
            self._settings.setValue("settings_version", target)

    def sync(self) -> None:
        self._settings.sync()

    @property
    def language(self) -> str:
        value = str(self._settings.value("language", ""))
        return value if value in LANGUAGES else ""

    @language.setter
    def language(self, value: str) -> None:
        self._settings.setValue("language", value if value in LANGUAGES else "")

    def window_geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_window_geometry(self, value: QByteArray) -> None:
        self._settings.setValue("window/geometry", value)

    def splitter_state(self) -> QByteArray | None:
        value = self._settings.value("window/client_splitter")
        return value if isinstance(value, QByteArray) else None

    def set_splitter_state(self, value: QByteArray) -> None:
        self._settings.setValue("window/client_splitter", value)

    def column_choices(self, table: str, columns: int) -> dict[int, bool]:
        """The columns of the list *table* the person showed or hid in its header's menu
        (column → shown). None are kept when the list had another number of columns then: its
        column numbers may mean other columns now."""
        count, _, items = str(self._settings.value(f"columns/{table}", "")).partition(":")
        if count != str(columns):
            return {}
        choices: dict[int, bool] = {}
        for item in items.split(","):
            column, _, shown = item.partition("=")
            if column.isdigit() and int(column) < columns and shown in ("0", "1"):
                choices[int(column)] = shown == "1"
        return choices

    def set_column_choices(self, table: str, columns: int, choices: Mapping[int, bool]) -> None:
        items = ",".join(f"{column}={int(shown)}" for column, shown in sorted(choices.items()))
        self._settings.setValue(f"columns/{table}", f"{columns}:{items}")

    @property
    def my_name(self) -> str:
        """How the freelancer signs guides ({my_name})."""
        return str(self._settings.value("my_name", ""))

    @my_name.setter
    def my_name(self, value: str) -> None:
        self._settings.setValue("my_name", value.strip())

    @property
    def trash_days(self) -> int:
        """How many days the trash keeps what was deleted (then it goes for good)."""
        try:
            days = int(str(self._settings.value("trash/days", DEFAULT_TRASH_DAYS)))
        except ValueError:
            return DEFAULT_TRASH_DAYS
        return min(max(days, 1), MAX_TRASH_DAYS)

    @trash_days.setter
    def trash_days(self, value: int) -> None:
        self._settings.setValue("trash/days", min(max(int(value), 1), MAX_TRASH_DAYS))

    def last_client(self, desk: str) -> int | None:
        """The client chosen when the desk *desk* (its database) was last closed."""
        if self._settings.value("clients/last_desk", "") != desk:
            return None
        value = self._settings.value("clients/last_client", "")
        return int(value) if str(value).isdigit() else None

    def set_last_client(self, desk: str, client_id: int | None) -> None:
        self._settings.setValue("clients/last_desk", desk)
        self._settings.setValue("clients/last_client", "" if client_id is None else client_id)

    def demo_declined(self, db_path: str) -> bool:
        declined = self._settings.value("demo/declined_for", [])
        return db_path in (declined if isinstance(declined, list) else [declined])

    def set_demo_declined(self, db_path: str) -> None:
        declined = self._settings.value("demo/declined_for", [])
        items = list(declined) if isinstance(declined, list) else [declined]
        if db_path not in items:
            items.append(db_path)
        self._settings.setValue("demo/declined_for", items)

    @property
    def desk_server(self) -> str:
        """The team server desk to open at start (its address, never a password); "" for the
        solo desk (the database file)."""
        return str(self._settings.value("desk/server", ""))

    @desk_server.setter
    def desk_server(self, url: str) -> None:
        self._settings.setValue("desk/server", url)
        if url:
            self._settings.setValue("desk/last_server", url)

    def desk_person(self, desk: str) -> int | None:
        """Who this computer is on the team desk *desk* (its address, no password)."""
        value = self._settings.value(f"people/{_key(desk)}", "")
        return int(value) if str(value).isdigit() else None

    def set_desk_person(self, desk: str, person_id: int | None) -> None:
        self._settings.setValue(f"people/{_key(desk)}", "" if person_id is None else person_id)

    @property
    def last_server(self) -> str:
        """The team server connected to last (fills in the connect dialog after going solo)."""
        return str(self._settings.value("desk/last_server", ""))
