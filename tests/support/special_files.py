"""A corpus of special files (devices, FIFOs, directories, sockets, links to them)."""

from __future__ import annotations

import os
import socket
from pathlib import Path


SPECIAL_KINDS = ["dev-zero", "dev-urandom", "fifo", "directory", "socket",
                 "link-to-dev-zero", "link-to-fifo"]


def special_path(kind: str, where: Path) -> Path:
    """One special file of the corpus, made under `where` (devices are the real ones)."""
    where.mkdir(parents=True, exist_ok=True)
    if kind == "dev-zero":
        return Path("/dev/zero")
    if kind == "dev-urandom":
        return Path("/dev/urandom")
    if kind == "fifo":
        path = where / "ingen-skriver.txt"
        os.mkfifo(path)
        return path
    if kind == "directory":
        path = where / "mapp.json"
        path.mkdir()
        return path
    if kind == "socket":
        path = where / "s.sock"
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.bind(str(path))  # the socket file stays after the object is gone
        sock.close()
        return path
    if kind.startswith("link-to-"):
        target = special_path(kind.removeprefix("link-to-"), where / "mål")
        path = where / "länk.docx"
        path.symlink_to(target)
        return path
    raise AssertionError(kind)
