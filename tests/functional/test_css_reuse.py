"""A widget's DEFAULT_CSS is parsed once per run, whatever tie breaker deeper subclasses
register it with (tui/compat/css_reuse.py), and the rules reused for another tie breaker
are the rules a fresh parse gives."""

from __future__ import annotations

from collections import Counter

import pytest
from textual.css import stylesheet as stylesheet_module
from textual.css.model import RuleSet
from textual.css.parse import parse
from textual.css.stylesheet import Stylesheet

from store import MeetingStore
from tests.support.live import add_meeting, make_app, run_async, wait_until
from tui.compat import reuse_parsed_default_css
from tui.widgets.agenda_tree import AgendaTree
from tui.widgets.entry_list import EntryList
from tui.widgets.notes_area import NotesArea

NESTED = """
Widget {
    color: red;
    &:focus { color: blue; }
    .inner { width: 3; &.deeper { height: 2; } }
}
Widget.-wide > Static { margin: 1; }
"""


def _default_css_sources():
    """Every DEFAULT_CSS live mode's deepest widgets bring, and a nested sample."""
    seen = {}
    for widget_class in (NotesArea, AgendaTree, EntryList):
        for base in widget_class.__mro__:
            css = base.__dict__.get("DEFAULT_CSS", "")
            if css:
                scope = base.__name__ if base.__dict__.get("SCOPED_CSS", True) else ""
                read_from = (base.__module__, f"{base.__name__}.DEFAULT_CSS")
                seen[read_from] = pytest.param(read_from, css, scope, id=read_from[1])
    seen["nested"] = pytest.param(("", "nested"), NESTED, "", id="nested")
    return list(seen.values())


def _theme_variables() -> dict[str, str]:
    from textual.app import App

    return App().get_css_variables()


def _described(rules):
    def styles(rule):
        # A layout is an object without equality: its kind is what a rule says.
        return {name: type(value).__name__ if name == "layout" else value
                for name, value in rule.styles.get_rules().items()}

    return [([RuleSet._selector_to_css(selectors.selectors) for selectors in rule.selector_set],
             [selectors.specificity for selectors in rule.selector_set],
             rule.tie_breaker, rule.is_default_rules, sorted(rule.selector_names),
             sorted(rule.pseudo_classes), styles(rule), rule.errors)
            for rule in rules]


@pytest.mark.parametrize("read_from, css, scope", _default_css_sources())
@pytest.mark.parametrize("first, then", [(0, -1), (-1, -8), (-8, -3), (-2, 0)])
def test_rules_reused_for_another_tie_breaker_equal_a_fresh_parse(read_from, css, scope,
                                                                   first, then):
    reuse_parsed_default_css()
    sheet = Stylesheet(variables=_theme_variables())
    sheet._parse_rules(css, read_from, True, first, scope)
    reused = sheet._parse_rules(css, read_from, True, then, scope)
    fresh = list(parse(scope, css, read_from, variable_tokens=sheet._variable_tokens,
                       is_default_rules=True, tie_breaker=then))
    assert _described(reused) == _described(fresh)


def test_a_new_theme_parses_again():
    reuse_parsed_default_css()
    sheet = Stylesheet(variables={"primary": "red"})
    css = "Widget { color: $primary; }"
    sheet._parse_rules(css, ("", "themed"), True, 0, "")
    sheet.set_variables({"primary": "blue"})
    rules = sheet._parse_rules(css, ("", "themed"), True, -2, "")
    fresh = list(parse("", css, ("", "themed"), variable_tokens=sheet._variable_tokens,
                       is_default_rules=True, tie_breaker=-2))
    assert _described(rules) == _described(fresh)
    assert rules[0].styles.color != list(parse(
        "", css, ("", "themed"), variable_tokens=Stylesheet(
            variables={"primary": "red"})._variable_tokens))[0].styles.color


@run_async
async def test_live_mode_parses_each_default_css_once(monkeypatch):
    parsed: Counter = Counter()
    real_parse = stylesheet_module.parse

    def counting(scope, css, read_from, **kwargs):
        parsed[read_from] += 1
        return real_parse(scope, css, read_from, **kwargs)

    monkeypatch.setattr(stylesheet_module, "parse", counting)
    store = MeetingStore.in_memory()
    app = make_app(store, add_meeting(store))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.screen.query("#notes"), what="live mode")
        await pilot.pause()
    widget_css = [read_from for read_from in parsed if read_from[1] == "Widget.DEFAULT_CSS"]
    assert widget_css  # the check sees the parses
    assert {read_from: n for read_from, n in parsed.items() if n > 1} == {}
