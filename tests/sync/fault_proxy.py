"""A loopback TCP proxy for sync tests: counts bytes, cuts, stalls, slices, slows, mangles."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable

from team_desktop.core.sync.connection import Connection


class FaultProxy:
    """Forwards 127.0.0.1:<port> to a server, one thread pair per connection.

    Faults (set between requests): `cut_request_after` / `cut_reply_after` close every
    connection once that many bytes in all went up / came down; `stall_reply_after` passes
    that many bytes down, then holds the rest until `heal()` (the client times out meanwhile);
    `mangle_reply(bytes) -> bytes` rewrites a whole reply; `on_reply(count)` runs after each
    reply is passed on. The line itself: `slice_size` writes in pieces of that many bytes,
    `latency` waits that many seconds before each request and reply, `bandwidth` paces both
    ways at that many bytes per second (a 2G line). `sent` and `received` count bytes on the
    wire, headers included.
    """

    def __init__(self, target_port: int):
        self.target_port = target_port
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.cut_request_after: int | None = None
        self.cut_reply_after: int | None = None
        self.stall_reply_after: int | None = None
        self.mangle_reply: Callable[[bytes], bytes] | None = None
        self.on_reply: Callable[[int], None] | None = None
        self.slice_size: int | None = None
        self.latency = 0.0
        self.bandwidth: int | None = None
        self._healed = threading.Event()
        self.sent = self.received = self.replies = 0
        self._counting = threading.Lock()
        self._stop = False
        self._open: set[socket.socket] = set()  # every socket of a connection being served
        self._threads: list[threading.Thread] = []
        self._spawn(self._accept)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def line_for(self, client) -> Connection:
        """A connection carrying `client`'s token over this line, retrying without waiting."""
        return Connection(self.url, client.connection.token, sleep=lambda _s: None)

    def heal(self) -> None:
        """Stop every fault (the line's own pace stays): stalled replies end."""
        self.cut_request_after = self.cut_reply_after = self.stall_reply_after = None
        self.mangle_reply = self.on_reply = None
        self._healed.set()
        self._healed = threading.Event()

    def _send(self, sock: socket.socket, data: bytes) -> None:
        """Pass data on as the line would: late, in slices, at its bandwidth."""
        if self.latency:
            time.sleep(self.latency)
        step = self.slice_size or len(data) or 1
        for start in range(0, len(data), step):
            piece = data[start : start + step]
            if self.bandwidth:
                # A piece arrives once the line has carried all of it: wait first, then pass it.
                time.sleep(len(piece) / self.bandwidth)
            sock.sendall(piece)

    def close(self) -> None:
        """Stop listening, end every connection and wait for the proxy's threads."""
        self._stop = True
        self.heal()
        # Closing a listening socket does not wake a thread blocked in accept(); shutting it
        # down does (Linux), so the accepting thread ends instead of outliving the test.
        try:
            self.listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.listener.close()
        with self._counting:
            sockets = list(self._open)
        _close(*sockets)
        for thread in self._threads:
            if thread is not threading.current_thread():  # closed from a hook: not itself
                thread.join(timeout=5)

    def _spawn(self, target: Callable, *args) -> threading.Thread:
        thread = threading.Thread(target=target, args=args, daemon=True)
        with self._counting:
            self._threads = [t for t in self._threads if t.is_alive()]
            self._threads.append(thread)
        thread.start()
        return thread

    def _accept(self) -> None:
        while not self._stop:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            with self._counting:
                self._open.add(client)
            self._spawn(self._serve, client)

    def _serve(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=30)
        except OSError:
            _close(client)
            return
        with self._counting:
            self._open.add(upstream)
        asked: list[bytes] = []  # the method of the request being answered (no pipelining)
        up = self._spawn(self._pump_up, client, upstream, asked)
        self._pump_down(upstream, client, asked)
        up.join(timeout=5)
        with self._counting:
            self._open.difference_update((client, upstream))

    def _pump_up(self, client: socket.socket, upstream: socket.socket, asked: list) -> None:
        try:
            while data := client.recv(65536):
                method = data.split(b" ", 1)[0]
                if (
                    method in (b"GET", b"HEAD", b"PUT", b"POST", b"DELETE")
                    and b"HTTP/1" in data[:2048]
                ):
                    asked[:] = [method]
                limit = self.cut_request_after
                if limit is not None and self.sent + len(data) > limit:
                    upstream.sendall(data[: max(limit - self.sent, 0)])
                    self.sent = max(self.sent, limit)
                    break
                self._send(upstream, data)
                self.sent += len(data)
        except OSError:
            pass
        finally:
            _close(client, upstream)

    def _pump_down(self, upstream: socket.socket, client: socket.socket, asked: list) -> None:
        """Pass replies down one at a time (keep-alive), so faults and hooks hit whole replies."""
        buffer = b""
        try:
            while True:
                reply, buffer = _read_reply(upstream, buffer, asked == [b"HEAD"])
                if reply is None:
                    return
                if self.mangle_reply is not None:
                    client.sendall(self.mangle_reply(reply))
                    return  # a mangled reply ends the connection, as a broken server would
                limit = self.cut_reply_after
                if limit is not None and self.received + len(reply) > limit:
                    client.sendall(reply[: max(limit - self.received, 0)])
                    self.received = max(self.received, limit)
                    return
                stall = self.stall_reply_after
                if stall is not None and self.received + len(reply) > stall:
                    healed = self._healed
                    client.sendall(reply[: max(stall - self.received, 0)])
                    healed.wait(timeout=60)  # hold the line; the client gives up first
                    return
                self._send(client, reply)
                self.received += len(reply)
                with self._counting:  # each connection has its thread: one number per reply
                    self.replies += 1
                    count = self.replies
                hook = self.on_reply
                if hook is not None:
                    hook(count)
        except OSError:
            pass
        finally:
            _close(client, upstream)


def _read_reply(
    sock: socket.socket, buffer: bytes, to_head: bool = False
) -> tuple[bytes | None, bytes]:
    """One HTTP reply (headers and a Content-Length body; no body `to_head`) from `buffer`
    then `sock`."""
    while b"\r\n\r\n" not in buffer:
        data = sock.recv(65536)
        if not data:
            return None, b""
        buffer += data
    head, _sep, rest = buffer.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _colon, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = 0 if to_head else int(value.strip())
    while len(rest) < length:
        data = sock.recv(65536)
        if not data:
            return None, b""
        rest += data
    return head + b"\r\n\r\n" + rest[:length], rest[length:]


def _close(*sockets: socket.socket) -> None:
    for sock in sockets:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        sock.close()
