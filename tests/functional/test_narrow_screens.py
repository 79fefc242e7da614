"""At 80x24 (the smallest usual terminal) labels and names are shown whole."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.widgets import Input

from tests.support.live import make_app, run_async, settle
from tests.support.samples import sample_store


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@run_async
async def test_action_list_filters_show_their_whole_labels(size):
    store, meeting_id = sample_store()
    app = make_app(store, meeting_id)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+l")
        await settle(pilot)
        fields = list(app.screen.query("#actions-filters Input").results(Input))
        assert len(fields) == 4
        for field in fields:
            assert field.content_region.width >= Text(field.placeholder).cell_len, (
                field.placeholder, field.content_region)
        # The table still shows a useful number of rows.
        assert app.screen.query_one("#actions-table").region.height >= 10


@run_async
async def test_preview_keeps_an_owner_on_one_line_at_80_columns():
    store, meeting_id = sample_store()
    app = make_app(store, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f9")
        await settle(pilot)
        # Whatever is left beside a scrollbar and the margins of an 80-column window.
        for width in range(66, 79):
            row = [line for line in app.screen.plain_text(width=width).splitlines()
                   if "Kontakta operatören" in line]
            assert len(row) == 1 and "2031-04-16  " in row[0], (width, row)
            assert row[0].rstrip().endswith("Vera Holmqvist"), (width, row)
