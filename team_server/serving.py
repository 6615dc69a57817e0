"""Running uvicorn: one process, or several workers that share one listening socket."""

from __future__ import annotations

import socket

import uvicorn
from uvicorn.supervisors import Multiprocess


class TcpConfig(uvicorn.Config):
    """uvicorn's Config, with the workers' shared socket marked as TCP.

    uvicorn makes that socket with protocol 0, so asyncio never set TCP_NODELAY on the
    connections the workers accepted: the body of every reply waited 40 ms behind its headers
    (Nagle's algorithm against the client's delayed ACK).
    """

    def bind_socket(self) -> socket.socket:
        sock = super().bind_socket()
        tcp = socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
        tcp.set_inheritable(True)
        return tcp


def run(config: uvicorn.Config) -> None:
    """Serve until stopped, as `uvicorn.run` does without reload."""
    if config.workers > 1:
        Multiprocess(config, sockets=[config.bind_socket()]).run()
    else:
        uvicorn.Server(config).run()
