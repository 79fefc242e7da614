"""docs/FORMAT.md cannot drift from the code: its key and column tables are read here and
compared with what the writers write and what an import demands."""

from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import Path

import orjson
import pytest

from export.action_list import CSV_COLUMNS, json_bytes
from store import Action, AgendaItem, Decision, Meeting, Participant
from store.domain.action_rows import ActionRow
from store.domain.attendance import Interval
from store.persistence.serialize import MeetingFormatError, meeting_from_dict, meeting_to_dict

DOC = Path(__file__).resolve().parents[2] / "docs" / "FORMAT.md"


def section(text: str, heading: str) -> str:
    """The text under `heading` (a whole line) up to the next heading of its level."""
    level = heading.split(" ", 1)[0]
    start = text.index(f"\n{heading}\n") + len(heading) + 2
    end = re.compile(rf"^{re.escape(level)} ", re.M).search(text, start)
    return text[start:end.start() if end else len(text)]


def table_rows(text: str) -> list[list[str]]:
    """The body rows of the first Markdown table in `text`, cells stripped."""
    rows = []
    for line in text.splitlines():
        if not line.startswith("|"):
            if rows:
                break
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if set("".join(cells)) <= set("-: "):
            continue
        rows.append(cells)
    return rows[1:]  # without the header row


def documented(part: str, subsection: str) -> list[tuple[str, list[str]]]:
    """(key, other cells) for each row of a table, the key without its backticks."""
    text = section(section(DOC.read_text(encoding="utf-8"), part), subsection)
    return [(row[0].strip("`"), row[1:]) for row in table_rows(text)]


JSON = "## The meeting file (JSON)"


def rich_meeting() -> Meeting:
    """A meeting with one of every kind of object the JSON holds."""
    participant = Participant("Per Olsson", role="Sekreterare", guest=True)
    participant.intervals = [Interval("18:40", "19:10")]
    return Meeting(
        title="Styrelsemöte", date="2031-03-18", start="18:30", actual_start="18:34",
        participants=[participant],
        items=[AgendaItem(
            "Utsättning", actions=[Action("Beställ fisk", due="2031-04-01")],
            decisions=[Decision("Görs i maj.")], attachments=["Beslut.pdf"],
            items=[AgendaItem("Platser")],
        )],
    )


def written_objects() -> dict[str, dict]:
    data = meeting_to_dict(rich_meeting())
    participant = data["participants"][0]
    item = data["items"][0]
    return {
        "### Meeting": data,
        "### Participant": participant,
        "### Presence interval": participant["presence"][0],
        "### Agenda item": item,
        "### Action": item["actions"][0],
    }


@pytest.mark.parametrize("subsection", list(written_objects()))
def test_the_documented_keys_are_the_written_keys_in_order(subsection):
    keys = [key for key, _ in documented(JSON, subsection)]
    assert keys == list(written_objects()[subsection])


def _paths(data: dict) -> dict[str, tuple[dict, str]]:
    """Per documented object: a valid dict that holds it, and how to reach it."""
    return {
        "### Meeting": data,
        "### Participant": data["participants"][0],
        "### Presence interval": data["participants"][0]["presence"][0],
        "### Agenda item": data["items"][0],
        "### Action": data["items"][0]["actions"][0],
    }


@pytest.mark.parametrize("subsection", list(written_objects()))
def test_a_key_is_documented_as_required_exactly_when_an_import_refuses_it_missing(subsection):
    for key, cells in documented(JSON, subsection):
        data = copy.deepcopy(meeting_to_dict(rich_meeting()))
        # Keys that must agree with another (the presence summary, one id per decision)
        # are left out, so that removing their partner tests only the partner.
        for derived, holder in (("present_from", "### Participant"),
                                ("present_to", "### Participant"),
                                ("decision_ids", "### Agenda item")):
            if key != derived:
                del _paths(data)[holder][derived]
        del _paths(data)[subsection][key]
        try:
            meeting_from_dict(data)
            refused = False
        except MeetingFormatError:
            refused = True
        assert cells[1].startswith("yes") == refused, f"{subsection} {key}"


def test_the_documented_csv_columns_are_the_written_ones():
    columns = [key for key, _ in documented("## The action list", "### CSV")]
    assert columns == list(CSV_COLUMNS)


def test_the_documented_action_list_json_keys_are_the_written_ones():
    row = ActionRow(
        action_id="a1", text="Beställ fisk", owner=None, due="2031-04-01", done=False,
        done_date=None, meeting_id="m1", meeting_date="2031-03-18",
        meeting_title="Styrelsemöte", series="Styrelsemöte", item_id="i1",
        item_number="1", item_title="Utsättning",
    )
    data = orjson.loads(json_bytes([row], today=date(2031, 4, 2)))
    part = "## The action list"
    json_section = section(DOC.read_text(encoding="utf-8"), part)
    json_section = section(json_section, "### JSON")
    top, rows = json_section.split("Each row:", 1)
    assert [r[0].strip("`") for r in table_rows(top)] == list(data)
    assert [r[0].strip("`") for r in table_rows(rows)] == list(data["actions"][0])


README = DOC.parents[1] / "README.md"


@pytest.mark.parametrize("where", ["README.md#How it works", "docs/FORMAT.md"])
def test_the_docs_name_modules_that_exist(where):
    """The docs name modules; moving one must move the sentence too."""
    name, _, heading = where.partition("#")
    text = (DOC.parents[1] / name).read_text(encoding="utf-8")
    if heading:
        text = section(text, f"## {heading}")
    paths = re.findall(r"`([\w/]+/[\w]+\.(?:py|md))`", text)
    assert len(paths) > 5
    root = DOC.parents[1]
    assert [p for p in paths if not (root / p).is_file()] == []


def test_the_readme_states_the_save_delay_the_autosave_uses():
    from tui.autosave import SAVE_DELAY

    text = section(README.read_text(encoding="utf-8"), "## How it works")
    stated = re.search(r"`SAVE_DELAY` \(([\d.]+) s\)", text)
    assert stated and float(stated.group(1)) == SAVE_DELAY
