"""The protocol's JSON keys (PROTOCOL.md): every key round-trips exactly, a minutes file
keeps its old shape, and a bad value is refused naming the field."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store import Meeting, meeting_from_dict, meeting_to_dict
from store.domain.protocol import BALLOTS, GROUPS, MOTION_KINDS
from store.persistence.serialize import MeetingFormatError
from tests.support.protocol_sample import protocol_meeting


def test_every_protocol_key_round_trips():
    data = meeting_to_dict(protocol_meeting())
    again = meeting_to_dict(meeting_from_dict(data))
    assert again == data
    for key in ("kind", "body", "first_paragraph", "adjusters", "adjustment", "adjusted",
                "posting"):
        assert key in data
    item = data["items"][0]
    for key in ("section", "case_number", "registration_number", "decision_lead", "basis",
                "send_to", "motions", "procedure", "vote", "reservations", "protocol_notes",
                "conflicts", "adjusted_immediately"):
        assert key in item
    assert item["vote"]["ballots"]["Olle Berg"] == "nej"
    assert data["posting"] == {"from": None, "to": None, "archive": "Tekniska förvaltningens kansli"}


def test_a_minutes_file_keeps_its_shape():
    data = meeting_to_dict(Meeting("Samverkan", "2031-01-01"))
    assert "kind" not in data and "body" not in data and "posting" not in data


def test_the_keys_as_protocol_md_spells_them_are_read():
    data = meeting_to_dict(Meeting("Utskott", "2031-01-01"))
    data.update(kind="protokoll", body="Utskottet", first_paragraph=7, adjusters=["A B"],
                adjustment={"place": "Kansliet", "date": "2031-01-03", "time": "09:00"},
                adjusted="2031-01-03",
                posting={"from": "2031-01-04", "to": "2031-01-25", "archive": "Kansliet"})
    data["participants"] = [{"name": "A B", "party": "S", "group": "ledamot",
                             "chair": "ordförande", "remote": True},
                            {"name": "C D", "group": "ersättare", "substitute_for": "A B"}]
    data["items"] = [{"title": "Ärende", "case_number": "1/31", "registration_number": "X-1",
                      "motions": [{"by": "A B", "kind": "tillägg", "text": "att också"}],
                      "vote": {"question": "Ja för", "ballots": {"A B": "avstår"},
                               "result": "r"},
                      "reservations": [{"by": ["A B"], "text": "t"}],
                      "protocol_notes": [{"by": "A B", "text": "n"}],
                      "conflicts": ["C D"], "adjusted_immediately": True,
                      "basis": ["b"], "send_to": ["s"], "decision_lead": "Utskottet beslutar",
                      "procedure": "p", "section": "Beslutsärenden"}]
    meeting = meeting_from_dict(data)
    assert meeting.is_protocol and meeting.first_paragraph == 7 and meeting.locked
    assert meeting.posting.from_ == "2031-01-04"
    assert meeting.participants[1].substitute_for == "A B"
    assert meeting.items[0].motions[0].kind == "tillägg"
    assert meeting.items[0].votes[-1].tally() == {"ja": 0, "nej": 0, "avstår": 1}


BAD = [
    ({"kind": "dagordning"}, "kind"),
    ({"first_paragraph": 0}, "first_paragraph"),
    ({"first_paragraph": True}, "first_paragraph"),
    ({"first_paragraph": "12"}, "first_paragraph"),
    ({"adjusted": "2031-02-30"}, "adjusted"),
    ({"adjustment": {"time": "25:00"}}, "adjustment.time"),
    ({"adjustment": {"when": "x"}}, "adjustment.when"),
    ({"posting": {"from": "2031-02-01", "to": "2031-01-01"}}, "posting.to"),
    ({"adjusters": "A"}, "adjusters"),
]


@pytest.mark.parametrize("extra, field", BAD)
def test_bad_meeting_values_are_refused_by_name(extra, field):
    data = meeting_to_dict(Meeting("Utskott", "2031-01-01"))
    data.update(extra)
    with pytest.raises(MeetingFormatError) as err:
        meeting_from_dict(data)
    assert err.value.field == field


@given(st.text(min_size=1, max_size=12).filter(lambda t: t not in GROUPS))
def test_an_unknown_group_is_refused(group):
    data = meeting_to_dict(Meeting("Utskott", "2031-01-01"))
    data["participants"] = [{"name": "A", "group": group}]
    with pytest.raises(MeetingFormatError) as err:
        meeting_from_dict(data)
    assert err.value.field == "participants[0].group"


@given(st.text(min_size=1, max_size=12).filter(lambda t: t not in MOTION_KINDS),
       st.text(min_size=1, max_size=12).filter(lambda t: t not in BALLOTS))
def test_unknown_motion_kinds_and_ballots_are_refused(kind, ballot):
    data = meeting_to_dict(Meeting("Utskott", "2031-01-01"))
    data["items"] = [{"title": "T", "motions": [{"by": "A", "kind": kind}]}]
    with pytest.raises(MeetingFormatError):
        meeting_from_dict(data)
    data["items"] = [{"title": "T", "vote": {"ballots": {"A": ballot}}}]
    with pytest.raises(MeetingFormatError):
        meeting_from_dict(data)


_names = st.text(st.characters(codec="utf-8", categories=("L", "Zs")), min_size=1, max_size=20)


@pytest.mark.slow
@given(
    st.lists(st.tuples(_names, st.sampled_from(MOTION_KINDS), st.text(max_size=40)), max_size=4),
    st.dictionaries(_names, st.sampled_from(BALLOTS), max_size=8),
    st.lists(st.lists(_names, min_size=1, max_size=3), max_size=3),
    st.booleans(),
)
def test_generated_protocol_items_round_trip(motions, ballots, reservations, immediately):
    meeting = protocol_meeting(1)
    item = meeting.items[0]
    from store.domain.protocol import Motion, Reservation, Vote

    item.motions = [Motion(by, kind, text) for by, kind, text in motions]
    item.votes = [Vote("fråga", ballots, "")] if ballots else []
    item.reservations = [Reservation(by) for by in reservations]
    item.adjusted_immediately = immediately
    data = meeting_to_dict(meeting)
    assert meeting_to_dict(meeting_from_dict(data, strict=False)) == data
