"""Who is the meeting's secretary: Sekreterare or any compound of it, as rosters say it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from export.minutes_layout import header_blocks
from store import Meeting, Participant
from store.domain.model import is_secretary_role
from tests.support.examples import examples

SECRETARY = ["Sekreterare", "sekreterare", "SEKRETERARE", "Nämndsekreterare",
             "nämndsekreterare", "Kommunsekreterare", "Mötessekreterare",
             "Utskottssekreterare", "Biträdande nämndsekreterare", "Sekreterare, tf",
             "tf. kommunsekreterare", " Sekreterare "]
NOT_SECRETARY = ["", "Ordförande", "Sekreterarens ersättare", "Sekretariatschef",
                 "Kanslichef", "Sekretess", "Förvaltningschef", "Handläggare"]


@pytest.mark.parametrize("role", SECRETARY)
def test_a_secretary_title_is_recognised(role):
    assert is_secretary_role(role)


@pytest.mark.parametrize("role", NOT_SECRETARY)
def test_other_titles_are_not(role):
    assert not is_secretary_role(role)


@settings(max_examples=examples(200))
@given(prefix=st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö", max_size=12),
       case=st.sampled_from([str.lower, str.capitalize, str.upper]))
def test_every_compound_of_sekreterare_is_a_secretary(prefix, case):
    assert is_secretary_role(case(prefix + "sekreterare"))


def test_the_present_secretary_is_named_in_the_minutes():
    meeting = Meeting(title="Nämnd", date="2031-05-06", participants=[
        Participant("Ida Berg", role="Nämndsekreterare", absent=True),
        Participant("Lo Sand", role="Kommunsekreterare"),
    ])
    assert meeting.secretary().name == "Lo Sand"
    lines = ["".join(run.text for run in block.runs) for block in header_blocks(meeting)]
    assert "Sekreterare: Lo Sand" in lines


def test_a_protocol_signature_names_the_nämndsekreterare():
    from export.protocol_front import signature_rows
    from tests.support.protocol_sample import protocol_meeting

    meeting = protocol_meeting(2)
    secretary = meeting.secretary()
    secretary.role = "Nämndsekreterare"
    rows = [["".join(run.text for run in cell) for cell in row]
            for row, _ in signature_rows(meeting, (41, 42))]
    assert rows[1][0] == "Sekreterare"
    assert rows[2] == ["", secretary.name, ""]  # the name below the secretary's line
