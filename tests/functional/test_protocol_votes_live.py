"""Several votes in one § (live mode, alt+o): with an återremissyrkande the first vote
is on återremiss; lost, it leads on and the vote in the main question opens, which
decides; won, it writes the återremiss beslut and no main vote is asked. The
protocol exported from the app (F10) prints both votes in order, each under its own
label with its table and its result line once; the protokollsutdrag likewise. Asserted
on the saved meeting and on the DOCX read back with python-docx."""

from __future__ import annotations

from store import MeetingStore
from tests.support.export_dialog import accept
from tests.support.live import make_app, run_async, settle, typed_through, wait_until
from tests.support.protocol_docx import open_docx, styled_lines
from tests.support.protocol_golden import L, N
from tests.support.protocol_live import CHANGE, fresh_protocol, motions, saved, vote
from tui.dialogs.export_meeting import ExportDialog, default_minutes_name
from tui.dialogs.protocol_parts import ProtocolPartsDialog
from tui.dialogs.protocol_vote import VoteDialog

REFERRAL_QUESTION = ("Ja för att avgöra ärendet i dag, nej för Jon Ströms (L) "
                     "återremissyrkande")
MAIN_QUESTION = "Ja för förslaget, nej för Olle Bergs (M) ändringsyrkande"
REFERRAL_RESULT = ("Med 4 ja-röster mot 3 nej-röster beslutar utskottet att avgöra ärendet "
                   "i dag.")
MAIN_RESULT = ("Med 4 nej-röster mot 3 ja-röster beslutar utskottet enligt Olle Bergs (M) "
               "ändringsyrkande.")


def _title(app) -> str:
    return str(app.screen.query_one(".dialog-title").render())


def _question(app) -> str:
    return app.screen.query_one("#vote-question").value


@run_async
async def test_a_lost_referral_vote_then_the_main_vote_and_the_protocol_prints_both(
        tmp_path, monkeypatch):
    monkeypatch.setenv("MOTESBOK_EXPORT_DIR", str(tmp_path))
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await motions(pilot)
        await vote(pilot, "")
        assert isinstance(app.screen, VoteDialog)
        assert _title(app).startswith("Omröstning om återremiss — § 41 ")
        assert _question(app) == REFERRAL_QUESTION
        await pilot.press(*"jjjjnnn")  # decided today: 4–3
        await typed_through(pilot)
        meeting = await saved(app, store, mid)
        assert meeting.items[0].decisions == []  # nothing decided until the main question
        assert [v.kind for v in meeting.items[0].votes] == ["återremiss"]
        await pilot.press("escape")  # closed: the next vote, the main question, opens
        await typed_through(pilot)
        assert any("att avgöra ärendet i dag" in n.message for n in app.shown_notifications)
        assert isinstance(app.screen, VoteDialog)
        assert _title(app).startswith("Omröstning 2 i huvudfrågan — § 41 ")
        assert _question(app) == MAIN_QUESTION
        await pilot.press(*"nnjjnnj", "escape")
        await typed_through(pilot)
        meeting = await saved(app, store, mid)

        await pilot.press("alt+l")  # the § 's list holds both votes, in order
        await typed_through(pilot)
        assert isinstance(app.screen, ProtocolPartsDialog)
        parts = app.screen.query_one("#parts")
        prompts = [str(parts.get_option_at_index(i).prompt) for i in range(parts.option_count)]
        assert prompts[3:5] == [f"Omröstning 1 om återremiss: {REFERRAL_RESULT}",
                                f"Omröstning 2 i huvudfrågan: {MAIN_RESULT}"]
        await pilot.press("escape")
        await typed_through(pilot)

        await pilot.press("f10")  # the protocol, exported from the app
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        await accept(pilot)
        target = tmp_path / default_minutes_name(meeting)
        await wait_until(pilot, target.exists, what="the protocol written by the worker")

    item = meeting.items[0]
    assert [(v.kind, v.result) for v in item.votes] == [("återremiss", REFERRAL_RESULT),
                                                        ("huvudfråga", MAIN_RESULT)]
    assert [d.text for d in item.decisions] == [CHANGE]
    assert item.procedure == (
        "Ordföranden frågar om ärendet ska avgöras i dag eller återremitteras enligt Jon "
        "Ströms (L) återremissyrkande och finner att ärendet ska avgöras i dag. Omröstning "
        "begärs och verkställs (omröstning 1). Ordföranden ställer proposition på förslaget "
        "mot Olle Bergs (M) ändringsyrkande och finner att utskottet beslutar enligt Olle "
        "Bergs (M) ändringsyrkande. Omröstning begärs och verkställs (omröstning 2).")

    lines = styled_lines(open_docx(target.read_bytes()))
    start = lines.index(("Heading 1", "§ 41 Gång- och cykelväg etapp 1"))
    end = lines.index(("Heading 1", "§ 42 Gång- och cykelväg etapp 2"))
    paragraph = lines[start:end]
    texts = [text for _, text in paragraph]
    first = paragraph.index((L, "Omröstning 1 om återremiss"))
    second = paragraph.index((L, "Omröstning 2 i huvudfrågan"))
    assert paragraph.index((L, "Beslutsgång")) < first < second
    assert paragraph[first + 1] == (N, REFERRAL_QUESTION)
    assert paragraph[second + 1] == (N, MAIN_QUESTION)
    assert paragraph[first + 2:first + 7] == [(N, h) for h in
                                              ("Ledamot", "Parti", "Ja", "Nej", "Avstår")]
    assert paragraph[second - 1] == (N, REFERRAL_RESULT)  # the table, then its result
    assert (N, MAIN_RESULT) in paragraph[second:]
    for result in (REFERRAL_RESULT, MAIN_RESULT):  # once, and never in the beslutsgång
        assert texts.count(result) == 1
        assert not any(result in t for t in texts if t != result)
    assert (N, item.procedure) in paragraph
    assert texts[texts.index("Beslut") + 2] == CHANGE
    assert "Omröstning" not in texts  # no unnumbered label beside the numbered ones


@run_async
async def test_a_won_referral_vote_writes_the_referral_and_no_main_vote_is_asked():
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await motions(pilot)
        await vote(pilot, "", "alt+k")  # what the vote is on: alt+k turns it
        assert _title(app).startswith("Omröstning i huvudfrågan — § 41 ")
        assert _question(app) == MAIN_QUESTION
        await pilot.press("alt+k")  # and back: återremiss is put first
        assert _title(app).startswith("Omröstning om återremiss — § 41 ")
        assert _question(app) == REFERRAL_QUESTION
        await pilot.press(*"nnnnjjj", "escape")  # sent back: 4–3
        await typed_through(pilot)
        assert any("ingen omröstning i huvudfrågan" in n.message
                   for n in app.shown_notifications)
        meeting = await saved(app, store, mid)
        assert [d.text for d in meeting.items[0].decisions] == ["att återremittera ärendet"]
        await vote(pilot, "")  # alt+o again: the same vote, to correct; no main vote
        assert _title(app).startswith("Omröstning om återremiss — § 41 ")
        await pilot.press("escape")
        await typed_through(pilot)
        meeting = await saved(app, store, mid)
    item = meeting.items[0]
    assert [v.kind for v in item.votes] == ["återremiss"]
    assert item.procedure == (
        "Ordföranden frågar om ärendet ska avgöras i dag eller återremitteras enligt Jon "
        "Ströms (L) återremissyrkande och finner att ärendet ska återremitteras. Omröstning "
        "begärs och verkställs.")
