"""Every screen's footer at 80x24: each key wholly visible, the palette key in Swedish,
nothing of a cut key left at the edge."""

from __future__ import annotations

import pytest
from textual.widgets import Footer

from tests.support.live import make_app, run_async, settle, wait_until
from tests.support.samples import sample_store


async def _open(pilot, where: str) -> None:
    app = pilot.app
    if where in ("setup", "agenda"):
        app.open_meeting(app.session.meeting.id, mode=where)
    elif where == "start":
        app.show_start()
    else:
        await pilot.press({"actions": "ctrl+l", "preview": "f9", "live": "f1"}[where])
        if where == "live":
            await pilot.press("escape")  # F1 and back: the footer has been rebuilt once
    await settle(pilot)


@pytest.mark.parametrize("where", ["start", "setup", "agenda", "actions", "preview", "live"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@run_async
async def test_every_footer_key_is_wholly_visible(where, size):
    store, meeting_id = sample_store()
    app = make_app(store, meeting_id)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await _open(pilot, where)
        footer = app.screen.query_one(Footer)
        # The footer rebuilds itself after the screen's bindings settle: wait for it.
        def laid_out() -> bool:
            keys = list(footer.query("FooterKey"))
            return bool(keys) and all(key.region.width for key in keys)

        await wait_until(pilot, laid_out, what="the footer's keys laid out")
        assert footer.region.bottom == size[1]
        keys = list(footer.query("FooterKey"))
        assert keys
        for key in keys:
            region = key.region
            assert region.width > 0 and region.right <= size[0], (key.key, region)
            assert footer.region.contains_region(region), (key.key, region)
            if key.has_class("-command-palette"):
                assert key.render().plain == "^p Kommandon"
        # The quit and help keys, last in the list, made it onto the screen.
        shown = {key.key for key in keys}
        assert "f1" in shown and "ctrl+l" in shown
