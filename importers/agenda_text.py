"""An agenda (dagordning) from plain text or Markdown, as pasted from an email.

The text is first cut into `Line`s (indent, heading level, typed number, bullet); the
Word importer produces the same `Line`s from paragraphs, so one builder,
`build_meeting`, turns either into a meeting. The seams:

- agenda_lines.py: the lexer (text to `Line`s);
- agenda_header.py: the header (title, date and time, place, participants), with
  agenda_title.py (a date on the title line) and agenda_when.py (dates and times);
- agenda_items.py: what stands under an item (presenter, time, sections, actions);
- agenda_builder.py: which lines are items, and the meeting built from them.

Nothing is dropped: a line that cannot be understood is kept as text where it stands
(lines before the first item that are no header field go to a first item of their own).
"""

from __future__ import annotations

from datetime import date as Date

from store.domain.model import Meeting

from .agenda_builder import build_meeting
from .agenda_lines import lex_text


def parse_agenda_text(text: str, *, today: Date | None = None) -> tuple[Meeting, list[str]]:
    """A meeting and notes for the summary (e.g. that the date was not found)."""
    return build_meeting(lex_text(text), today=today)
