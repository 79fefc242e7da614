"""Fitting a line into a narrow place: the title shortened with …, the date or the
standing mark after it kept (tui/widgets/fit.py, standing_mark.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.text import Text

from tui.widgets.fit import fit_before
from tui.widgets.standing_mark import STANDING_MARK, append_standing_mark, fit_label

titles = st.text(st.characters(min_codepoint=32, max_codepoint=0x2FF,
                               blacklist_categories=("Cc", "Cs", "Mn", "Me")), max_size=120)


@given(titles, st.integers(0, 140))
def test_the_date_stays_and_the_line_fits(title, width):
    tail = Text(" · 2031-04-02")
    line = fit_before(Text(title), tail, width)
    if width == 0 or len(title) + tail.cell_len <= width:
        assert line.plain == title + tail.plain  # unchanged when it fits (or width unknown)
        return
    assert line.cell_len <= width
    if width >= tail.cell_len + 2:
        assert line.plain.endswith(tail.plain)
        head = line.plain[:-len(tail.plain)]
        assert head.endswith("…") and title.startswith(head[:-1])


@given(titles, st.booleans(), st.integers(1, 60))
def test_the_standing_mark_is_never_cut(title, standing, width):
    label = append_standing_mark(Text("▶ 3. ") + Text(title), standing)
    fitted = fit_label(label, width)
    assert fitted.cell_len <= max(width, 0) or fitted is label
    if standing and width >= 4:
        assert fitted.plain.endswith(f" {STANDING_MARK}")
    if label.cell_len <= width:
        assert fitted.plain == label.plain
