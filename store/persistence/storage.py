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

import errno
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

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
    """What happened when a damaged (or missing) meeting file was found.

    `bad_file` is where the damaged file now lies (moved aside), or None when it was
    missing; `moved` is False when a read-only reader left it in place for the writer.
    """

    bad_file: Path | None
    loaded_backup: bool
    moved: bool = True
    path: Path | None = None  # the meeting file itself

    def message(self) -> str:
        if self.bad_file is None:
            head = f"Mötesfilen {self.path} saknades."
        elif self.moved:
            head = (
                f"Mötesfilen var skadad och har flyttats undan till {self.bad_file} "
                "(den har inte raderats)."
            )
        else:
            head = (
                f"Mötesfilen {self.bad_file} är skadad. Den flyttas undan när mötet "
                "öppnas för redigering."
            )
        if self.loaded_backup:
            return head + " Den senaste säkerhetskopian har lästs in i stället."
        if self._backup_exists():
            return head + " Säkerhetskopian gick inte heller att läsa."
        return head + " Det fanns ingen säkerhetskopia att läsa in."

    def failure(self, meeting_id: str) -> str:
        """One sentence for a meeting that could not be read at all (no usable backup)."""
        if self.bad_file is None:
            what = "mötesfilen saknas"
        elif self.moved:
            what = (f"filen är skadad och har flyttats undan till {self.bad_file} "
                    "(den har inte raderats)")
        else:
            what = f"filen {self.bad_file} är skadad (den ligger kvar orörd)"
        backup = ("säkerhetskopian gick inte heller att läsa" if self._backup_exists()
                  else "det finns ingen säkerhetskopia")
        return f"Mötet {meeting_id} kunde inte läsas: {what}, och {backup}."

    def _backup_exists(self) -> bool:
        main_file = self.path or self.bad_file
        if main_file is None:
            return False
        if self.path is None:  # only the aside name is known: strip its suffix
            main_file = main_file.with_name(main_file.name.split(".corrupt-")[0])
        return main_file.with_name(main_file.name + ".bak").exists()


def ensure_private_dir(path: Path) -> Path:
    """Create a directory (and missing parents) readable only by the user.

    Directories we create are 0700 whatever the umask; an existing directory the user
    pointed us at (say --data-dir ~/Dokument) is left as it is.
    """
    path = Path(path)
    if path.is_dir():
        return path
    missing = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    try:
        path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        for created in missing:
            os.chmod(created, DIR_MODE)
    except OSError as exc:
        raise StoreError(describe_os_error(exc, path, verb="skapa mappen")) from exc
    return path


def fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


#: Flags for every file the store creates: never through a symlink planted at the name,
#: never onto a file that is already there (O_EXCL), never inherited by a child.
_CREATE_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
)


def create_temp_file(beside: Path, mode: int = FILE_MODE) -> tuple[int, Path]:
    """A new file (private unless `mode` says otherwise) next to `beside`, named
    ``.<name>.<random>.tmp``.

    The name is unpredictable and the file is created with O_EXCL, so nothing planted
    in the directory (a symlink to a victim file, a file of another user in /tmp) is
    ever opened, written or truncated.
    """
    beside = Path(beside)
    for _ in range(100):
        # os.urandom, as secrets.token_hex uses, without importing secrets (and with it
        # hashlib and OpenSSL) into every command's start-up.
        tmp = beside.with_name(f".{beside.name}.{os.urandom(8).hex()}.tmp")
        try:
            return os.open(tmp, _CREATE_FLAGS, mode), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(beside))


def discard_temp(fd: int | None, tmp: Path | None) -> None:
    """After a failed write: close the descriptor and remove the half-written temp file."""
    if fd is not None:
        os.close(fd)
    if tmp is not None:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def write_file_atomic(path: Path, data: bytes, *, backup: Path | None = None) -> None:
    """Write bytes durably and atomically; the old file survives any failure.

    Used for meeting files and exported documents alike. The new content goes to a
    fresh temporary file that is renamed over `path`: a symlink at `path` is replaced,
    never followed, and no existing file is ever truncated.
    """
    path = Path(path)
    directory = path.parent
    fd = tmp = None
    try:
        fd, tmp = create_temp_file(path)
        _write_all(fd, data)
        os.fsync(fd)
        os.close(fd)
        fd = None
        if backup is not None:
            _keep_backup(path, backup)
        os.replace(tmp, path)
        fsync_dir(directory)
    except OSError as exc:
        discard_temp(fd, tmp)
        raise SaveError(describe_os_error(exc, path)) from exc


def _keep_backup(path: Path, backup: Path) -> None:
    """Make `backup` the generation about to be replaced.

    A hard link costs no copy and shares nothing with the new file (the new one is a new
    inode). Losing the backup must not fail the save, so errors only skip it. Whatever
    lies at `backup` (a symlink included) is unlinked, never written through.
    """
    try:
        os.unlink(backup)
    except FileNotFoundError:
        pass
    except OSError:
        return
    try:
        os.link(path, backup, follow_symlinks=False)
    except FileNotFoundError:
        pass  # the first save of a meeting: nothing to keep yet
    except OSError:
        # A file system without hard links: copy instead (slower, still correct).
        fd = tmp = None
        try:
            src = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            try:
                with os.fdopen(src, "rb", closefd=False) as fh:
                    data = fh.read()
            finally:
                os.close(src)
            fd, tmp = create_temp_file(backup)
            _write_all(fd, data)
            os.fsync(fd)
            os.close(fd)
            fd = None
            os.replace(tmp, backup)
        except OSError:
            discard_temp(fd, tmp)


def describe_os_error(exc: OSError, path: Path, *, verb: str = "spara") -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return (
            f"Disken är full, kunde inte {verb} {path}. Frigör utrymme och försök igen; "
            "inget tidigare sparat har gått förlorat."
        )
    if exc.errno == errno.EROFS:
        return f"Kunde inte {verb} {path}: filsystemet är skrivskyddat."
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"Kunde inte {verb} {path}: behörighet saknas."
    if exc.errno == errno.ENOENT:
        return f"Kunde inte {verb} {path}: mappen finns inte."
    if exc.errno == errno.EISDIR:
        return f"Kunde inte {verb} {path}: det är en mapp, ange ett filnamn."
    if exc.errno == errno.ENOTDIR:
        return f"Kunde inte {verb} {path}: en del av sökvägen är en fil, inte en mapp."
    return f"Kunde inte {verb} {path}: {exc.strerror or exc}."


def dumps_json(data: Any, option: int | None = None) -> bytes:
    """orjson.dumps that never refuses text.

    A lone surrogate (undecodable bytes from a paste or a terminal) makes orjson refuse
    the whole meeting, and then every later save would fail too. Such characters become
    U+FFFD instead; everything else is written as typed.
    """
    options = {} if option is None else {"option": option}
    try:
        return orjson.dumps(data, **options)
    except TypeError:
        return orjson.dumps(_scrub(data), **options)


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        if any("\ud800" <= ch <= "\udfff" for ch in value):
            return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in value)
        return value
    if isinstance(value, dict):
        return {_scrub(k): _scrub(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    return value


def read_json_file(path: Path) -> Any:
    with open(path, "rb") as fh:
        return orjson.loads(fh.read())


class AtomicJSONStorage(Storage):
    """A TinyDB storage for one file, written atomically with a backup generation.

    Reads are served from memory after the first one: this process is the only writer
    (the store holds a lock), so re-reading the file on every TinyDB operation would only
    cost time.

    `validate(data)` raises ValueError when parsed JSON is still not a usable database
    (a file cut short can be valid JSON); such a file counts as damaged. With
    `repair=False` (a read-only reader, who does not hold the lock) a damaged file is
    left where it is and the backup is only read.
    """

    def __init__(
        self,
        path: str | os.PathLike,
        *,
        create: bool = True,
        validate: Callable[[Any], None] | None = None,
        repair: bool = True,
    ):
        self.path = Path(path)
        self.backup_path = self.path.with_name(self.path.name + ".bak")
        self.recovered: Recovery | None = None
        self._validate = validate
        #: What `validate` returned for the data read (the store's check builds the
        #: meeting, which the store then takes rather than build it a second time).
        self.checked: Any = None
        self._repair = repair
        self._cache: dict | None = None
        self._loaded = False
        if create:
            ensure_private_dir(self.path.parent)

    def read(self) -> dict | None:
        if not self._loaded:
            self._cache = self._load()
            self._loaded = True
        return self._cache

    def _parse(self, path: Path) -> dict:
        """The file's database; ValueError when it is damaged, OSError when unreadable."""
        data = read_json_file(path)  # orjson.JSONDecodeError is a ValueError
        if not isinstance(data, dict):
            raise ValueError("not an object")
        if self._validate is not None:
            self.checked = self._validate(data)
        return data

    def _load(self) -> dict | None:
        try:
            return self._parse(self.path)
        except FileNotFoundError:
            if not self.backup_path.exists():
                return None  # a new meeting
            data = self._load_backup()
            self.recovered = Recovery(None, data is not None, moved=False, path=self.path)
            if data is not None and self._repair:
                write_file_atomic(self.path, dumps_json(data))
            return data
        except OSError as exc:
            raise StoreError(describe_os_error(exc, self.path, verb="läsa")) from exc
        except (ValueError, UnicodeDecodeError):
            pass
        data = self._load_backup()
        if not self._repair or data is None:
            # Without a backup the damaged file stays where it is: moved aside it would
            # vanish from every later listing, and nothing could be written in its place.
            self.recovered = Recovery(self.path, data is not None, moved=False, path=self.path)
            return data
        bad = self._aside_name()
        try:
            os.replace(self.path, bad)
            fsync_dir(self.path.parent)
        except OSError as exc:
            raise StoreError(
                f"Mötesfilen {self.path} är skadad och kunde inte flyttas undan: "
                f"{exc.strerror or exc}."
            ) from exc
        self.recovered = Recovery(bad, data is not None, path=self.path)
        if data is not None:
            # Put the recovered generation back in place so the next start is clean.
            write_file_atomic(self.path, dumps_json(data))
        return data

    def _aside_name(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        bad = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while bad.exists():
            n += 1
            bad = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
        return bad

    def _load_backup(self) -> dict | None:
        try:
            return self._parse(self.backup_path)
        except (OSError, ValueError, UnicodeDecodeError):
            return None

    def write(self, data: dict) -> None:
        try:
            payload = dumps_json(data)
        except TypeError as exc:  # a value of a kind JSON cannot hold: a bug, not the disk
            raise SaveError(
                f"Mötet kunde inte sparas i {self.path}: ett fält har ett värde som inte "
                f"går att spara ({exc}). Den senast sparade versionen finns kvar."
            ) from exc
        write_file_atomic(self.path, payload, backup=self.backup_path)
        self._cache = data
        self._loaded = True

    def close(self) -> None:
        pass
