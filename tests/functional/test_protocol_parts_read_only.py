"""alt+l on a read-only protocol (adjusted, ended, or held by another program): the §
's list opens and reads as it does on a writable one; delete, enter and i are refused
with one Swedish sentence saying why, no other dialog opens, and nothing is saved."""

from __future__ import annotations

from datetime import datetime

import pytest

from store import MeetingStore, meeting_to_dict
from store.persistence.adjusting import adjust_stored
from tests.support.live import make_app, run_async, settle, typed_through
from tests.support.protocol_sample import protocol_meeting
from tui.dialogs.protocol_parts import ProtocolPartsDialog
from tui.dialogs.questions import ConfirmDialog

#: What the sample's § 41 holds, as alt+l lists it.
PARTS = [
    "Mira Holm (S) yrkar bifall till förslaget.",
    "Olle Berg (M) yrkar ändring av förslaget: att beloppet sänks till 200 000 kronor.",
]

WHY = {
    "justerat": "Protokollet är justerat och skrivskyddat: det som står i paragrafen kan "
                "läsas men inte ändras eller tas bort.",
    "avslutat": "Mötet är avslutat och öppnat skrivskyddat: det som står i paragrafen kan "
                "läsas men inte ändras eller tas bort.",
    "öppet": "Mötet är öppnat skrivskyddat eftersom ett annat program har det öppet: det "
             "som står i paragrafen kan läsas men inte ändras eller tas bort.",
}


def _prompts(app) -> list[str]:
    parts = app.screen.query_one("#parts")
    return [str(parts.get_option_at_index(i).prompt) for i in range(parts.option_count)]


def _problem(app) -> str:
    return str(app.screen.query_one(".dialog-problem").render())


@pytest.mark.parametrize("how", sorted(WHY))
@run_async
async def test_the_list_reads_on_a_read_only_protocol_and_refuses_every_change(how):
    store = MeetingStore.in_memory()
    meeting = protocol_meeting(2)
    if how == "avslutat":
        meeting.end_meeting(datetime(2031, 3, 11, 15, 40))
    mid = store.add(meeting)
    if how == "justerat":
        adjust_stored(store, mid, "2031-03-14")
    holder = store.open(mid) if how == "öppet" else None  # another program has it
    before = meeting_to_dict(store.load(mid))
    try:
        app = make_app(store, mid)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            if how == "öppet":
                assert isinstance(app.screen, ConfirmDialog)
                await pilot.press("enter")  # "Öppna skrivskyddat"
                await settle(pilot)
            assert app.read_only
            await pilot.press("alt+l")
            await typed_through(pilot)
            assert isinstance(app.screen, ProtocolPartsDialog)
            listed = _prompts(app)
            assert listed[:2] == PARTS and listed[2].startswith("Omröstning: ")
            assert any(p.startswith("Jon Ström (L)") for p in listed)  # the note
            hint = str(app.screen.query_one(".dialog-hint").render())
            assert "delete" not in hint and "skrivskyddat" in hint
            for key in ("delete", "enter", "i"):
                await pilot.press(key)
                await typed_through(pilot)
                assert isinstance(app.screen, ProtocolPartsDialog), key
                assert _problem(app) == WHY[how], key
            await pilot.press("down", "enter")  # another entry: the same refusal
            await typed_through(pilot)
            assert isinstance(app.screen, ProtocolPartsDialog)
            assert _prompts(app) == listed
            await pilot.press("escape")
            await typed_through(pilot)
            assert not isinstance(app.screen, ProtocolPartsDialog)
    finally:
        if holder is not None:
            holder.close()
    after = meeting_to_dict(store.load(mid))
    assert after == before
