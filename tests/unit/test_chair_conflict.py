"""Jäv of the ordförande (store/domain/chair_conflict.py): who leads the §, said in live
mode's § line and in the protocol's DOCX; the ordförande the meeting chose (acting_chair,
its JSON and its refusals); and the § where who serves changes."""

from __future__ import annotations

import pytest

from export.docx_protocol import build_protocol
from store.domain.chair_conflict import (
    chair_conflict_line,
    chair_conflict_sentence,
    choose_acting_chair,
)
from store.domain.protocol_record import ProtocolInputError
from store.persistence.serialize import meeting_from_dict, meeting_to_dict
from store.domain.presence_ties import leave_in
from store.domain.protocol_record import set_substitute
from tests.support.protocol_docx import open_docx, styled_lines
from tests.support.protocol_live import before_the_meeting
from tui.widgets.protocol_line import protocol_line


def jav_of_the_chair(paragraphs: int = 3):
    meeting = before_the_meeting(paragraphs)
    meeting.items[1].conflicts = ["Mira Holm"]  # the ordförande
    return meeting


def test_the_vice_chair_leads_the_paragraph():
    meeting = jav_of_the_chair()
    assert chair_conflict_sentence(meeting, meeting.items[1], "§ 42") == (
        "Ordföranden Mira Holm (S) har jäv: vice ordföranden Olle Berg (M) leder § 42.")
    assert chair_conflict_sentence(meeting, meeting.items[0], "§ 41") == ""


@pytest.mark.parametrize("why", ["no vice", "vice has jäv too", "vice left before"])
def test_without_a_vice_chair_there_someone_must_be_chosen(why):
    meeting = jav_of_the_chair()
    olle = meeting.find_participant("Olle Berg")
    if why == "no vice":
        olle.chair = ""
    elif why == "vice has jäv too":
        meeting.items[1].conflicts.append("Olle Berg")
    else:
        leave_in(meeting, olle, None, meeting.items[0].id)
    assert chair_conflict_sentence(meeting, meeting.items[1], "§ 42") == (
        "Ordföranden Mira Holm (S) har jäv: en ordförande för § 42 måste väljas.")


#: The room the § line has: live mode's right pane at 80 columns, less its padding.
LINE_ROOM = 50


def without_vice():
    meeting = jav_of_the_chair()
    meeting.find_participant("Olle Berg").chair = ""
    return meeting


def test_the_live_line_says_who_leads_in_the_room_it_has():
    meeting = jav_of_the_chair()
    lead = protocol_line(meeting, meeting.items[1], "§ 42").plain.splitlines()[1]
    assert lead == "§ 42 leds av vice ordföranden Olle Berg (M)"
    chosen = without_vice()
    unchosen = protocol_line(chosen, chosen.items[1], "§ 42").plain.splitlines()[1]
    assert unchosen == "Ordföranden har jäv: välj ordförande, ctrl+p"
    choose_acting_chair(chosen, chosen.items[1], "siri dahl")
    picked = protocol_line(chosen, chosen.items[1], "§ 142").plain.splitlines()[1]
    assert picked == "§ 142 leds av Siri Dahl (S) (vald)"
    for line in (lead, unchosen, picked):
        assert len(line) <= LINE_ROOM


def test_the_chosen_chair_is_said_and_can_be_taken_back():
    meeting = without_vice()
    item = meeting.items[1]
    assert choose_acting_chair(meeting, item, "Siri Dahl") == "Siri Dahl"
    assert chair_conflict_sentence(meeting, item, "paragrafen") == (
        "Ordföranden Mira Holm (S) har jäv: Siri Dahl (S) leder paragrafen.")
    choose_acting_chair(meeting, item, "")
    assert item.acting_chair == ""
    assert chair_conflict_sentence(meeting, item, "paragrafen").endswith("måste väljas.")


def test_a_sub_item_records_on_its_paragraph():
    from store import AgendaItem

    meeting = without_vice()
    meeting.items[1].items.append(AgendaItem("Delfråga"))
    choose_acting_chair(meeting, meeting.items[1].items[0], "Siri Dahl")
    assert meeting.items[1].acting_chair == "Siri Dahl"


@pytest.mark.parametrize("name, why", [
    ("Mira Holm", "tjänstgör inte i paragrafen"),  # the chair with jäv
    ("Rut Sjö", "tjänstgör inte i paragrafen"),  # an ersättare not serving
    ("Agnes Wik", "tjänstgör inte i paragrafen"),  # the secretary
    ("Nils Okänd", "finns inte i deltagarlistan"),
])
def test_only_a_member_serving_in_the_paragraph_can_be_chosen(name, why):
    meeting = without_vice()
    with pytest.raises(ProtocolInputError, match=why):
        choose_acting_chair(meeting, meeting.items[1], name)
    assert meeting.items[1].acting_chair == ""


def test_acting_chair_json_round_trip_only_when_chosen():
    meeting = without_vice()
    choose_acting_chair(meeting, meeting.items[1], "Siri Dahl")
    data = meeting_to_dict(meeting)
    assert data["items"][1]["acting_chair"] == "Siri Dahl"
    assert "acting_chair" not in data["items"][0]
    again = meeting_from_dict(data)
    assert [i.acting_chair for i in again.items] == ["", "Siri Dahl", ""]
    assert meeting_to_dict(again) == data


@pytest.mark.slow
def test_the_docx_says_who_was_chosen():
    meeting = without_vice()
    choose_acting_chair(meeting, meeting.items[1], "Siri Dahl")
    texts = [t for _, t in styled_lines(open_docx(build_protocol(meeting, 41)))]
    assert "Ordföranden Mira Holm (S) har jäv: Siri Dahl (S) leder paragrafen." in texts
    assert not any("måste väljas" in t for t in texts)


@pytest.mark.slow
def test_the_docx_says_who_leads_under_jav():
    meeting = jav_of_the_chair()
    texts = [t for _, t in styled_lines(open_docx(build_protocol(meeting, 41)))]
    at = texts.index("Mira Holm (S) anmäler jäv och deltar inte i handläggningen.")
    assert texts[at - 1] == "Jäv"
    assert texts[at + 1] == ("Ordföranden Mira Holm (S) har jäv: vice ordföranden "
                             "Olle Berg (M) leder paragrafen.")


@pytest.mark.slow
def test_the_paragraph_where_serving_changes_says_so_once():
    meeting = before_the_meeting(4)
    leave_in(meeting, meeting.find_participant("Jon Ström"), None, meeting.items[0].id)
    set_substitute(meeting, "Rut Sjö", "Jon Ström", meeting.items[1])
    set_substitute(meeting, "Rut Sjö", "", meeting.items[3])
    lines = styled_lines(open_docx(build_protocol(meeting, 41)))
    said = [t for _, t in lines if t.endswith(".")  # the §'s sentences, not the front page
            and t.startswith(("Jon Ström (L) lämnar", "Rut Sjö (S) ersätter"))]
    assert said == ["Jon Ström (L) lämnar sammanträdet efter § 41.",
                    "Rut Sjö (S) ersätter Jon Ström (L) §§ 42–43."]
    texts = [t for _, t in lines]
    assert "Jon Ström (L) § 41" in texts  # Beslutande on the front page
    assert "Rut Sjö (S) ersätter Jon Ström (L) §§ 42–43" in texts
