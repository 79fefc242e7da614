"""An agenda item's prepared text (presenter, time, description, background, proposal,
attachments) as terminal text, for live mode's item pane."""

from __future__ import annotations

from rich.text import Text

from store import AgendaItem


def markup_text(text: str) -> Text:
    """A field's tiny markup (bullets, *italic*, **bold**) as terminal text."""
    from export.markup import parse_field

    out = Text()
    try:
        paragraphs = parse_field(text)
    except Exception:  # noqa: BLE001 - one field that cannot be drawn must not close the meeting
        return Text(text)
    for paragraph in paragraphs:
        if out:
            out.append("\n")
        if paragraph.bullet:
            out.append("  • ")
        for run in paragraph.runs:
            style = ("bold " if run.bold else "") + ("italic" if run.italic else "")
            out.append(run.text, style=style.strip() or None)
    return out


def agenda_text(item: AgendaItem) -> Text:
    out = Text()

    def para(text: Text) -> None:
        if out:
            out.append("\n")
        out.append_text(text)

    head = []
    if item.presenter:
        head.append(f"Föredragande: {item.presenter}")
    if item.time:
        head.append(f"Tid: {item.time}")
    if head:
        para(Text("  ".join(head), style="italic"))
    if item.description:
        para(markup_text(item.description))
    if item.background:
        para(Text("Ärendebeskrivning", style="bold"))
        para(markup_text(item.background))
    if item.proposal:
        para(Text("Förslag till beslut: ", style="bold") + markup_text(item.proposal))
    if item.attachments:
        para(Text("Bilagor: ", style="bold") + Text(", ".join(item.attachments)))
    return out
