"""The UI names things by what they are (issue 10.9), checked over every screen.

Every binding of every screen and dialog is generated from the classes themselves, so a
screen added later is covered without touching this file.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from textual.screen import Screen

import tui
from store import Meeting
from store.domain.protocol import PROTOCOL
from tui.words import defer_decision, document


def _screen_classes() -> list[type]:
    found = {}
    for info in pkgutil.walk_packages(tui.__path__, "tui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Screen) and cls.__module__.startswith("tui."):
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return [found[k] for k in sorted(found)]


SCREENS = _screen_classes()


def _bindings(cls) -> list:
    return [b for b in getattr(cls, "BINDINGS", []) if not isinstance(b, tuple)]


#: Bindings that act on a protocol only (live mode's protocol keys, off in a minutes
#: meeting; justering and häv justering): they may, and must, say "protokoll".
PROTOCOL_ONLY = ("live.protocol.", "live.lift", "start.adjust", "adjust.")


@pytest.mark.parametrize("cls", SCREENS, ids=lambda c: c.__qualname__)
def test_no_binding_calls_minutes_a_protocol(cls):
    for binding in _bindings(cls):
        if (binding.id or "").startswith(PROTOCOL_ONLY):
            continue
        for text in (binding.description, binding.tooltip or ""):
            assert "protokoll" not in text.lower(), (cls.__qualname__, binding.key, text)


@pytest.mark.parametrize("cls", SCREENS, ids=lambda c: c.__qualname__)
def test_one_word_means_one_thing_on_a_screen(cls):
    """Two different actions of one screen never share a footer label ('Flytta')."""
    seen: dict[str, str] = {}
    for binding in _bindings(cls):
        if not binding.description:
            continue
        action = binding.action
        assert seen.setdefault(binding.description, action) == action, (
            cls.__qualname__, binding.description, seen[binding.description], action)


def test_deferring_is_not_moving():
    from tui.screens.live import LiveScreen

    defer = next(b for b in _bindings(LiveScreen) if b.action == "defer")
    assert defer.description == "Skjut upp"
    assert "Flytta" not in defer.description


def test_help_titles_are_swedish_words_not_class_names():
    for cls in SCREENS:
        title = getattr(cls, "HELP_TITLE", None)
        if title is None:
            continue
        assert title != cls.__name__ and "Screen" not in title, cls


def test_document_names_follow_the_meeting_kind():
    minutes = Meeting(title="Arbetsgrupp", date="2026-12-03")
    assert document(minutes) == "mötesanteckningarna"
    assert document(minutes, definite=False, capital=True) == "Mötesanteckningar"
    # The kind as the model stores it (store.domain.protocol.PROTOCOL), not a made-up one.
    protocol = Meeting(title="Tekniska nämnden", date="2026-12-03", kind=PROTOCOL)
    assert document(protocol) == "protokollet"
    assert document(protocol, definite=False, capital=True) == "Protokoll"


@pytest.mark.parametrize("title", ["Budget 2027", "  Växel  ", "", "Ärende: *viktigt*"])
def test_defer_line_names_what_is_deferred(title):
    line = defer_decision(title)
    assert "nästa möte" in line
    if title.strip():
        assert title.strip() in line
