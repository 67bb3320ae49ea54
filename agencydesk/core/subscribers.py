"""A list of callbacks that threads may add to, remove from and read at once."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Subscribers(Generic[T]):
    """Callbacks (or whatever a caller keeps per subscriber), guarded by a lock of their own."""

    def __init__(self) -> None:
        self._items: list[T] = []
        self._lock = threading.Lock()

    def add(self, item: T) -> Callable[[], None]:
        """Add *item*. Returns a function that removes it again (once; later calls do nothing)."""
        with self._lock:
            self._items.append(item)

        def remove() -> None:
            with self._lock:
                if item in self._items:
                    self._items.remove(item)

        return remove

    def snapshot(self) -> list[T]:
        """The items now, as a copy: call them outside the lock (a callback may add or remove)."""
        with self._lock:
            return list(self._items)
