"""Jäv of the ordförande in live mode with no vice ordförande to lead: the § line asks for
a choice, the command palette's 'Ordförande för § 42' records who leads (completed from
the members serving), and the line fits live mode's right pane at 80×24."""

from __future__ import annotations

from store import MeetingStore
from tests.support.live import make_app, run_async, settle, type_text, typed_through, wait_until
from tests.support.protocol_live import before_the_meeting
from tui.commands import MotesbokCommands
from tui.dialogs.acting_chair import ActingChairDialog


def chair_has_jav(vice: bool = False):
    meeting = before_the_meeting(3)
    meeting.items[1].conflicts = ["Mira Holm"]  # the ordförande, in § 42
    if not vice:
        meeting.find_participant("Olle Berg").chair = ""
    return meeting


def protocol_line(app) -> str:
    return str(app.screen.query_one("#protocol-line").render())


async def offered(app) -> list[str]:
    return [str(hit.text) async for hit in MotesbokCommands(app.screen).discover()]


@run_async
async def test_the_palette_records_who_leads_the_paragraph():
    store = MeetingStore.in_memory()
    mid = store.add(chair_has_jav())
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not any(name.startswith("Ordförande för") for name in await offered(app))
        await pilot.press("ctrl+n")  # § 42, where the ordförande has jäv
        await settle(pilot)
        assert "välj ordförande" in protocol_line(app)
        assert "Ordförande för § 42" in await offered(app)
        await pilot.press("ctrl+p")
        await typed_through(pilot)
        await type_text(pilot, "ordförande för")
        await typed_through(pilot)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ActingChairDialog),
                         what="the dialog")
        await type_text(pilot, "Rut Sjö")  # an ersättare not serving: refused
        await pilot.press("enter")
        await typed_through(pilot)
        assert isinstance(app.screen, ActingChairDialog)
        assert "tjänstgör inte" in str(app.screen.query_one(".dialog-problem").render())
        await pilot.press("ctrl+u")
        await type_text(pilot, "siri")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "leds av Siri Dahl (S)" in protocol_line(app),
                         what="the § line naming the chosen ordförande")
        assert app.save_now()
    assert store.load(mid).items[1].acting_chair == "Siri Dahl"


def test_the_chair_jav_line_fits_at_80x24(snap_compare):
    """The vice ordförande leads: the longest of the § line's sentences, whole."""
    store = MeetingStore.in_memory()
    mid = store.add(chair_has_jav(vice=True))

    async def in_42(pilot) -> None:
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)

    assert snap_compare(make_app(store, mid), terminal_size=(80, 24), run_before=in_42)
