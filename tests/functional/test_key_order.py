"""Keys typed faster than the screen reacts still land where slow typing puts them.

Textual routes every key to the widget focused when the app's queue reaches it, so a
burst ("abc", Tab, "def") used to end up in the first field, and keys behind F3 in the
notes instead of the dialog. The fix (tui/compat/key_order.py, KeysInOrder) holds keys behind any
key that may move focus until the screen has reacted.

In-process tests post key events to the app exactly as Textual's driver does (all at
once, or in chunks with 5/15 ms between them); the pty tests write real bytes.
"""

from __future__ import annotations

import asyncio
import os
import time

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from textual import events
from textual.app import App
from textual.keys import _character_to_key
from textual.widgets import Input

from store import MeetingStore, Participant
from tests.support.live import add_meeting, council_meeting, make_app
from tests.support.examples import examples
from tui.compat import KeysInOrder

DELAYS = [0.0, 0.005, 0.015]
# Each example runs the whole app: shrinking would take minutes; the inputs are short.
NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate)

# Text a secretary types: letters (Swedish too), digits, spaces, some punctuation.
field_text = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzåäöABCÅÖ0123456789 -.,:/"),
    max_size=12,
)


def key_events(text: str, named: dict[str, tuple[str, str | None]] | None = None):
    """Key events as the driver makes them; `named` maps a character to (key, char)."""
    named = {"\t": ("tab", "\t"), "\r": ("enter", "\r"), **(named or {})}
    out = []
    for ch in text:
        key, char = named.get(ch, (_character_to_key(ch), ch))
        out.append(events.Key(key, char))
    return out


async def post_keys(app, keys, splits: list[int], delay: float) -> None:
    """Post the keys in chunks cut at `splits`, `delay` seconds apart (0: one burst)."""
    cuts = sorted({s % (len(keys) + 1) for s in splits}) if delay else []
    for index, key in enumerate(keys):
        if index in cuts:
            await asyncio.sleep(delay)  # timing: the typist's pause between chunks
        app.post_message(key)


async def settle(pilot) -> None:
    """Until every key has been routed and the screen has processed it."""
    await pilot.pause()
    while pilot.app.keys_pending:
        await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


# -- the bare three-Input case from the issue ------------------------------------------


class ThreeInputs(KeysInOrder, App):
    def compose(self):
        for n in range(3):
            yield Input(id=f"f{n}")


class ThreeInputsUnfixed(App):
    def compose(self):
        for n in range(3):
            yield Input(id=f"f{n}")


async def type_three(app_class, values, splits, delay) -> list[str]:
    app = app_class()
    async with app.run_test() as pilot:
        await pilot.pause()
        await post_keys(app, key_events("\t".join(values)), splits, delay)
        if isinstance(app, KeysInOrder):
            await settle(pilot)
        else:
            await pilot.pause()
        return [field.value for field in app.query(Input)]


def test_the_bare_race_exists_without_the_fix():
    """The reproduction from the issue: proof that the tests below test something."""
    got = asyncio.run(type_three(ThreeInputsUnfixed, ["abc", "def", "ghi"], [], 0))
    assert got != ["abc", "def", "ghi"]


@pytest.mark.parametrize("delay", DELAYS)
def test_three_inputs_issue_example(delay):
    got = asyncio.run(type_three(ThreeInputs, ["abc", "def", "ghi"], [4, 8], delay))
    assert got == ["abc", "def", "ghi"]


@settings(max_examples=examples(25), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture],
          phases=NO_SHRINK)
@given(values=st.lists(field_text, min_size=3, max_size=3),
       splits=st.lists(st.integers(0, 40), max_size=4),
       delay=st.sampled_from(DELAYS))
def test_three_inputs_any_values_any_timing(values, splits, delay):
    assert asyncio.run(type_three(ThreeInputs, values, splits, delay)) == values


# -- the decision dialog in live mode -----------------------------------------------------

F2 = ("f2", None)
F3 = ("f3", None)


@settings(max_examples=examples(5), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture],
          phases=NO_SHRINK)
@given(before=field_text, decision=field_text.filter(str.strip), after=field_text,
       splits=st.lists(st.integers(0, 40), max_size=3), delay=st.sampled_from(DELAYS))
def test_decision_dialog_burst(before, decision, after, splits, delay):
    """Notes, F2, a decision, Enter, more notes: each part where it belongs."""

    async def run():
        store = MeetingStore.in_memory()
        meeting_id = add_meeting(store)
        app = make_app(store, meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            keys = key_events(f"{before}\x02{decision}\r{after}", {"\x02": F2})
            await post_keys(app, keys, splits, delay)
            await settle(pilot)
            item = app.meeting.items[0]
            return item.notes, [d.text for d in item.decisions]

    notes, decisions = asyncio.run(run())
    assert notes == before + after
    assert decisions == [decision.strip()]


# -- the action dialog in live mode --------------------------------------------------------


def action_meeting():
    meeting = council_meeting(start="19:00")
    meeting.date = "2013-05-15"
    meeting.participants.append(Participant("Linda Gustafsson"))
    return meeting


#: Owners as typed, each completed by Tab to the roster name (or kept, not on it).
OWNERS_TYPED = {"Lin": "Linda Gustafsson", "gustaf": "Linda Gustafsson",
                "Linda Gustafsson": "Linda Gustafsson", "Kansliet": "Kansliet"}


@pytest.mark.parametrize("delay", DELAYS)
def test_action_dialog_burst(delay):
    """Tab on a partly typed owner completes it although no suggestion was computed:
    four actions, one per way of typing the owner, in one burst (each dialog opened by
    F3 while the keys of the one before are still arriving), then notes. One app per
    timing: an app per owner and timing cost twelve app runs for the same dialogs."""
    burst = "".join(f"\x03Skicka kallelse {n}\t{typed}\t2013-05-31\r"
                    for n, typed in enumerate(OWNERS_TYPED, 1)) + "notes"

    async def run():
        store = MeetingStore.in_memory()
        meeting_id = store.add(action_meeting())
        app = make_app(store, meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            keys = key_events(burst, {"\x03": F3})
            await post_keys(app, keys, list(range(0, len(keys), 7)), delay)
            await settle(pilot)
            item = app.meeting.items[0]
            return item.notes, [(a.text, a.owner, a.due) for a in item.actions]

    notes, actions = asyncio.run(run())
    assert actions == [(f"Skicka kallelse {n}", owner, "2013-05-31")
                       for n, owner in enumerate(OWNERS_TYPED.values(), 1)]
    assert notes == "notes"


# -- the setup screen ---------------------------------------------------------------------

NAMES = st.sampled_from(["Linda Gustafsson", "Åsa Öberg", "Per Ek", "Mona Li 2"])
ROLES = st.sampled_from([("ordf", "Ordförande"), ("just", "Justerare"), ("", ""),
                         ("Kassör", "Kassör")])


@settings(max_examples=examples(3), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture],
          phases=NO_SHRINK)
@given(people=st.lists(st.tuples(NAMES, ROLES), min_size=1, max_size=3),
       place=field_text, splits=st.lists(st.integers(0, 60), max_size=4),
       delay=st.sampled_from(DELAYS))
def test_setup_screen_burst(people, place, splits, delay):
    """Place, then participants (ctrl+n, name, Tab, role with Tab completing it)."""

    async def run():
        from tui.app import MotesbokApp

        store = MeetingStore.in_memory()
        meeting = council_meeting()
        meeting.place = ""
        meeting.participants = []
        meeting_id = store.add(meeting)
        app = MotesbokApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            app.open_meeting(meeting_id, mode="setup")
            await settle(pilot)
            # Title has focus; as many tabs as the focus chain has stops before the place
            # field reach it (a hard-coded five missed the place once Började was added).
            chain = app.screen.focus_chain
            assert app.focused is app.screen.query_one("#title")
            tabs = chain.index(app.screen.query_one("#place")) - chain.index(app.focused)
            typed = "\t" * tabs + place
            for name, (role_typed, _role) in people:
                typed += "\x0e" + name + "\t" + role_typed + "\t"
            await post_keys(app, key_events(typed, {"\x0e": ("ctrl+n", None)}), splits, delay)
            await settle(pilot)
            return app.meeting.place, [(p.name, p.role) for p in app.meeting.participants]

    got_place, got_people = asyncio.run(run())
    assert got_place == place.strip()
    assert got_people == [(name, role) for name, (_typed, role) in people]


# -- real processes: the whole dialog in one write ------------------------------------------

F3_BYTES = "\x1bOR"
F2_BYTES = "\x1bOQ"


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="pty")
def test_pty_action_dialog_in_one_write(data_dir):
    from tests.support.pty_app import PtyApp

    store = MeetingStore.at(data_dir)
    meeting_id = store.add(action_meeting())
    app = PtyApp(data_dir, meeting_id)
    try:
        app.wait_for("Anteckningar")
        keys = (
            "Före " + F3_BYTES + "Skicka kallelse\tLin\t2013-05-31\r"
            + "efter " + F2_BYTES + "Kallelsen skickas\r" + "slut" + "\x11"  # ctrl+q
        )
        os.write(app.master, keys.encode())
        app.proc.wait(20)
    finally:
        app.close()
    item = MeetingStore.at(data_dir).load(meeting_id).items[0]
    assert [(a.text, a.owner, a.due) for a in item.actions] == [
        ("Skicka kallelse", "Linda Gustafsson", "2013-05-31")]
    assert [d.text for d in item.decisions] == ["Kallelsen skickas"]
    assert item.notes == "Före efter slut"


BARE_APP = """
import sys
sys.path.insert(0, {root!r})
from textual.app import App
from textual.widgets import Input, Static
from tui.compat import KeysInOrder

class Bare(KeysInOrder, App):
    def compose(self):
        yield Static("bare-ready")
        for n in range(3):
            yield Input(id=f"f{{n}}")
    def on_input_submitted(self, event):
        self.exit([field.value for field in self.query(Input)])

values = Bare().run()
open({out!r}, "w").write(repr(values))
"""


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="pty")
@pytest.mark.parametrize("delay", DELAYS)
def test_pty_three_inputs(tmp_path, delay):
    """The issue's bare case in a real terminal: one write, or 5/15 ms per key."""
    import fcntl
    import pty
    import select
    import struct
    import subprocess
    import sys
    import termios

    out = tmp_path / "values.txt"
    script = tmp_path / "bare.py"
    from tests.conftest import ROOT

    script.write_text(BARE_APP.format(root=str(ROOT), out=str(out)))
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, TERM="xterm-256color")
    env.pop("TEXTUAL", None)
    proc = subprocess.Popen([sys.executable, str(script)], stdin=slave, stdout=slave,
                            stderr=slave, env=env, start_new_session=True, close_fds=True)
    os.close(slave)
    try:
        seen = b""
        deadline = time.monotonic() + 20
        while b"bare-ready" not in seen and time.monotonic() < deadline:
            if select.select([master], [], [], 0.5)[0]:
                seen += os.read(master, 65536)
        assert b"bare-ready" in seen, seen[-300:]
        burst = "abc\tdef\tghi\r"
        if delay:
            for ch in burst:
                os.write(master, ch.encode())
                time.sleep(delay)  # timing: a slow typist
        else:
            os.write(master, burst.encode())
        while proc.poll() is None and time.monotonic() < deadline:
            if select.select([master], [], [], 0.2)[0]:
                try:
                    os.read(master, 65536)
                except OSError:
                    break
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(5)
        os.close(master)
    assert out.read_text() == repr(["abc", "def", "ghi"])
