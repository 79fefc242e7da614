"""Crash-safe TinyDB storage: one small JSON file per meeting, replaced atomically.

TinyDB's own JSONStorage truncates and rewrites the file in place, so a process killed
mid-write leaves a torn file. `AtomicJSONStorage` writes a temporary file beside the
target, fsyncs it, keeps the previous good generation as ``<name>.bak`` (a hard link, so
it costs no copy), renames the new file over the old one and fsyncs the directory.

A file that cannot be parsed is never overwritten: it is moved aside to
``<name>.corrupt-<timestamp>`` and the backup is loaded; the caller learns about it from
``recovered`` to tell the user.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

FILE_MODE = 0o600
DIR_MODE = 0o700


class StoreError(Exception):
    """A store operation failed; the message is Swedish and fit to show the user."""


class SaveError(StoreError):
    """A write failed (disk full, read-only directory...). The old file is intact."""


@dataclass
class Recovery:
    """What happened when a damaged meeting file was found and set aside."""

    bad_file: Path
    loaded_backup: bool

    def message(self) -> str:
        if self.loaded_backup:
            return (
                f"Mötesfilen var skadad och har flyttats undan till {self.bad_file}. "
                "Den senaste säkerhetskopian har lästs in i stället."
            )
        return (
            f"Mötesfilen var skadad och har flyttats undan till {self.bad_file}. "
            "Det fanns ingen säkerhetskopia att läsa in."
        )


def ensure_private_dir(path: Path) -> Path:
    """Create a directory (and parents) readable only by the user."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    try:
        os.chmod(path, DIR_MODE)
    except OSError:
        pass
    return path


def fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_file_atomic(path: Path, data: bytes, *, backup: Path | None = None) -> None:
    """Write bytes durably and atomically; the old file survives any failure.

    Used for meeting files and exported documents alike.
    """
    directory = path.parent
    tmp = directory / f".{path.name}.{os.getpid()}.tmp"
    fd = None
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
        os.close(fd)
        fd = None
        if backup is not None and path.exists():
            # Keep the previous good generation. A hard link is free; fall back to a
            # rename-free copy where links are not supported.
            try:
                backup.unlink(missing_ok=True)
                os.link(path, backup)
            except OSError:
                pass
        os.replace(tmp, path)
        fsync_dir(directory)
    except OSError as exc:
        if fd is not None:
            os.close(fd)
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise SaveError(describe_os_error(exc, path)) from exc


def describe_os_error(exc: OSError, path: Path) -> str:
    import errno

    if exc.errno == errno.ENOSPC:
        return f"Disken är full, kunde inte spara {path}. Frigör utrymme; inget har gått förlorat."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Saknar behörighet att skriva {path}."
    if exc.errno == errno.ENOENT:
        return f"Mappen för {path} finns inte."
    return f"Kunde inte skriva {path}: {exc.strerror or exc}"


def read_json_file(path: Path) -> Any:
    with open(path, "rb") as fh:
        return orjson.loads(fh.read())


class AtomicJSONStorage(Storage):
    """A TinyDB storage for one file, written atomically with a backup generation.

    Reads are served from memory after the first one: this process is the only writer
    (the store holds a lock), so re-reading the file on every TinyDB operation would only
    cost time.
    """

    def __init__(self, path: str | os.PathLike, *, create: bool = True):
        self.path = Path(path)
        self.backup_path = self.path.with_name(self.path.name + ".bak")
        self.recovered: Recovery | None = None
        self._cache: dict | None = None
        self._loaded = False
        if create:
            ensure_private_dir(self.path.parent)

    def read(self) -> dict | None:
        if not self._loaded:
            self._cache = self._load()
            self._loaded = True
        return self._cache

    def _load(self) -> dict | None:
        if not self.path.exists():
            if self.backup_path.exists():
                return self._load_backup()
            return None
        try:
            data = read_json_file(self.path)
            if not isinstance(data, dict):
                raise ValueError("not an object")
            return data
        except (orjson.JSONDecodeError, ValueError, UnicodeDecodeError):
            stamp = time.strftime("%Y%m%d-%H%M%S")
            bad = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
            n = 1
            while bad.exists():
                n += 1
                bad = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
            os.replace(self.path, bad)
            data = self._load_backup()
            self.recovered = Recovery(bad, loaded_backup=data is not None)
            if data is not None:
                # Put the recovered generation back in place so the next start is clean.
                write_file_atomic(self.path, orjson.dumps(data))
            return data

    def _load_backup(self) -> dict | None:
        try:
            data = read_json_file(self.backup_path)
        except (OSError, orjson.JSONDecodeError, UnicodeDecodeError):
            return None
        return data if isinstance(data, dict) else None

    def write(self, data: dict) -> None:
        payload = orjson.dumps(data)
        write_file_atomic(self.path, payload, backup=self.backup_path)
        self._cache = data
        self._loaded = True

    def close(self) -> None:
        pass
