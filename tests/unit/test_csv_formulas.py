"""CSV formula injection (issue 9.3): no cell a spreadsheet would run.

Every column of the CSV that carries stored text gets values starting with each
dangerous prefix (=, +, -, @, TAB, CR) followed by generated text; read back with the
csv module (as a spreadsheet would), no cell may start with such a prefix, and
dropping the one leading apostrophe gives back exactly what was stored.
"""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from export.action_list import FORMULA_PREFIXES, csv_text, spreadsheet_safe, write_action_list
from store import Action, AgendaItem, Meeting, MeetingStore
from store.persistence.actions import query_actions

from tests.support.examples import examples

PREFIXES = ["=", "+", "-", "@", "\t", "\r"]
dangerous = st.builds(
    lambda prefix, rest: prefix + rest,
    st.sampled_from(PREFIXES),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=20),
)


def test_the_prefixes_are_owasps():
    assert set(FORMULA_PREFIXES) == set(PREFIXES)


@pytest.mark.slow
@settings(max_examples=examples(60), deadline=None)
@given(title=dangerous, item=dangerous, text=dangerous, owner=dangerous, series=dangerous)
def test_no_csv_cell_starts_a_formula(title, item, text, owner, series):
    store = MeetingStore.in_memory()
    meeting = Meeting(title, "2031-01-10", series=series, items=[
        AgendaItem(item, actions=[Action(text, owner=owner)]),
    ])
    store.add(meeting)
    rows = query_actions(store, status="all")
    for data in (csv_text(rows), write_and_read(rows)):
        records = list(csv.reader(io.StringIO(data, newline="")))
        body = records[1:]
        assert len(body) == 1
        for cell in body[0]:
            assert not cell.startswith(tuple(PREFIXES)), cell
        by_name = dict(zip(records[0], body[0]))
        assert by_name["Åtgärd"] == "'" + text
        assert by_name["Ansvarig"] == "'" + owner
        assert by_name["Möte"] == "'" + title
        assert by_name["Punktens rubrik"] == "'" + item
        assert by_name["Serie"] == "'" + series


def write_and_read(rows) -> str:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = write_action_list(rows, Path(tmp) / "lista.csv")
        return path.read_bytes().decode("utf-8-sig")


@given(st.text())
def test_safe_cells_are_untouched(cell):
    if not cell.startswith(tuple(PREFIXES)):
        assert spreadsheet_safe(cell) == cell
    else:
        assert spreadsheet_safe(cell) == "'" + cell
