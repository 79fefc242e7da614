"""Correcting an entry of a § from its list (alt+l, enter): the yrkande, reservation or
protokollsanteckning opens in its own dialog, filled in; saving replaces it where it
stands. Asserted on the saved meeting and on the exported protocol read back with
python-docx."""

from __future__ import annotations

from store import MeetingStore
from tests.support.live import make_app, run_async, settle, type_text, typed_through
from tests.support.protocol_docx import open_docx, styled_lines
from tests.support.protocol_live import saved
from tests.support.protocol_sample import protocol_meeting
from tui.dialogs.protocol_parts import ProtocolPartsDialog
from tui.dialogs.protocol_entries import ReservationDialog
from tui.dialogs.protocol_support import SupportDialog


def docx_text(meeting, tmp_path) -> list[str]:
    from export.docx_protocol import write_protocol

    path = write_protocol(meeting, 41, tmp_path / "protokoll.docx")
    return [text for _, text in styled_lines(open_docx(path.read_bytes()))]


async def open_entry(pilot, downs: int) -> None:
    """alt+l, then enter on the entry `downs` rows below the first."""
    await pilot.press("alt+l")
    await typed_through(pilot)
    await pilot.press(*["down"] * downs, "enter")
    await typed_through(pilot)


@run_async
async def test_a_yrkande_is_corrected_in_place_and_the_protocol_says_so(tmp_path):
    store = MeetingStore.in_memory()
    mid = store.add(protocol_meeting())  # § 41: Mira Holm bifall, Olle Berg ändring, …
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_entry(pilot, 1)  # Olle Berg's ändringsyrkande
        assert app.screen.query_one("#motion-text").value == (
            "att beloppet sänks till 200 000 kronor")
        await pilot.press("ctrl+a", "ctrl+k")  # the name field: typed again
        await type_text(pilot, "kim")
        await pilot.press("enter", "4")  # ändring: the text field, holding the old text
        await typed_through(pilot)
        assert app.screen.focused.id == "motion-text"
        await pilot.press("end")  # the field selects all on focus: on to its end
        for _ in "200 000 kronor":
            await pilot.press("backspace")
        await type_text(pilot, "150 000 kronor")
        await pilot.press("enter")
        await typed_through(pilot)
        assert isinstance(app.screen, ProtocolPartsDialog)  # back in the list
        await pilot.press("escape")
        await typed_through(pilot)
        meeting = await saved(app, store, mid)
    item = meeting.items[0]
    assert [(m.by, m.kind, m.text) for m in item.motions] == [
        ("Mira Holm", "bifall", ""),
        ("Kim Vall", "ändring", "att beloppet sänks till 150 000 kronor")]
    lines = docx_text(meeting, tmp_path)
    assert ("Kim Vall (M) yrkar ändring av förslaget: att beloppet sänks till 150 000 kronor."
            in lines)
    assert not any("Olle Berg (M) yrkar" in line for line in lines)
    assert lines.index("Mira Holm (S) yrkar bifall till förslaget.") < lines.index(
        "Kim Vall (M) yrkar ändring av förslaget: att beloppet sänks till 150 000 kronor.")


@run_async
async def test_a_reservation_and_a_note_are_corrected_in_place(tmp_path):
    store = MeetingStore.in_memory()
    meeting = protocol_meeting()
    meeting.items[0].protocol_notes.append(
        meeting.items[0].protocol_notes[0].__class__("Siri Dahl", "Andra anteckningen."))
    mid = store.add(meeting)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # Yrkanden 2, omröstning 1, then the reservation (Olle Berg and Kim Vall).
        await open_entry(pilot, 3)
        assert isinstance(app.screen, ReservationDialog)
        await pilot.press("space")  # Olle Berg (the losing side comes first) off
        await pilot.press("tab")
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "till förmån för Olle Bergs (M) ändringsyrkande")
        await pilot.press("enter")
        await typed_through(pilot)
        await pilot.press("down", "enter")  # the first protokollsanteckning
        await typed_through(pilot)
        assert app.screen.query_one("#note-by").value == "Jon Ström"
        await pilot.press("enter")  # the name stays
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "Liberalerna vill se en uppföljning i höst.")
        await pilot.press("enter")
        await typed_through(pilot)
        await pilot.press("escape")
        await typed_through(pilot)
        meeting = await saved(app, store, mid)
    item = meeting.items[0]
    assert [(r.by, r.text) for r in item.reservations] == [
        (["Kim Vall"], "till förmån för Olle Bergs (M) ändringsyrkande")]
    assert [(n.by, n.text) for n in item.protocol_notes] == [
        ("Jon Ström", "Liberalerna vill se en uppföljning i höst."),
        ("Siri Dahl", "Andra anteckningen.")]
    lines = docx_text(meeting, tmp_path)
    assert ("Kim Vall (M) reserverar sig till förmån för Olle Bergs (M) ändringsyrkande."
            in lines)
    notes = [line for line in lines if "protokollsanteckning:" in line]
    assert notes == ["Jon Ström (L) lämnar en protokollsanteckning: Liberalerna vill se en "
                     "uppföljning i höst.",
                     "Siri Dahl (S) lämnar en protokollsanteckning: Andra anteckningen."]


@run_async
async def test_escape_from_a_correction_leaves_the_entry_as_it_was():
    store = MeetingStore.in_memory()
    mid = store.add(protocol_meeting())
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_entry(pilot, 0)
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "siri")
        await pilot.press("escape")
        await typed_through(pilot)
        await pilot.press("escape")
        await typed_through(pilot)
        meeting = await saved(app, store, mid)
    assert [m.by for m in meeting.items[0].motions] == ["Mira Holm", "Olle Berg"]


@run_async
async def test_instammer_is_picked_from_the_list_and_printed(tmp_path):
    store = MeetingStore.in_memory()
    mid = store.add(protocol_meeting())  # § 41: Mira Holm bifall, Olle Berg ändring
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("alt+l")
        await typed_through(pilot)
        await pilot.press("down", "i")  # Olle Berg's ändringsyrkande
        await typed_through(pilot)
        assert isinstance(app.screen, SupportDialog)
        # The serving members but the mover: Mira, Siri, Pär, Lina, Jon, Kim.
        await pilot.press("down", "down", "down", "down", "down", "space", "enter")
        await typed_through(pilot)
        assert isinstance(app.screen, ProtocolPartsDialog)
        await pilot.press("escape")
        await typed_through(pilot)
        meeting = await saved(app, store, mid)
    assert meeting.items[0].motions[1].supporters == ["Kim Vall"]
    assert ("Olle Berg (M) yrkar ändring av förslaget: att beloppet sänks till 200 000 "
            "kronor. Kim Vall (M) instämmer.") in docx_text(meeting, tmp_path)
