"""Live mode's footer at 80x24: every key fits, F10, F12 and the palette included."""

from __future__ import annotations

from store import MeetingStore
from tests.support.live import add_meeting, make_app, run_async, settle, wait_until


@run_async
async def test_footer_shows_f10_f12_and_the_palette_at_80_columns():
    from textual.widgets import Footer

    store = MeetingStore.in_memory()
    app = make_app(store, add_meeting(store))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # The footer is mounted just after the first frame; wait for its keys.
        await wait_until(pilot, lambda: app.screen.query("FooterKey"), what="footer keys")
        footer = app.screen.query_one(Footer)
        shown = {}
        for key in footer.query("FooterKey"):
            region = key.region
            # Wholly on screen: not cut at the right edge, not scrolled away.
            assert region.width > 0 and region.right <= 80, (key.key, region)
            assert footer.region.contains_region(region), (key.key, region)
            shown[key.key] = key.render().plain
        assert {"f10", "f12", "ctrl+p", "f2", "f3", "f9", "ctrl+q"} <= set(shown)
        assert shown["f10"].startswith("f10 ") and shown["f12"].startswith("f12 ")
        assert shown["ctrl+p"] == "^p Kommandon"
        assert footer.region.bottom == 24
