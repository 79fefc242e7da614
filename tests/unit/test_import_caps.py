"""JSON imports are capped like text and Word imports: too many items (at any level),
participants, actions, decisions or attachments, too deep, too long texts — each refused
with a clear message, at exactly the cap still imported."""

from __future__ import annotations

import orjson
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import main
from importers.detect import meeting_from_bytes
from store import FORMAT_ID, MeetingFormatError
from store.domain.limits import (
    MAX_ACTIONS,
    MAX_ATTACHMENTS,
    MAX_DECISIONS,
    MAX_ITEM_DEPTH,
    MAX_ITEMS,
    MAX_PARTICIPANTS,
    MAX_TEXT_CHARS,
)

from tests.support.examples import examples


def meeting(**extra) -> dict:
    data = {"format": FORMAT_ID, "title": "Styrgruppen", "date": "2031-02-12", "items": []}
    data.update(extra)
    return data


def items_spread(total: int, groups: int) -> list[dict]:
    """`total` items as `groups` top items, the rest as their sub-items."""
    groups = max(1, min(groups, total))
    tops = [{"title": f"Punkt {g}", "items": []} for g in range(groups)]
    for n in range(total - groups):
        tops[n % groups]["items"].append({"title": f"Underpunkt {n}"})
    return tops


def imported(data: dict):
    return meeting_from_bytes(orjson.dumps(data))


def refused(data: dict) -> str:
    with pytest.raises(MeetingFormatError) as caught:
        imported(data)
    return caught.value.problem + " " + caught.value.field


@pytest.mark.slow  # a long property-based run: not in make test-fast
@settings(max_examples=examples(5), deadline=None)
@given(groups=st.integers(min_value=1, max_value=MAX_ITEMS))
@example(groups=1)  # all but one item under a single top item
@example(groups=MAX_ITEMS)  # every item at the top
def test_items_at_any_level_are_counted(groups):
    assert "fler än 5000 punkter" in refused(meeting(items=items_spread(MAX_ITEMS + 1, groups)))
    assert len(imported(meeting(items=items_spread(MAX_ITEMS, groups))).all_items()) == MAX_ITEMS


def spread(kind: str, total: int) -> dict:
    """A meeting with `total` of one kind of entry, spread over ten items."""
    if kind == "participants":
        return meeting(participants=[{"name": f"Person {n}"} for n in range(total)],
                       items=[{"title": "Punkt"}])
    items = [{"title": f"Punkt {i}"} for i in range(10)]
    for n in range(total):
        item = items[n % 10]
        if kind == "actions":
            item.setdefault("actions", []).append({"text": f"Åtgärd {n}"})
        elif kind == "decisions":
            item.setdefault("decisions", []).append(f"Beslut {n}")
        else:
            item.setdefault("attachments", []).append(f"Bilaga {n}.pdf")
    return meeting(items=items)


@pytest.mark.slow
@pytest.mark.parametrize(
    "kind, cap, words",
    [
        ("participants", MAX_PARTICIPANTS, "deltagare"),
        ("actions", MAX_ACTIONS, "åtgärder"),
        ("decisions", MAX_DECISIONS, "beslut"),
        ("attachments", MAX_ATTACHMENTS, "bilagor"),
    ],
)
def test_other_entries_are_capped(kind, cap, words):
    assert f"fler än {cap} {words}" in refused(spread(kind, cap + 1))
    imported(spread(kind, cap))


@pytest.mark.slow
def test_the_reported_meeting_of_200000_items_is_refused():
    assert "så stora möten kan inte importeras" in refused(
        meeting(items=[{"title": f"P{n}"} for n in range(200_000)])
    )


def nested(depth: int) -> dict:
    item: dict = {"title": f"Nivå {depth}"}
    for level in range(depth - 1, 0, -1):
        item = {"title": f"Nivå {level}", "items": [item]}
    return meeting(items=[item])


def test_too_deep_is_refused_at_any_depth():
    imported(nested(MAX_ITEM_DEPTH))
    assert "nivåer" in refused(nested(MAX_ITEM_DEPTH + 1))
    # Deeper than the JSON parser goes: still a sentence, not "check the commas".
    raw = b'{"items":' + b'[' * 3000 + b']' * 3000 + b'}'
    with pytest.raises(MeetingFormatError, match="nästlad"):
        meeting_from_bytes(raw)


TEXT_PLACES = [
    ("title", lambda text: meeting(title=text)),
    ("place", lambda text: meeting(place=text)),
    ("participants[0].name", lambda text: meeting(participants=[{"name": text}])),
    ("items[0].title", lambda text: meeting(items=[{"title": text}])),
    ("items[0].notes", lambda text: meeting(items=[{"title": "P", "notes": text}])),
    ("items[0].decisions[0]", lambda text: meeting(items=[{"title": "P", "decisions": [text]}])),
    ("items[0].attachments[0]",
     lambda text: meeting(items=[{"title": "P", "attachments": [text]}])),
    ("items[0].actions[0].text",
     lambda text: meeting(items=[{"title": "P", "actions": [{"text": text}]}])),
    ("items[0].items[0].description",
     lambda text: meeting(items=[{"title": "P", "items": [{"title": "U", "description": text}]}])),
]


@pytest.mark.parametrize("field, build", TEXT_PLACES, ids=[f for f, _ in TEXT_PLACES])
def test_too_long_texts_are_refused_naming_the_field(field, build):
    with pytest.raises(MeetingFormatError) as caught:
        imported(build("å" * (MAX_TEXT_CHARS + 1)))
    assert caught.value.field == field
    assert "för lång" in caught.value.problem
    imported(build("å" * MAX_TEXT_CHARS))


@pytest.mark.slow
def test_cli_says_it_plainly(tmp_path, capsys):
    path = tmp_path / "stort.json"
    path.write_bytes(orjson.dumps(meeting(items=items_spread(MAX_ITEMS + 1, 3))))
    code = main.main(["import", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("Kan inte importera: filen har fler än 5000 punkter")
    assert "fältet" not in err and "Inget har importerats." in err
