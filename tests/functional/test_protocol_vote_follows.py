"""A vote that leads on opens the next one (live mode, alt+o): a lost återremiss vote
(the ärende decided today) or a vote that chose the motförslag is followed at once by the
vote in the main question, when a yrkande stands against the proposal; escape there
closes it with nothing recorded. Asserted on the saved meeting and on the protocol's
DOCX read back with python-docx."""

from __future__ import annotations

from export.docx_protocol import build_protocol
from store import MeetingStore, meeting_to_dict
from store.domain.protocol import VOTE_MAIN, VOTE_REFERRAL
from store.domain.protocol_record import outcome_clauses
from tests.support.live import make_app, run_async, settle, typed_through
from tests.support.protocol_docx import open_docx, styled_lines
from tests.support.protocol_golden import L, N
from tests.support.protocol_live import CHANGE, fresh_protocol, motion, motions, saved, vote
from tui.dialogs.protocol_vote import VoteDialog
from tui.screens.live import LiveScreen

REFERRAL_QUESTION = ("Ja för att avgöra ärendet i dag, nej för Jon Ströms (L) "
                     "återremissyrkande")
MAIN_QUESTION = "Ja för förslaget, nej för Olle Bergs (M) ändringsyrkande"


def _title(app) -> str:
    return str(app.screen.query_one(".dialog-title").render())


def _paragraph_lines(meeting) -> list[tuple[str, str]]:
    lines = styled_lines(open_docx(build_protocol(meeting, 41)))
    start = lines.index(("Heading 1", "§ 41 Gång- och cykelväg etapp 1"))
    end = lines.index(("Heading 1", "§ 42 Gång- och cykelväg etapp 2"))
    return lines[start:end]


@run_async
async def test_a_lost_referral_vote_opens_the_main_vote_and_escape_there_records_nothing():
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await motions(pilot)
        await vote(pilot, "jjjjnnn", "escape")  # decided today: 4–3
        assert isinstance(app.screen, VoteDialog)  # the main vote, without alt+o
        assert _title(app).startswith("Omröstning 2 i huvudfrågan — § 41 ")
        assert app.screen.query_one("#vote-question").value == MAIN_QUESTION
        assert any("att avgöra ärendet i dag" in n.message and "i huvudfrågan" in n.message
                   for n in app.shown_notifications)
        await pilot.press("escape")  # no vote asked for in the main question
        await typed_through(pilot)
        assert isinstance(app.screen, LiveScreen)
        meeting = await saved(app, store, mid)
    item = meeting.items[0]
    assert [v.kind for v in item.votes] == [VOTE_REFERRAL]
    assert item.decisions == []
    paragraph = _paragraph_lines(meeting)
    assert (L, "Omröstning") in paragraph  # the only vote: no number, no main vote
    assert not any(text.startswith("Omröstning 2") for _, text in paragraph)
    assert (N, REFERRAL_QUESTION) in paragraph and (N, MAIN_QUESTION) not in paragraph


@run_async
async def test_cancelling_the_opened_main_vote_leaves_the_file_as_the_referral_left_it():
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await motions(pilot)
        await vote(pilot, "jjjjnnn")
        before = meeting_to_dict(await saved(app, store, mid))
        await pilot.press("escape")
        await typed_through(pilot)
        assert isinstance(app.screen, VoteDialog)
        await pilot.press("escape")
        await typed_through(pilot)
        after = meeting_to_dict(await saved(app, store, mid))
        before.pop("updated_at"), after.pop("updated_at")  # a save's time, nothing else
        assert after == before
        await vote(pilot, "nnjjnnj", "escape")  # alt+o later: the main vote, held
        assert isinstance(app.screen, LiveScreen)
        meeting = await saved(app, store, mid)
    item = meeting.items[0]
    assert [v.kind for v in item.votes] == [VOTE_REFERRAL, VOTE_MAIN]
    assert [d.text for d in item.decisions] == [CHANGE]
    paragraph = _paragraph_lines(meeting)
    assert (L, "Omröstning 1 om återremiss") in paragraph
    assert (L, "Omröstning 2 i huvudfrågan") in paragraph


@run_async
async def test_the_opened_main_vote_decides_the_paragraph():
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await motions(pilot)
        await vote(pilot, "jjjjnnn", "escape")
        await pilot.press(*"nnjjnnj", "escape")  # straight into the opened main vote
        await typed_through(pilot)
        assert isinstance(app.screen, LiveScreen)
        meeting = await saved(app, store, mid)
    item = meeting.items[0]
    assert [v.kind for v in item.votes] == [VOTE_REFERRAL, VOTE_MAIN]
    assert [d.text for d in item.decisions] == [CHANGE]
    paragraph = _paragraph_lines(meeting)
    second = paragraph.index((L, "Omröstning 2 i huvudfrågan"))
    assert paragraph[second + 1] == (N, MAIN_QUESTION)


@run_async
async def test_a_lost_referral_with_nothing_against_the_proposal_opens_no_vote():
    """Bifall and återremiss only: once the ärende is decided today the proposal stands
    alone, so no vote follows (alt+a writes the bifall)."""
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await motion(pilot, "mira", "bifall")
        await motion(pilot, "jon", "återremiss")
        await vote(pilot, "jjjjnnn", "escape")
        assert isinstance(app.screen, LiveScreen)
        meeting = await saved(app, store, mid)
    assert [v.kind for v in meeting.items[0].votes] == [VOTE_REFERRAL]


@run_async
async def test_a_vote_on_the_counter_proposal_opens_the_main_vote_with_its_choice():
    """No återremiss; an ändring and an avslag: the first vote turned (alt+k) to the
    motförslag chooses the avslag, and the main vote that opens is against it."""
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await motions(pilot, referral=False)
        await motion(pilot, "siri", "avslag")
        app.clear_notifications()
        await vote(pilot, "", "alt+k")
        assert _title(app).startswith("Omröstning om motförslag — § 41 ")
        await pilot.press(*"nnnnjjj", "escape")  # the avslag is the motförslag
        await typed_through(pilot)
        assert isinstance(app.screen, VoteDialog)
        assert _title(app).startswith("Omröstning 2 i huvudfrågan — § 41 ")
        assert app.screen.query_one("#vote-question").value == (
            "Ja för förslaget, nej för Siri Dahls (S) avslagsyrkande")
        await pilot.press(*"jjjjnnn", "escape")
        await typed_through(pilot)
        meeting = await saved(app, store, mid)
    item = meeting.items[0]
    assert [v.kind for v in item.votes] == ["kontraproposition", VOTE_MAIN]
    assert [d.text for d in item.decisions] == outcome_clauses(item, None)  # the proposal
    assert item.decisions and item.procedure.endswith("(omröstning 2).")
    paragraph = _paragraph_lines(meeting)
    assert (L, "Omröstning 1 om motförslag") in paragraph
    assert (L, "Omröstning 2 i huvudfrågan") in paragraph


@run_async
async def test_a_referral_vote_corrected_to_lost_in_the_list_opens_the_main_vote():
    """alt+l, enter on a won återremiss vote, one ballot turned: now lost, the main vote
    opens over the list as it would after alt+o, and the återremiss beslut is taken back
    (the main question decides now); held later, the protocol prints both votes."""
    from tui.dialogs.protocol_parts import ProtocolPartsDialog

    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await motions(pilot)
        await vote(pilot, "nnnnjjj", "escape")  # sent back 3–4
        assert isinstance(app.screen, LiveScreen)
        await pilot.press("alt+l")
        await typed_through(pilot)
        await pilot.press("down", "down", "down", "enter")  # the vote
        await typed_through(pilot)
        assert isinstance(app.screen, VoteDialog)
        await pilot.press("j", "escape")  # Mira Holm to ja: 4–3, decided today
        await typed_through(pilot)
        assert isinstance(app.screen, VoteDialog)
        assert _title(app).startswith("Omröstning 2 i huvudfrågan — § 41 ")
        await pilot.press("escape")  # not yet: the återremiss beslut is gone all the same
        await typed_through(pilot)
        assert isinstance(app.screen, ProtocolPartsDialog)
        meeting = await saved(app, store, mid)
        assert meeting.items[0].decisions == [] and meeting.items[0].procedure == ""
        await pilot.press("escape")
        await typed_through(pilot)
        await vote(pilot, "nnjjnnj", "escape")  # alt+o: the main vote, held
        meeting = await saved(app, store, mid)
    item = meeting.items[0]
    assert [v.kind for v in item.votes] == [VOTE_REFERRAL, VOTE_MAIN]
    assert [d.text for d in item.decisions] == [CHANGE]
    paragraph = _paragraph_lines(meeting)
    assert (L, "Omröstning 1 om återremiss") in paragraph
    assert (L, "Omröstning 2 i huvudfrågan") in paragraph
