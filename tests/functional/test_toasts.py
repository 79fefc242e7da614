"""Notifications never cover what the secretary types: in live mode and the agenda
editor they show over the navigation column, and they stay as long as they need to.

Geometry is read from public regions: the text fields' `region` and each toast's."""

from __future__ import annotations

import pytest
from textual.widgets._toast import Toast  # Textual does not export it

from tests.support.live import make_app, run_async, steady_cursor, type_text, wait_until
from tests.support.samples import sample_store

#: Messages as the app writes them: a short confirmation, a sentence, a long refusal.
MESSAGES = [
    ("", "Beslutet är tillagt.", "information"),
    ("Avslutat", "Mötet avslutades 15:30. Exportera protokollet med F10.", "information"),
    ("Närvaron ändrades inte", "Vera Holmqvist kan inte gå efter § 44 när hon kom "
     "från § 45; ange en senare paragraf eller ändra tiden för ankomsten.", "error"),
    ("Ingen PDF", "LibreOffice saknas. Installera det med sudo apt install "
     "libreoffice-writer-nogui; Word-filen är sparad bredvid i stället.", "warning"),
]


def toasts(app):
    return list(app.screen.query("Toast"))


async def show(pilot, messages) -> None:
    for title, text, severity in messages:
        pilot.app.notify(text, title=title, severity=severity)
    await wait_until(pilot, lambda: len(toasts(pilot.app)) == len(messages), what="toasts")
    await pilot.pause()
    await pilot.pause()


def overlaps(a, b) -> bool:
    return bool(a.intersection(b))


def toast_cells(screen, region) -> list[tuple[int, int]]:
    """The cells of `region` where a toast is the topmost widget."""
    covered = []
    for y in range(region.y, region.bottom):
        for x in range(region.x, region.right):
            widget, _ = screen.get_widget_at(x, y)
            if any(isinstance(node, Toast) for node in widget.ancestors_with_self):
                covered.append((x, y))
    return covered


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40)])
@pytest.mark.parametrize("count", [1, 2, 4])
@run_async
async def test_toasts_in_live_mode_never_cover_the_notes(size, count):
    store, meeting_id = sample_store()
    app = make_app(store, meeting_id)
    async with app.run_test(size=size, notifications=True) as pilot:
        await wait_until(pilot, lambda: app.screen.query("#notes"), what="live mode")
        await type_text(pilot, "Kommunen")  # the secretary is typing in the notes
        await show(pilot, MESSAGES[:count])
        screen = app.screen
        agenda = screen.query_one("#agenda").region
        covered = toast_cells(screen, screen.region)
        assert covered and all(agenda.contains_point(cell) for cell in covered)
        # What is drawn on top, cell by cell: the notes, the decisions and actions and
        # the footer show whole, whatever the toasts' number and length.
        for field in screen.query("#notes, EntryList, Footer"):
            assert not toast_cells(screen, field.region), field
        # Typing goes on into the notes while the toasts show.
        await type_text(pilot, " svarar")
        assert "Kommunen svarar" in screen.query_one("#notes").text


@run_async
async def test_toasts_in_the_agenda_editor_stay_over_the_tree():
    store, meeting_id = sample_store()
    app = make_app(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.open_meeting(meeting_id, mode="agenda")
        await wait_until(pilot, lambda: app.screen.query("#item-editor"), what="editor")
        await pilot.pause()
        await show(pilot, MESSAGES[:3])
        editor = app.screen.query_one("#item-editor").region
        tree = app.screen.query_one("#agenda-tree").region
        covered = toast_cells(app.screen, app.screen.region)
        assert covered and all(tree.contains_point(cell) for cell in covered)
        assert not toast_cells(app.screen, editor)


def test_live_mode_with_toasts(snap_compare):
    store, meeting_id = sample_store()

    async def notified(pilot) -> None:
        await wait_until(pilot, lambda: pilot.app.screen.query("FooterKey"), what="footer")
        await show(pilot, [MESSAGES[0], MESSAGES[2]])
        await steady_cursor(pilot)

    assert snap_compare(make_app(store, meeting_id), terminal_size=(80, 24),
                        run_before=notified)
