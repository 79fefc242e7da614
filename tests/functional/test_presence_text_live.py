"""The secretary's case in live mode: a ledamot has jäv in § 43 and leaves after it. The
protocol says the jäv in § 43 and, in § 44, that she left after § 43 (it said
'deltar §§ 41–42' there); asserted on the saved meeting and the DOCX read back."""

from __future__ import annotations

from store import MeetingStore
from tests.support.live import NOW, make_app, run_async, settle, type_text, typed_through
from tests.support.protocol_live import before_the_meeting


def held_today():
    meeting = before_the_meeting(4)  # §§ 41–44
    meeting.date, meeting.start = NOW.date().isoformat(), "13:00"
    meeting.find_participant("Rut Sjö").absent = True  # no ersättare for Siri's seat
    return meeting


async def keys(pilot, *pressed: str) -> None:
    await pilot.press(*pressed)
    await typed_through(pilot)


@run_async
async def test_jav_and_then_leaving_is_written_as_it_happened(tmp_path):
    from export.docx_protocol import write_protocol
    from export.docx_read import docx_lines

    store = MeetingStore.in_memory()
    mid = store.add(held_today())
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await keys(pilot, "ctrl+n", "ctrl+n")  # § 43
        await keys(pilot, "alt+j")
        await type_text(pilot, "siri")
        await keys(pilot, "enter", "enter")  # jäv, no ersättare
        await keys(pilot, "f8")
        await type_text(pilot, "siri")
        await keys(pilot, "enter")  # she leaves: after § 43, which has begun
        await keys(pilot, "ctrl+n")  # § 44
        assert app.save_now()
    saved = store.load(mid)
    third = saved.items[2]
    assert third.conflicts == ["Siri Dahl"]
    assert saved.find_participant("Siri Dahl").intervals[0].to_item == third.id
    lines = docx_lines(write_protocol(saved, 41, tmp_path / "protokoll.docx"))
    at_43 = lines.index("§ 43 " + third.title)
    at_44 = lines.index("§ 44 " + saved.items[3].title)
    assert "Siri Dahl (S) anmäler jäv och deltar inte i handläggningen." in lines[at_43:at_44]
    assert lines[at_44 + 1:at_44 + 3] == ["Dnr " + saved.items[3].registration_number,
                                          "Siri Dahl (S) lämnar sammanträdet efter § 43."]
    assert not any("Siri Dahl (S) deltar" in line for line in lines)
    assert "Siri Dahl (S) §§ 41–42" in lines  # Beslutande: she decided in §§ 41–42
