"""Imported ids are not trusted: colliding ids are replaced, no link into other stored
meetings is taken from a file.

A stored series: the original meeting, another meeting, and a follow-up meeting whose
action copies follow the original's. The original is exported, mutated (hypothesis
chooses which ids are removed or kept, and where each ``follows`` points: into the
original, another meeting, a copy's target, the file itself, nowhere) and re-imported.
"""

from __future__ import annotations

import copy

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import main
from importers.detect import meeting_from_bytes
from store import MeetingStore
from store.persistence.action_done import set_action_done
from store.persistence.imported import add_imported
from store.persistence.serialize import meeting_to_dict
from tests.support.samples import all_actions, stored_series
from tests.support.examples import examples


def action_ids(data: dict) -> list[str]:
    out = []
    stack = list(data["items"])
    while stack:
        item = stack.pop()
        out += [a["id"] for a in item.get("actions", []) if a.get("id")]
        stack += item.get("items", [])
    return out


def stored_links(store: MeetingStore, besides: str) -> set[str]:
    """Every action id and follows target of the stored meetings but `besides`."""
    out: set[str] = set()
    for mid, data in store.raw_meetings():
        if mid != besides:
            for action in all_actions(data):
                out.add(action["id"])
                if action.get("follows"):
                    out.add(action["follows"])
    return out


def mutate(data: dict, keep: list[bool], targets: list[int], store: MeetingStore,
           others: tuple[str, str, str]) -> dict:
    data = copy.deepcopy(data)
    data.pop("id", None)  # the reported case: the meeting id removed
    own = action_ids(data)
    outside = sorted(stored_links(store, besides=""))
    flags = iter(keep)
    stack = [data]
    while stack:  # remove some ids of every kind, keep the others
        node = stack.pop()
        if isinstance(node, dict):
            if "id" in node and not next(flags, True):
                del node["id"]
            stack += [v for v in node.values() if isinstance(v, (dict, list))]
        elif isinstance(node, list):
            stack += [v for v in node if isinstance(v, (dict, list))]
    choices = outside + own + ["finns-ingenstans"]
    for action, target in zip(all_actions(data), targets):
        action["follows"] = choices[target % len(choices)]
    return data


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    keep=st.lists(st.booleans(), min_size=20, max_size=20),
    targets=st.lists(st.integers(min_value=0, max_value=100), min_size=4, max_size=4),
)
def test_reimported_export_never_shares_ids_or_links_with_stored_meetings(keep, targets):
    store = MeetingStore.in_memory()
    original_id, other_id, follow_up_id = stored_series(store)
    exported = meeting_to_dict(store.load(original_id))
    before = {mid: data for mid, data in store.raw_meetings()}
    data = mutate(exported, keep, targets, store, (original_id, other_id, follow_up_id))
    file_own = action_ids(data)
    file_follows = [a["follows"] for a in all_actions(data)]

    new_id = add_imported(store, meeting_from_bytes(orjson.dumps(data)))
    assert new_id not in (original_id, other_id, follow_up_id)
    # Nothing stored before was changed by the import.
    for mid, old in before.items():
        assert store.backend.read_raw(mid) == old
    imported = store.backend.read_raw(new_id)
    links = stored_links(store, besides=new_id)
    new_actions = all_actions(imported)
    for action in new_actions:
        assert action["id"] not in links
        assert action.get("follows") is None or action["follows"] not in links
    ids = [a["id"] for a in new_actions]
    assert len(ids) == len(set(ids))
    # A follows to an action the file still has survives, renamed with its target.
    for action, follows in zip(new_actions, file_follows):
        if follows in file_own:
            assert action["follows"] in ids

    # Ticking every original action touches the original (and its real follow-up) only.
    for action_id in action_ids(exported):
        result = set_action_done(store, action_id, True)
        assert set(result.meeting_ids) <= {original_id, follow_up_id}
    assert not any(a["done"] for a in all_actions(store.backend.read_raw(new_id)))
    assert not any(a["done"] for a in all_actions(store.backend.read_raw(other_id)))


def test_cli_reimport_without_meeting_id_then_actions_done_touches_only_the_original(
    tmp_path, capsys
):
    store = MeetingStore.at(tmp_path / "data")
    original_id, other_id, _ = stored_series(store)
    exported = tmp_path / "export.json"
    assert main.main(["export", original_id, "-o", str(exported)]) == 0
    data = orjson.loads(exported.read_bytes())
    del data["id"]
    other_action = store.load(other_id).items[0].actions[0].id
    data["items"][1]["actions"][0]["follows"] = other_action  # crafted
    exported.write_bytes(orjson.dumps(data))
    capsys.readouterr()
    assert main.main(["import", str(exported)]) == 0
    new_id = capsys.readouterr().out.strip().splitlines()[-1]

    target = store.load(original_id).items[0].actions[0].id
    assert main.main(["actions", "done", target]) == 0
    assert store.load(original_id).items[0].actions[0].done
    imported = store.load(new_id)
    assert not any(action.done for _, _, action in imported.actions())
    assert all(action.follows != other_action for _, _, action in imported.actions())
    assert main.main(["actions", "done", other_action]) == 0
    assert not any(action.done for _, _, action in store.load(new_id).actions())
