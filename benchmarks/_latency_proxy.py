"""A TCP proxy that delays everything it passes by a fixed time each way: a team server that is
not in the office but a network away (a hosted PostgreSQL in Jakarta or Singapore is 20-60 ms
from Makassar or Bali, there and back).

Each direction of a connection has a reader thread, which stamps what arrives with the moment it
may leave, and a writer thread, which sends it at that moment: the delay adds to every round trip
and takes nothing from the bandwidth. Used by ``team_latency.py`` and its test.
"""

from __future__ import annotations

import contextlib
import queue
import socket
import threading
import time
from types import TracebackType

_READ = 1 << 16


class LatencyProxy:
    """Listens on 127.0.0.1 (``port``) and forwards to *target*, each way *one_way_s* later."""

    def __init__(self, target: tuple[str, int], one_way_s: float) -> None:
        self.target = target
        self.one_way_s = one_way_s
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._sockets: list[socket.socket] = []
        self._closed = threading.Event()
        threading.Thread(target=self._accept, name="latency-proxy", daemon=True).start()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _address = self._listener.accept()
            except OSError:  # closed
                return
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            for sock in (client, upstream):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                self._sockets.append(sock)
            self._pipe(client, upstream)
            self._pipe(upstream, client)

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        parcels: queue.SimpleQueue[tuple[float, bytes]] = queue.SimpleQueue()

        def read() -> None:
            while True:
                try:
                    data = source.recv(_READ)
                except OSError:
                    data = b""
                parcels.put((time.monotonic() + self.one_way_s, data))
                if not data:
                    return

        def write() -> None:
            while True:
                due, data = parcels.get()
                wait = due - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                try:
                    if not data:
                        sink.shutdown(socket.SHUT_WR)
                        return
                    sink.sendall(data)
                except OSError:
                    return

        threading.Thread(target=read, name="latency-proxy-read", daemon=True).start()
        threading.Thread(target=write, name="latency-proxy-write", daemon=True).start()

    def close(self) -> None:
        self._closed.set()
        self._listener.close()
        for sock in self._sockets:
            with contextlib.suppress(OSError):
                sock.close()

    def __enter__(self) -> LatencyProxy:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
