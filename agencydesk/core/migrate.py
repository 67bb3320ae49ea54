"""Bring a database to the current schema with Alembic, safely.

- The whole upgrade runs in one ``BEGIN IMMEDIATE`` transaction on SQLite: it applies completely
  or not at all.
- A database that already holds data is backed up before any upgrade.
- A database from a newer agencydesk is refused with a plain message instead of being damaged.
- So is another program's SQLite file (or a file that is no database at all): agencydesk's
  tables are only ever added to an empty file.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine, make_url

from agencydesk.core import backup
from agencydesk.core.db import make_engine, make_read_only_engine, sqlite_path
from agencydesk.core.errors import (
    SaidError,
    user_error_for,
    why_not_writable,
)
from agencydesk.core.schema_version import (
    GLANCE_TIMEOUT_S,
    connect_read_only,
    sqlite_file_revision,
)

# HEAD_REVISION lives in a standard-library module so start-up can check it before SQLAlchemy.
from agencydesk.core.schema_version import HEAD_REVISION as HEAD_REVISION

log = logging.getLogger(__name__)

_SQLITE_MAGIC = b"SQLite format 3\x00"

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy.engine import Connection

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(script_location: Path = MIGRATIONS_DIR) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location))
    return config


def head_revision(script_location: Path = MIGRATIONS_DIR) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(script_location)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _sqlite_file(url: str) -> Path | None:
    """The file of a SQLite *url*; None for another database or an in-memory one."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _sqlite_revision(url: str) -> str | None:
    """The schema revision of an existing SQLite file, read without SQLAlchemy or Alembic."""
    path = _sqlite_file(url)
    return None if path is None else sqlite_file_revision(path)


def _refuse_foreign_file(path: Path) -> None:
    """Raise UserError unless *path* is missing, empty or an agencydesk database (it has the
    migrations' version table). Another program's database is left exactly as it is."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    try:
        connection = connect_read_only(path, timeout=GLANCE_TIMEOUT_S)
        try:
            tables = {
                str(row[0])
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        if exc.sqlite_errorcode & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED):
            # another program holds it (a journal, not a WAL, lets nobody read meanwhile):
            # not damage, and copying a backup over it would throw that program's work away
            raise SaidError("database_busy") from None
        try:
            looks_like_sqlite = _starts_like_sqlite(path)
        except OSError as err:
            raise SaidError(
                "desk_unreadable", path=str(path), why=err.strerror or str(err)
            ) from None
        if looks_like_sqlite:
            raise _cut_off(path, str(exc)) from None
        raise SaidError("not_a_database", path=str(path)) from None
    own = {name for name in tables if not name.startswith("sqlite_")}
    if own and "alembic_version" not in own:
        raise SaidError("foreign_database", path=str(path))


SQLITE_BUSY, SQLITE_LOCKED = 5, 6


def _cut_off(path: Path, sqlite: str) -> SaidError:
    """The damaged *path*, and which of its backups to copy over it; or, where there is none,
    that there is none (a folder of backups that does not exist was named before)."""
    good = backup.newest_good_backup(path)
    if good is None:
        folder = str(path.parent / "backups")
        return SaidError("desk_cut_off_no_backup", path=str(path), sqlite=sqlite, folder=folder)
    return SaidError("desk_cut_off", path=str(path), sqlite=sqlite, backup=str(good.path))


def _refuse_foreign_server_database(connection: Connection) -> None:
    """Raise UserError if a server database without agencydesk's schema holds tables: another
    program's (the server's own "postgres" database, say). Any command, even a search, made
    its twenty-odd tables in there before; an empty database becomes a desk as before."""
    tables = (
        connection.exec_driver_sql(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
            "ORDER BY table_name LIMIT 4"
        )
        .scalars()
        .all()
    )
    if tables:
        database = connection.engine.url.database
        held = ", ".join(tables[:3]) + (", …" if len(tables) > 3 else "")
        raise SaidError("foreign_server_database", database=str(database), held=held)


def _starts_like_sqlite(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC


def _refuse_folder(path: Path) -> None:
    if path.is_dir():
        raise SaidError(
            "desk_is_a_folder", path=str(path), example=str(path / "agencydesk.sqlite3")
        )


def upgrade(url: str, *, script_location: Path = MIGRATIONS_DIR) -> Path | None:
    """Upgrade the database at *url* to head. Returns the pre-upgrade backup, if one was made."""
    if script_location == MIGRATIONS_DIR and _sqlite_revision(url) == HEAD_REVISION:
        return None  # the everyday case: already up to date
    from alembic.script import ScriptDirectory

    config = alembic_config(script_location)
    scripts = ScriptDirectory.from_config(config)
    head = scripts.get_current_head()
    path = _sqlite_file(url)
    if path is not None:
        _refuse_foreign_file(path)
    made_here = path is not None and not path.exists()
    try:
        return _upgrade(url, config, head, scripts)
    except BaseException:
        if made_here and path is not None:
            _remove_new_database(path)
        raise


def _remove_new_database(path: Path) -> None:
    """A database this upgrade made, and could not finish (a full disk): gone with its journals,
    as "nothing was saved" says, instead of an empty desk waiting at that path."""
    for leftover in (
        path,
        *(path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal")),
    ):
        try:
            leftover.unlink(missing_ok=True)
        except OSError:
            log.warning("Could not remove %s, left by a new database that failed", leftover)


def _upgrade(url: str, config: Config, head: str | None, scripts: ScriptDirectory) -> Path | None:
    from alembic import command

    engine = make_engine(url, begin="BEGIN IMMEDIATE")
    try:
        current = current_revision(engine)
        if current == head:
            return None
        refuse_unknown_revision(current, scripts)
        if engine.dialect.name == "postgresql":
            with engine.connect() as connection:
                if current is None:
                    _refuse_foreign_server_database(connection)
                refuse_desk_role(connection, current, head)
        backup_path = None
        db_path = sqlite_path(engine)
        if current is not None and db_path is not None:
            backup_path = backup.make_backup(db_path, reason="before-upgrade")
            log.info("Backed up the database before upgrading it: %s", backup_path.name)
        try:
            with engine.begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        except Exception as exc:
            explained = user_error_for(exc)
            if explained is not None:
                raise explained from exc
            log.exception("Upgrading the database from %s to %s failed", current, head)
            failed = {"database": str(db_path or url), "error": type(exc).__name__}
            if backup_path is None:
                raise SaidError("upgrade_failed", **failed) from exc
            raise SaidError("upgrade_failed_backup", **failed, backup=str(backup_path)) from exc
        log.info("Database schema upgraded from %s to %s", current, head)
        return backup_path
    finally:
        engine.dispose()


def refuse_unknown_revision(current: str | None, scripts: ScriptDirectory) -> None:
    """A database stamped by a newer agencydesk is refused, never downgraded or damaged."""
    known = {rev.revision for rev in scripts.walk_revisions()}
    if current is not None and current not in known:
        raise SaidError("newer_schema", schema=current)


def may_change_schema(connection: Connection) -> bool:
    """PostgreSQL: may this connection's user create and alter agencydesk's tables? (The desks'
    role that `server init` makes may not: it only reads and writes rows.)"""
    row = connection.exec_driver_sql(
        "SELECT has_schema_privilege('public', 'CREATE'),"
        " (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),"
        " (SELECT coalesce(bool_and(pg_has_role(current_user, tableowner, 'USAGE')), true)"
        "  FROM pg_tables WHERE schemaname = 'public')"
    ).one()
    return bool(row[1]) or bool(row[0] and row[2])


def refuse_desk_role(connection: Connection, current: str | None, head: str | None) -> None:
    """PostgreSQL: raise UserError when the schema needs migrating and this user may not."""
    if current == head or may_change_schema(connection):
        return
    user = connection.exec_driver_sql("SELECT current_user").scalar_one()
    database = connection.exec_driver_sql("SELECT current_database()").scalar_one()
    if current is None:
        raise SaidError("desk_role_unprepared", database=database, user=user)
    raise SaidError(
        "desk_role_outdated", database=database, user=user, schema=current, head=str(head)
    )


def upgrade_connection(connection: Connection) -> str | None:
    """Bring the database behind *connection* to head inside the caller's transaction (so that
    a later step failing rolls the migrations back too). Returns the revision found before."""
    from alembic import command
    from alembic.script import ScriptDirectory

    config = alembic_config()
    scripts = ScriptDirectory.from_config(config)
    from alembic.runtime.migration import MigrationContext

    current = MigrationContext.configure(connection).get_current_revision()
    refuse_unknown_revision(current, scripts)
    head = scripts.get_current_head()
    if connection.dialect.name == "postgresql":
        refuse_desk_role(connection, current, head)
    if current != head:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return current


def open_database(url: str, *, read_only_ok: bool = False) -> Engine:
    """Upgrade if needed, then return the engine the app works with.

    A database that cannot be written is a plain sentence saying why; with *read_only_ok* (a
    command that only reads) an up-to-date one is opened read-only instead.
    """
    path = _sqlite_file(url)
    if path is not None:
        _refuse_folder(path)
        why = why_not_writable(path)
        if why is not None:
            if not read_only_ok or not path.is_file():
                raise SaidError("desk_not_writable", path=str(path), why=why)
            _refuse_foreign_file(path)
            if sqlite_file_revision(path) != HEAD_REVISION:
                raise SaidError("desk_upgrade_not_writable", path=str(path), why=why)
            return make_read_only_engine(path)
    upgrade(url)
    return make_engine(url)
