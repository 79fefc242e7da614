"""The app's import worker with special paths: each is refused with its reason, promptly.

A FIFO nobody writes to used to block the worker thread forever (and with it the exit
of the app); /dev/zero filled the memory. The corpus is the one of the CLI tests.
"""

from __future__ import annotations

import asyncio

from store import MeetingStore
from tests.support.import_app import ImportApp, result_text
from tests.support.live import run_async
from tests.support.special_files import SPECIAL_KINDS, special_path
from textual.widgets import Button, Input


@run_async
async def test_import_worker_refuses_every_special_path_promptly(tmp_path):
    store = MeetingStore.in_memory()
    app = ImportApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        for kind in SPECIAL_KINDS:
            path = special_path(kind, tmp_path / kind)
            app.screen.query_one("#path", Input).value = str(path)
            await pilot.press("enter")
            # A hang is a failure here, not a stuck test run.
            await asyncio.wait_for(app.workers.wait_for_complete(), timeout=20)
            await pilot.pause()
            text = result_text(app)
            assert "inte en vanlig fil" in text or "är en mapp" in text, (kind, text)
            assert "Inget har importerats" in text
            assert app.screen.query_one("#ok", Button).disabled
        await pilot.press("escape")
        await pilot.pause()
    assert store.summaries() == []


@run_async
async def test_dialog_import_of_a_reexport_shares_no_ids_with_the_original(tmp_path):
    import orjson

    from store.persistence.action_done import set_action_done
    from store.persistence.serialize import meeting_to_dict
    from tests.support.import_app import read_in
    from tests.support.samples import all_actions, stored_series

    store = MeetingStore.at(tmp_path / "data")
    original_id, other_id, _ = stored_series(store)
    data = meeting_to_dict(store.load(original_id))
    del data["id"]
    other_action = store.load(other_id).items[0].actions[0].id
    data["items"][1]["actions"][0]["follows"] = other_action
    path = tmp_path / "igen.json"
    path.write_bytes(orjson.dumps(data))
    app = ImportApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await read_in(pilot, str(path))
        await pilot.press("ctrl+s")
        await pilot.pause()
    new_id = app.result
    assert isinstance(new_id, str) and new_id != original_id
    for action_id in [a["id"] for a in all_actions(data)] + [other_action]:
        set_action_done(store, action_id, True)
    imported = store.load(new_id)
    assert not any(action.done for _, _, action in imported.actions())
    assert all(action.follows != other_action for _, _, action in imported.actions())
