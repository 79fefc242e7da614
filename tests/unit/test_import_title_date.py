"""A date on the agenda's title line is the meeting's date (and a time beside it, its
start). The forms are generated: agenda words or a real title, ISO, named or slashed
dates, with or without weekday, "den", a time or a time range."""

from __future__ import annotations

from datetime import date as Date

from hypothesis import given, settings
from hypothesis import strategies as st

from importers.agenda_builder import build_meeting
from importers.agenda_lines import Line
from importers.agenda_text import parse_agenda_text
from importers.detect import meeting_from_bytes

from tests.support.examples import examples

TODAY = Date(2031, 1, 15)
MONTH_NAMES = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
               "september", "oktober", "november", "december"]
WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
AGENDA_WORDS = ["Dagordning", "Kallelse och dagordning", "Föredragningslista", "Kallelse",
                "Preliminär dagordning"]
TITLES = ["Styrelsemöte", "Årsmöte Brf Lönnen", "Kommunchefsmöte", "Styrgruppen Norrviken"]


@st.composite
def when(draw):
    day = draw(st.dates(min_value=Date(2000, 1, 1), max_value=Date(2099, 12, 31)))
    form = draw(st.sampled_from(["iso", "named", "named-e", "slash"]))
    text = {
        "iso": day.isoformat(),
        "named": f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}",
        "named-e": f"{day.day}:e {MONTH_NAMES[day.month - 1]} {day.year}",
        "slash": f"{day.day}/{day.month} {day.year}",
    }[form]
    if form != "iso" and draw(st.booleans()):
        text = f"{WEEKDAYS[day.weekday()]} {text}"
    elif draw(st.booleans()):
        text = f"den {text}"
    hour, minute = draw(st.integers(7, 20)), draw(st.sampled_from([0, 15, 30, 45]))
    time_form = draw(st.sampled_from(["", "kl", "kl.", "range", "comma-kl"]))
    start = f"{hour:02d}:{minute:02d}"
    time_text = {
        "": "", "kl": f" kl {hour}.{minute:02d}", "kl.": f" kl. {hour:02d}:{minute:02d}",
        "range": f" {hour:02d}.{minute:02d}–{hour + 2:02d}.{minute:02d}",
        "comma-kl": f", kl. {hour}.{minute:02d}",
    }[time_form]
    end = f"{hour + 2:02d}:{minute:02d}" if time_form == "range" else None
    return text + time_text, day.isoformat(), (start if time_form else None), end


@settings(max_examples=examples(200), deadline=None)
@given(words=st.sampled_from(AGENDA_WORDS), moment=when(),
       separator=st.sampled_from([" ", " – ", ": ", ", "]),
       decoration=st.sampled_from(["{}", "# {}", "## {}", "**{}**"]),
       items=st.sampled_from(["1. {}\n2. {}\n", "- {}\n- {}\n", "## {}\n## {}\n"]))
def test_agenda_words_with_a_date_give_the_meeting_its_date(
    words, moment, separator, decoration, items
):
    text_when, day, start, end = moment
    first = decoration.format(f"{words}{separator}{text_when}")
    if decoration == "## {}" and items.startswith("##"):
        items = items.replace("##", "###")
    text = f"{first}\n\n" + items.format("Mötet öppnas", "Övriga frågor")
    meeting, notes = parse_agenda_text(text, today=TODAY)
    assert (meeting.date, meeting.start, meeting.end) == (day, start, end)
    assert [item.title for item in meeting.items] == ["Mötet öppnas", "Övriga frågor"]
    assert not any("datum" in note for note in notes)


@settings(max_examples=examples(200), deadline=None)
@given(title=st.sampled_from(TITLES), moment=when(),
       separator=st.sampled_from([" ", " – ", ", "]), markdown=st.sampled_from(["", "# "]))
def test_a_title_with_a_date_is_the_title_and_the_date(title, moment, separator, markdown):
    text_when, day, start, end = moment
    body = "\n\n1. Mötet öppnas\n2. Övriga frågor\n"
    meeting, _ = parse_agenda_text(f"{markdown}{title}{separator}{text_when}{body}", today=TODAY)
    assert meeting.title == title
    assert (meeting.date, meeting.start, meeting.end) == (day, start, end)


def test_the_reported_forms():
    for first, day, start in [
        ("Dagordning 2026-12-03", "2026-12-03", None),
        ("Dagordning 3 december 2026", "2026-12-03", None),
        ("Kallelse och dagordning 2026-12-03 kl 13.00", "2026-12-03", "13:00"),
    ]:
        raw = f"{first}\nStyrelsemöte Brf Lönnen\n1. Mötet öppnas\n".encode()
        meeting = meeting_from_bytes(raw, today=TODAY)
        assert (meeting.title, meeting.date, meeting.start) == (
            "Styrelsemöte Brf Lönnen", day, start)


def test_a_title_without_a_date_is_unchanged():
    for title in ["Budget 2027", "Möte 13.00", "Plan 2030–2035", "Styrgrupp 4/5"]:
        meeting, _ = parse_agenda_text(f"{title}\n\n1. Punkt\n", today=TODAY)
        assert meeting.title == title
        assert meeting.date == TODAY.isoformat()


def test_a_word_title_paragraph_with_a_date():
    lines = [Line("Styrelsemöte onsdag 3 december 2026 kl. 18.30", title_style=True),
             Line("Öppning", number=(1,)), Line("Avslutning", number=(2,))]
    meeting, _ = build_meeting(lines, today=TODAY)
    assert (meeting.title, meeting.date, meeting.start) == ("Styrelsemöte", "2026-12-03", "18:30")
