"""A keyring backend for tests: secrets live in this process's memory only, never in a file.

Installed with `keyring.set_keyring(MemoryKeyring())` (the `memory_keyring` fixture), or in a child
process with ``PYTHON_KEYRING_BACKEND=keyring_memory.MemoryKeyring`` and this folder on PYTHONPATH
(each process then starts with an empty keyring). Its priority is below keyring's own `fail`
backend, so keyring never picks it by itself.

`broken` makes it behave like a locked or vanished keyring: the named operations ("set", "get",
"delete") raise keyring's own errors, as the real backends do.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError, PasswordSetError


class MemoryKeyring(KeyringBackend):
    priority = -5  # type: ignore[assignment]
    name = "memory (tests)"  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.broken: set[str] = set()

    def get_password(self, service: str, username: str) -> str | None:
        if "get" in self.broken:
            raise KeyringLocked("Failed to unlock the collection!")
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if "set" in self.broken:
            raise PasswordSetError("Failed to unlock the collection!")
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if "delete" in self.broken:
            raise PasswordDeleteError("Failed to unlock the collection!")
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("No such password!")
