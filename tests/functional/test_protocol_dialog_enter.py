"""Enter records only what the focused control names, in every protocol dialog of live
mode, at every focus position that Tab or shift+Tab reaches (a name typed first, as a
secretary does, nothing else chosen).

The yrkande dialog recorded bifall on Tab, enter: Tab left the name on the list of
kinds, whose highlight sat on bifall by default, and enter took it; in the text field
enter took the same default. A kind is now highlighted only once chosen. A list whose
label says enter takes its row (the beslutsgång's outcome, the jäv's ersättare: "Ingen
ersättare" first) may record that row; a text field records what it holds; nothing else
may change the meeting."""

from __future__ import annotations

import pytest

from store import MeetingStore, meeting_from_dict, meeting_to_dict
from store.domain.protocol_record import outcome_clauses
from tests.support.live import make_app, run_async, settle, type_text, typed_through
from tests.support.protocol_live import before_the_meeting
from tests.support.protocol_sample import protocol_meeting
from textual.widgets import Input, OptionList
from tui.dialogs.protocol_entries import (
    NO_SUBSTITUTE,
    ConflictDialog,
    OutcomeList,
    ProcedureDialog,
    ProtocolNoteDialog,
    ReservationDialog,
    SubstituteDialog,
)
from tui.dialogs.protocol_motion import NO_KIND, MotionDialog
from tui.dialogs.protocol_parts import ProtocolPartsDialog
from tui.dialogs.protocol_support import SupportDialog
from tui.dialogs.protocol_vote import VoteDialog

#: Each dialog, what is typed into its first field, and whether it corrects entry 0.
DIALOGS = [
    (MotionDialog, "olle", None),
    (ReservationDialog, "", None),
    (ProtocolNoteDialog, "jon", None),
    (ConflictDialog, "pär", None),
    (SubstituteDialog, "rut", None),
    (ProcedureDialog, "", None),
    (VoteDialog, "", None),
    (ProtocolPartsDialog, "", None),
    (SupportDialog, "", 0),
    (MotionDialog, "", 1),  # a correction: the kind it has is the chosen one
]


def _meeting():
    """§ 41 with a bifall and an ändring, no vote or decision yet; a second § too."""
    meeting = before_the_meeting(2)
    sample = protocol_meeting(2)
    meeting.items[0].motions = sample.items[0].motions
    return meeting


def _allowed(dialog, focused, before: dict, item) -> str:
    """'' when the change Enter made is named by the focused control; else why not."""
    if isinstance(focused, OutcomeList) and focused.highlighted is not None:
        # "siffran eller enter skriver beslutet": the highlighted outcome is written.
        chosen = int(focused.get_option_at_index(focused.highlighted).id)
        winner = item.motions[chosen - 1] if chosen else None
        if [d.text for d in item.decisions] == outcome_clauses(item, winner):
            return ""
        return f"decisions {[d.text for d in item.decisions]} are not row {chosen}'s"
    if isinstance(dialog, ConflictDialog) and isinstance(focused, OptionList):
        chosen = focused.get_option_at_index(focused.highlighted).id
        stands_in = [s.by for s in item.substitutions]
        if item.conflicts == ["Pär Nyqvist"] and stands_in == (
                [] if chosen == NO_SUBSTITUTE else [chosen]):
            return ""
        return f"jäv {item.conflicts}, {stands_in} is not the row {chosen}"
    if isinstance(dialog, SubstituteDialog) and isinstance(focused, Input) and (
            focused.id == "substitute-for"):
        return ""  # "Tjänstgör för (tomt: tjänstgör inte längre)": what it holds
    return "the focused control names no entry"


@pytest.mark.parametrize("dialog_class, typed, editing", DIALOGS,
                         ids=[f"{d.__name__}{'' if e is None else '-ändra'}"
                              for d, _, e in DIALOGS])
@run_async
async def test_enter_at_every_focus_position_records_only_what_the_focused_control_names(
        dialog_class, typed, editing):
    base = meeting_to_dict(_meeting())
    store = MeetingStore.in_memory()
    store.add(meeting_from_dict(base))
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        depth = len(app.screen_stack)
        reached = set()
        for direction in ("tab", "shift+tab"):
            steps, chain = 0, 1
            while steps < chain:  # each control of the cycle once, from either side
                meeting = meeting_from_dict(base)  # each try on a fresh copy
                item = meeting.items[0]
                dialog = dialog_class(meeting, item, "§ 41", lambda: None, editing=editing)
                app.push_screen(dialog)
                await typed_through(pilot)
                chain = len(dialog.focus_chain)
                if typed:
                    await type_text(pilot, typed)
                before = meeting_to_dict(meeting)  # a vote is begun when its dialog opens
                await pilot.press(*[direction] * steps)
                await typed_through(pilot)
                focused = app.focused
                reached.add(focused.id if focused else None)
                where = f"{direction} ×{steps}: {focused!r}"
                await pilot.press("enter")
                await typed_through(pilot)
                after = meeting_to_dict(meeting)
                if after != before:
                    why = _allowed(dialog, focused, before, item)
                    assert not why, f"{where}: {why}"
                while len(app.screen_stack) > depth:  # the dialog, and what enter opened
                    app.pop_screen()
                await typed_through(pilot)
                steps += 1
        assert None not in reached and len(reached) == chain


@run_async
async def test_tab_then_enter_in_the_yrkande_dialog_records_nothing_and_says_why():
    """The case as found: a name, Tab, enter. Nothing recorded; the dialog says a kind
    is to be chosen; a digit then records the kind chosen."""
    store = MeetingStore.in_memory()
    mid = store.add(_meeting())
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("alt+y")
        await typed_through(pilot)
        await type_text(pilot, "siri")
        await pilot.press("tab", "enter")
        await typed_through(pilot)
        assert isinstance(app.screen, MotionDialog)
        assert str(app.screen.query_one(".dialog-problem").render()) == NO_KIND
        await pilot.press("tab", "enter")  # in the text field: still no kind chosen
        await typed_through(pilot)
        assert isinstance(app.screen, MotionDialog)
        assert app.focused.id == "motion-kind"
        await pilot.press("2")  # avslag, chosen
        await typed_through(pilot)
        assert app.save_now()
    motions = store.load(mid).items[0].motions
    assert [(m.by, m.kind) for m in motions][2:] == [("Siri Dahl", "avslag")]
