"""What a nämndsekreterare reads while holding a protocol: the app names an ärende the way
the protocol does (§ 44), never by the minutes' item number."""

from __future__ import annotations

from store import MeetingStore
from tests.support.live import make_app, run_async, settle, type_text, typed_through
from store.persistence.adjusting import adjust_stored
from tests.support.protocol_live import fresh_protocol, motion, saved
from tests.support.protocol_sample import protocol_meeting
from tui.dialogs.questions import TextPrompt


@run_async
async def test_an_added_paragraph_is_announced_by_its_paragraph_number():
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)  # §§ 41-43
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n", "ctrl+n")  # § 43, the last
        await typed_through(pilot)
        await pilot.press("f6")
        await typed_through(pilot)
        await type_text(pilot, "Skrivelse från hembygdsföreningen")
        await pilot.press("enter")
        await typed_through(pilot)
        meeting = await saved(app, store, mid)
        assert [i.title for i in meeting.items][-1] == "Skrivelse från hembygdsföreningen"
        told = [n.message for n in app.shown_notifications if "är tillagd" in n.message]
        assert told == ["§ 44 Skrivelse från hembygdsföreningen är tillagd."]


@run_async
async def test_the_hav_justering_question_is_shown_whole_at_80_columns():
    store = MeetingStore.in_memory()
    mid = store.add(protocol_meeting(2))
    adjust_stored(store, mid, "2031-03-14")
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f12")
        await settle(pilot)
        assert isinstance(app.screen, TextPrompt)
        frame = app.screen.query_one(".dialog").content_region
        texts = []
        for widget in app.screen.query("Label, Static"):
            assert widget.region.right <= frame.right, str(widget.render())  # not cut off
            texts.append(str(widget.render()))
        assert "Varför hävs justeringen?" in " ".join(" ".join(texts).split())


@run_async
async def test_a_long_proposition_shows_its_beginning_at_80_columns():
    # "Ja för att avgöra ärendet i dag, nej för …": the start says which side is ja.
    from tests.support.protocol_live import motions

    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await motions(pilot)  # with an återremissyrkande: the first vote is on återremiss
        await pilot.press("alt+o")
        await typed_through(pilot)
        for field_id in ("#vote-question", "#vote-result"):
            field = app.screen.query_one(field_id)
            await pilot.press("j")  # a ballot redrafts the result
            await typed_through(pilot)
            assert len(field.value) > field.content_region.width  # longer than the field
            assert field.render_line(0).text.strip().startswith(field.value[:20]), field_id


@run_async
async def test_the_substitute_dialog_says_from_which_paragraph_in_words():
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")  # § 42
        await typed_through(pilot)
        await pilot.press("alt+e")
        await typed_through(pilot)
        texts = [str(w.render()) for w in app.screen.query(".dialog-title, .dialog-field")]
        assert texts[0] == "Tjänstgörande ersättare — § 42 Gång- och cykelväg etapp 2"
        assert "Ersättare (tjänstgör från § 42 och framåt)" in texts


def test_the_export_key_says_it_writes_pdf_too():
    # F10 / e and the palette offer Word or PDF; the help said "som Word-filer" only.
    from tui.screens.live import LiveScreen
    from tui.screens.start import StartScreen

    for screen in (LiveScreen, StartScreen):
        [binding] = [b for b in screen.BINDINGS if b.action == "export"]
        assert "PDF" in binding.tooltip and "Word-filer" not in binding.tooltip


@run_async
async def test_done_reopened_deferred_and_attachments_name_the_paragraph():
    from tui.dialogs.attachments import AttachmentsDialog

    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)  # §§ 41-43
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f4")  # § 41 done: on to § 42
        await typed_through(pilot)
        await pilot.press("ctrl+b", "f4")  # § 41 open again
        await typed_through(pilot)
        await pilot.press("ctrl+n", "f5")  # § 42 deferred
        await typed_through(pilot)
        await pilot.press("ctrl+f")
        await typed_through(pilot)
        assert isinstance(app.screen, AttachmentsDialog)
        title = str(app.screen.query_one(".dialog-title").render())
        told = [n.message for n in app.shown_notifications]
        meeting = await saved(app, store, mid)
    assert "§ 41 är öppnad igen." in told
    assert "§ 42 Gång- och cykelväg etapp 2 skjuts upp till nästa möte." in told
    assert title == "Bilagor till § 43 Gång- och cykelväg etapp 3"
    assert meeting.items[1].status == "deferred"


@run_async
async def test_an_aterremiss_asks_for_its_reason_and_takes_none_too():
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # Återremiss opens the reason field: one reason given, one left empty.
        await motion(pilot, "jon", "återremiss", "att kostnaderna utreds")
        await motion(pilot, "siri", "återremiss")
        meeting = await saved(app, store, mid)
    assert [(m.by, m.kind, m.text) for m in meeting.items[0].motions] == [
        ("Jon Ström", "återremiss", "att kostnaderna utreds"),
        ("Siri Dahl", "återremiss", ""),
    ]
