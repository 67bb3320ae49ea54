"""Message fingerprints as 16 bytes, unique through an index a big import may build again.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04

The fingerprint was 32 hex digits with a UNIQUE constraint. It becomes the same 16 bytes
(``bytes.fromhex`` of the old text: a message imported before is still recognised) in a BLOB
(BYTEA) column, kept unique by a unique *index*: SQLite cannot drop the index of a UNIQUE
constraint, and a big chat import drops this one and builds it once after its rows (a sort,
instead of a million inserts at random places), which still refuses a repeated fingerprint.

On SQLite the table is rebuilt (a constraint cannot be dropped otherwise). With foreign keys on
(they are, inside the migration's transaction) dropping the old table empties the links to its
messages (client.introduction_message_id, client_order.message_id: ON DELETE SET NULL), so they
are kept aside and put back; its indexes and triggers (the search index's) are made again.
"""
from typing import Sequence
import re

from alembic import op

revision = '0013'
down_revision = '0012'

_CONSTRAINT = re.compile(r',\s*CONSTRAINT uq_message_fingerprint UNIQUE \(fingerprint\)')
_UNIQUE_INDEX = 'CREATE UNIQUE INDEX uq_message_fingerprint ON message (fingerprint)'


def _from_hex(value: str | bytes | None) -> bytes | None:
    """The old text fingerprint as its bytes (any other text, which no version wrote, as UTF-8)."""
    if value is None or isinstance(value, bytes):
        return value
    try:
        return bytes.fromhex(value)
    except ValueError:
        return value.encode()


def _sqlite_rebuild(table_sql: str, fingerprint_sql: str, extra: Sequence[str]) -> None:
    """Make `message` again from *table_sql*, its fingerprint copied as *fingerprint_sql*, then
    its indexes and triggers as they were, and *extra* statements."""
    sql = op.get_bind().exec_driver_sql
    indexes_and_triggers = [
        row[0]
        for row in sql(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'message' AND type IN "
            "('index', 'trigger') AND sql IS NOT NULL AND name != 'uq_message_fingerprint'"
        )
    ]
    links = [
        (table, row[3])
        for (table,) in sql("SELECT name FROM sqlite_master WHERE type = 'table'").all()
        for row in sql(f'PRAGMA foreign_key_list("{table}")').all()
        if row[2] == 'message'
    ]
    for n, (table, column) in enumerate(links):
        sql(
            f'CREATE TEMP TABLE _kept_link_{n} AS SELECT rowid AS row_id, "{column}" AS value '
            f'FROM "{table}" WHERE "{column}" IS NOT NULL'
        )
    columns = [row[1] for row in sql('PRAGMA table_info(message)').all()]
    select = ', '.join(fingerprint_sql if c == 'fingerprint' else f'"{c}"' for c in columns)
    quoted = ', '.join(f'"{c}"' for c in columns)
    sql(re.sub(r'^CREATE TABLE "?message"?', 'CREATE TABLE _message_new', table_sql))
    sql(f'INSERT INTO _message_new ({quoted}) SELECT {select} FROM message ORDER BY id')
    sql('DROP TABLE message')  # the links to its messages are emptied here: put back below
    sql('ALTER TABLE _message_new RENAME TO message')
    for statement in (*indexes_and_triggers, *extra):
        sql(statement)
    for n, (table, column) in enumerate(links):
        sql(
            f'UPDATE "{table}" SET "{column}" = (SELECT value FROM _kept_link_{n} '
            f'WHERE row_id = "{table}".rowid) WHERE rowid IN (SELECT row_id FROM _kept_link_{n})'
        )
        sql(f'DROP TABLE _kept_link_{n}')


def _table_sql() -> str:
    return str(
        op.get_bind()
        .exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'message'")
        .scalar_one()
    )


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'sqlite':
        op.execute('ALTER TABLE message DROP CONSTRAINT uq_message_fingerprint')
        op.execute(
            "ALTER TABLE message ALTER COLUMN fingerprint TYPE bytea USING (CASE WHEN "
            "fingerprint ~ '^([0-9a-fA-F]{2})+$' THEN decode(fingerprint, 'hex') "
            "ELSE convert_to(fingerprint, 'UTF8') END)"
        )
        op.execute(_UNIQUE_INDEX)
        return
    table_sql, constraints = _CONSTRAINT.subn('', _table_sql())
    table_sql, types = re.subn(r'\bfingerprint VARCHAR\(64\)', 'fingerprint BLOB', table_sql)
    if (constraints, types) != (1, 1):
        raise RuntimeError(f'unexpected schema for message: {_table_sql()!r}')
    driver = bind.connection.driver_connection
    driver.create_function('agencydesk_from_hex', 1, _from_hex, deterministic=True)
    _sqlite_rebuild(table_sql, 'agencydesk_from_hex(fingerprint)', [_UNIQUE_INDEX])


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'sqlite':
        op.execute('DROP INDEX uq_message_fingerprint')
        op.execute(
            "ALTER TABLE message ALTER COLUMN fingerprint TYPE varchar(64) "
            "USING encode(fingerprint, 'hex')"
        )
        op.execute(
            'ALTER TABLE message ADD CONSTRAINT uq_message_fingerprint UNIQUE (fingerprint)'
        )
        return
    table_sql = _table_sql()
    table_sql, types = re.subn(r'\bfingerprint BLOB', 'fingerprint VARCHAR(64)', table_sql)
    if types != 1:
        raise RuntimeError(f'unexpected schema for message: {table_sql!r}')
    table_sql = re.sub(
        r'\)\s*$', ', \n\tCONSTRAINT uq_message_fingerprint UNIQUE (fingerprint)\n)', table_sql
    )
    _sqlite_rebuild(
        table_sql, 'CASE WHEN fingerprint IS NULL THEN NULL ELSE lower(hex(fingerprint)) END', []
    )
