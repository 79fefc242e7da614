"""A won återremiss ends the § (live mode): no vote can come after it — a ballot that
would make the återremiss win while a later vote stands is refused with one sentence
and changes nothing — and an older file that has votes after it keeps them, lists them
in alt+l as not printed (enter there says so), says so in the preview (F9), and prints
none of them in the protocol or the utdrag. Asserted on the saved meeting and on the
DOCX read back with python-docx."""

from __future__ import annotations

from export.docx_protocol import build_extract, build_protocol
from store import MeetingStore, meeting_to_dict
from store.domain.protocol_record import LATER_VOTE
from store.domain.protocol_voting import AFTER_REFERRAL, SENT_BACK
from tests.support.live import make_app, run_async, settle, typed_through
from tests.support.protocol_docx import open_docx, styled_lines
from tests.support.protocol_golden import L, N
from tests.support.protocol_live import (
    CHANGE,
    MAIN_QUESTION,
    MAIN_RESULT,
    REFERRAL_QUESTION,
    before_the_meeting,
    motions,
    older_file_with_a_vote_after_a_won_referral,
    saved,
    vote,
)
from tui.dialogs.protocol_parts import AFTER_REFERRAL_LABEL, ProtocolPartsDialog
from tui.dialogs.protocol_vote import VoteDialog
from tui.screens.live import LiveScreen

SENT_BACK_DECISION = "att återremittera ärendet"


def _problem(app) -> str:
    return str(app.screen.query_one(".dialog-problem").render())


def _prompts(app) -> list[str]:
    parts = app.screen.query_one("#parts")
    return [str(parts.get_option_at_index(i).prompt) for i in range(parts.option_count)]


def _paragraph(lines):
    start = lines.index(("Heading 1", "§ 41 Gång- och cykelväg etapp 1"))
    end = lines.index(("Heading 1", "§ 42 Gång- och cykelväg etapp 2"))
    return lines[start:end]


@run_async
async def test_a_ballot_that_would_send_the_paragraph_back_before_a_later_vote_is_refused():
    store = MeetingStore.in_memory()
    mid = store.add(before_the_meeting())
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await motions(pilot)
        await vote(pilot, "jjjjnnn", "escape")  # decided today; the main vote opens
        await pilot.press(*"nnjjnnj", "escape")  # held: Olle Berg's ändring
        await typed_through(pilot)
        before = meeting_to_dict(await saved(app, store, mid))
        await pilot.press("alt+l")
        await typed_through(pilot)
        await pilot.press("down", "down", "down", "enter")  # the återremiss vote
        await typed_through(pilot)
        assert isinstance(app.screen, VoteDialog)
        await pilot.press("n")  # Mira Holm to nej: 3–4, the återremiss would win
        await typed_through(pilot)
        assert _problem(app) == LATER_VOTE
        assert str(app.screen.query_one("#vote-tally").render()).startswith("Ja 4 · Nej 3")
        await pilot.press("escape", "escape")
        await typed_through(pilot)
        assert isinstance(app.screen, LiveScreen)
        after = meeting_to_dict(await saved(app, store, mid))
        meeting = store.load(mid)
    before.pop("updated_at"), after.pop("updated_at")
    assert after == before
    assert [d.text for d in meeting.items[0].decisions] == [CHANGE]
    paragraph = _paragraph(styled_lines(open_docx(build_protocol(meeting, 41))))
    assert (L, "Omröstning 1 om återremiss") in paragraph
    assert (L, "Omröstning 2 i huvudfrågan") in paragraph


@run_async
async def test_alt_o_after_a_won_referral_opens_it_again_and_says_no_more_is_put():
    store = MeetingStore.in_memory()
    mid = store.add(before_the_meeting())
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await motions(pilot)
        await vote(pilot, "nnnnjjj", "escape")  # sent back
        assert isinstance(app.screen, LiveScreen)  # nothing follows
        await vote(pilot, "")
        assert isinstance(app.screen, VoteDialog)
        assert str(app.screen.query_one(".dialog-title").render()).startswith(
            "Omröstning om återremiss — § 41 ")
        assert _problem(app) == SENT_BACK
        await pilot.press("escape")
        await typed_through(pilot)
        meeting = await saved(app, store, mid)
    assert [v.kind for v in meeting.items[0].votes] == ["återremiss"]
    assert [d.text for d in meeting.items[0].decisions] == [SENT_BACK_DECISION]


@run_async
async def test_an_older_file_s_vote_after_a_won_referral_is_kept_listed_and_not_printed():
    from tui.screens.preview import PreviewScreen

    store = MeetingStore.in_memory()
    mid = older_file_with_a_vote_after_a_won_referral(store)
    written = meeting_to_dict(store.load(mid))
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("alt+l")
        await typed_through(pilot)
        assert isinstance(app.screen, ProtocolPartsDialog)
        listed = _prompts(app)
        assert listed[3] == "Omröstning: 3 ja, 4 nej"  # the only vote printed: no number
        assert listed[4] == (f"{AFTER_REFERRAL_LABEL.format(kind='i huvudfrågan')}: "
                             f"{MAIN_RESULT}")
        await pilot.press(*["down"] * 4, "enter")  # the vote after: nothing to correct
        await typed_through(pilot)
        assert isinstance(app.screen, ProtocolPartsDialog)
        assert _problem(app) == AFTER_REFERRAL
        await pilot.press("escape")
        await typed_through(pilot)
        await pilot.press("f9")
        await settle(pilot)
        assert isinstance(app.screen, PreviewScreen)
        text = app.screen.plain_text()
        assert "En omröstning efter återremissen finns i mötet men skrivs inte ut" in text
        assert MAIN_RESULT not in text and "i huvudfrågan" not in text
        assert MAIN_QUESTION not in text and REFERRAL_QUESTION in text
        await pilot.press("escape")
        await settle(pilot)
        meeting = await saved(app, store, mid)
    kept = meeting_to_dict(meeting)["items"][0]
    assert kept["votes"] == written["items"][0]["votes"]  # both votes still in the file
    assert {k: v for k, v in kept.items() if k != "started_at"} == {
        k: v for k, v in written["items"][0].items() if k != "started_at"}
    for document in (build_protocol(meeting, 41), build_extract(meeting, 41, [41])):
        lines = styled_lines(open_docx(document))
        texts = [text for _, text in lines]
        assert (L, "Omröstning") in lines  # the återremiss alone: no number
        assert not any(t.startswith("Omröstning 2") or "i huvudfrågan" in t for t in texts)
        assert MAIN_RESULT not in texts and MAIN_QUESTION not in texts
        assert (N, REFERRAL_QUESTION) in lines
        assert "skrivs inte ut" not in " ".join(texts)  # the note is the preview's only
