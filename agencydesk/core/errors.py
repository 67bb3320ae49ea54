"""Errors the user can act on. Anything else is a bug and is logged and reported as one."""

from __future__ import annotations

import errno
import os
from pathlib import Path


class UserError(Exception):
    """A problem the user can understand and fix; its message is plain language."""


class SaidError(UserError):
    """A `UserError` a window says in its own language: *kind* names the sentence (a key of
    `SENTENCES`, whose English is the message: the command line's and the log's), *values* fill
    in its {names}. The window has the same sentences translated by kind
    (`qt.common.core_sentences`), as it has `ValidationError`'s codes and `pg_errors`' kinds."""

    def __init__(self, kind: str, **values: str) -> None:
        self.kind = kind
        self.values = values
        super().__init__(SENTENCES[kind].format(**values))


_DESK_ROLE = (
    "and {user} may read and write a desk but not change its tables. Whoever runs the server "
    "does this once, as the database's owner: agencydesk server init "
    "postgresql+psycopg://OWNER@HOST/{database}; then connect again."
)
#: the English of `SaidError`'s kinds
SENTENCES: dict[str, str] = {
    # core.migrate: a database stamped by a newer agencydesk
    "newer_schema": (
        "This database was written by a newer version of agencydesk (schema {schema}). Please "
        "update agencydesk to open it."
    ),
    # core.migrate: the desks' role may not migrate the server's schema
    "desk_role_unprepared": (
        "The server database {database} is not prepared for agencydesk yet, " + _DESK_ROLE
    ),
    "desk_role_outdated": (
        "The server database {database} needs an upgrade to this version of agencydesk (schema "
        "{schema} to {head}), " + _DESK_ROLE
    ),
    # core.server_move: the target of a move already holds a desk
    "move_target_has_data": (
        "The server database {database} already holds a desk (rows in {held}); agencydesk moves "
        "a desk only into an empty database, so nothing was copied. Create a new database "
        "(createdb …) and prepare it with agencydesk server init, or export this one first "
        "(agencydesk server export) if it should be kept."
    ),
    # core.migrate: a server database that holds another program's tables and no desk
    "foreign_server_database": (
        "The server database {database} is not an agencydesk desk: it holds another program's "
        "tables ({held}). agencydesk leaves it as it is. Give the address of a desk, or of an "
        "empty database made for one (createdb …)."
    ),
    # core.migrate: a desk file that cannot be opened as asked
    "desk_unreadable": (
        "{path} cannot be read: {why}. Let your user read and write it (its permissions), or "
        "open a copy you can read."
    ),
    "desk_is_a_folder": (
        "{path} is a folder, not a database file. Give the file itself, such as {example}."
    ),
    "desk_not_writable": (
        "{path} cannot be written: {why}. Nothing was changed. Copy it to a folder you can write "
        "to and open that copy (agencydesk --db COPY)."
    ),
    "desk_upgrade_not_writable": (
        "{path} needs an upgrade to this version of agencydesk, but it cannot be written: {why}. "
        "Copy it to a folder you can write to and open that copy."
    ),
    # core.migrate: a file opened as the desk that is no database at all (a note, a photo)
    "not_a_database": (
        "{path} is not an agencydesk database (it is not a database file at all). agencydesk "
        "leaves it as it is; choose another file."
    ),
    # core.migrate: another program's SQLite database opened as the desk
    "foreign_database": (
        "{path} is not an agencydesk database: it holds another program's tables. agencydesk "
        "leaves it as it is; choose another file."
    ),
    # core.files: a file for the user (hours as CSV) could not be written whole
    "file_not_written": (
        "{path} could not be written: {why}. Nothing was saved; free some space or choose "
        "another folder."
    ),
    # core.errors.user_error_for: what the environment did to a write (any service)
    "database_busy": (
        "The database is busy: another agencydesk is writing to it. Try again in a moment."
    ),
    "disk_full": (
        "The disk is full: nothing was saved. Free some space on the disk that holds the "
        "database (old exports, downloads, the trash), then try again."
    ),
    "read_only": (
        "The database cannot be written: its file or folder is read-only (a read-only disk, or "
        "permissions). Nothing was saved. Copy it to a folder you can write to and open that "
        "copy (agencydesk --db COPY)."
    ),
    "damaged": (
        "The database is damaged (SQLite cannot read it). Nothing was saved. Restore a backup "
        "from the backups folder beside it (File ▸ Restore from backup…), or copy the newest one "
        "over it with agencydesk closed."
    ),
    # core.migrate: a desk file cut off or overwritten (SQLite's words in {sqlite}), with or
    # without a good backup to copy over it
    "desk_cut_off": (
        "{path} is damaged: it is cut off or overwritten (SQLite says: {sqlite}). Restore the "
        "newest good backup: copy {backup} over it with agencydesk closed (or File ▸ Restore "
        "from backup…)."
    ),
    "desk_cut_off_no_backup": (
        "{path} is damaged: it is cut off or overwritten (SQLite says: {sqlite}). There is no "
        "good backup of it in {folder}: keep the damaged file, and copy out what you still can "
        "(a report, the chats you imported)."
    ),
    # core.backup.check_database: a desk that fails its check ({problem}: SQLite's words), its
    # damaged copy kept apart or not, with or without a good backup to restore
    "desk_damaged": (
        "The database {path} is damaged (SQLite's check says: {problem}). Restore the newest "
        "good backup, {name} (File ▸ Restore from backup…, or copy {backup} over {path} with "
        "agencydesk closed)."
    ),
    "desk_damaged_kept_apart": (
        "The database {path} is damaged (SQLite's check says: {problem}). Its copy is kept "
        "apart as {apart}. Restore the newest good backup, {name} (File ▸ Restore from backup…, "
        "or copy {backup} over {path} with agencydesk closed)."
    ),
    "desk_damaged_no_backup": (
        "The database {path} is damaged (SQLite's check says: {problem}). There is no good "
        "backup to restore: copy out what you still can (a report, the chats you imported) and "
        "keep the damaged file."
    ),
    "desk_damaged_kept_apart_no_backup": (
        "The database {path} is damaged (SQLite's check says: {problem}). Its copy is kept "
        "apart as {apart}. There is no good backup to restore: copy out what you still can (a "
        "report, the chats you imported) and keep the damaged file."
    ),
    # core.migrate: an upgrade that failed (a bug: {error} is its exception's name), with the
    # backup made just before it or none (a new desk, a server's)
    "upgrade_failed": (
        "Upgrading the database {database} to this version of agencydesk failed ({error}); it "
        "was left exactly as it was (an upgrade is all or nothing). Keep using the previous "
        "version of agencydesk with it, and send the log to the developers."
    ),
    "upgrade_failed_backup": (
        "Upgrading the database {database} to this version of agencydesk failed ({error}); it "
        "was left exactly as it was (an upgrade is all or nothing). A backup made just before "
        "is {backup}. Keep using the previous version of agencydesk with it, and send the log "
        "to the developers."
    ),
    # core.edits.get_row and the services: a row deleted meanwhile (in another window, on
    # another desk of the team)
    "gone_client": "That client no longer exists. It may have been deleted.",
    "gone_ticket": "That ticket no longer exists. It may have been deleted.",
    # core.trash, core.tickets: all the tickets listed were chosen, and the list changed
    # before they were deleted or took a status
    "listed_changed_delete": (
        "The list changed while you were choosing: a ticket was opened, closed or changed "
        "meanwhile. None was deleted; look at the list again and choose once more."
    ),
    "listed_changed_status": (
        "The list changed while you were choosing: a ticket was opened, closed or changed "
        "meanwhile. No status was changed; look at the list again and choose once more."
    ),
    "gone_order": "That order no longer exists. It may have been deleted.",
    "gone_guide": "That guide no longer exists. It may have been deleted.",
    "gone_login": "That login no longer exists. It may have been deleted.",
    "gone_receipt": "That receipt no longer exists.",
    "gone_saved_reply": "That saved reply no longer exists. It may have been deleted.",
    "gone_follow_up": "That follow-up no longer exists. It may have been deleted.",
    "gone_time_entry": "That time entry no longer exists. It may have been deleted.",
    # core.trash: a client's ticket or order restored while the client is in the trash
    "restore_client_first": ("Its client, {name}, is in the trash too: restore the client first."),
    # core.credentials: a login whose password the keyring no longer holds
    "password_not_in_keyring": (
        "The password for “{label}” is not in the keyring any more (it may have been removed "
        "there, or this database came from another computer). Edit the login and type the "
        "password again."
    ),
    # core.backup: a backup that cannot be made, or a file that cannot be restored
    "backup_not_made": (
        "Could not make a backup in {folder}: {why}. Nothing was changed. Free some space on its "
        "disk, or make {folder} a folder you may write to, then try again."
    ),
    "backup_names_taken": "Could not make a backup in {folder}: too many backups this second.",
    "not_a_backup": "{name} is not an agencydesk backup ({why}).",
    "damaged_backup": "{name} is damaged or is not an agencydesk backup.",
    "newer_backup": (
        "{name} was made by a newer version of agencydesk (schema {schema}); nothing was "
        "restored. Update agencydesk, then restore it."
    ),
    # core.demo: demo data asked for a desk that has clients
    "demo_needs_empty_desk": (
        "This database already has clients. Demo data only goes into an empty database, so "
        "nothing of yours gets mixed up with it."
    ),
    # core.follow_ups: put off on this desk, marked done on another meanwhile
    "follow_up_done_meanwhile": "That follow-up was marked done meanwhile.",
    # core.time_entries: an entry whose timer runs, and one whose ticket went meanwhile
    "stop_the_timer_first": "Stop the timer first: its minutes are still counting.",
    "entry_ticket_gone": "Its ticket was deleted meanwhile: the time entry cannot come back.",
    # core.retry: a team server that stayed away while a save was tried again
    "server_unreachable": (
        "The server could not be reached, so nothing was saved. What you typed is still in the "
        "form: save again once the server is back."
    ),
    # core.client_merge
    "merge_with_self": "A client cannot be merged with themselves: choose another client.",
    # core.chat_import.media: the media of an export with media
    "media_not_moved": (
        "The messages were saved, but their media files could not be moved to “{folder}” "
        "({why}); they are in “{staging}”."
    ),
    "media_not_stored": (
        "The media files could not be stored in “{folder}” ({why}). Nothing was saved. Free some "
        "space on the disk or check the folder's permissions, then try again."
    ),
    # the importer's own words (English) for a zip member it could not read
    "media_unreadable": "{problem}. Nothing was saved.",
    # core.chat_import.targets: the ticket chosen to receive the chat, deleted meanwhile
    "import_ticket_gone": "That ticket does not exist (any more) or belongs to another client.",
    # core.chat_import: an import that raced with another write of the same messages
    "import_repeated": (
        "Some of these messages were saved while this import ran, so nothing was saved. Import "
        "the chat again: only what is still new is added."
    ),
    "import_changed_meanwhile": (
        "Another desk imported or changed these messages while this import ran, so nothing was "
        "saved. Import the chat again: only what is still new is added."
    ),
    "import_lost_midway": (
        "The connection to the server was lost during the import, so nothing was saved. Import "
        "the chat again once the server can be reached."
    ),
    # core.edits.check_belongs: a ticket or an order deleted or moved meanwhile (on another
    # desk of the team), named by a follow-up or a guide sent
    "ticket_not_the_clients": "That ticket does not belong to this client.",
    "order_not_the_clients": "That order does not belong to this client.",
    # core.db: a desk file whose folder cannot be made: a file is in the way
    "desk_folder_is_a_file": (
        "{path} cannot be made: {blocking} is a file, not a folder. Give a database file in a "
        "folder."
    ),
    # core.trash: a row restored or emptied from the trash that is no longer there (restored
    # or emptied meanwhile, in another window or on another desk of the team)
    "not_in_trash_client": "There is no client #{number} in the trash.",
    "not_in_trash_ticket": "There is no ticket #{number} in the trash.",
    "not_in_trash_guide": "There is no guide #{number} in the trash.",
    "not_in_trash_order": "There is no order #{number} in the trash.",
    # reports: Qt's PDF writer could not open the file (its folder gone meanwhile)
    "report_not_written": "The report cannot be written to {folder}.",
    "receipt_not_written": "The receipt cannot be written to {folder}.",
    # core.server_export: a snapshot of a team desk (File ▸ Back up now, and before a restore)
    "snapshot_nothing_to_export": "{server} holds no desk yet: there is nothing to export.",
    "snapshot_server_outdated": (
        "{server} has an older schema ({schema}) than this agencydesk ({head}). Upgrade it first "
        "with agencydesk server init (as the database's owner), then export."
    ),
    "snapshot_exists": ("{path} is there already; choose a new file name (it is not overwritten)."),
    "snapshot_no_folder": "There is no folder {folder} to write the snapshot into.",
    "snapshot_folder_not_writable": (
        "The snapshot cannot be written in {folder}: {why}. Nothing was written; choose a "
        "folder you may write to."
    ),
    "snapshot_broken_references": (
        "The snapshot of {server} has rows naming rows that are not there ({count}); it was not "
        "written. Send the log to the developers."
    ),
    "snapshot_disk_full": (
        "The disk that holds {folder} is full: the snapshot was not written. Free some space on "
        "it, or choose a folder on another disk."
    ),
    # core.server_move.restore_snapshot: the file chosen to restore (File ▸ Restore a snapshot…)
    "not_a_snapshot": "{path} is not an agencydesk snapshot (no desk in it).",
    "snapshot_other_version": (
        "{path} was written by another version of agencydesk (schema {schema}). Open it once in "
        "the solo app (agencydesk --db FILE), which brings it up to date, then restore it."
    ),
    # core.server_move: a row PostgreSQL does not take ({problem}: its words), named by its key
    # ({columns}: the key's columns, {key}: its values), or by its place in the table's order
    # ({line}: counted from 1), or not at all
    "row_not_stored": (
        "A row of {table} cannot be stored on the server: {problem}. Nothing was copied; "
        "correct that row in the solo desk and try again."
    ),
    "row_not_stored_key": (
        "A row of {table} ({columns} {key}) cannot be stored on the server: {problem}. Nothing "
        "was copied; correct that row in the solo desk and try again."
    ),
    "row_not_stored_line": (
        "A row of {table} (row {line} in {columns} order) cannot be stored on the server: "
        "{problem}. Nothing was copied; correct that row in the solo desk and try again."
    ),
    # core.server_tables.compare: a copy (a restore, a snapshot) that came out unlike the desk
    "copy_rows_differ": (
        "The copy of {table} has {copied} rows where the desk has {rows}; nothing was copied."
    ),
    "copy_contents_differ": (
        "The copy of {table} differs from the desk (same {rows} rows, other contents); nothing "
        "was copied. Send the log to the developers."
    ),
}


DATABASE_BUSY = SENTENCES["database_busy"]
DISK_FULL = SENTENCES["disk_full"]
READ_ONLY = SENTENCES["read_only"]
DAMAGED = SENTENCES["damaged"]

# SQLite's primary result codes (the low byte of its extended codes) that are not bugs, and the
# kind of sentence each is
_SQLITE_SENTENCES = {
    5: "database_busy",  # SQLITE_BUSY: someone else holds the lock
    6: "database_busy",  # SQLITE_LOCKED
    8: "read_only",  # SQLITE_READONLY
    11: "damaged",  # SQLITE_CORRUPT
    13: "disk_full",  # SQLITE_FULL
    26: "damaged",  # SQLITE_NOTADB
}
_ERRNO_SENTENCES = {
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
    errno.EROFS: "read_only",
}


def user_error_for(exc: BaseException) -> UserError | None:
    """The plain sentence for an environment problem that arrives as a library's error (the
    database locked longer than the busy timeout, a full or read-only disk, a damaged file), or
    None: then it is a bug."""
    cause = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the driver's error
    code = getattr(cause, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _SQLITE_SENTENCES:
        return SaidError(_SQLITE_SENTENCES[code & 0xFF])
    if isinstance(cause, OSError) and cause.errno in _ERRNO_SENTENCES:
        return SaidError(_ERRNO_SENTENCES[cause.errno])
    from agencydesk.core.pg_errors import connect_sentence

    sentence = connect_sentence(exc)  # a team server that cannot be reached
    return None if sentence is None else UserError(sentence)


#: why a file cannot be written ({why} of a sentence), when it is not the system's own words
ON_READ_ONLY_DISK = "it is on a read-only disk"
READ_ONLY_PERMISSIONS = "its file or folder is read-only (permissions)"


def why_not_writable(path: Path) -> str | None:
    """Why the database *path* (or, when it does not exist yet, its folder) cannot be written,
    or None when it can. SQLite writes beside the file too (-wal, -shm), so the folder counts."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK)):
        return None
    if os.name == "posix" and os.statvfs(folder).f_flag & os.ST_RDONLY:
        return ON_READ_ONLY_DISK
    return READ_ONLY_PERMISSIONS


class ValidationError(UserError):
    """Field-level problems in something the user typed.

    `errors` maps a field name to an error code (e.g. ``"name_required"``); the GUI turns codes into
    translated sentences next to the fields, the CLI prints the English text from `ERROR_TEXT`.
    """

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        text = "; ".join(f"{field}: {ERROR_TEXT.get(code, code)}" for field, code in errors.items())
        super().__init__(text)


ERROR_TEXT: dict[str, str] = {
    "name_required": "Please enter the client's name.",
    "too_long": "This is too long.",
    "email_invalid": "This does not look like an email address (name@example.com).",
    "website_invalid": "This does not look like a web address (katering-ratna.id).",
    "phone_invalid": "A phone number has digits, and may start with + (e.g. +62 812 3456 7890).",
    "tech_comfort_range": "Choose a level from 1 (needs a lot of help) to 5 (very comfortable).",
    "channel_unknown": "Choose one of the listed channels.",
    "first_contact_future": "The first contact cannot be in the future.",
    "introduced_by_self": "A client cannot introduce themselves.",
    "introduced_by_missing": "That client does not exist (any more).",
    "introduced_by_cycle": (
        "A client cannot be introduced by someone they introduced (directly or through others)."
    ),
    "introduced_on_future": "The day of the introduction cannot be in the future.",
    "introduction_message_missing": "That message is not in this client's or the referrer's chat.",
    "notes_over_limit": (
        "Notes can hold up to 20,000 characters. Keep long documents in a file and write in the "
        "notes where it is."
    ),
    "caution_note_over_limit": "A caution note can hold up to 1,000 characters: keep it short.",
    # client logins (core.credentials)
    "label_required": "Please give the login a label (e.g. cPanel, WordPress admin).",
    "label_taken": "This client already has a login with this label.",
    "secret_required": "Please enter the password.",
    # people of a team desk (core.people)
    "name_taken": "Someone of this desk already has this name: choose them instead.",
    "person_unknown": "That person is not (or no longer) on this desk.",
    "colour_unknown": "A colour is written #rrggbb (e.g. #1f7a8c).",
}
