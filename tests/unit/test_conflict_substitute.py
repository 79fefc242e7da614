"""Jäv with an ersättare in the seat: the § itself says who served instead (the DOCX, the
preview and the § 's list, alt+l), not only the front page's §§ range."""

from __future__ import annotations

from export.docx_protocol import build_protocol
from store.domain.model import Participant
from store.domain.protocol import Substitution
from store.domain.protocol_text import conflict_sentences
from tests.support.protocol_docx import open_docx
from tests.support.protocol_sample import protocol_meeting


def _texts(meeting, first=41):
    document = open_docx(build_protocol(meeting, first))
    return [p.text for p in document.paragraphs]


def test_the_jav_part_names_the_ersattare_who_served_in_the_seat():
    texts = _texts(protocol_meeting())
    at = texts.index("Pär Nyqvist (C) anmäler jäv och deltar inte i handläggningen.")
    assert texts[at + 1] == "Rut Sjö (S) tjänstgör i stället för Pär Nyqvist (C)."


def test_a_jav_without_an_ersattare_has_its_one_sentence():
    meeting = protocol_meeting()
    meeting.items[1].substitutions = []
    assert conflict_sentences(meeting, meeting.items[1]) == [
        "Pär Nyqvist (C) anmäler jäv och deltar inte i handläggningen."]


def test_an_ersattare_with_jav_is_followed_by_whoever_took_the_seat():
    # Kim Vall serves for the absent Edit Lund; Kim has jäv and Rut Sjö takes the seat.
    meeting = protocol_meeting()
    item = meeting.items[1]
    item.conflicts = ["Kim Vall"]
    item.substitutions = [Substitution("Rut Sjö", "Edit Lund")]
    assert conflict_sentences(meeting, item) == [
        "Kim Vall (M) anmäler jäv och deltar inte i handläggningen.",
        "Rut Sjö (S) tjänstgör i stället för Kim Vall (M).",
    ]


def test_a_substitution_for_someone_without_jav_is_not_a_jav_line():
    meeting = protocol_meeting()
    item = meeting.items[1]
    meeting.participants.append(Participant("Åsa Berg", party="S", group="ersättare"))
    item.substitutions.append(Substitution("Åsa Berg", "Lina Falk"))
    assert conflict_sentences(meeting, item) == [
        "Pär Nyqvist (C) anmäler jäv och deltar inte i handläggningen.",
        "Rut Sjö (S) tjänstgör i stället för Pär Nyqvist (C).",
    ]
