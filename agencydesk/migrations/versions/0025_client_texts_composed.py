"""Clients written before their texts were composed (NFC) and before emoji stopped counting as
name words: their texts composed, and their keys as `agencydesk.core.names` makes them.

Since then every write stores a client's texts composed ("é" one character, however it was typed
or pasted) and her keys from them, but the clients already there kept theirs: "Jose\u0301"
(decomposed, as macOS and some phones paste it) was not found by "José" on a team server, and
"⭐ Ibu Ratna" kept sorting under ⭐ until she was edited. The keys are derived data: like 0007,
this fills them with the code of the day, so they match what every later write stores.
Only the rows that change are written; on SQLite the search triggers follow the new texts.
"""

import unicodedata

import sqlalchemy as sa
from alembic import op

from agencydesk.core.names import name_key, phone_digits

revision = "0025"
down_revision = "0024"

#: the client's texts that every write composes (`clients._clean`)
TEXTS = ("name", "company", "phone", "email", "city", "tags", "caution_note", "notes", "website")
_AT_ONCE = 1_000


def upgrade() -> None:
    bind = op.get_bind()
    client = sa.table(
        "client",
        sa.column("id", sa.Integer),
        *(sa.column(name, sa.String) for name in (*TEXTS, "sort_name", "phone_key")),
    )
    changed = []
    for row in bind.execute(sa.select(client)).mappings():
        texts = {name: unicodedata.normalize("NFC", row[name] or "") for name in TEXTS}
        keys = {
            "sort_name": name_key(texts["name"])[:120],
            "phone_key": phone_digits(texts["phone"])[:40],
        }
        new = {**texts, **keys}
        if any(new[name] != (row[name] or "") for name in new):
            changed.append({"row_id": row["id"], **{f"new_{name}": v for name, v in new.items()}})
    update = (
        client.update()
        .where(client.c.id == sa.bindparam("row_id"))
        .values({name: sa.bindparam(f"new_{name}") for name in (*TEXTS, "sort_name", "phone_key")})
    )
    for start in range(0, len(changed), _AT_ONCE):
        bind.execute(update, changed[start : start + _AT_ONCE])


def downgrade() -> None:
    """Nothing to undo: composed texts and today's keys are what the older code writes too."""
