"""A fault-injecting TCP proxy that understands just enough HTTP/1.1 to hurt one exchange.

It sits between the laptop's client and the real platform on loopback. Faults are planned per
exchange (matched by a piece of the request line) and each fires a given number of times:

- ``drop_after_commit``: forward the request, let the server answer (it has committed), then
  reset the client's connection instead of passing the answer on;
- ``reset_request_at``: forward only the first N bytes of the request (head + body), then reset
  both sides: an upload cut mid-photo;
- ``status``: answer 500/502/503 without asking the server (or after it, ``after_server``);
- ``stall``: forward the request, hold the answer longer than the client's read timeout;
- ``portal``: answer "200 OK" with a captive portal's HTML login page.

With a ``Link`` it also shapes traffic: a bandwidth shared by all connections (one direction
each way, as on a real uplink), a one-way delay per message and a round trip per new connection.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from dataclasses import dataclass, field, replace

PORTAL_PAGE = (
    b"<!DOCTYPE html><html><head><title>Wi-Fi login</title></head>"
    b"<body><h1>Welcome! Please log in to use the hotspot.</h1></body></html>"
)


@dataclass
class Fault:
    kind: str  # drop_after_commit | reset_request_at | status | stall | portal
    match: str  # a piece of the request line, e.g. "POST /open311/v2/requests.json"
    times: int = 1
    byte: int = 0  # reset_request_at: bytes of the request that get through
    status: int = 503
    after_server: bool = False
    stall_seconds: float = 3.0


class Link:
    """One direction of a shaped link: bytes leave one after another at ``rate`` bytes/s."""

    def __init__(self, bits_per_second: float, one_way_delay: float) -> None:
        self.rate = bits_per_second / 8.0
        self.delay = one_way_delay
        self._free_at = 0.0
        self._lock = threading.Lock()

    def transmit(self, size: int) -> None:
        with self._lock:
            start = max(time.monotonic(), self._free_at)
            self._free_at = start + size / self.rate
            until = self._free_at
        pause = until - time.monotonic()
        if pause > 0:
            time.sleep(pause)


class _Closed(Exception):
    """One side of a proxied connection went away."""


def _reset(sock: socket.socket) -> None:
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    sock.close()


class _Reader:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buffer = b""

    def _fill(self) -> None:
        data = self.sock.recv(65536)
        if not data:
            raise _Closed()
        self.buffer += data

    def head(self) -> bytes:
        while b"\r\n\r\n" not in self.buffer:
            self._fill()
        end = self.buffer.index(b"\r\n\r\n") + 4
        head, self.buffer = self.buffer[:end], self.buffer[end:]
        return head

    def exactly(self, size: int, sink=None) -> bytes:
        got = []
        remaining = size
        while remaining:
            if not self.buffer:
                self._fill()
            piece, self.buffer = self.buffer[:remaining], self.buffer[remaining:]
            remaining -= len(piece)
            if sink is not None:
                sink(piece)
            else:
                got.append(piece)
        return b"".join(got)

    def line(self) -> bytes:
        while b"\r\n" not in self.buffer:
            self._fill()
        end = self.buffer.index(b"\r\n") + 2
        line, self.buffer = self.buffer[:end], self.buffer[end:]
        return line


def _header(head: bytes, name: bytes) -> bytes | None:
    for line in head.split(b"\r\n")[1:]:
        key, _, value = line.partition(b":")
        if key.strip().lower() == name:
            return value.strip()
    return None


def _read_body(reader: _Reader, head: bytes, is_response: bool) -> bytes:
    length = _header(head, b"content-length")
    if length is not None:
        return reader.exactly(int(length))
    if (_header(head, b"transfer-encoding") or b"").lower() == b"chunked":
        parts = []
        while True:
            size_line = reader.line()
            parts.append(size_line)
            size = int(size_line.split(b";")[0], 16)
            parts.append(reader.exactly(size + 2))
            if size == 0:
                return b"".join(parts)
    if is_response:
        status = int(head.split(b" ", 2)[1])
        if status in (204, 304) or 100 <= status < 200:
            return b""
        chunks = [reader.buffer]
        reader.buffer = b""
        try:
            while True:
                chunks.append(reader.sock.recv(65536) or b"")
                if not chunks[-1]:
                    break
        except OSError:
            pass
        return b"".join(chunks)
    return b""


class FaultProxy:
    def __init__(self, upstream_port: int, *, up: Link | None = None, down: Link | None = None) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.up = up
        self.down = down
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self._faults: list[Fault] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._sockets: set[socket.socket] = set()
        self.fired: list[tuple[str, str]] = []  # (kind, request line) of every fault that fired
        self.exchanges = 0
        self.heads: list[str] = []  # every request head seen, for asserting what was resent

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def plan(self, *faults: Fault) -> None:
        # Copies: a fault counts down as it fires, and a schedule is planned once per database.
        with self._lock:
            self._faults.extend(replace(f) for f in faults)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def pending_faults(self) -> int:
        with self._lock:
            return sum(f.times for f in self._faults)

    def _take(self, request_line: str) -> Fault | None:
        with self._lock:
            self.exchanges += 1
            for fault in self._faults:
                if fault.times > 0 and fault.match in request_line:
                    fault.times -= 1
                    if fault.times == 0:
                        self._faults.remove(fault)
                    self.fired.append((fault.kind, request_line))
                    return fault
        return None

    def start(self) -> "FaultProxy":
        thread = threading.Thread(target=self._accept, name="fault-proxy", daemon=True)
        thread.start()
        self._threads.append(thread)
        return self

    def stop(self) -> None:
        self._stopping.set()
        try:
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() below; close() alone does not
        except OSError:
            pass
        self.listener.close()
        with self._lock:
            for sock in list(self._sockets):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()
        for thread in self._threads:
            thread.join(timeout=10)

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            with self._lock:
                self._sockets.add(client)
            thread = threading.Thread(target=self._serve, args=(client,), daemon=True)
            thread.start()
            self._threads = [t for t in self._threads if t.is_alive()] + [thread]

    def _send(self, sock: socket.socket, data: bytes, link: Link | None, first: bool) -> None:
        if link is None:
            sock.sendall(data)
            return
        if first:
            time.sleep(link.delay)
        for i in range(0, len(data), 16384):
            piece = data[i:i + 16384]
            link.transmit(len(piece))
            sock.sendall(piece)

    def _serve(self, client: socket.socket) -> None:
        upstream: socket.socket | None = None
        reader = _Reader(client)
        try:
            while not self._stopping.is_set():
                try:
                    head = reader.head()
                except (_Closed, OSError):
                    return
                request_line = head.split(b"\r\n", 1)[0].decode("latin-1")
                with self._lock:
                    self.heads.append(head.decode("latin-1"))
                fault = self._take(request_line)
                if fault and fault.kind == "portal":
                    _read_body(reader, head, False)
                    client.sendall(
                        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                        b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(PORTAL_PAGE), PORTAL_PAGE)
                    )
                    return
                if fault and fault.kind == "status" and not fault.after_server:
                    _read_body(reader, head, False)
                    client.sendall(self._status_answer(fault.status))
                    return
                if upstream is None:
                    if self.up is not None:
                        time.sleep(2 * self.up.delay)  # the TCP handshake's round trip
                    upstream = socket.create_connection(self.upstream)
                    with self._lock:
                        self._sockets.add(upstream)
                length = int(_header(head, b"content-length") or 0)
                if fault and fault.kind == "reset_request_at":
                    through = max(0, fault.byte)
                    self._send(upstream, head[:through], self.up, True)
                    budget = through - len(head)
                    if budget > 0:
                        upstream.sendall(reader.exactly(min(budget, length)))
                    time.sleep(0.2)  # let the server read what got through before the cut
                    _reset(upstream)
                    _reset(client)
                    return
                self._send(upstream, head, self.up, True)
                if length:
                    reader.exactly(length, sink=lambda piece: self._send(upstream, piece, self.up, False))
                up_reader = _Reader(upstream)
                answer_head = up_reader.head()
                answer = answer_head + _read_body(up_reader, answer_head, True)
                if fault and fault.kind == "drop_after_commit":
                    _reset(client)
                    return
                if fault and fault.kind == "stall":
                    self._stopping.wait(fault.stall_seconds)
                    _reset(client)
                    return
                if fault and fault.kind == "status":
                    client.sendall(self._status_answer(fault.status))
                    return
                self._send(client, answer, self.down, True)
                if (_header(answer_head, b"connection") or b"").lower() == b"close":
                    return
        except (_Closed, OSError):
            return
        finally:
            for sock in (client, upstream):
                if sock is not None:
                    with self._lock:
                        self._sockets.discard(sock)
                    try:
                        sock.close()
                    except OSError:
                        pass

    @staticmethod
    def _status_answer(status: int) -> bytes:
        reason = {500: b"Internal Server Error", 502: b"Bad Gateway", 503: b"Service Unavailable"}.get(status, b"Error")
        body = b"<html><body><h1>%d %s</h1></body></html>" % (status, reason)
        return (
            b"HTTP/1.1 %d %s\r\nContent-Type: text/html\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s"
            % (status, reason, len(body), body)
        )
