"""The file backend's cache of action rows, so `motesbok actions` reads one file, not a
thousand.

Parsing every meeting file is most of the cost of the list (about 10 MB of JSON for a
thousand meetings). The file backend therefore keeps a cache of the action rows in
<data dir>/cache/: one file for open actions and one for done ones, so the usual
question ("what is open?") reads only the small one. Each meeting's entry carries the
inode, size and mtime of the meeting file it was read from; a meeting saved since
(an atomic replace: new inode) is read again and the cache rewritten. Only readers
maintain it, so a save (the autosave) costs exactly what it did without a cache.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from ..domain.action_rows import ActionRow, action_tuples, meeting_meta, rows_of_dict, rows_of_tuples
from .scan import read_for_scan
from .storage import create_temp_file, discard_temp, ensure_private_dir

if TYPE_CHECKING:
    from .store import MeetingStore

# 2: a meeting's meta carries its protocol state facts.
_CACHE_VERSION = 2
CACHE_DIR = "cache"

def scan_cached(
    store: MeetingStore, today_iso: str, *, include_done: bool, skip_id: str | None
) -> list[ActionRow]:
    """`FileBackend.action_rows`: rows of every meeting but `skip_id`, from the cache
    where the meeting file is unchanged."""
    backend = store.backend
    cache_dir = backend.data_dir / CACHE_DIR
    parts = [(cache_dir / "actions-open.json", False)]
    if include_done:
        parts.append((cache_dir / "actions-done.json", True))
    caches = [_load_cache(path) for path, _ in parts]
    fresh: list[dict] = [{} for _ in parts]
    dirty = False
    rows: list[ActionRow] = []
    for mid in backend.meeting_ids():
        if mid == skip_id:
            for old, new in zip(caches, fresh):  # keep it: the app saves it soon
                if mid in old:
                    new[mid] = old[mid]
            continue
        try:
            st = os.stat(backend.path(mid))
        except OSError:
            # Gone, or only its backup is left: read it as opening it would.
            data = read_for_scan(store, mid)
            if data is not None:
                dirty = True  # not cached: the next scan finds the repaired file
                rows.extend(rows_of_dict(mid, data, today_iso))
            continue
        stamp = [st.st_ino, st.st_size, st.st_mtime_ns]
        entries = [cache.get(mid) for cache in caches]
        if all(isinstance(e, list) and len(e) == 3 and e[0] == stamp for e in entries):
            for entry, new, (_, done) in zip(entries, fresh, parts):
                new[mid] = entry
                rows.extend(rows_of_tuples(
                    mid, entry[1], ([done, *t] for t in entry[2]), today_iso))
            continue
        data = read_for_scan(store, mid)  # a damaged file is repaired from its backup
        if data is None:
            continue  # named in store.unreadable
        dirty = True
        meta = list(meeting_meta(data))
        tuples = action_tuples(data)
        for new, (_, done) in zip(fresh, parts):
            mine = [list(t[1:]) for t in tuples if t[0] == done]
            new[mid] = [stamp, meta, mine]
            rows.extend(rows_of_tuples(mid, meta, ([done, *t] for t in mine), today_iso))
    if dirty or any(set(old) != set(new) for old, new in zip(caches, fresh)):
        for (path, _), entries in zip(parts, fresh):
            _save_cache(path, entries)
    return rows


def _load_cache(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            data = orjson.loads(fh.read())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("v") != _CACHE_VERSION:
        return {}
    entries = data.get("m")
    return entries if isinstance(entries, dict) else {}


def _save_cache(path: Path, entries: dict) -> None:
    """Replace the cache file in one step; no fsync: a lost cache is only rebuilt."""
    fd = tmp = None
    try:
        ensure_private_dir(path.parent)
        fd, tmp = create_temp_file(path)  # never through a planted symlink
        with os.fdopen(fd, "wb") as fh:
            fd = None
            fh.write(orjson.dumps({"v": _CACHE_VERSION, "m": entries}))
        os.replace(tmp, path)
    except OSError:
        discard_temp(fd, tmp)  # a lost cache is only rebuilt
