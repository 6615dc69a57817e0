"""Attachments through real HTTP: resumable uploads, hash checks, Range downloads, access."""

from __future__ import annotations

import hashlib
import os
import socket
from urllib.parse import urlparse

import pytest
from live_server import Account, LiveServer
from server_helpers import Device, entry_data, new_id

FILE = os.urandom(300_000)
FILE_HASH = hashlib.sha256(FILE).hexdigest()


def put(account: Account, digest: str, data: bytes, offset: int = 0, total: int | None = None):
    return account.http.put(
        f"{account.server.api}/blobs/{digest}",
        params={"offset": offset},
        data=data,
        headers={"X-Total-Size": str(len(FILE) if total is None else total)},
    )


def cut_upload(server: LiveServer, account: Account, digest: str, offset: int, data: bytes):
    """Send headers and only half of the announced body, then drop the connection."""
    address = urlparse(server.url)
    head = (
        f"PUT /api/v1/blobs/{digest}?offset={offset} HTTP/1.1\r\n"
        f"Host: {address.netloc}\r\nX-Team-Protocol: 1\r\n"
        f"Authorization: Bearer {account.token}\r\nX-Total-Size: {len(FILE)}\r\n"
        f"Content-Length: {len(data)}\r\n\r\n"
    ).encode()
    with socket.create_connection((address.hostname, address.port)) as connection:
        connection.sendall(head + data[: len(data) // 2])


@pytest.fixture(scope="module")
def uploaded(awa: Account, live_server: LiveServer) -> str:
    """FILE uploaded by Awa in two pieces, with a cut in the middle."""
    assert put(awa, FILE_HASH, FILE[:100_000]).json() == {"received": 100_000, "complete": False}
    cut_upload(live_server, awa, FILE_HASH, 100_000, FILE[100_000:])
    status = awa.get(f"/blobs/{FILE_HASH}/upload").json()
    assert status == {"received": 100_000, "complete": False}  # the cut piece left no trace
    wrong = put(awa, FILE_HASH, FILE[150_000:], offset=150_000)
    assert wrong.status_code == 409 and wrong.json()["received"] == 100_000
    done = put(awa, FILE_HASH, FILE[100_000:], offset=100_000)
    assert done.json() == {"received": len(FILE), "complete": True}
    return FILE_HASH


def test_an_uploaded_file_is_whole_and_known(awa: Account, uploaded: str):
    head = awa.http.head(f"{awa.server.api}/blobs/{uploaded}")
    assert head.status_code == 200 and int(head.headers["Content-Length"]) == len(FILE)
    assert awa.get(f"/blobs/{uploaded}/upload").json() == {"received": len(FILE), "complete": True}
    whole = awa.get(f"/blobs/{uploaded}", headers={"Accept-Encoding": "gzip"})
    assert whole.status_code == 200 and whole.content == FILE
    assert "Content-Encoding" not in whole.headers  # files travel as stored, ranges stay valid


def test_a_cut_download_resumes_with_range(awa: Account, uploaded: str):
    url = f"{awa.server.api}/blobs/{uploaded}"
    with awa.http.get(url, stream=True) as first:
        start = first.raw.read(123_457)
    rest = awa.http.get(url, headers={"Range": f"bytes={len(start)}-"})
    assert rest.status_code == 206
    assert rest.headers["Content-Range"] == f"bytes 123457-{len(FILE) - 1}/{len(FILE)}"
    assert start + rest.content == FILE
    middle = awa.http.get(url, headers={"Range": "bytes=10-19"})
    assert middle.status_code == 206 and middle.content == FILE[10:20]
    tail = awa.http.get(url, headers={"Range": "bytes=-5"})
    assert tail.content == FILE[-5:]
    beyond = awa.http.get(url, headers={"Range": f"bytes={len(FILE)}-"})
    assert beyond.status_code == 416
    assert beyond.headers["Content-Range"] == f"bytes */{len(FILE)}"


def test_a_file_that_does_not_match_its_hash_is_discarded(awa: Account):
    data = b"contenu altere en route"
    claimed = hashlib.sha256(b"autre chose").hexdigest()
    answer = put(awa, claimed, data, total=len(data))
    assert answer.status_code == 422
    assert "empreinte" in answer.json()["detail"]
    assert awa.get(f"/blobs/{claimed}/upload").json() == {"received": 0, "complete": False}
    assert awa.http.head(f"{awa.server.api}/blobs/{claimed}").status_code == 404


def test_sizes_are_announced_and_respected(awa: Account):
    digest = hashlib.sha256(b"abc").hexdigest()
    missing = awa.http.put(f"{awa.server.api}/blobs/{digest}", data=b"abc")
    assert missing.status_code == 400 and "X-Total-Size" in missing.json()["detail"]
    assert put(awa, digest, b"abcdef", total=3).status_code == 422
    huge = put(awa, digest, b"abc", total=10**12)
    assert huge.status_code == 413 and "trop volumineux" in huge.json()["detail"]
    assert put(awa, "pas-une-empreinte", b"abc", total=3).status_code == 404


def test_others_read_a_file_only_through_a_record_they_see(
    awa: Account, ben: Account, chloe: Account, group: dict, uploaded: str
):
    url = f"{awa.server.api}/blobs/{uploaded}"
    assert ben.http.get(url).status_code == 404
    entry = new_id()
    attachment = {"hash": uploaded, "name": "photo.jpg", "size": len(FILE), "mime": "image/jpeg"}
    Device(awa).push(
        "entry",
        entry,
        entry_data(visibility="group", group_id=group["id"], attachments=[attachment]),
    )
    assert ben.http.get(url).content == FILE
    assert chloe.http.get(url).status_code == 404
    # Detached from the entry, the file is Awa's alone again.
    Device(awa).push("entry", entry, entry_data(visibility="group", group_id=group["id"]), 1)
    assert ben.http.get(url).status_code == 404


def test_uploading_a_file_the_server_has_proves_possession(chloe: Account, uploaded: str):
    assert chloe.http.head(f"{chloe.server.api}/blobs/{uploaded}").status_code == 404
    assert put(chloe, uploaded, FILE).json() == {"received": len(FILE), "complete": True}
    assert chloe.http.get(f"{chloe.server.api}/blobs/{uploaded}").content == FILE


def test_a_member_may_cite_a_file_they_read_and_keeps_it(
    awa: Account, ben: Account, chloe: Account, group: dict
):
    """A file of a record Ben sees may go into his own entries (his device has it); a file he
    cannot read gives him nothing when he cites it, so he cannot learn that it exists."""
    data = os.urandom(2_000)
    digest = hashlib.sha256(data).hexdigest()
    assert put(awa, digest, data, total=len(data)).json()["complete"] is True
    attachment = {"hash": digest, "name": "fiche.pdf", "size": len(data)}
    url = f"{awa.server.api}/blobs/{digest}"
    early = Device(ben).push("entry", new_id(), entry_data(attachments=[attachment]))
    assert early["status"] == "applied" and ben.http.head(url).status_code == 404
    shared = new_id()
    Device(awa).push(
        "entry",
        shared,
        entry_data(visibility="group", group_id=group["id"], attachments=[attachment]),
    )
    assert Device(ben).push("entry", new_id(), entry_data(attachments=[attachment]))["status"] == (
        "applied"
    )
    Device(awa).push("entry", shared, entry_data(visibility="group", group_id=group["id"]), 1)
    assert ben.http.get(url).content == data
    assert chloe.http.head(url).status_code == 404
