"""TinyDB's file layout for a meeting: one table, one document.

A meeting file is ``{TABLE: {str(DOC_ID): <meeting dict>}}``. Only this module knows
that shape; everything else asks it for the meeting dict in a database (`meeting_of`),
for the database holding a meeting (`database_of`), or reads and writes the one
document through `read`/`write`.
"""

from __future__ import annotations

from typing import Any

from tinydb import TinyDB
from tinydb.table import Document, Table

TABLE = "meeting"
DOC_ID = 1


def meeting_of(data: Any) -> dict:
    """The meeting dict inside a database as read from its file; ValueError if the
    database holds none."""
    try:
        doc = data[TABLE][str(DOC_ID)]
    except (KeyError, TypeError):
        raise ValueError("no meeting in the file") from None
    if not isinstance(doc, dict):
        raise ValueError("no meeting in the file")
    return doc


def database_of(meeting: dict) -> dict:
    """The database holding one meeting dict, as its file stores it."""
    return {TABLE: {str(DOC_ID): meeting}}


def table_of(db: TinyDB) -> Table:
    """The meeting's table, uncached: every read goes to the storage and its checks."""
    return db.table(TABLE, cache_size=0)


def read(table: Table) -> Document | None:
    return table.get(doc_id=DOC_ID)


def write(table: Table, data: dict) -> None:
    """Replace the stored meeting with `data` (or store it, the first time)."""
    if table.contains(doc_id=DOC_ID):
        table.update(_replace_with(data), doc_ids=[DOC_ID])
    else:
        table.insert(Document(data, doc_id=DOC_ID))


def _replace_with(data: dict):
    def transform(doc: dict) -> None:
        doc.clear()
        doc.update(data)

    return transform
