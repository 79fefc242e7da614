"""Jäv of the ordförande (store/domain/chair_conflict.py): who leads the §, said in live
mode's § line and in the protocol's DOCX; and the § where who serves changes."""

from __future__ import annotations

import pytest

from export.docx_protocol import build_protocol
from store.domain.chair_conflict import chair_conflict_sentence
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


def test_the_live_line_says_who_leads():
    meeting = jav_of_the_chair()
    text = protocol_line(meeting, meeting.items[1], "§ 42").plain
    assert text.splitlines()[1] == (
        "Ordföranden Mira Holm (S) har jäv: vice ordföranden Olle Berg (M) leder § 42.")


def test_the_docx_says_who_leads_under_jav():
    meeting = jav_of_the_chair()
    texts = [t for _, t in styled_lines(open_docx(build_protocol(meeting, 41)))]
    at = texts.index("Mira Holm (S) anmäler jäv och deltar inte i handläggningen.")
    assert texts[at - 1] == "Jäv"
    assert texts[at + 1] == ("Ordföranden Mira Holm (S) har jäv: vice ordföranden "
                             "Olle Berg (M) leder paragrafen.")


def test_the_paragraph_where_serving_changes_says_so_once():
    meeting = before_the_meeting(4)
    leave_in(meeting, meeting.find_participant("Jon Ström"), None, meeting.items[0].id)
    set_substitute(meeting, "Rut Sjö", "Jon Ström", meeting.items[1])
    set_substitute(meeting, "Rut Sjö", "", meeting.items[3])
    lines = styled_lines(open_docx(build_protocol(meeting, 41)))
    said = [t for _, t in lines if t.endswith(".")  # the §'s sentences, not the front page
            and t.startswith(("Jon Ström (L) deltar", "Rut Sjö (S) ersätter"))]
    assert said == [
        "Jon Ström (L) deltar § 41.", "Rut Sjö (S) ersätter Jon Ström (L) §§ 42–43."]
    texts = [t for _, t in lines]
    assert "Jon Ström (L) § 41" in texts  # Beslutande on the front page
    assert "Rut Sjö (S) ersätter Jon Ström (L) §§ 42–43" in texts
