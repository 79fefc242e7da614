"""Rules about text itself, shared by the model's validation and everything that shows it."""

from __future__ import annotations

import re
import unicodedata

#: C0 controls, DEL and C1 controls (Unicode category Cc): never meant to be seen.
CONTROL_CHARS = re.compile("[\x00-\x1f\x7f-\x9f]")


def is_blank(text: str) -> bool:
    """True when nothing in `text` would be visible.

    Whitespace, control characters and format characters (zero-width space, direction
    marks...) show nothing, so a title made only of them is as empty as "".
    """
    return all(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") for ch in text)
