"""An ersättare's roster line edited in setup after live mode changed whom they serve for
(store/domain/substitute_roster.py): the line is the start of the meeting, the changes from
later §§ stay (nothing typed is lost) and count only while they make sense."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from store.domain.presence_ties import change_substitute, substitute_at
from store.domain.roster_line import RosterLine
from store.domain.serving import serving
from store.domain.substitute_roster import later_changes_text
from tests.support.examples import examples
from tests.support.protocol_live import before_the_meeting

MEMBERS = ["Mira Holm", "Olle Berg", "Siri Dahl", "Pär Nyqvist", "Lina Falk", "Jon Ström",
           "Edit Lund"]


def with_changes():
    """Kim Vall serves for Edit Lund (absent); in live mode from § 43 for nobody, from
    § 44 for Jon Ström."""
    meeting = before_the_meeting(5)
    kim = meeting.find_participant("Kim Vall")
    change_substitute(meeting, kim, "", meeting.items[2].id)
    change_substitute(meeting, kim, "Jon Ström", meeting.items[3].id)
    return meeting, kim


def edit_line(kim, **fields) -> None:
    from dataclasses import replace

    replace(RosterLine.of(kim), **fields).apply_to(kim)


def served(meeting, kim) -> list[str]:
    return [substitute_at(meeting, kim, item.id) for item in meeting.items]


def test_the_line_is_the_start_and_the_changes_stay():
    meeting, kim = with_changes()
    assert served(meeting, kim) == ["Edit Lund", "Edit Lund", "", "Jon Ström", "Jon Ström"]
    edit_line(kim, substitute_for="Lina Falk")
    assert served(meeting, kim) == ["Lina Falk", "Lina Falk", "", "Jon Ström", "Jon Ström"]
    assert len(kim.substitute_changes) == 2
    meeting.find_participant("Lina Falk").absent = True
    assert "Kim Vall" in serving(meeting, meeting.items[0]).replacing
    assert later_changes_text(meeting, kim) == (
        "Raden gäller från första §; i mötesläget: ingen från ”" + meeting.items[2].title
        + "”, för Jon Ström från ”" + meeting.items[3].title + "”.")


def test_no_longer_an_ersattare_the_changes_are_set_aside_not_lost():
    meeting, kim = with_changes()
    edit_line(kim, group="ledamot", substitute_for="")
    assert served(meeting, kim) == [""] * 5
    assert len(kim.substitute_changes) == 2
    assert "räknas inte: bara en ersättare ersätter" in later_changes_text(meeting, kim)
    edit_line(kim, group="ersättare", substitute_for="Edit Lund")  # back as it was
    assert served(meeting, kim) == ["Edit Lund", "Edit Lund", "", "Jon Ström", "Jon Ström"]


def test_a_change_naming_one_no_longer_a_ledamot_does_not_count():
    meeting, kim = with_changes()
    meeting.find_participant("Jon Ström").group = "övrig"
    assert served(meeting, kim) == ["Edit Lund", "Edit Lund", "", "", ""]
    assert "för Jon Ström från" in later_changes_text(meeting, kim)
    assert "(räknas inte: inte ledamot i listan)" in later_changes_text(meeting, kim)


def test_a_change_to_themself_or_in_the_first_paragraph_does_not_count():
    from store.domain.protocol import SubstituteChange

    meeting, kim = with_changes()
    kim.substitute_changes.append(SubstituteChange(meeting.items[4].id, "Kim Vall"))
    kim.substitute_changes.append(SubstituteChange(meeting.items[0].id, "Siri Dahl"))
    assert served(meeting, kim) == ["Edit Lund", "Edit Lund", "", "Jon Ström", "Jon Ström"]


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["ersättare", "ledamot", "övrig"]),
                          st.sampled_from(["", "Kim Vall", *MEMBERS])), min_size=1,
                max_size=6))
def test_lines_typed_in_any_order_lose_no_change(lines):
    """Whatever the line goes through (a half-typed value included), the changes are
    kept, and the line back as it was gives back what live mode recorded."""
    meeting, kim = with_changes()
    recorded = list(kim.substitute_changes)
    for group, serves_for in lines:
        edit_line(kim, group=group, substitute_for=serves_for if group == "ersättare" else "")
        assert kim.substitute_changes == recorded
        values = served(meeting, kim)
        assert values[0] == kim.substitute_for
        if group != "ersättare":
            assert values == [""] * 5
    edit_line(kim, group="ersättare", substitute_for="Edit Lund")
    assert served(meeting, kim) == ["Edit Lund", "Edit Lund", "", "Jon Ström", "Jon Ström"]
