"""The app's export (F10 / `e`) of a protocol meeting writes the protocol, numbered from
the store's series, not the minutes (issue 12, "After the meeting")."""

from __future__ import annotations

from store import MeetingStore
from tests.support.protocol_docx import header_lines, open_docx, styled_lines
from tests.support.protocol_sample import protocol_meeting
from tui.dialogs.export_meeting import export_files


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
