"""Client logins: the description in the database, the secret in the keyring, and nothing lost or
left behind when either side fails."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import chainer, fail, null
from keyring_memory import MemoryKeyring
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from agencydesk.core import clients, credentials
from agencydesk.core.credentials import SERVICE, CredentialsUnavailable
from agencydesk.core.db import session_scope
from agencydesk.core.errors import UserError, ValidationError
from agencydesk.core.models import Credential


@pytest.fixture
def engine(any_engine: Engine) -> Engine:
    """Every test here that reads or writes a desk runs on SQLite and on PostgreSQL (the team
    desk): the behaviour is the same on both."""
    return any_engine


SECRET = "s3cret-Ratna!"


@pytest.fixture
def client_id(engine: Engine) -> int:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Ibu Ratna"})
        assert client.id is not None
        return client.id


def _add(engine: Engine, client_id: int, label: str = "cPanel", secret: str = SECRET) -> int:
    with session_scope(engine) as session:
        row = credentials.add_credential(
            session=session,
            client_id=client_id,
            values={"label": label, "url": "https://katering-ratna.id:2083", "username": "ratna"},
            secret=secret,
        )
    return row.id


def _fail_before_commit(engine: Engine, action: Callable[[Session], object]) -> None:
    """Run *action* in a transaction that then fails before its commit."""
    with session_scope(engine) as session:
        action(session)
        raise RuntimeError("a later step failed")


def _rows(engine: Engine) -> list[Credential]:
    with Session(engine) as session:
        return list(session.exec(select(Credential)).all())


def _secret(engine: Engine, credential_id: int) -> str:
    with Session(engine) as session:
        return credentials.get_secret(session=session, credential_id=credential_id)


# --- which keyrings are good enough ------------------------------------------------------------


class PlaintextKeyring(MemoryKeyring):
    """Looks like keyrings.alt's plaintext file backend (which writes passwords to a file)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def set_password(self, service: str, username: str, password: str) -> None:
        self.path.write_text(f"{service} {username} {password}")


PlaintextKeyring.__module__ = "keyrings.alt.file"


@pytest.fixture
def keyring_backend() -> Iterator[None]:
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)


def test_a_real_keyring_is_usable(memory_keyring: MemoryKeyring) -> None:
    status = credentials.keyring_status()
    assert status.usable
    assert status.backend == "memory (tests)"
    assert status.explanation == ""


def test_without_a_keyring_the_user_is_told_what_to_install(no_keyring: None) -> None:
    status = credentials.keyring_status()
    assert not status.usable
    assert status.reason == "none"
    if status.platform == "linux":
        assert "GNOME Keyring or KWallet" in status.explanation
    assert "Credential Manager" in credentials.explanation_for("none", "win32")
    assert "Keychain" in credentials.explanation_for("none", "darwin")


@pytest.mark.usefixtures("keyring_backend")
def test_null_empty_chainer_and_plaintext_backends_are_refused(
    engine: Engine, client_id: int, tmp_path: Path
) -> None:
    keyring.set_keyring(null.Keyring())
    assert credentials.keyring_status().reason == "disabled"
    empty_chain = chainer.ChainerBackend()
    if not list(empty_chain.backends):  # no Secret Service here
        keyring.set_keyring(empty_chain)
        assert credentials.keyring_status().reason == "none"
    plain_file = tmp_path / "keyring_pass.cfg"
    keyring.set_keyring(PlaintextKeyring(plain_file))
    status = credentials.keyring_status()
    assert (status.usable, status.reason) == (False, "plaintext")
    assert "plain file" in status.explanation
    with pytest.raises(CredentialsUnavailable, match="plain file"):
        _add(engine, client_id)
    assert not plain_file.exists()
    assert _rows(engine) == []


def test_no_keyring_refuses_every_secret_operation_and_writes_nothing(
    engine: Engine, client_id: int, memory_keyring: MemoryKeyring
) -> None:
    credential_id = _add(engine, client_id)
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(CredentialsUnavailable, match="keyring"):
        _add(engine, client_id, label="WordPress admin")
    with pytest.raises(CredentialsUnavailable):
        _secret(engine, credential_id)
    with pytest.raises(CredentialsUnavailable), session_scope(engine) as session:
        credentials.delete_credential(session=session, credential_id=credential_id)
    assert [row.label for row in _rows(engine)] == ["cPanel"]


# --- adding, reading, listing --------------------------------------------------------------------


def test_the_secret_goes_to_the_keyring_and_only_there(
    engine: Engine, client_id: int, memory_keyring: MemoryKeyring
) -> None:
    credential_id = _add(engine, client_id)
    (row,) = _rows(engine)
    assert memory_keyring.entries == {(SERVICE, row.secret_ref): SECRET}
    assert len(row.secret_ref) >= 32
    assert SECRET not in repr(row.model_dump())
    assert _secret(engine, credential_id) == SECRET
    with Session(engine) as session:
        (listed,) = credentials.list_credentials(session=session, client_id=client_id)
    assert (listed.label, listed.username, listed.url) == (
        "cPanel",
        "ratna",
        "https://katering-ratna.id:2083",
    )
    assert SECRET not in repr(listed)


def test_two_logins_get_different_keyring_entries(
    engine: Engine, client_id: int, memory_keyring: MemoryKeyring
) -> None:
    first = _add(engine, client_id, "cPanel", "one")
    second = _add(engine, client_id, "WordPress admin", "two")
    assert (_secret(engine, first), _secret(engine, second)) == ("one", "two")
    assert len(memory_keyring.entries) == 2
    with Session(engine) as session:
        labels = [
            r.label for r in credentials.list_credentials(session=session, client_id=client_id)
        ]
    assert labels == ["cPanel", "WordPress admin"]


@pytest.mark.parametrize(
    ("label", "secret", "field", "code"),
    [
        ("   ", SECRET, "label", "label_required"),
        ("x" * 121, SECRET, "label", "too_long"),
        ("CPANEL", SECRET, "label", "label_taken"),
        ("Domain", "", "secret", "secret_required"),
    ],
)
def test_mistakes_are_refused_before_anything_is_written(
    engine: Engine,
    client_id: int,
    memory_keyring: MemoryKeyring,
    label: str,
    secret: str,
    field: str,
    code: str,
) -> None:
    _add(engine, client_id, "cPanel")
    with pytest.raises(ValidationError) as raised:
        _add(engine, client_id, label, secret)
    assert raised.value.errors == {field: code}
    assert len(_rows(engine)) == 1
    assert len(memory_keyring.entries) == 1


def test_unknown_client_is_refused(engine: Engine, memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(UserError, match="no longer exists"):
        _add(engine, 999)
    assert memory_keyring.entries == {}


# --- failures at either end lose nothing ---------------------------------------------------------


def test_a_failed_keyring_write_leaves_no_row(
    engine: Engine, client_id: int, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.broken = {"set"}
    with pytest.raises(CredentialsUnavailable, match="Unlock your keyring"):
        _add(engine, client_id)
    assert _rows(engine) == []
    assert memory_keyring.entries == {}


def test_a_transaction_that_does_not_commit_takes_the_new_secret_back(
    engine: Engine, client_id: int, memory_keyring: MemoryKeyring
) -> None:
    def add(session: Session) -> None:
        credentials.add_credential(
            session=session, client_id=client_id, values={"label": "cPanel"}, secret=SECRET
        )
        assert len(memory_keyring.entries) == 1

    with pytest.raises(RuntimeError, match="later step"):
        _fail_before_commit(engine, add)
    assert _rows(engine) == []
    assert memory_keyring.entries == {}
    # closing a session without committing is the same
    with Session(engine) as session:
        credentials.add_credential(
            session=session, client_id=client_id, values={"label": "cPanel"}, secret=SECRET
        )
    assert _rows(engine) == []
    assert memory_keyring.entries == {}


def test_keyring_error_text_never_repeats_the_secret(
    engine: Engine, client_id: int, keyring_backend: None
) -> None:
    class Chatty(MemoryKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            raise keyring.errors.PasswordSetError(f"could not store {password!r}")

    keyring.set_keyring(Chatty())
    with pytest.raises(CredentialsUnavailable) as raised:
        _add(engine, client_id)
    assert SECRET not in str(raised.value)
    assert raised.value.__cause__ is None
    assert raised.value.__suppress_context__


def test_editing_the_description_keeps_the_secret(
    engine: Engine, client_id: int, memory_keyring: MemoryKeyring
) -> None:
    credential_id = _add(engine, client_id)
    with session_scope(engine) as session:
        row = credentials.update_credential(
            session=session,
            credential_id=credential_id,
            values={"label": "cPanel (new host)", "notes": "moved in May"},
        )
    assert (row.label, row.notes, row.username) == ("cPanel (new host)", "moved in May", "ratna")
    assert _secret(engine, credential_id) == SECRET


def test_a_new_secret_replaces_the_old_and_a_failure_keeps_both_sides(
    engine: Engine, client_id: int, memory_keyring: MemoryKeyring
) -> None:
    credential_id = _add(engine, client_id)
    memory_keyring.broken = {"set"}
    with pytest.raises(CredentialsUnavailable), session_scope(engine) as session:
        credentials.update_credential(
            session=session, credential_id=credential_id, values={"label": "X"}, secret="new"
        )
    memory_keyring.broken = set()
    assert [r.label for r in _rows(engine)] == ["cPanel"]
    assert _secret(engine, credential_id) == SECRET
    # the keyring took the new secret, then the transaction failed: the old one comes back
    with pytest.raises(RuntimeError, match="later step"):
        _fail_before_commit(
            engine,
            lambda session: credentials.update_credential(
                session=session, credential_id=credential_id, values={}, secret="new"
            ),
        )
    assert _secret(engine, credential_id) == SECRET
    with session_scope(engine) as session:
        credentials.update_credential(
            session=session, credential_id=credential_id, values={}, secret="new"
        )
    assert _secret(engine, credential_id) == "new"
    assert len(memory_keyring.entries) == 1


def test_delete_removes_the_keyring_entry_and_a_failure_keeps_the_login(
    engine: Engine, client_id: int, memory_keyring: MemoryKeyring
) -> None:
    credential_id = _add(engine, client_id)
    memory_keyring.broken = {"delete"}
    with pytest.raises(CredentialsUnavailable), session_scope(engine) as session:
        credentials.delete_credential(session=session, credential_id=credential_id)
    memory_keyring.broken = set()
    assert len(_rows(engine)) == 1
    assert _secret(engine, credential_id) == SECRET

    # deleted in the keyring, then the transaction failed: the secret is put back
    def delete(session: Session) -> None:
        credentials.delete_credential(session=session, credential_id=credential_id)
        assert memory_keyring.entries == {}

    with pytest.raises(RuntimeError, match="later step"):
        _fail_before_commit(engine, delete)
    assert _secret(engine, credential_id) == SECRET
    with session_scope(engine) as session:
        credentials.delete_credential(session=session, credential_id=credential_id)
    assert _rows(engine) == []
    assert memory_keyring.entries == {}


def test_a_secret_removed_in_the_keyring_app_is_explained(
    engine: Engine, client_id: int, memory_keyring: MemoryKeyring
) -> None:
    credential_id = _add(engine, client_id)
    memory_keyring.entries.clear()
    with pytest.raises(UserError, match="not in the keyring any more"):
        _secret(engine, credential_id)
    with session_scope(engine) as session:  # deleting such a login still works
        credentials.delete_credential(session=session, credential_id=credential_id)
    assert _rows(engine) == []


# --- clients -------------------------------------------------------------------------------------


def test_a_soft_deleted_client_keeps_its_logins_until_purged(
    engine: Engine, client_id: int, memory_keyring: MemoryKeyring
) -> None:
    credential_id = _add(engine, client_id)
    _add(engine, client_id, "Domain registrar")
    with session_scope(engine) as session:
        clients.delete_client(session=session, client_id=client_id)
    with session_scope(engine) as session:
        clients.undelete_client(session=session, client_id=client_id)
    assert _secret(engine, credential_id) == SECRET
    with session_scope(engine) as session:
        removed = credentials.delete_client_credentials(session=session, client_id=client_id)
    assert removed == 2
    assert _rows(engine) == []
    assert memory_keyring.entries == {}


def test_find_credential_by_label(
    engine: Engine, client_id: int, memory_keyring: MemoryKeyring
) -> None:
    for label in ("cPanel", "WordPress admin", "WordPress editor"):
        _add(engine, client_id, label)
    with Session(engine) as session:

        def find(label: str) -> str:
            return credentials.find_credential(
                session=session, client_id=client_id, label=label
            ).label

        assert find("cpanel") == "cPanel"
        assert find("admin") == "WordPress admin"
        with pytest.raises(UserError, match="could be several logins"):
            find("wordpress")
        with pytest.raises(UserError, match=r"no login labelled “FTP”.*cPanel"):
            find("FTP")


def test_the_ledger_lists_every_entry_made_here_and_drops_deleted_ones(
    engine: Engine, client_id: int, memory_keyring: MemoryKeyring
) -> None:
    from agencydesk.core import secret_ledger

    kept = _add(engine, client_id, "cPanel")
    gone = _add(engine, client_id, "Domain")
    refs = {c.id: c.secret_ref for c in _rows(engine)}
    assert {refs[kept], refs[gone]} <= secret_ledger.recorded()
    assert secret_ledger.ledger_path().stat().st_mode & 0o777 == 0o600
    with session_scope(engine) as session:
        credentials.delete_credential(session=session, credential_id=gone)
    assert refs[gone] not in secret_ledger.recorded()
    assert refs[kept] in secret_ledger.recorded()
    # an add that never committed: its secret is taken back, and struck off the ledger too
    before = secret_ledger.recorded()
    with pytest.raises(RuntimeError):
        _fail_before_commit(
            engine,
            lambda session: credentials.add_credential(
                session=session, client_id=client_id, values={"label": "Hosting"}, secret=SECRET
            ),
        )
    assert secret_ledger.recorded() == before
