"""Several workers share one listening socket: their connections still send without delay."""

from __future__ import annotations

import asyncio
import socket

from team_server.serving import TcpConfig


def test_connections_of_a_shared_socket_get_tcp_nodelay():
    config = TcpConfig("team_server.app:create_app_from_env", host="127.0.0.1", port=0, workers=2)
    listening = config.bind_socket()
    accepted: list[int] = []

    async def main() -> None:
        def remember(reader, writer) -> None:
            sock = writer.get_extra_info("socket")
            accepted.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        # As each uvicorn worker does with the socket it is handed.
        server = await asyncio.start_server(remember, sock=listening)
        port = listening.getsockname()[1]
        _reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while not accepted:
            await asyncio.sleep(0.01)
        writer.close()
        server.close()

    asyncio.run(asyncio.wait_for(main(), 10))
    # Without it, a reply's body waited 40 ms behind its headers (Nagle, delayed ACK).
    assert accepted == [1]
