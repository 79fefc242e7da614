"""The omröstning decides (live mode, alt+o): closing a vote that decides writes the
winning side's att-satser as the § 's beslut and a beslutsgång that tells the vote; a tie
waits for ordförandens utslagsröst (u); nej can stand for another yrkande (alt+n);
decisions written by hand are replaced only after a yes. Asserted on the saved meeting
and on the exported protocol read back with python-docx."""

from __future__ import annotations

from store import MeetingStore
from store.domain.model import Decision
from tests.support.live import make_app, run_async, settle, typed_through
from tests.support.protocol_docx import open_docx, styled_lines
from tests.support.protocol_live import (
    CHANGE,
    before_the_meeting,
    fresh_protocol,
    motions,
    saved,
    vote,
)
from tui.dialogs.questions import ConfirmDialog
from tui.screens.live import LiveScreen

PROPOSAL = ["att godkänna förslaget", "att uppdra åt förvaltningen att genomföra det"]


def docx_lines(meeting, tmp_path) -> list[tuple[str, str]]:
    from export.docx_protocol import write_protocol

    path = write_protocol(meeting, 41, tmp_path / "protokoll.docx")
    return styled_lines(open_docx(path.read_bytes()))


@run_async
async def test_a_four_three_vote_for_nej_decides_for_the_changing_motion(tmp_path):
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await motions(pilot, referral=False)
        await vote(pilot, "nnjjnnj", "escape")
        assert isinstance(app.screen, LiveScreen)
        meeting = await saved(app, store, mid)
    item = meeting.items[0]
    assert [d.text for d in item.decisions] == [CHANGE]
    assert item.votes[-1].question == "Ja för förslaget, nej för Olle Bergs (M) ändringsyrkande"
    result = ("Med 4 nej-röster mot 3 ja-röster beslutar utskottet enligt Olle Bergs (M) "
              "ändringsyrkande.")
    assert item.votes[-1].result == result
    assert item.procedure.endswith(
        "och finner att utskottet beslutar enligt Olle Bergs (M) ändringsyrkande. Omröstning "
        "begärs och verkställs.")
    lines = docx_lines(meeting, tmp_path)
    texts = [text for _, text in lines]
    beslut = texts.index("Beslut")
    assert texts[beslut + 2] == CHANGE  # after the decision lead
    assert "att godkänna förslaget" not in texts[beslut:texts.index("Yrkanden")]
    assert item.procedure in texts and texts.count(result) == 1
    assert not any(result in text for text in texts if text != result)  # printed once


@run_async
async def test_a_tie_waits_for_the_casting_vote_then_decides(tmp_path):
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await motions(pilot, referral=False)
        await vote(pilot, "jjnnjna")  # 3–3, Mira Holm (ordförande) ja
        assert "Lika röstetal: u = utslagsröst" in str(
            app.screen.query_one("#vote-tally").render())
        await pilot.press("escape")
        await typed_through(pilot)
        assert any("utslagsröst" in n.message for n in app.shown_notifications)
        meeting = await saved(app, store, mid)
        assert meeting.items[0].decisions == []  # nothing decided yet
        await vote(pilot, "", "u", "u")  # the chair's ja first, then turned to nej
        assert "Lika röstetal, utslagsröst nej" in str(
            app.screen.query_one("#vote-tally").render())
        await pilot.press("escape")
        await typed_through(pilot)
        meeting = await saved(app, store, mid)
    item = meeting.items[0]
    assert item.votes[-1].casting == "nej"
    assert [d.text for d in item.decisions] == [CHANGE]
    assert item.votes[-1].result == ("Med 3 ja-röster mot 3 nej-röster och ordförandens "
                                "utslagsröst för nej beslutar utskottet enligt Olle Bergs (M) "
                                "ändringsyrkande. 1 avstår.")
    texts = [text for _, text in docx_lines(meeting, tmp_path)]
    assert item.votes[-1].result in texts and CHANGE in texts


@run_async
async def test_nej_for_another_motion_and_hand_written_decisions_asked_about():
    store = MeetingStore.in_memory()
    meeting = before_the_meeting()
    meeting.items[0].decisions = [Decision("att egen formulering gäller")]
    mid = store.add(meeting)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await motions(pilot)
        await vote(pilot, "", "alt+n")  # nej for Jon Ström's återremiss
        assert app.screen.query_one("#vote-question").value == (
            "Ja för att avgöra ärendet i dag, nej för Jon Ströms (L) återremissyrkande")
        await pilot.press(*"nnnnjjj", "escape")
        await typed_through(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep the hand-written decision
        await typed_through(pilot)
        meeting = await saved(app, store, mid)
        assert [d.text for d in meeting.items[0].decisions] == ["att egen formulering gäller"]
        await vote(pilot, "", "escape")  # again, and this time yes
        await pilot.press("j")
        await typed_through(pilot)
        meeting = await saved(app, store, mid)
    item = meeting.items[0]
    assert item.votes[-1].no == 2
    assert [d.text for d in item.decisions] == ["att återremittera ärendet"]
    assert item.procedure.startswith(
        "Ordföranden frågar om ärendet ska avgöras i dag eller återremitteras enligt Jon "
        "Ströms (L) återremissyrkande och finner att ärendet ska återremitteras. Omröstning")


@run_async
async def test_the_reservation_offers_the_losing_side_first(tmp_path):
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await motions(pilot, referral=False)
        await vote(pilot, "jnjjjnn", "escape")  # Olle Berg, Jon Ström and Kim Vall lose
        await pilot.press("alt+r")
        await typed_through(pilot)
        options = app.screen.query_one("#reservation-by")
        assert [str(options.get_option_at_index(i).prompt) for i in range(3)] == [
            "Olle Berg (M) – eget yrkande, röstade nej", "Jon Ström (L) – röstade nej",
            "Kim Vall (M) – röstade nej"]
        await pilot.press("space")
        assert app.screen.query_one("#reservation-text").value == (
            "till förmån för eget yrkande")
        await pilot.press("down", "down", "space")
        assert app.screen.query_one("#reservation-text").value == (
            "till förmån för Olle Bergs (M) ändringsyrkande")
        await pilot.press("enter")
        await typed_through(pilot)
        meeting = await saved(app, store, mid)
    [reservation] = meeting.items[0].reservations
    assert reservation.by == ["Olle Berg", "Kim Vall"]
    texts = [text for _, text in docx_lines(meeting, tmp_path)]
    assert ("Olle Berg (M) och Kim Vall (M) reserverar sig till förmån för Olle Bergs (M) "
            "ändringsyrkande.") in texts


@run_async
async def test_the_beslutsgang_outcome_is_picked_by_the_digit_on_its_row():
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await motions(pilot)  # rows: 0 förslaget, 1 Olle Berg's ändring, 2 Jon Ström's
        await pilot.press("alt+g")
        await typed_through(pilot)
        await pilot.press("1")
        await typed_through(pilot)
        await pilot.press("escape")
        await typed_through(pilot)
        meeting = await saved(app, store, mid)
    item = meeting.items[0]
    assert [d.text for d in item.decisions] == [CHANGE]
    assert "finner att utskottet beslutar enligt Olle Bergs (M) ändringsyrkande." in (
        item.procedure)
