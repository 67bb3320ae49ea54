"""The Logins tab on a team desk: one line says the passwords stay in each person's own keyring
and never go to the server, and each login says whether this computer holds its password; a solo
desk's tab is as before."""

from __future__ import annotations

import keyring
from keyring_memory import MemoryKeyring
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from agencydesk.core import clients, credentials
from agencydesk.core.db import session_scope
from agencydesk.qt.clients.client_credentials import ClientCredentialsView
from agencydesk.qt.clients.logins_here import WHERE_COLUMN


def _client_with_logins(engine: Engine) -> int:
    with session_scope(engine) as session:
        client = clients.create_client(session=session, values={"name": "Ibu Ratna"})
        assert client.id is not None
        for label in ("cPanel", "WordPress admin"):
            credentials.add_credential(
                session=session, client_id=client.id, values={"label": label}, secret="Rahasia#1"
            )
        return client.id


def _open(qtbot: QtBot, engine: Engine, client_id: int) -> ClientCredentialsView:
    view = ClientCredentialsView(engine)
    qtbot.addWidget(view)
    view.resize(720, 420)
    view.show()
    view.show_client(client_id)
    qtbot.waitUntil(lambda: view.status is not None and view.listed_client_id == client_id)
    return view


def test_a_team_desk_says_where_each_password_is(
    qtbot: QtBot, any_engine: Engine, memory_keyring: MemoryKeyring
) -> None:
    client_id = _client_with_logins(any_engine)
    # the WordPress password was saved on a colleague's computer: not in this keyring
    with session_scope(any_engine) as session:
        wordpress = credentials.find_credential(
            session=session, client_id=client_id, label="WordPress admin"
        )
        from agencydesk.core.models import Credential

        ref = session.get(Credential, wordpress.id).secret_ref  # type: ignore[union-attr]
    keyring.delete_password(credentials.SERVICE, ref)

    view = _open(qtbot, any_engine, client_id)
    team = any_engine.url.get_backend_name() != "sqlite"
    assert view.tree.isColumnHidden(WHERE_COLUMN) is not team
    if not team:
        assert "never in agencydesk's database" in view.footnote.text()
        return
    assert view.footnote.text().startswith("On a team desk each person's passwords stay in")
    assert "never go to the server" in view.footnote.text()
    qtbot.waitUntil(lambda: view.tree.topLevelItem(0).text(WHERE_COLUMN) != "")
    where = {
        view.tree.topLevelItem(i).text(0): view.tree.topLevelItem(i).text(WHERE_COLUMN)
        for i in range(view.tree.topLevelItemCount())
    }
    assert where == {"cPanel": "On this computer", "WordPress admin": "On another computer"}
