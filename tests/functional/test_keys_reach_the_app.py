"""Every key the app binds can be typed in a real terminal.

A Pilot test presses "alt+b" straight into the app, but a terminal sends alt+b as the
two bytes ESC b, which Textual's input parser reads as ctrl+left (the word-left key of
iTerm and macOS Terminal): such a binding works in every test and in no terminal. Here
each bound key is turned into the bytes a terminal sends for it and run through
Textual's own parser, for every class in tui/ that declares bindings.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from textual._xterm_parser import XTermParser

import tui


def _declared_bindings() -> dict[str, dict[str, str]]:
    """{class: {key: action}} for every class defined in tui/ that declares bindings."""
    found: dict[str, dict[str, str]] = {}
    for info in pkgutil.walk_packages(tui.__path__, "tui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if not cls.__module__.startswith("tui.") or "BINDINGS" not in vars(cls):
                continue
            keys = found.setdefault(f"{cls.__module__}.{cls.__qualname__}", {})
            # Textual's own bindings (copied into NotesArea from TextArea) are Textual's.
            inherited = [b for base in cls.__mro__ if not base.__module__.startswith("tui.")
                         for b in vars(base).get("BINDINGS", [])]
            for binding in vars(cls)["BINDINGS"]:
                if binding in inherited:
                    continue
                key_list, action = (binding[:2] if isinstance(binding, tuple)
                                    else (binding.key, binding.action))
                for key in key_list.split(","):
                    keys[key.strip()] = action
    return found


#: xterm's modifier parameter: 1 + shift 1 + alt 2 + ctrl 4.
_MODIFIER_BITS = {"shift": 1, "alt": 2, "ctrl": 4}
_LETTER_KEYS = {"up": "A", "down": "B", "right": "C", "left": "D", "home": "H", "end": "F",
                "f1": "P", "f2": "Q", "f3": "R", "f4": "S"}
_TILDE_KEYS = {"insert": 2, "delete": 3, "pageup": 5, "pagedown": 6, "f5": 15, "f6": 17,
               "f7": 18, "f8": 19, "f9": 20, "f10": 21, "f11": 23, "f12": 24}
_PLAIN = {"escape": "\x1b", "enter": "\r", "tab": "\t", "shift+tab": "\x1b[Z",
          "backspace": "\x7f", "space": " ", "alt+backspace": "\x1b\x7f"}


def _typed(key: str) -> str | None:
    """The bytes a plain xterm-like terminal (xterm, tmux, gnome-terminal, iTerm without
    extended key reporting) sends for `key`; None when it sends nothing distinct."""
    if key in _PLAIN:
        return _PLAIN[key]
    *modifiers, name = key.split("+")
    if any(m not in _MODIFIER_BITS for m in modifiers):
        return None  # super+…, hyper+…: not sent by such a terminal
    if len(name) == 1 and modifiers == ["alt"]:
        return "\x1b" + name  # meta sends escape
    if len(name) == 1 and modifiers == ["ctrl"] and name.isalpha():
        return chr(ord(name) & 0x1F)
    if len(name) == 1 and not modifiers:
        return name
    bits = 1 + sum(_MODIFIER_BITS[m] for m in modifiers)
    if name in _LETTER_KEYS:
        final = _LETTER_KEYS[name]
        if bits == 1:
            return f"\x1bO{final}" if name.startswith("f") else f"\x1b[{final}"
        return f"\x1b[1;{bits}{final}"
    if name in _TILDE_KEYS:
        number = _TILDE_KEYS[name]
        return f"\x1b[{number}~" if bits == 1 else f"\x1b[{number};{bits}~"
    return None  # shift+enter, ctrl+backspace …: indistinguishable without extended keys


def _arrives_as(key: str) -> str | None:
    """The key Textual's parser makes of what the terminal sends for `key`."""
    data = _typed(key)
    if data is None:
        return None
    parser = XTermParser()
    keys = [getattr(event, "key", None) for event in [*parser.feed(data), *parser.feed("")]]
    return keys[0] if len(keys) == 1 else None


BINDINGS = _declared_bindings()


def test_the_bindings_were_found():
    keys = {key for bound in BINDINGS.values() for key in bound}
    assert {"f2", "ctrl+q", "alt+y", "escape"} <= keys


@pytest.mark.parametrize("owner", sorted(BINDINGS))
def test_a_key_typed_in_a_terminal_never_does_something_else(owner):
    """alt+b arrives as ctrl+left: bound to anything but the same action, it would move
    the cursor instead of deciding the §."""
    bound = BINDINGS[owner]
    for key, action in bound.items():
        arrives = _arrives_as(key)
        if arrives is None or arrives == key:
            continue
        assert bound.get(arrives) == action, (
            f"{key} is sent as {_typed(key)!r}, which Textual reads as {arrives}")


@pytest.mark.parametrize("owner", sorted(BINDINGS))
def test_every_action_has_a_key_a_terminal_can_send(owner):
    """Extra keys for terminals with extended key reporting (shift+enter, super+c) are
    fine beside one that every terminal sends."""
    actions: dict[str, list[str]] = {}
    for key, action in BINDINGS[owner].items():
        actions.setdefault(action, []).append(key)
    for action, keys in actions.items():
        assert any(_arrives_as(key) == key for key in keys), (action, keys)
