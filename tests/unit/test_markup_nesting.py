"""Deep, nested and unbalanced emphasis: the markup parser never fails and never nests
without bound (issue 9.6), and formatted runs written back as markup read back as the
same runs (issue 9.11: ``**fet *kursiv* fet**`` stays as typed)."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from export.markup import MAX_NESTING, Run, parse_field, parse_inline, runs_markup

from tests.support.examples import examples


def _deep(n: int) -> str:
    """``**q **q ... q****...``: each opener closes in the star run at the end, so an
    unbounded parser nests n spans deep."""
    return "**q " * n + "q" + "*" * (2 * n)


def _issue_line(n: int) -> str:
    return "*q **q **q *q " * n + "q" + "*" * (6 * n)


_token = st.sampled_from(
    ["*", "**", "***", "q", "ord", " ", "*q ", "**q ", " q*", " q**", "q*", "q**", "***q ", "q***"]
)
#: Lines of markup tokens, up to thousands of them (an 8 kB paste), plus deep nestings.
pathological = st.one_of(
    st.lists(_token, max_size=2500).map("".join),
    st.integers(1, 3000).map(_deep),
    st.integers(1, 700).map(_issue_line),
    st.tuples(st.integers(1, 2000), st.sampled_from(["*a ", "**a ", "***a ", "*a **a "]),
              st.sampled_from(["", "x*", "x**", "**x**", "*x*"])).map(lambda t: t[1] * t[0] + t[2]),
)


def _parse_without_deep_stack(line: str) -> list[Run]:
    """Parse with a recursion limit a recursive parser of such a line would exceed."""
    depth = 0
    frame = sys._getframe()
    while frame is not None:
        depth += 1
        frame = frame.f_back
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(depth + 60)
    try:
        return parse_inline(line)
    finally:
        sys.setrecursionlimit(limit)


def _formats(runs: list[Run]) -> list[tuple[bool, bool]]:
    return [(run.bold, run.italic) for run in runs]


def test_thousands_deep_nesting_is_bounded_and_keeps_every_character():
    for line in (_deep(3000), _issue_line(1000)):
        runs = _parse_without_deep_stack(line)
        # Every non-marker character survives, in order.
        assert "".join(r.text for r in runs).replace("*", "") == line.replace("*", "")
        # Past the nesting bound the markers are written as typed.
        assert "**q" in "".join(r.text for r in runs)


@settings(max_examples=examples(60), deadline=None)
@given(pathological)
def test_any_pathological_line_parses_with_a_shallow_stack(line):
    runs = _parse_without_deep_stack(line)
    assert "".join(r.text for r in runs).replace("*", "") == line.replace("*", "")
    assert all(r.text for r in runs)
    # Adjacent runs differ in format (merged), so runs never outnumber the characters.
    assert all(a != b for a, b in zip(_formats(runs), _formats(runs[1:])))
    assert len(runs) <= len(line)


@pytest.mark.slow  # a long property-based run: not in make test-fast
@settings(max_examples=examples(30), deadline=None)
@given(pathological)
def test_a_pathological_field_reads_back_from_the_minutes(line):
    from export.docx_minutes import build_minutes
    from export.docx_read import docx_lines
    from store.domain.model import AgendaItem, Meeting

    line = "Inledning " + line
    meeting = Meeting("Möte", "2031-05-04", items=[AgendaItem("Punkt", notes=line)])
    lines = docx_lines(build_minutes(meeting))
    expected = [p.text for p in parse_field(line)]
    index = lines.index("Anteckningar")
    assert lines[index + 1 : index + 1 + len(expected)] == expected


def test_nesting_up_to_the_bound_is_understood_and_deeper_markers_stay_as_typed():
    (inside,) = parse_inline(_deep(MAX_NESTING))
    assert inside == Run("q " * MAX_NESTING + "q", bold=True)
    (beyond,) = parse_inline(_deep(MAX_NESTING + 1))
    assert beyond.bold and beyond.text.endswith("**q q**")


# -- runs written back as markup -------------------------------------------------------

_word = st.text(alphabet=st.sampled_from(list("abcåäöXYZ019.,:()")), min_size=1, max_size=6)
_run = st.tuples(st.lists(_word, min_size=1, max_size=3).map(" ".join), st.booleans(), st.booleans())


@st.composite
def formatted_runs(draw):
    """Runs as Word holds them: words with a format each, spaces between."""
    runs = draw(st.lists(_run, min_size=1, max_size=6))
    out = []
    for index, (text, bold, italic) in enumerate(runs):
        if index:
            # The space between two runs belongs to one of them or stands alone.
            where = draw(st.sampled_from(["before", "after", "alone"]))
            if where == "alone":
                out.append((" ", False, False))
            elif where == "after":
                previous = out[-1]
                out[-1] = (previous[0] + " ", previous[1], previous[2])
                where = "alone" if not (previous[1] or previous[2]) else where
            else:
                text = " " + text
        out.append((text, bold, italic))
    return out


def _expected(runs) -> list[Run]:
    """The runs as markup can hold them: the spaces at the edges of a bold (italic)
    stretch fall outside it, as markers hug their words."""
    chars = [[ch, bold, italic] for text, bold, italic in runs for ch in text]
    for attribute in (1, 2):
        index = 0
        while index < len(chars):
            if not chars[index][attribute]:
                index += 1
                continue
            end = index
            while end < len(chars) and chars[end][attribute]:
                end += 1
            left = index
            while left < end and chars[left][0].isspace():
                chars[left][attribute] = False
                left += 1
            right = end - 1
            while right >= left and chars[right][0].isspace():
                chars[right][attribute] = False
                right -= 1
            index = end
    merged: list[Run] = []
    for ch, bold, italic in chars:
        if merged and (merged[-1].bold, merged[-1].italic) == (bold, italic):
            merged[-1] = Run(merged[-1].text + ch, bold, italic)
        else:
            merged.append(Run(ch, bold, italic))
    return merged


def test_nested_emphasis_is_written_nested():
    assert runs_markup([("fet ", True, False), ("kursiv", True, True), (" fet", True, False)]) == (
        "**fet *kursiv* fet**"
    )
    assert runs_markup([("båda", True, True)]) == "***båda***"
    assert runs_markup([("a ", False, True), ("b", True, True)]) == "*a **b***"


def _visible(runs) -> list[tuple[str, bool, bool]]:
    """Each character with its format; a space's format cannot be seen."""
    return [(ch, bold and not ch.isspace(), italic and not ch.isspace())
            for text, bold, italic in runs for ch in text]


@pytest.mark.slow  # a long property-based run: not in make test-fast
@settings(max_examples=examples(300), deadline=None)
@given(formatted_runs())
def test_formatted_runs_come_back_as_they_look(runs):
    """Runs as Word may hold them come back with every word in its format."""
    markup = runs_markup(runs)
    assert _visible(parse_inline(markup)) == _visible(runs), markup


_markup_token = st.one_of(
    _word, _word, _word.map(lambda w: f"**{w}**"), _word.map(lambda w: f"*{w}*"),
    st.lists(_word, min_size=1, max_size=3).map(lambda ws: f"**{ws[0]} *{' '.join(ws)}* {ws[-1]}**"),
    st.lists(_word, min_size=1, max_size=3).map(lambda ws: f"*{ws[0]} **{' '.join(ws)}** {ws[-1]}*"),
    _word.map(lambda w: f"***{w}***"), _word.map(lambda w: f"**{w} *{w}***"),
    st.sampled_from(["*", "**", "2 * 3", "a**b", "* x*", "x *", "***"]),
)
typed_line = st.lists(_markup_token, min_size=1, max_size=8).map(" ".join)


@pytest.mark.slow  # a long property-based run: not in make test-fast
@settings(max_examples=examples(400), deadline=None)
@given(typed_line)
def test_what_the_secretary_typed_comes_back_from_its_runs(line):
    """The export writes a field's runs; reading them back as markup gives the same runs
    (so the next export prints no literal stars)."""
    runs = parse_inline(line)
    markup = runs_markup(runs)
    assert parse_inline(markup) == runs, markup


@settings(max_examples=examples(200), deadline=None)
@given(typed_line)
def test_well_formed_markup_is_written_back_as_typed(line):
    runs = parse_inline(line)
    if "*" not in "".join(run.text for run in runs):
        assert runs_markup(runs) == runs_markup(parse_inline(runs_markup(runs)))
