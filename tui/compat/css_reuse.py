"""A widget's DEFAULT_CSS parsed once per run, not again for each deeper subclass."""

from __future__ import annotations

from dataclasses import replace


def reuse_parsed_default_css() -> None:
    """Parse a DEFAULT_CSS once, whatever tie breaker it is registered with.

    Textual (8.2.8) registers a class's DEFAULT_CSS with a tie breaker that is minus
    its depth in the registering widget's MRO, and keeps the lowest one seen
    (Stylesheet.add_source). Each lower one parses the CSS again from the text, since
    Stylesheet._parse_rules caches by tie breaker too. So mounting deeper and deeper
    subclasses — live mode's Static, then its option lists, then its notes editor
    (nine classes deep) — parsed Widget's CSS four times, and Screen's, ScrollView's
    and ScrollableContainer's twice, before the first frame (bench/startup.py).
    The tie breaker is only a number on each RuleSet, a multiple of the one asked for
    (a rule nested n deep holds n + 1 times it: textual/css/parse.py adds it at each
    level). So each DEFAULT_CSS is parsed once with tie breaker 1, and the rules for
    any other are that parse's copies with each number multiplied. Not filed
    upstream. Remove when _parse_rules reuses a parse across tie breakers:
    tests/functional/test_css_reuse.py checks that the copies equal a fresh parse.
    """
    from textual.css.stylesheet import Stylesheet

    original = Stylesheet._parse_rules
    if getattr(original, "_motesbok_reuse", False):
        return

    def _parse_rules(self, css, read_from, is_default_rules=False, tie_breaker=0, scope=""):
        key = (css, read_from, is_default_rules, tie_breaker, scope)
        cached = self._parse_cache.get(key)
        if cached is not None or not is_default_rules:  # an app's CSS has one tie breaker
            return cached if cached is not None else original(
                self, css, read_from, is_default_rules, tie_breaker, scope)
        # By source: its parse for tie breaker 1, and the variables (the theme's, which
        # set_variables replaces) it was made with.
        parsed = self.__dict__.setdefault("_motesbok_parsed_once", {})
        source = (css, read_from, scope)
        variables = self._variable_tokens
        once = parsed.get(source)
        if once is None or once[0] is not variables:
            once = parsed[source] = (variables, original(self, css, read_from, True, 1, scope))
        rules = [replace(rule, tie_breaker=rule.tie_breaker * tie_breaker) for rule in once[1]]
        self._parse_cache[key] = rules
        return rules

    _parse_rules._motesbok_reuse = True
    Stylesheet._parse_rules = _parse_rules
