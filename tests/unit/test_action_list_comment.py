"""The printed action list's empty "Kommentar" column, read back with python-docx."""

from __future__ import annotations

from datetime import date as Date

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from hypothesis import given, settings
from hypothesis import strategies as st

from export.action_list import COLUMNS, COMMENT_COLUMN, column_widths, write_action_list
from store import Action, AgendaItem, Meeting, MeetingStore
from store.persistence.actions import query_actions

from tests.support.examples import examples

TODAY = Date(2031, 6, 1)
TWIP = 635  # EMU: the unit Word stores table widths in

# Action texts, owners and due dates of every kind: empty, long, odd characters.
texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)
actions = st.builds(
    Action,
    texts.filter(str.strip),
    owner=st.one_of(st.none(), texts),
    due=st.one_of(st.none(), st.dates(Date(2030, 1, 1), Date(2032, 12, 31)).map(str)),
    done=st.booleans(),
)


def rows_of(action_lists: list[list[Action]]):
    store = MeetingStore.in_memory()
    for n, group in enumerate(action_lists):
        store.add(Meeting("Styrelsemöte", f"2031-05-{n + 1:02d}",
                          items=[AgendaItem("Uppföljning", actions=group)]))
    return query_actions(store, status="all", today=TODAY)


def text_width(document) -> int:
    section = document.sections[-1]
    return section.page_width - section.left_margin - section.right_margin


def assert_comment_column(document) -> None:
    assert document.tables, "the list has at least one table"
    for table in document.tables:
        header = [cell.text for cell in table.rows[0].cells]
        assert header == [*COLUMNS, COMMENT_COLUMN]
        assert all(row.cells[-1].text == "" for row in table.rows[1:])
        # The other columns still carry the action: nothing moved into the comment.
        assert all(len(row.cells) == len(COLUMNS) + 1 for row in table.rows)


@pytest.mark.slow
@settings(max_examples=examples(10), deadline=None)
@given(st.lists(st.lists(actions, min_size=1, max_size=6), min_size=1, max_size=3),
       st.booleans())
def test_the_comment_column_is_last_and_empty_in_every_list(tmp_path_factory, groups, by_owner):
    rows = rows_of(groups)
    path = tmp_path_factory.mktemp("lista") / "lista.docx"
    write_action_list(rows, path, today=TODAY, group_by_owner=by_owner)
    document = docx.Document(str(path))
    assert_comment_column(document)
    assert sum(len(t.rows) - 1 for t in document.tables) == len(rows)


@pytest.mark.parametrize("comment_column", [True, False])
def test_columns_span_the_landscape_text_width(tmp_path, comment_column):
    rows = rows_of([[Action("Boka lokal", owner="Stina Berg", due="2031-06-10")]])
    path = write_action_list(rows, tmp_path / "lista.docx", today=TODAY,
                             comment_column=comment_column)
    document = docx.Document(str(path))
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape
    table = document.tables[0]
    widths = [column.width for column in table.columns]
    assert len(widths) == len(COLUMNS) + comment_column
    assert abs(sum(widths) - text_width(document)) < TWIP
    # Every cell says the same width as its grid column (Word and LibreOffice use either).
    for row in table.rows:
        assert [cell.width for cell in row.cells] == widths
    if comment_column:
        assert widths[-1] >= Mm(55)  # room for a handwritten sentence
        body_heights = [row.height for row in table.rows[1:]]
        assert all(h is not None and h >= Mm(8) for h in body_heights)
    else:
        assert [cell.text for cell in table.rows[0].cells] == list(COLUMNS)


def test_without_the_comment_column_the_rows_keep_their_height(tmp_path):
    rows = rows_of([[Action("Boka lokal")]])
    document = docx.Document(str(write_action_list(rows, tmp_path / "lista.docx",
                                                   comment_column=False)))
    row = document.tables[0].rows[1]
    assert row._tr.trPr.find(qn("w:trHeight")) is None


@given(st.integers(Mm(40), Mm(600)), st.booleans())
def test_column_widths_add_up_to_the_text_width_in_whole_twips(total, comment_column):
    widths = column_widths(total, comment_column=comment_column)
    assert len(widths) == len(COLUMNS) + comment_column
    assert all(w > 0 and w % TWIP == 0 for w in widths)
    assert total - TWIP < sum(widths) <= total
    if comment_column:
        assert widths[-1] >= min(Mm(55), total * 3 // 10) - TWIP


def test_markdown_csv_and_json_have_no_comment_column(tmp_path):
    rows = rows_of([[Action("Boka lokal")]])
    for name in ("lista.csv", "lista.md", "lista.json"):
        written = write_action_list(rows, tmp_path / name, today=TODAY)
        assert COMMENT_COLUMN not in written.read_text("utf-8-sig")
