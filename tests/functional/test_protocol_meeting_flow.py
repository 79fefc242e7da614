"""Issue 12, "Tests and proof": a whole protocol meeting taken in live mode with the keys
alone — 7 ledamöter, one på distans, an ersättare made to serve for an absent member,
yrkanden on two §§, a 4–3 vote, a reservation, a jäv with a substitute and one §
adjusted immediately — asserting on the saved meeting (and on the protocol DOCX and an
utdrag read back from their DOCX)."""

from __future__ import annotations

from store import MeetingStore
from store.domain.serving import serving
from tests.support.live import make_app, run_async, settle, type_text, typed_through
from tests.support.protocol_live import CHANGE, before_the_meeting, motion, serve_for, vote


def committee_before_the_meeting():
    """Nothing recorded yet, and no ersättare serving yet (Edit Lund, ledamot, has sent
    word she is away)."""
    meeting = before_the_meeting(paragraphs=3)
    meeting.find_participant("Kim Vall").substitute_for = ""
    return meeting


async def keys(pilot, *pressed: str) -> None:
    await pilot.press(*pressed)
    await typed_through(pilot)


async def name(pilot, typed: str) -> None:
    await type_text(pilot, typed)
    await keys(pilot, "enter")


@run_async
async def test_a_whole_protocol_meeting_by_keys(tmp_path):
    store = MeetingStore.in_memory()
    mid = store.add(committee_before_the_meeting())
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        line = lambda: str(app.screen.query_one("#protocol-line").render())  # noqa: E731
        assert line().startswith("§ 41 · 6 av 7 tjänstgör")

        # Kim Vall serves for the absent Edit Lund (alt+e).
        await serve_for(pilot, "kim", "edit")
        assert line().startswith("§ 41 · 7 av 7 tjänstgör")

        # § 41: two yrkanden, a 4–3 vote, bifall, a reservation.
        await motion(pilot, "mira", "bifall")
        await motion(pilot, "olle", "ändring", CHANGE)
        # Rows: Mira, Olle, Siri, Pär, Lina (på distans), Jon, Kim (for Edit Lund).
        await vote(pilot, "jnjjjnn", "escape")
        await keys(pilot, "alt+a")
        await keys(pilot, "alt+r")  # the losing side first: Olle Berg, Jon Ström, Kim Vall
        await keys(pilot, "space", "down", "down", "space", "enter")
        assert "2 yrkanden · omröstning 4–3" in line()
        await keys(pilot, "f4")  # done: on to § 42

        # § 42: jäv with a substitute, a yrkande, the decision, adjusted immediately.
        assert line().startswith("§ 42")
        await keys(pilot, "alt+j")
        await name(pilot, "pär")
        await keys(pilot, "down", "enter")  # Rut Sjö serves instead
        assert "7 av 7 tjänstgör · jäv: Pär Nyqvist" in line()
        await motion(pilot, "siri", "återremiss")  # no reason given
        await keys(pilot, "alt+g", "enter")  # beslut enligt förslaget
        await keys(pilot, "escape")
        await keys(pilot, "alt+u")
        await keys(pilot, "f4")
        assert app.save_now()

    meeting = store.load(mid)
    first, second, third = meeting.items
    # The roster: 7 ledamöter, one på distans, an ersättare for the absent member.
    assert sum(p.group == "ledamot" for p in meeting.participants) == 7
    assert [p.name for p in meeting.participants if p.remote] == ["Lina Falk"]
    assert meeting.find_participant("Kim Vall").substitute_for == "Edit Lund"

    assert [(m.by, m.kind) for m in first.motions] == [("Mira Holm", "bifall"),
                                                       ("Olle Berg", "ändring")]
    assert first.motions[1].text == CHANGE == "att beloppet sänks till 200 000 kronor"
    assert first.votes[-1].tally() == {"ja": 4, "nej": 3, "avstår": 0}
    assert first.votes[-1].ballots["Kim Vall"] == "nej" and first.votes[-1].ballots["Lina Falk"] == "ja"
    assert first.votes[-1].question == "Ja för förslaget, nej för Olle Bergs (M) ändringsyrkande"
    assert first.votes[-1].result == ("Med 4 ja-röster mot 3 nej-röster beslutar utskottet "
                                 "enligt förslaget.")
    assert [d.text for d in first.decisions] == [
        "att godkänna förslaget", "att uppdra åt förvaltningen att genomföra det"]
    # The vote decided: its beslutsgång tells the vote (alt+a then took the same outcome).
    assert first.procedure == ("Ordföranden ställer proposition på förslaget mot Olle Bergs (M) "
                               "ändringsyrkande och finner att utskottet beslutar enligt "
                               "förslaget. Omröstning begärs och verkställs.")
    assert [(r.by, r.text) for r in first.reservations] == [
        (["Olle Berg", "Kim Vall"], "till förmån för Olle Bergs (M) ändringsyrkande")]
    assert first.status == "done" and not first.adjusted_immediately

    assert second.conflicts == ["Pär Nyqvist"]
    assert [(s.by, s.for_) for s in second.substitutions] == [("Rut Sjö", "Pär Nyqvist")]
    state = serving(meeting, second)
    assert state.count == 7 and "Pär Nyqvist" not in state.names()
    assert state.replacing == {"Rut Sjö": "Pär Nyqvist", "Kim Vall": "Edit Lund"}
    assert [(m.by, m.kind) for m in second.motions] == [("Siri Dahl", "återremiss")]
    assert "Siri Dahls (S) återremissyrkande" in second.procedure
    assert len(second.decisions) == 2 and second.adjusted_immediately
    assert second.status == "done"
    assert not third.motions and not third.votes

    _check_protocol_docx(meeting, tmp_path)


def _check_protocol_docx(meeting, tmp_path) -> None:
    """The protocol and an utdrag of § 42, read back the way FORMAT.md reads a DOCX."""
    from export.docx_protocol import write_extract, write_protocol
    from export.docx_read import docx_lines
    from store.domain import protocol_text as words

    first, second, _ = meeting.items
    lines = docx_lines(write_protocol(meeting, 41, tmp_path / "protokoll.docx"))
    text = "\n".join(lines)
    for expected in (
        f"§ 41 {first.title}", f"§ 42 {second.title}",
        *(words.motion_sentence(meeting, m) for m in first.motions + second.motions),
        first.procedure, first.votes[-1].result, second.procedure,
        words.reservation_sentence(meeting, first.reservations[0]),
        words.conflict_sentence(meeting, "Pär Nyqvist"), words.ADJUSTED_IMMEDIATELY,
        "att godkänna förslaget",
    ):
        assert expected in text, expected
    assert text.count(words.ADJUSTED_IMMEDIATELY) == 1  # § 42 only

    extract = "\n".join(docx_lines(write_extract(meeting, 41, [42], tmp_path / "utdrag.docx")))
    assert f"§ 42 {second.title}" in extract and f"§ 41 {first.title}" not in extract
    assert words.conflict_sentence(meeting, "Pär Nyqvist") in extract
    assert words.ADJUSTED_IMMEDIATELY in extract
