"""Live mode's protocol line (protocol meetings only): the current § number, beslutförhet
("7 av 7 tjänstgör", or a plain warning when not quorate) and who has jäv; below it, who
leads the § when the chair has jäv, and what is recorded in the § so far. Two lines at
most (the notes need the room at 80×24); who serves for whom is in the vote's grid. Shows the model, holds nothing."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from store.domain.chair_conflict import chair_conflict_line
from store.domain.model import AgendaItem, Meeting
from store.domain.protocol_record import paragraph_item
from store.domain.protocol_vote import counted_votes
from store.domain.serving import quorum_text, quorum_warning, serving


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _tally(tally: dict[str, int]) -> str:
    return f"{tally['ja']}–{tally['nej']}" + (
        f" ({tally['avstår']} avstår)" if tally["avstår"] else "")


def recorded_text(item: AgendaItem) -> str:
    """'2 yrkanden · omröstning 4–3 · 1 reservation · justeras omedelbart', or ''."""
    parts = []
    if item.motions:
        parts.append(_count(len(item.motions), "yrkande", "yrkanden"))
    tallies = [_tally(vote.tally()) for vote in counted_votes(item) if vote.ballots]
    if tallies:  # several: 'omröstningar 3–4, 4–3'
        parts.append(f"{'omröstning' if len(tallies) == 1 else 'omröstningar'} "
                     f"{', '.join(tallies)}")
    if item.procedure:
        parts.append("beslutsgång")
    if item.reservations:
        parts.append(_count(len(item.reservations), "reservation", "reservationer"))
    if item.protocol_notes:
        parts.append(_count(len(item.protocol_notes), "protokollsanteckning",
                            "protokollsanteckningar"))
    if item.adjusted_immediately:
        parts.append("justeras omedelbart")
    return " · ".join(parts)


def protocol_line(meeting: Meeting, item: AgendaItem, paragraph: str) -> Text:
    item = paragraph_item(meeting, item)
    state = serving(meeting, item)
    text = Text(paragraph, style="bold")
    warning = quorum_warning(state)
    if warning:
        text.append(f" · {warning}", style="bold red")
    else:
        text.append(f" · {quorum_text(state)}")
    if state.conflicted:
        text.append(f" · jäv: {', '.join(state.conflicted)}")
    # Who leads the § when the chair has jäv comes first on the second line: it is
    # what the secretary must act on before the § is handled.
    lead = chair_conflict_line(meeting, item, paragraph or "paragrafen")
    recorded = recorded_text(item)
    if lead:
        text.append(f"\n{lead}", style="bold")
    if recorded:
        text.append(f" · {recorded}" if lead else f"\n{recorded}", style="dim")
    return text


class ProtocolLine(Static):
    DEFAULT_CSS = """
    ProtocolLine {
        height: auto;
        max-height: 2;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def show(self, meeting: Meeting, item: AgendaItem | None, paragraph: str) -> None:
        self.update(protocol_line(meeting, item, paragraph) if item is not None else "")
