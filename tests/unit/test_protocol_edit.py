"""Correcting a recorded entry of a § in place (store.domain.protocol_edit): a yrkande,
a reservation or a protokollsanteckning keeps its position, the others stay untouched,
drafts follow and hand-written text does not."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.domain import protocol_record as rec
from store.domain.protocol import MOTION_KINDS, MOTION_KINDS_WITH_TEXT
from store.domain.protocol_edit import replace_motion, replace_protocol_note, replace_reservation
from tests.support.protocol_sample import empty_first_paragraph, SERVING
from tests.support.examples import examples


motions = st.tuples(st.sampled_from(SERVING), st.sampled_from(MOTION_KINDS),
                    st.sampled_from(["att beloppet halveras", "att ärendet utreds vidare",
                                     "att tre"]))


def _text(kind: str, text: str) -> str:
    return text if kind in MOTION_KINDS_WITH_TEXT else ""


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(motions, min_size=1, max_size=6), st.data())
def test_a_replaced_motion_keeps_its_place_and_the_others(recorded, data):
    meeting, item = empty_first_paragraph()
    for by, kind, text in recorded:
        rec.add_motion(meeting, item, by, kind, _text(kind, text))
    index = data.draw(st.integers(0, len(recorded) - 1))
    by, kind, text = data.draw(motions)
    others = [(i, m) for i, m in enumerate(item.motions) if i != index]
    before = [copy.copy(m) for _, m in others]
    target = item.motions[index]
    replace_motion(meeting, item, index, by.lower(), kind, _text(kind, text))
    assert len(item.motions) == len(recorded)
    assert item.motions[index] is target  # the same yrkande, corrected
    assert (target.by, target.kind, target.text) == (by, kind, _text(kind, text))
    assert [item.motions[i] for i, _ in others] == before


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(motions, min_size=1, max_size=5), st.data())
def test_replacing_a_motion_with_itself_changes_nothing(recorded, data):
    meeting, item = empty_first_paragraph()
    for by, kind, text in recorded:
        rec.add_motion(meeting, item, by, kind, _text(kind, text))
    winner = data.draw(st.sampled_from([None, *item.motions]))
    rec.decide(meeting, item, winner)
    snapshot = copy.deepcopy(item)
    index = data.draw(st.integers(0, len(recorded) - 1))
    motion = item.motions[index]
    replace_motion(meeting, item, index, motion.by, motion.kind, motion.text)
    assert item == snapshot


def test_the_drafted_beslutsgang_and_decision_follow_a_corrected_winner():
    meeting, item = empty_first_paragraph()
    rec.add_motion(meeting, item, "Mira Holm", "bifall")
    rec.add_motion(meeting, item, "Olle Berg", "ändring", "att beloppet sänks till 100 000 kronor")
    rec.decide(meeting, item, item.motions[1])
    replace_motion(meeting, item, 1, "Kim Vall", "ändring", "att beloppet sänks till 200 000 kronor")
    assert [d.text for d in item.decisions] == ["att beloppet sänks till 200 000 kronor"]
    assert item.procedure.endswith("beslutar enligt Kim Valls (M) ändringsyrkande.")


def test_a_hand_written_beslutsgang_and_decision_stay():
    meeting, item = empty_first_paragraph()
    rec.add_motion(meeting, item, "Olle Berg", "ändring", "att beloppet sänks")
    rec.decide(meeting, item, item.motions[0])
    rec.set_procedure(meeting, item, "Ordföranden finner bifall till ändringen. Egen text.")
    item.decisions[0].text = "att beloppet sänks till 150 000 kronor"
    replace_motion(meeting, item, 0, "Olle Berg", "ändring", "att beloppet sänks kraftigt")
    assert item.procedure == "Ordföranden finner bifall till ändringen. Egen text."
    assert [d.text for d in item.decisions] == ["att beloppet sänks till 150 000 kronor"]


@pytest.mark.parametrize("who, kind, text, message", [
    ("Rut Sjö", "bifall", "", "tjänstgör inte"),
    ("", "bifall", "", "Skriv vem"),
    ("Olle Berg", "ändring", " ", "behöver en text"),
    ("Olle Berg", "bordläggning", "", "inget slags yrkande"),
])
def test_a_correction_is_checked_like_a_new_motion_and_refused_whole(who, kind, text, message):
    meeting, item = empty_first_paragraph()
    rec.add_motion(meeting, item, "Mira Holm", "bifall")
    with pytest.raises(rec.ProtocolInputError, match=message):
        replace_motion(meeting, item, 0, who, kind, text)
    assert [(m.by, m.kind, m.text) for m in item.motions] == [("Mira Holm", "bifall", "")]


@pytest.mark.parametrize("replace, args", [
    (replace_motion, ("Mira Holm", "bifall")),
    (replace_reservation, (["Mira Holm"],)),
    (replace_protocol_note, ("Mira Holm", "Text")),
])
@pytest.mark.parametrize("index", [-1, 0, 3])
def test_an_entry_that_is_not_there_is_refused(replace, args, index):
    meeting, item = empty_first_paragraph()
    with pytest.raises(rec.ProtocolInputError, match="finns inte"):
        replace(meeting, item, index, *args)


@settings(max_examples=examples(40), deadline=None)
@given(st.lists(st.lists(st.sampled_from(SERVING), min_size=1, max_size=3), min_size=1,
                max_size=4), st.data())
def test_a_replaced_reservation_keeps_its_place(recorded, data):
    meeting, item = empty_first_paragraph()
    for names in recorded:
        rec.add_reservation(meeting, item, names)
    index = data.draw(st.integers(0, len(recorded) - 1))
    names = data.draw(st.lists(st.sampled_from(SERVING), min_size=1, max_size=3))
    others = [(i, copy.copy(r)) for i, r in enumerate(item.reservations) if i != index]
    replace_reservation(meeting, item, index, names, "till förmån för Olle Bergs yrkande")
    assert len(item.reservations) == len(recorded)
    assert item.reservations[index].by == list(dict.fromkeys(names))
    assert item.reservations[index].text == "till förmån för Olle Bergs yrkande"
    assert [(i, item.reservations[i]) for i, _ in others] == others


def test_a_reservation_corrected_to_nobody_is_refused_and_kept():
    meeting, item = empty_first_paragraph()
    rec.add_reservation(meeting, item, ["Olle Berg"])
    with pytest.raises(rec.ProtocolInputError, match="Välj vem"):
        replace_reservation(meeting, item, 0, [], "")
    assert item.reservations[0].by == ["Olle Berg"]


def test_a_replaced_note_keeps_its_place():
    meeting, item = empty_first_paragraph()
    rec.add_protocol_note(meeting, item, "Jon Ström", "Första")
    rec.add_protocol_note(meeting, item, "Siri Dahl", "Andra")
    replace_protocol_note(meeting, item, 0, "bo tall", "  Rättad  ")
    assert [(n.by, n.text) for n in item.protocol_notes] == [("Bo Tall", "Rättad"),
                                                              ("Siri Dahl", "Andra")]
    with pytest.raises(rec.ProtocolInputError, match="text"):
        replace_protocol_note(meeting, item, 1, "Siri Dahl", " ")
    assert item.protocol_notes[1].text == "Andra"


# -- instämmer ----------------------------------------------------------------------------


def test_who_instammer_is_said_after_the_motion_and_round_trips():
    from store import meeting_from_dict, meeting_to_dict
    from store.domain.protocol_edit import set_supporters
    from store.domain.protocol_text import motion_sentence

    meeting, item = empty_first_paragraph()
    rec.add_motion(meeting, item, "Olle Berg", "avslag")
    set_supporters(meeting, item, 0, ["kim vall", "Jon Ström", "Kim Vall", ""])
    assert item.motions[0].supporters == ["Kim Vall", "Jon Ström"]
    assert motion_sentence(meeting, item.motions[0]) == (
        "Olle Berg (M) yrkar avslag på förslaget. Kim Vall (M) och Jon Ström (L) instämmer.")
    data = meeting_to_dict(meeting)
    assert data["items"][0]["motions"][0]["supporters"] == ["Kim Vall", "Jon Ström"]
    assert meeting_to_dict(meeting_from_dict(data)) == data
    set_supporters(meeting, item, 0, [])
    assert "supporters" not in meeting_to_dict(meeting)["items"][0]["motions"][0]


@pytest.mark.parametrize("names, message", [
    (["Olle Berg"], "eget yrkande"), (["Rut Sjö"], "tjänstgör inte"),
    (["Ingen Alls"], "finns inte"),
])
def test_instammer_is_refused_for_the_mover_and_non_serving_and_kept(names, message):
    from store.domain.protocol_edit import set_supporters

    meeting, item = empty_first_paragraph()
    rec.add_motion(meeting, item, "Olle Berg", "avslag")
    set_supporters(meeting, item, 0, ["Kim Vall"])
    with pytest.raises(rec.ProtocolInputError, match=message):
        set_supporters(meeting, item, 0, ["Jon Ström", *names])
    assert item.motions[0].supporters == ["Kim Vall"]


def test_a_mover_corrected_to_a_supporter_leaves_the_supporters():
    from store.domain.protocol_edit import set_supporters

    meeting, item = empty_first_paragraph()
    rec.add_motion(meeting, item, "Olle Berg", "avslag")
    set_supporters(meeting, item, 0, ["Kim Vall", "Jon Ström"])
    replace_motion(meeting, item, 0, "Kim Vall", "avslag")
    assert item.motions[0].supporters == ["Jon Ström"]


def test_those_who_instammer_in_a_losing_motion_lost_it_too():
    from store.domain.protocol_edit import set_supporters
    from store.domain.protocol_reservation import on_losing_side, reservation_text_for

    meeting, item = empty_first_paragraph()
    rec.add_motion(meeting, item, "Olle Berg", "avslag")
    set_supporters(meeting, item, 0, ["Kim Vall"])
    rec.take_proposal_as_decision(meeting, item)
    assert on_losing_side(meeting, item) == {"Olle Berg": ["eget yrkande"],
                                             "Kim Vall": ["eget yrkande"]}
    assert reservation_text_for(meeting, item, ["Olle Berg", "Kim Vall"]) == (
        "till förmån för eget yrkande")
