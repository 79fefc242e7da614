"""Text of a mötesbok that fits nowhere, generated: sentences on the kallelse, stray lines
in tjänsteskrivelser and papers that match no ärende all end in the meeting's unplaced
text (Meeting.unplaced), never as an agenda item, in no ärende's notes and in no printed
field, so the ärenden and their §§ are the agenda's alone."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from importers.motesbok import pages_of_text, parse_motesbok
from store.domain.paragraphs import paragraph_numbers
from store.persistence.serialize import meeting_from_dict

from tests.support.examples import examples

TOPICS = ("Lekplats vid Ekbacken", "Badplatsens öppettider", "Bidrag till idrottsföreningar",
          "Hyror för idrottshallar 2032", "Motionsspår i Norrskogen", "Ishallens ombyggnad")
#: Lines that are no field, no title and no label (department, author, a note).
STRAY = ("Avdelning park och natur", "Handläggs av fritidsförvaltningen",
         "Upprättad av Siv Holm", "Enheten för anläggningar", "Reviderad efter samråd")
LOOSE = ("Förhinder anmäls till sekreteraren senast dagen före.",
         "Gruppmöten hålls klockan åtta i rum Lärkan.",
         "Handlingarna finns också på kommunens webbplats.")


@st.composite
def books(draw):
    cases = draw(st.lists(st.sampled_from(TOPICS), min_size=1, max_size=5, unique=True))
    loose = draw(st.lists(st.sampled_from(LOOSE), max_size=2, unique=True))
    strays = [draw(st.none() | st.sampled_from(STRAY)) for _ in cases]
    orphan = draw(st.booleans())  # a tjänsteskrivelse for no ärende on the agenda
    first = draw(st.integers(1, 300))
    lines = ["Fritidsnämnden", "Tid: 2031-05-06 kl. 18.00", *loose, "Beslutsärenden"]
    lines += [f"{first + n}/31 {topic}" for n, topic in enumerate(cases)]
    for n, (topic, stray) in enumerate(zip(cases, strays)):
        lines += ["TJÄNSTESKRIVELSE", f"Dnr FN-2031/{n + 1:05d}"]
        lines += [stray] if stray else []
        lines += [topic, "Förslag till beslut", f"att besluta i ärende {n + 1}.",
                  "Ärendebeskrivning", f"Bakgrund till ärende {n + 1}."]
    if orphan:
        lines += ["TJÄNSTESKRIVELSE", "Dnr FN-2031/00999", "Snöröjning av konstgräsplaner",
                  "Förslag till beslut", "att avslå."]
    return cases, loose, strays, orphan, "\n".join(lines)


@settings(max_examples=examples(80), deadline=None)
@given(books())
def test_text_that_fits_nowhere_is_unplaced_never_an_item(book):
    cases, loose, strays, orphan, text = book
    data, summary = parse_motesbok(pages_of_text(text))
    items = data["items"]
    assert [item["title"] for item in items] == cases
    for item, stray in zip(items, strays):
        assert "notes" not in item  # Anteckningar are the secretary's, in the meeting
        printed = " ".join(str(item.get(key, "")) for key in ("background", "description"))
        if stray:
            assert stray not in printed
            assert f"Ur tjänsteskrivelsen till {item['case_number']} {item['title']}:\n{stray}" \
                in data["unplaced"]
    for sentence in loose:
        assert sentence in data["unplaced"]
    assert ("Snöröjning av konstgräsplaner" in data["unplaced"]) == orphan
    expected = len(loose) + sum(1 for s in strays if s)
    assert summary.paper_lines == sum(1 for s in strays if s)
    if orphan:  # its lines, the Dnr and the line saying it matched no ärende
        assert summary.unplaced_lines >= expected + 3
    else:
        assert summary.unplaced_lines == expected
    assert bool(data["unplaced"]) == bool(summary.unplaced_lines)
    # The §§ are the ärenden's: one each, nothing after the last.
    meeting = meeting_from_dict(data)
    assert sorted(paragraph_numbers(meeting, 1).values()) == list(range(1, len(cases) + 1))
