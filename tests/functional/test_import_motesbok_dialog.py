"""Pilot test of the import dialog with a mötesbok PDF (issue 13): the summary says what
was found (ärenden, diarienummer, which had no tjänsteskrivelse, unplaced text), and the
protocol meeting is stored on confirmation."""

from __future__ import annotations

from store import MeetingStore
from store.domain.protocol import PROTOCOL
from tests.support.import_app import ImportApp, read_in, result_text
from tests.support.live import run_async
from tests.support.motesbok_sample import encrypted, pdf_bytes, sample_book


@run_async
async def test_a_motesbok_pdf_shows_its_summary_and_stores_a_protocol(tmp_path):
    book = sample_book()
    path = tmp_path / "mötesbok.pdf"
    path.write_bytes(pdf_bytes(book))
    store = MeetingStore.in_memory()
    app = ImportApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await read_in(pilot, str(path))
        text = " ".join(result_text(app).split())
        assert "Inläst (mötesbok, PDF): Tekniska nämndens trafikutskott (2031-03-11 09:30)" in text
        assert "5 ärenden, 4 med diarienummer" in text
        assert "utan tjänsteskrivelse: 45/31 Information om trafiksäkerhetsveckan" in text
        assert ("2 rader text kunde inte placeras (varav 1 ur tjänsteskrivelserna): se "
                "”Ej placerad text från importen” sist i dagordningen (utan §, skrivs inte "
                "ut)") in text
        assert "första § 41 efter ärendenumren (41/31–45/31)" in text
        assert store.summaries() == []
        await pilot.press("ctrl+s")
        await pilot.pause()
    meeting = store.load(app.result)
    assert meeting.kind == PROTOCOL and meeting.first_paragraph == 41
    # Only the ärenden are items (their §§ follow one another); the leftovers are kept
    # as the meeting's unplaced text.
    assert [item.case_number for item in meeting.items] == [c.number for c in book.cases]
    assert book.loose in meeting.unplaced and book.cases[0].paper.stray in meeting.unplaced


@run_async
async def test_an_encrypted_pdf_shows_the_reason(tmp_path):
    path = tmp_path / "låst.pdf"
    path.write_bytes(encrypted(pdf_bytes(sample_book()), "hemligt"))
    store = MeetingStore.in_memory()
    app = ImportApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await read_in(pilot, str(path))
        text = " ".join(result_text(app).split())
        assert "lösenordsskyddad" in text and "Inget har importerats" in text
