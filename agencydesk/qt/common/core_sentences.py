"""The sentences of `core.errors.SaidError` in the window's language: the core says what went
wrong (a kind and its names), the window says it in English or Indonesian, as
`qt.common.connect_problems` does for a server that cannot be reached."""

from __future__ import annotations

import errno
import os

from PySide6.QtCore import QCoreApplication

from agencydesk.core.errors import ON_READ_ONLY_DISK, READ_ONLY_PERMISSIONS, SaidError
from agencydesk.core.files import CUT_OFF


def _sentences() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "newer_schema": translate(
            "CoreSentences",
            "This database was written by a newer version of agencydesk (schema {schema}). "
            "Please update agencydesk to open it.",
        ),
        "desk_role_unprepared": translate(
            "CoreSentences",
            "The server database {database} is not prepared for agencydesk yet, and {user} may "
            "read and write a desk but not change its tables. Whoever runs the server does this "
            "once, as the database's owner: agencydesk server init "
            "postgresql+psycopg://OWNER@HOST/{database}; then connect again.",
        ),
        "desk_role_outdated": translate(
            "CoreSentences",
            "The server database {database} needs an upgrade to this version of agencydesk "
            "(schema {schema} to {head}), and {user} may read and write a desk but not change "
            "its tables. Whoever runs the server does this once, as the database's owner: "
            "agencydesk server init postgresql+psycopg://OWNER@HOST/{database}; then connect "
            "again.",
        ),
        "move_target_has_data": translate(
            "CoreSentences",
            "The server database {database} already holds a desk (rows in {held}); agencydesk "
            "moves a desk only into an empty database, so nothing was copied. Create a new "
            "database (createdb …) and prepare it with agencydesk server init, or export this "
            "one first (agencydesk server export) if it should be kept.",
        ),
        "foreign_server_database": translate(
            "CoreSentences",
            "The server database {database} is not an agencydesk desk: it holds another "
            "program's tables ({held}). agencydesk leaves it as it is. Give the address of a "
            "desk, or of an empty database made for one (createdb …).",
        ),
        "desk_unreadable": translate(
            "CoreSentences",
            "{path} cannot be read: {why}. Let your user read and write it (its permissions), or "
            "open a copy you can read.",
        ),
        "desk_is_a_folder": translate(
            "CoreSentences",
            "{path} is a folder, not a database file. Give the file itself, such as {example}.",
        ),
        "desk_not_writable": translate(
            "CoreSentences",
            "{path} cannot be written: {why}. Nothing was changed. Copy it to a folder you can "
            "write to and open that copy (agencydesk --db COPY).",
        ),
        "desk_upgrade_not_writable": translate(
            "CoreSentences",
            "{path} needs an upgrade to this version of agencydesk, but it cannot be written: "
            "{why}. Copy it to a folder you can write to and open that copy.",
        ),
        "not_a_database": translate(
            "CoreSentences",
            "{path} is not an agencydesk database (it is not a database file at all). "
            "agencydesk leaves it as it is; choose another file.",
        ),
        "foreign_database": translate(
            "CoreSentences",
            "{path} is not an agencydesk database: it holds another program's tables. "
            "agencydesk leaves it as it is; choose another file.",
        ),
        "file_not_written": translate(
            "CoreSentences",
            "{path} could not be written: {why}. Nothing was saved; free some space or choose "
            "another folder.",
        ),
        "database_busy": translate(
            "CoreSentences",
            "The database is busy: another agencydesk is writing to it. Try again in a moment.",
        ),
        "disk_full": translate(
            "CoreSentences",
            "The disk is full: nothing was saved. Free some space on the disk that holds the "
            "database (old exports, downloads, the trash), then try again.",
        ),
        "read_only": translate(
            "CoreSentences",
            "The database cannot be written: its file or folder is read-only (a read-only disk, "
            "or permissions). Nothing was saved. Copy it to a folder you can write to and open "
            "that copy (agencydesk --db COPY).",
        ),
        "damaged": translate(
            "CoreSentences",
            "The database is damaged (SQLite cannot read it). Nothing was saved. Restore a backup"
            " from the backups folder beside it (File ▸ Restore from backup…), or copy the newest"
            " one over it with agencydesk closed.",
        ),
        "desk_cut_off": translate(
            "CoreSentences",
            "{path} is damaged: it is cut off or overwritten (SQLite says: {sqlite}). Restore "
            "the newest good backup: copy {backup} over it with agencydesk closed (or File ▸ "
            "Restore from backup…).",
        ),
        "desk_cut_off_no_backup": translate(
            "CoreSentences",
            "{path} is damaged: it is cut off or overwritten (SQLite says: {sqlite}). There is "
            "no good backup of it in {folder}: keep the damaged file, and copy out what you "
            "still can (a report, the chats you imported).",
        ),
        "desk_damaged": translate(
            "CoreSentences",
            "The database {path} is damaged (SQLite's check says: {problem}). Restore the "
            "newest good backup, {name} (File ▸ Restore from backup…, or copy {backup} over "
            "{path} with agencydesk closed).",
        ),
        "desk_damaged_kept_apart": translate(
            "CoreSentences",
            "The database {path} is damaged (SQLite's check says: {problem}). Its copy is kept "
            "apart as {apart}. Restore the newest good backup, {name} (File ▸ Restore from "
            "backup…, or copy {backup} over {path} with agencydesk closed).",
        ),
        "desk_damaged_no_backup": translate(
            "CoreSentences",
            "The database {path} is damaged (SQLite's check says: {problem}). There is no good "
            "backup to restore: copy out what you still can (a report, the chats you imported) "
            "and keep the damaged file.",
        ),
        "desk_damaged_kept_apart_no_backup": translate(
            "CoreSentences",
            "The database {path} is damaged (SQLite's check says: {problem}). Its copy is kept "
            "apart as {apart}. There is no good backup to restore: copy out what you still can "
            "(a report, the chats you imported) and keep the damaged file.",
        ),
        "upgrade_failed": translate(
            "CoreSentences",
            "Upgrading the database {database} to this version of agencydesk failed ({error}); "
            "it was left exactly as it was (an upgrade is all or nothing). Keep using the "
            "previous version of agencydesk with it, and send the log to the developers.",
        ),
        "upgrade_failed_backup": translate(
            "CoreSentences",
            "Upgrading the database {database} to this version of agencydesk failed ({error}); "
            "it was left exactly as it was (an upgrade is all or nothing). A backup made just "
            "before is {backup}. Keep using the previous version of agencydesk with it, and "
            "send the log to the developers.",
        ),
        "gone_client": translate(
            "CoreSentences",
            "That client no longer exists. It may have been deleted.",
        ),
        "gone_ticket": translate(
            "CoreSentences",
            "That ticket no longer exists. It may have been deleted.",
        ),
        "listed_changed_delete": translate(
            "CoreSentences",
            "The list changed while you were choosing: a ticket was opened, closed or changed "
            "meanwhile. None was deleted; look at the list again and choose once more.",
        ),
        "listed_changed_status": translate(
            "CoreSentences",
            "The list changed while you were choosing: a ticket was opened, closed or changed "
            "meanwhile. No status was changed; look at the list again and choose once more.",
        ),
        "gone_order": translate(
            "CoreSentences",
            "That order no longer exists. It may have been deleted.",
        ),
        "gone_guide": translate(
            "CoreSentences",
            "That guide no longer exists. It may have been deleted.",
        ),
        "gone_login": translate(
            "CoreSentences",
            "That login no longer exists. It may have been deleted.",
        ),
        "gone_receipt": translate(
            "CoreSentences",
            "That receipt no longer exists.",
        ),
        "gone_saved_reply": translate(
            "CoreSentences",
            "That saved reply no longer exists. It may have been deleted.",
        ),
        "gone_follow_up": translate(
            "CoreSentences",
            "That follow-up no longer exists. It may have been deleted.",
        ),
        "gone_time_entry": translate(
            "CoreSentences",
            "That time entry no longer exists. It may have been deleted.",
        ),
        "restore_client_first": translate(
            "CoreSentences",
            "Its client, {name}, is in the trash too: restore the client first.",
        ),
        "password_not_in_keyring": translate(
            "CoreSentences",
            "The password for “{label}” is not in the keyring any more (it may have been removed "
            "there, or this database came from another computer). Edit the login and type the "
            "password again.",
        ),
        "backup_not_made": translate(
            "CoreSentences",
            "Could not make a backup in {folder}: {why}. Nothing was changed. Free some space on "
            "its disk, or make {folder} a folder you may write to, then try again.",
        ),
        "backup_names_taken": translate(
            "CoreSentences",
            "Could not make a backup in {folder}: too many backups this second.",
        ),
        "not_a_backup": translate(
            "CoreSentences",
            "{name} is not an agencydesk backup ({why}).",
        ),
        "damaged_backup": translate(
            "CoreSentences",
            "{name} is damaged or is not an agencydesk backup.",
        ),
        "newer_backup": translate(
            "CoreSentences",
            "{name} was made by a newer version of agencydesk (schema {schema}); nothing was "
            "restored. Update agencydesk, then restore it.",
        ),
        "demo_needs_empty_desk": translate(
            "CoreSentences",
            "This database already has clients. Demo data only goes into an empty database, so "
            "nothing of yours gets mixed up with it.",
        ),
        "follow_up_done_meanwhile": translate(
            "CoreSentences",
            "That follow-up was marked done meanwhile.",
        ),
        "stop_the_timer_first": translate(
            "CoreSentences",
            "Stop the timer first: its minutes are still counting.",
        ),
        "entry_ticket_gone": translate(
            "CoreSentences",
            "Its ticket was deleted meanwhile: the time entry cannot come back.",
        ),
        "server_unreachable": translate(
            "CoreSentences",
            "The server could not be reached, so nothing was saved. What you typed is still in "
            "the form: save again once the server is back.",
        ),
        "merge_with_self": translate(
            "CoreSentences",
            "A client cannot be merged with themselves: choose another client.",
        ),
        "media_not_moved": translate(
            "CoreSentences",
            "The messages were saved, but their media files could not be moved to “{folder}” "
            "({why}); they are in “{staging}”.",
        ),
        "media_not_stored": translate(
            "CoreSentences",
            "The media files could not be stored in “{folder}” ({why}). Nothing was saved. Free "
            "some space on the disk or check the folder's permissions, then try again.",
        ),
        "media_unreadable": translate(
            "CoreSentences",
            "{problem}. Nothing was saved.",
        ),
        "import_ticket_gone": translate(
            "CoreSentences",
            "That ticket does not exist (any more) or belongs to another client.",
        ),
        "import_repeated": translate(
            "CoreSentences",
            "Some of these messages were saved while this import ran, so nothing was saved. "
            "Import the chat again: only what is still new is added.",
        ),
        "import_changed_meanwhile": translate(
            "CoreSentences",
            "Another desk imported or changed these messages while this import ran, so nothing "
            "was saved. Import the chat again: only what is still new is added.",
        ),
        "import_lost_midway": translate(
            "CoreSentences",
            "The connection to the server was lost during the import, so nothing was saved. "
            "Import the chat again once the server can be reached.",
        ),
        "ticket_not_the_clients": translate(
            "CoreSentences",
            "That ticket does not belong to this client.",
        ),
        "order_not_the_clients": translate(
            "CoreSentences",
            "That order does not belong to this client.",
        ),
        "desk_folder_is_a_file": translate(
            "CoreSentences",
            "{path} cannot be made: {blocking} is a file, not a folder. Give a database file in "
            "a folder.",
        ),
        "not_in_trash_client": translate(
            "CoreSentences",
            "There is no client #{number} in the trash.",
        ),
        "not_in_trash_ticket": translate(
            "CoreSentences",
            "There is no ticket #{number} in the trash.",
        ),
        "not_in_trash_guide": translate(
            "CoreSentences",
            "There is no guide #{number} in the trash.",
        ),
        "not_in_trash_order": translate(
            "CoreSentences",
            "There is no order #{number} in the trash.",
        ),
        "report_not_written": translate(
            "CoreSentences",
            "The report cannot be written to {folder}.",
        ),
        "receipt_not_written": translate(
            "CoreSentences",
            "The receipt cannot be written to {folder}.",
        ),
        "snapshot_nothing_to_export": translate(
            "CoreSentences",
            "{server} holds no desk yet: there is nothing to export.",
        ),
        "snapshot_server_outdated": translate(
            "CoreSentences",
            "{server} has an older schema ({schema}) than this agencydesk ({head}). Upgrade it "
            "first with agencydesk server init (as the database's owner), then export.",
        ),
        "snapshot_exists": translate(
            "CoreSentences",
            "{path} is there already; choose a new file name (it is not overwritten).",
        ),
        "snapshot_no_folder": translate(
            "CoreSentences",
            "There is no folder {folder} to write the snapshot into.",
        ),
        "snapshot_folder_not_writable": translate(
            "CoreSentences",
            "The snapshot cannot be written in {folder}: {why}. Nothing was written; choose a "
            "folder you may write to.",
        ),
        "snapshot_broken_references": translate(
            "CoreSentences",
            "The snapshot of {server} has rows naming rows that are not there ({count}); it was "
            "not written. Send the log to the developers.",
        ),
        "snapshot_disk_full": translate(
            "CoreSentences",
            "The disk that holds {folder} is full: the snapshot was not written. Free some space "
            "on it, or choose a folder on another disk.",
        ),
        "not_a_snapshot": translate(
            "CoreSentences",
            "{path} is not an agencydesk snapshot (no desk in it).",
        ),
        "snapshot_other_version": translate(
            "CoreSentences",
            "{path} was written by another version of agencydesk (schema {schema}). Open it once "
            "in the solo app (agencydesk --db FILE), which brings it up to date, then restore "
            "it.",
        ),
        "row_not_stored": translate(
            "CoreSentences",
            "A row of {table} cannot be stored on the server: {problem}. Nothing was copied; "
            "correct that row in the solo desk and try again.",
        ),
        "row_not_stored_key": translate(
            "CoreSentences",
            "A row of {table} ({columns} {key}) cannot be stored on the server: {problem}. "
            "Nothing was copied; correct that row in the solo desk and try again.",
        ),
        "row_not_stored_line": translate(
            "CoreSentences",
            "A row of {table} (row {line} in {columns} order) cannot be stored on the server: "
            "{problem}. Nothing was copied; correct that row in the solo desk and try again.",
        ),
        "copy_rows_differ": translate(
            "CoreSentences",
            "The copy of {table} has {copied} rows where the desk has {rows}; nothing was copied.",
        ),
        "copy_contents_differ": translate(
            "CoreSentences",
            "The copy of {table} differs from the desk (same {rows} rows, other contents); "
            "nothing was copied. Send the log to the developers.",
        ),
    }


def user_text(exc: BaseException) -> str:
    """What the window says for a `UserError`: a `SaidError` in the window's language, any
    other in its own words."""
    if isinstance(exc, SaidError):
        sentence = _sentences().get(exc.kind)
        if sentence is not None:
            words = os_words()
            return sentence.format(**{k: words.get(v, v) for k, v in exc.values.items()})
    return str(exc)


# the operating system's reasons a file cannot be read or written that a sentence may quote
# ({why}): said in the window's language too
_OS_REASONS = (
    "ENOSPC",
    "EDQUOT",
    "EACCES",
    "EPERM",
    "EROFS",
    "ENOENT",
    "ENOTDIR",
    "EISDIR",
    "EIO",
    "EBUSY",
    "ENAMETOOLONG",
)


def os_words() -> dict[str, str]:
    """The operating system's words for the reasons above (as `OSError.strerror` has them)
    and the desk's own words inside {why}, each in the window's language."""
    translate = QCoreApplication.translate
    ours = {
        "ENOSPC": translate("OsWords", "No space left on device"),
        "EDQUOT": translate("OsWords", "Disk quota exceeded"),
        "EACCES": translate("OsWords", "Permission denied"),
        "EPERM": translate("OsWords", "Operation not permitted"),
        "EROFS": translate("OsWords", "Read-only file system"),
        "ENOENT": translate("OsWords", "No such file or directory"),
        "ENOTDIR": translate("OsWords", "Not a directory"),
        "EISDIR": translate("OsWords", "Is a directory"),
        "EIO": translate("OsWords", "Input/output error"),
        "EBUSY": translate("OsWords", "Device or resource busy"),
        "ENAMETOOLONG": translate("OsWords", "File name too long"),
    }
    words = {
        os.strerror(code): ours[name]
        for name in _OS_REASONS
        if (code := getattr(errno, name, None)) is not None
    }
    words[CUT_OFF] = translate("OsWords", "the file came out cut off")
    words[ON_READ_ONLY_DISK] = translate("OsWords", "it is on a read-only disk")
    words[READ_ONLY_PERMISSIONS] = translate(
        "OsWords", "its file or folder is read-only (permissions)"
    )
    return words
