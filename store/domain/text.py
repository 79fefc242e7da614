"""Rules about text itself, shared by the model's validation and everything that shows it."""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Callable

#: C0 controls, DEL and C1 controls (Unicode category Cc): never meant to be seen.
CONTROL_CHARS = re.compile("[\x00-\x1f\x7f-\x9f]")

#: Bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069) and the direction
#: marks (U+200E, U+200F, U+061C): invisible, yet a terminal that applies the bidi
#: algorithm reorders what follows them ("Trojan Source"). Stored as typed; every place
#: that shows stored text (the command line, the app's screen) neutralises them.
BIDI_CONTROLS = ("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                 "\u200e\u200f\u061c")
BIDI = re.compile(f"[{BIDI_CONTROLS}]")


def pattern_on_first_use(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function giving `pattern` compiled, compiled the first time it is called.

    Compiling costs about a million instructions a pattern. The rules that read what
    the secretary types (dates, presence, pasted lists, roles) are not needed to start
    the app, so their patterns are not compiled on every start (issue 11 point 10).
    """
    return functools.cache(lambda: re.compile(pattern, flags))


def same_name(a: str, b: str) -> bool:
    """Two names as typed are the same person's: case and outer spaces aside ("siri
    dahl " names Siri Dahl). The one comparison for names in jäv, seats and rosters."""
    return a.strip().casefold() == b.strip().casefold()


def enumeration(parts: list[str]) -> str:
    """Parts as Swedish lists them: 'A', 'A och B', 'A, B och C' ('' for none)."""
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} och {parts[-1]}"


def is_blank(text: str) -> bool:
    """True when nothing in `text` would be visible.

    Whitespace, control characters and format characters (zero-width space, direction
    marks...) show nothing, so a title made only of them is as empty as "".
    """
    return all(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") for ch in text)
