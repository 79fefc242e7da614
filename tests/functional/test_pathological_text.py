"""A meeting holding pathological markup (thousands of nested stars, an 8 kB pasted
line) opens in live mode, previews and exports (issue 9.6)."""

from __future__ import annotations

from store import Action, Decision, MeetingStore
from tests.support.live import add_meeting, council_meeting, make_app, run_async, settle
from tui.screens.live import LiveScreen
from tui.screens.preview import PreviewScreen

DEEP = "**q " * 3000 + "q" + "*" * 6000
PASTE = ("*q **q **q *q " * 600)[:8192]


@run_async
async def test_a_meeting_with_thousands_deep_emphasis_opens_previews_and_exports(
    file_store: MeetingStore, tmp_path, monkeypatch
):
    from export.docx_read import docx_lines

    monkeypatch.setenv("MOTESBOK_EXPORT_DIR", str(tmp_path))
    meeting = council_meeting()
    opening = meeting.items[0]
    opening.status = "done"
    broadband = meeting.items[1]
    broadband.description = DEEP
    broadband.background = PASTE
    broadband.proposal = DEEP
    broadband.notes = PASTE + "\n" + DEEP
    broadband.decisions.append(Decision(DEEP))
    broadband.actions.append(Action(PASTE, owner="Vera Holmqvist"))
    mid = add_meeting(file_store, meeting)
    app = make_app(file_store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        assert app.screen.current.title == "Bredband på landsbygden"
        await pilot.press("f9")
        await settle(pilot)
        assert isinstance(app.screen, PreviewScreen)
        assert "Bredband på landsbygden" in app.screen.plain_text()
        await pilot.press("h")  # the whole minutes
        await settle(pilot)
        assert "Deltagare" in app.screen.plain_text()
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        await pilot.press("f10")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
    minutes = tmp_path / "Samverkansråd, Norrfjällen 2031-04-02.docx"
    lines = docx_lines(minutes)
    assert "2. Bredband på landsbygden" in lines
    assert any(line.startswith("q q q") for line in lines)


@run_async
async def test_a_part_that_cannot_be_drawn_does_not_stop_the_meeting(monkeypatch):
    """Whatever goes wrong drawing a field, the meeting opens with the text as typed and
    the preview says it cannot be shown."""
    import export.markup
    import export.minutes_layout

    def broken(text):
        raise ValueError("cannot draw")

    monkeypatch.setattr(export.markup, "parse_field", broken)
    monkeypatch.setattr(export.minutes_layout, "parse_field", broken)
    store = MeetingStore.in_memory()
    meeting = council_meeting()
    meeting.items[0].status = "done"
    mid = add_meeting(store, meeting)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        from textual.widgets import Static

        shown = app.screen.query_one("#agenda-body", Static).content
        assert "Utbyggnaden har stannat i två byar." in str(shown)
        await pilot.press("f9")
        await settle(pilot)
        assert "kunde inte visas" in app.screen.plain_text()
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
