"""Setting up a protocol: when the kind may change (store/domain/meeting_rules.py) and the
roster written one participant a line (store/domain/roster_line.py)."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from store import AgendaItem, Meeting, Participant
from store.domain import meeting_rules as rules
from store.domain.protocol import CHAIR_ROLES, DEPUTY, GROUPS, MEMBER, MINUTES, PROTOCOL
from store.domain.roster_line import (
    RosterLine,
    RosterLineError,
    format_roster_line,
    parse_roster_line,
)

NOW = datetime(2031, 3, 11, 13, 20)


def board() -> Meeting:
    return Meeting("Kulturnämnden", "2031-03-11", items=[AgendaItem("Upprop"),
                                                         AgendaItem("Bidrag")],
                   participants=[Participant("Hugo Fält", role="Ordförande",
                                             decision_maker=True),
                                 Participant("Nora Ahl", role="Justerare",
                                             decision_maker=True),
                                 Participant("Ines Rask", role="Sekreterare")])


# -- the kind -------------------------------------------------------------------


def test_kind_can_change_until_an_item_starts():
    m = board()
    assert rules.kind_can_change(m)
    rules.start_item(m.items[1], NOW)
    assert not rules.kind_can_change(m)
    with pytest.raises(ValueError, match="har börjat"):
        rules.set_kind(m, PROTOCOL)
    assert m.kind == MINUTES


def test_kind_cannot_change_once_ended_or_adjusted():
    m = board()
    m.end_meeting(NOW)
    assert not rules.kind_can_change(m)
    m.reopen()
    assert rules.kind_can_change(m)
    m.adjusted = "2031-03-14"
    assert not rules.kind_can_change(m)


def test_a_sub_item_started_counts_too():
    m = board()
    m.items[1].items.append(AgendaItem("Teater", started_at="2031-03-11T13:05:00"))
    assert not rules.kind_can_change(m)


def test_becoming_a_protocol_reads_the_roster_as_a_secretary_would():
    m = board()
    assert rules.set_kind(m, PROTOCOL) is True
    hugo, nora, ines = m.participants
    assert (hugo.group, hugo.chair, hugo.role) == (MEMBER, "ordförande", "")
    assert nora.group == MEMBER and m.adjusters == ["Nora Ahl"]
    assert (ines.group, ines.role) == ("", "Sekreterare")
    assert rules.set_kind(m, PROTOCOL) is False
    assert rules.set_kind(m, MINUTES) is True
    assert m.kind == MINUTES and hugo.chair == "ordförande"  # nothing dropped


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        rules.set_kind(board(), "referat")


# -- the roster line ------------------------------------------------------------


@pytest.mark.parametrize("line, expected", [
    ("Ann Ek (S), ledamot, ordförande, distans",
     RosterLine("Ann Ek", "S", MEMBER, "ordförande", remote=True)),
    ("Rut Sjö (S), ersätter Edit Lund",
     RosterLine("Rut Sjö", "S", DEPUTY, substitute_for="Edit Lund")),
    ("Rut Sjö (S), ers för Edit Lund",
     RosterLine("Rut Sjö", "S", DEPUTY, substitute_for="Edit Lund")),
    ("Agnes Wik, tjänsteperson, Sekreterare",
     RosterLine("Agnes Wik", group="tjänsteperson", role="Sekreterare")),
    ("Olle Berg (M), led, vice, på distans, frånvarande",
     RosterLine("Olle Berg", "M", MEMBER, "vice ordförande", remote=True, absent=True)),
    ('"Lind, Bo" (KD), övr', RosterLine("Lind, Bo", "KD", "övrig")),
    ("  Siri Dahl  ( MP ) ,,", RosterLine("Siri Dahl", "MP")),
])
def test_lines_as_typed(line, expected):
    assert parse_roster_line(line) == expected


@pytest.mark.parametrize("line, words", [
    ("Ann Ek (S), ledamot, ersättare", "två grupper"),
    ("Ann Ek (S), ledamot, ersätter Bo Lind", "Bara en ersättare"),
    ("Ann Ek (S), ersätter Ann Ek", "sig själv"),
    ('Ann "Ek, ledamot', "citattecken"),
    ("Ann Ek (S) x, ledamot", None),  # a name may hold a parenthesis
    ('"Ann Ek" S, ledamot', "partiet inom parentes"),
    ("Ann Ek, Sekreterare, Kassör", "två roller"),
    ("Ann Ek, ordförande, vice ordförande", "två ordföranderoller"),
])
def test_unreadable_lines_say_why_in_one_sentence(line, words):
    if words is None:
        assert parse_roster_line(line).name == "Ann Ek (S) x"
        return
    with pytest.raises(RosterLineError) as caught:
        parse_roster_line(line)
    message = str(caught.value)
    assert words in message and message.endswith(".") and message.count(". ") == 0


def test_a_new_rows_line_is_empty():
    assert format_roster_line(Participant("")) == ""
    assert format_roster_line(Participant("", group=MEMBER)) == ", ledamot"


def test_the_line_sets_decision_makers_by_group():
    p = Participant("Ann Ek")
    parse_roster_line("Ann Ek (S), ledamot").apply_to(p)
    assert p.decision_maker and p.party == "S"
    parse_roster_line("Ann Ek (S), ersättare").apply_to(p)
    assert not p.decision_maker


# Any text, with the characters the line gives meaning to made likely.
_text = st.text(alphabet=st.sampled_from(list("AaÖö ()\",:-")) | st.characters(
    blacklist_categories=("Cs",)), max_size=12)
_words = st.sampled_from(["ledamot", "Ordförande", "ers", "distans", "ersätter X",
                          "roll: x", "på distans", "ersättare för Y", "vice"])


@st.composite
def participants(draw) -> RosterLine:
    group = draw(st.sampled_from(("",) + GROUPS) | _text)
    substitute = draw(_text) if group == DEPUTY else ""
    return RosterLine(
        name=draw(_text),
        party=draw(st.sampled_from(["", "S", "MP", "-"]) | _text),
        group=group,
        chair=draw(st.sampled_from(("",) + CHAIR_ROLES) | _text),
        role=draw(_words | _text),
        substitute_for=substitute if substitute.casefold() != "" else "",
        remote=draw(st.booleans()),
        absent=draw(st.booleans()),
    )


@given(participants())
@example(RosterLine(name="()", role="ledamot"))  # a name ending in ")" is quoted
def test_participant_to_line_and_back(line):
    if line.problem():  # an ersättare serving for herself
        return
    assert parse_roster_line(format_roster_line(line)) == line


@given(participants())
def test_line_to_participant_to_line(line):
    if line.problem():
        return
    text = format_roster_line(line)
    assert format_roster_line(parse_roster_line(text)) == text


@given(st.lists(_words | _text, max_size=5).map(", ".join))
def test_any_typed_line_is_read_or_refused_in_swedish(typed):
    try:
        read = parse_roster_line(typed)
    except RosterLineError as exc:
        assert str(exc).endswith(".")
        return
    assert parse_roster_line(format_roster_line(read)) == read


# -- completion -----------------------------------------------------------------

MEMBERS = ["Edit Lund", "Olle Berg"]


@pytest.mark.parametrize("typed, offered", [
    ("Ann Ek (S), le", "Ann Ek (S), ledamot"),
    ("Ann Ek (S), ledamot, vi", "Ann Ek (S), ledamot, vice ordförande"),
    ("Ann Ek (S), ers", "Ann Ek (S), ersättare"),
    ("Ann Ek (S), ersätte", "Ann Ek (S), ersätter "),
    ("Ann Ek (S), ersätter e", "Ann Ek (S), ersätter Edit Lund"),
    ("Ann Ek (S), di", "Ann Ek (S), distans"),
    ("Ann", None),  # the name is the secretary's own
    ("Ann Ek (S), ledamot", None),
    ("Ann Ek (S), ersätter X", None),
])
def test_the_line_completes_its_words_and_the_members(typed, offered):
    from store.domain.roster_line import complete_roster_line

    assert complete_roster_line(typed, MEMBERS) == offered


def test_name_lists_complete_names_not_yet_listed():
    from store.domain.roster_line import complete_name_list

    assert complete_name_list("O", MEMBERS) == "Olle Berg"
    assert complete_name_list("Olle Berg, ", MEMBERS) is None
    assert complete_name_list("Olle Berg, e", MEMBERS) == "Olle Berg, Edit Lund"
    assert complete_name_list("Olle Berg, o", MEMBERS) is None
