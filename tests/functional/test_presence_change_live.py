"""F8 and F7 in a protocol held today: pressed at the start of a § (nothing recorded in it
yet) the change holds from that §; once something is recorded, after it. f2 corrects the
§ as before. Asserted on the saved meeting and the exported protocol's Beslutande."""

from __future__ import annotations

from textual.widgets import Input

from store import MeetingStore
from tests.support.live import NOW, make_app, run_async, settle, type_text
from tests.support.protocol_live import before_the_meeting
from tui.dialogs.attendance import AttendanceDialog, PresenceEditDialog
from tui.screens.live import LiveScreen


def held_today():
    meeting = before_the_meeting(4)  # §§ 41–44
    meeting.date, meeting.start = NOW.date().isoformat(), "13:00"
    return meeting


def beslutande(lines: list[str]) -> list[str]:
    return lines[lines.index("Beslutande") + 1:lines.index("Övriga närvarande")]


async def attendance(pilot, key: str, who: str, *then: str) -> None:
    await pilot.press(key)
    await settle(pilot)
    assert isinstance(pilot.app.screen, AttendanceDialog)
    await type_text(pilot, who)
    await pilot.press(*then)
    await settle(pilot)


@run_async
async def test_f8_at_the_start_of_a_paragraph_holds_from_it_and_f2_corrects_it(tmp_path):
    from export.docx_protocol import write_protocol
    from export.docx_read import docx_lines

    store = MeetingStore.in_memory()
    mid = store.add(held_today())
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")  # § 42, nothing recorded yet
        await settle(pilot)
        await attendance(pilot, "f8", "siri", "enter")  # Siri goes: not in § 42
        assert isinstance(app.screen, LiveScreen)
        told = [n.message for n in app.shown_notifications]
        assert "Siri Dahl gick 13:05 efter § 41." in told
        await type_text(pilot, "Debatt om sträckningen.")  # § 42 has begun
        await attendance(pilot, "f8", "jon", "enter")  # Jon goes: he took part in § 42
        await attendance(pilot, "f7", "siri", "enter")  # Siri is back: from § 43
        told = [n.message for n in app.shown_notifications]
        assert "Jon Ström gick 13:05 efter § 42." in told
        assert "Siri Dahl kom 13:05 före § 43." in told
        assert app.save_now()
        saved = store.load(mid)
        ids = [item.id for item in saved.items]
        siri, jon = saved.find_participant("Siri Dahl"), saved.find_participant("Jon Ström")
        assert [(i.to_item, i.from_item) for i in siri.intervals] == [(ids[0], None),
                                                                      (None, ids[2])]
        assert [(i.to_item, i.from_item) for i in jon.intervals] == [(ids[1], None)]

        # f2: the secretary corrects Jon's departure to after § 43.
        await pilot.press("f7")
        await settle(pilot)
        await type_text(pilot, "jon")
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, PresenceEditDialog)
        field = app.screen.query_one("#presence", Input)
        assert field.value == "till 13:05 efter § 42"
        field.value = "till 13:05 efter § 43"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.save_now()
    saved = store.load(mid)
    assert saved.find_participant("Jon Ström").intervals[0].to_item == ids[2]
    lines = docx_lines(write_protocol(saved, 41, tmp_path / "protokoll.docx"))
    assert "Siri Dahl (S) §§ 41, 43–44" in beslutande(lines)
    assert "Jon Ström (L) §§ 41–43" in beslutande(lines)
