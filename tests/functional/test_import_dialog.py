"""Pilot tests of the import dialog: read, show counts or the error, store on confirm."""

from __future__ import annotations

from textual.widgets import Button, Input

from store import MeetingStore
from tests.support.import_app import ImportApp, read_in, result_text
from tests.support.live import run_async
from tui.dialogs.import_meeting import ImportDialog, expand_path

AGENDA = """\
Referensgruppen Lövsta
2031-05-20 kl. 10.00-12.00
Plats: Lövsta skola
Deltagare: Ronja Fält (Ordförande), Sixten Grå, Tyra Holm

1. Mötet öppnas
2. Skolgården
2.1 Lekplatsen
2.2 Cykelställen
3. Övriga frågor
"""


@run_async
async def test_reads_shows_counts_and_stores_on_confirm(tmp_path):
    (tmp_path / "dagordning.txt").write_text(AGENDA, encoding="utf-8")
    store = MeetingStore.in_memory()
    app = ImportApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await read_in(pilot, str(tmp_path / "dagordning.txt"))
        text = result_text(app)
        assert "Inläst (textdagordning): Referensgruppen Lövsta (2031-05-20 10:00)" in text
        assert "3 punkter, 2 underpunkter, 3 deltagare" in text
        assert store.summaries() == []  # nothing stored before the confirmation
        assert not app.screen.query_one("#ok", Button).disabled
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert isinstance(app.result, str)
    meeting = store.load(app.result)
    assert [item.title for item in meeting.items] == ["Mötet öppnas", "Skolgården", "Övriga frågor"]
    assert meeting.place == "Lövsta skola"


@run_async
async def test_broken_file_shows_swedish_error_and_imports_nothing(tmp_path):
    (tmp_path / "trasig.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    store = MeetingStore.in_memory()
    app = ImportApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await read_in(pilot, str(tmp_path / "trasig.docx"))
        text = result_text(app)
        assert "skadad eller ofullständig" in text
        assert "Inget har importerats" in text
        assert app.screen.query_one("#result").has_class("error")
        assert app.screen.query_one("#ok", Button).disabled
        await pilot.press("ctrl+s")  # reads again, still nothing to store
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ImportDialog)
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is None
    assert store.summaries() == []


@run_async
async def test_missing_file_and_empty_path(tmp_path):
    store = MeetingStore.in_memory()
    app = ImportApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert "Skriv sökvägen" in result_text(app)
        await read_in(pilot, str(tmp_path / "finns-inte.md"))
        assert "finns inte" in result_text(app)


@run_async
async def test_tilde_path_and_second_enter_confirms(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "mote.md").write_text("# Styrgruppen\n\n1. Start\n2. Slut\n", encoding="utf-8")
    store = MeetingStore.in_memory()
    app = ImportApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await read_in(pilot, "'~/mote.md'")
        assert "2 punkter, 0 underpunkter, 0 deltagare" in result_text(app)
        assert "dagens datum" in result_text(app)
        await pilot.press("enter")
        await pilot.pause()
    assert store.load(app.result).title == "Styrgruppen"


@run_async
async def test_changing_the_path_forgets_what_was_read(tmp_path):
    (tmp_path / "a.txt").write_text(AGENDA, encoding="utf-8")
    store = MeetingStore.in_memory()
    app = ImportApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await read_in(pilot, str(tmp_path / "a.txt"))
        assert not app.screen.query_one("#ok", Button).disabled
        app.screen.query_one("#path", Input).value = str(tmp_path / "b.txt")
        await pilot.pause()
        assert app.screen.query_one("#ok", Button).disabled
        assert app.screen.meeting is None


def test_expand_path(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert expand_path(' "~/x y.docx" ') == tmp_path / "x y.docx"
    assert expand_path("/tmp/a.txt") == expand_path("'/tmp/a.txt'")
