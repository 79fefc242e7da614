"""The app's export (F10 / `e`) of a protocol meeting writes the protocol, numbered from
the store's series, not the minutes (issue 12, "After the meeting")."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from store import MeetingStore
from tests.support.export_dialog import accept, export_app, open_export
from tests.support.live import make_app, run_async, wait_until
from tests.support.protocol_docx import header_lines, open_docx, styled_lines
from tests.support.protocol_sample import protocol_meeting
from tui.dialogs.export_meeting import (
    default_actions_name,
    default_extract_name,
    default_minutes_name,
    export_files,
)


class _App:
    """What export_files needs of the app: the store, and notices posted to it."""

    def __init__(self, store: MeetingStore):
        self.store = store
        self.told: list[str] = []

    def post_message(self, message) -> bool:
        self.told.append(message.text)
        return True


def test_the_app_exports_a_protocol_meeting_as_the_protocol(tmp_path):
    store = MeetingStore.in_memory()
    earlier = protocol_meeting(2)
    earlier.date, earlier.first_paragraph = "2031-02-11", 10
    store.add(earlier)
    meeting = protocol_meeting()
    meeting.first_paragraph = None  # continues the series: §§ 12-14
    store.add(meeting)
    target = tmp_path / "protokoll.docx"
    app = _App(store)
    export_files(app, meeting, target, None)
    assert app.told and str(target) in app.told[-1]
    document = open_docx(target.read_bytes())
    assert header_lines(document)[1] == "PROTOKOLL"
    assert ("Heading 1", "§ 12 Gång- och cykelväg etapp 1") in styled_lines(document)


def test_an_extract_from_the_app_holds_only_the_chosen_paragraphs(tmp_path):
    store = MeetingStore.in_memory()
    meeting = protocol_meeting()  # §§ 41-43
    store.add(meeting)
    target = tmp_path / "utdrag.docx"
    app = _App(store)
    export_files(app, meeting, target, None, extract="42")
    assert "Protokollsutdrag" in app.told[-1] and str(target) in app.told[-1]
    document = open_docx(target.read_bytes())
    assert header_lines(document)[1] == "PROTOKOLLSUTDRAG"
    headings = [text for style, text in styled_lines(document) if style == "Heading 1"]
    assert headings == ["§ 42 Gång- och cykelväg etapp 2"]


def test_every_paragraph_as_its_own_extract_from_the_app(tmp_path):
    store = MeetingStore.in_memory()
    meeting = protocol_meeting()
    store.add(meeting)
    app = _App(store)
    export_files(app, meeting, tmp_path / "utdrag.docx", None, extract="all")
    folder = tmp_path / "utdrag"
    assert sorted(p.name for p in folder.iterdir()) == [
        f"§ {n} Gång- och cykelväg etapp {n - 40}.docx" for n in (41, 42, 43)]
    assert "3 protokollsutdrag" in app.told[-1]


def test_a_paragraph_the_protocol_lacks_is_said_in_one_sentence(tmp_path):
    store = MeetingStore.in_memory()
    meeting = protocol_meeting()
    store.add(meeting)
    app = _App(store)
    export_files(app, meeting, tmp_path / "utdrag.docx", None, extract="99")
    assert "§ 99 finns inte" in app.told[-1]
    assert not (tmp_path / "utdrag.docx").exists()


@run_async
async def test_the_export_dialog_offers_an_extract_for_a_protocol(tmp_path, monkeypatch):
    monkeypatch.setenv("MOTESBOK_EXPORT_DIR", str(tmp_path))
    store = MeetingStore.in_memory()
    meeting = protocol_meeting()
    store.add(meeting)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_export(pilot)
        path = pilot.app.screen.query_one("#minutes-path", Input)
        assert Path(path.value).name == default_minutes_name(meeting)
        pilot.app.screen.query_one("#extract", Input).focus()
        label = pilot.app.screen.query_one("#minutes-label")
        assert str(label.render()).startswith("Protokoll (")
        await pilot.press("4", "2")
        assert Path(path.value).name == default_extract_name(meeting)
        assert str(label.render()).startswith("Protokollsutdrag (")  # says what is written
        await accept(pilot)
        target = tmp_path / default_extract_name(meeting)
        await wait_until(pilot, target.exists, what="the extract written by the worker")
    headings = [t for s, t in styled_lines(open_docx(target.read_bytes())) if s == "Heading 1"]
    assert headings == ["§ 42 Gång- och cykelväg etapp 2"]


@run_async
async def test_a_minutes_meeting_has_no_extract_field(tmp_path, monkeypatch):
    app = export_app(tmp_path, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_export(pilot)
        assert not pilot.app.screen.query("#extract")


@run_async
async def test_an_extract_writes_no_action_list_and_asks_nothing_about_one(tmp_path, monkeypatch):
    # The action list is the whole meeting's: an utdrag for the recipients of one § neither
    # writes it nor asks to replace the one exported with the protocol.
    monkeypatch.setenv("MOTESBOK_EXPORT_DIR", str(tmp_path))
    store = MeetingStore.in_memory()
    meeting = protocol_meeting()
    store.add(meeting)
    actions = tmp_path / default_actions_name(meeting)
    actions.write_bytes(b"earlier export")
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_export(pilot)
        pilot.app.screen.query_one("#extract", Input).focus()
        await pilot.press("4", "2")
        assert pilot.app.screen.query_one("#with-actions").disabled
        await accept(pilot)
        target = tmp_path / default_extract_name(meeting)
        await wait_until(pilot, target.exists, what="the extract written by the worker")
    assert actions.read_bytes() == b"earlier export"


def test_alla_in_swedish_writes_one_extract_per_paragraph(tmp_path):
    store = MeetingStore.in_memory()
    meeting = protocol_meeting()
    store.add(meeting)
    app = _App(store)
    export_files(app, meeting, tmp_path / "utdrag.docx", None, extract="Alla")
    assert len(list((tmp_path / "utdrag").iterdir())) == 3
    assert "3 protokollsutdrag" in app.told[-1]
