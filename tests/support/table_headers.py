"""Header rows of agenda tables as secretaries spell them (our own list, wider than the
importer's words), generated for property tests: as cells (a Word table) or as one line
with a column separator (a PDF or text agenda)."""

from __future__ import annotations

from hypothesis import strategies as st

NUMBER_COLUMNS = ("Nr", "Nr.", "Nummer", "§", "Paragraf", "Punkt", "Ärendenr",
                  "Ärendenummer", "Ärende nr", "Löpnr")
TITLE_COLUMNS = ("Ärende", "Ärenden", "Rubrik", "Ärenderubrik", "Ärendemening", "Titel",
                 "Ämne", "Beskrivning")
DNR_COLUMNS = ("Dnr", "Dnr.", "D.nr", "Diarienr", "Diarienummer", "Diarienr.",
               "Diariennummer", "Diarie nr")
OTHER_COLUMNS = ("Föredragande", "Föredras av", "Handläggare", "Ansvarig", "Tid", "Kl.",
                 "Beslut", "Förslag till beslut", "Bilagor", "Handlingar", "Sida")
SEPARATORS = (" | ", "\t", "  ", "   ", " ", " ; ")


def recased(draw, text: str) -> str:
    how = draw(st.sampled_from(("as is", "upper", "lower", "title", "random")))
    if how == "random":
        return "".join(ch.upper() if draw(st.booleans()) else ch.lower() for ch in text)
    return {"as is": text, "upper": text.upper(), "lower": text.lower(),
            "title": text.title()}[how]


@st.composite
def header_cells(draw) -> list[str]:
    """Two to five column titles: a title column and one to four of the others."""
    columns = [draw(st.sampled_from(TITLE_COLUMNS))]
    for pool in (NUMBER_COLUMNS, DNR_COLUMNS, OTHER_COLUMNS):
        if draw(st.booleans()):
            columns.insert(draw(st.integers(0, len(columns))), draw(st.sampled_from(pool)))
    if len(columns) == 1:
        columns.insert(0, draw(st.sampled_from(NUMBER_COLUMNS)))
    colon = draw(st.sampled_from(("", ":")))
    return [recased(draw, column) + colon for column in columns]


@st.composite
def header_rows(draw) -> str:
    """A header row as one line, its cells joined by a separator."""
    cells = draw(header_cells())
    separator = draw(st.sampled_from(SEPARATORS))
    return draw(st.sampled_from(("", " ", "\t"))) + separator.join(cells)
