"""Stored text made safe for a terminal, for every line the command line prints.

Text in a meeting comes from files anyone may have written. Printed raw, an ESC or a C1
control in a title can retitle the terminal, clear the screen or plant a hyperlink.
So every control character is shown the way `cat -v` shows it (ESC as ``^[``, the C1
CSI as ``M-^[``); tabs and line breaks inside one-line text become spaces. Bidi
controls (store.domain.text.BIDI_CONTROLS) would reorder what the terminal shows after
them ("Trojan Source"), so they are shown as ``<U+202E>``.
"""

from __future__ import annotations

import sys
from typing import TextIO

from store.domain.text import BIDI, BIDI_CONTROLS, CONTROL_CHARS, pattern_on_first_use

_LAYOUT = "\t\n\r\v\f"
#: Lone surrogates (undecodable bytes); a regex, since a per-character check of every
#: non-ASCII cell cost `actions` over 150 ms on 12 000 rows.
_SURROGATE = pattern_on_first_use("[\ud800-\udfff]")


def _caret(ch: str) -> str:
    code = ord(ch)
    if code == 0x7F:
        return "^?"
    if code >= 0x80:
        return "M-" + _caret(chr(code - 0x80))
    return "^" + chr(code + 0x40)


def terminal_safe(text: str, *, keep: str = "") -> str:
    """`text` without a raw control character; those in `keep` (e.g. "\\n") stay.

    Lone surrogates (undecodable bytes) become U+FFFD so that printing never fails.
    """
    if CONTROL_CHARS.search(text):
        text = CONTROL_CHARS.sub(
            lambda m: m.group() if m.group() in keep
            else (" " if m.group() in _LAYOUT else _caret(m.group())),
            text,
        )
    if not text.isascii() and BIDI.search(text):
        text = BIDI.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)
    if not text.isascii() and _SURROGATE().search(text):
        text = _SURROGATE().sub("\ufffd", text)
    return text


def print_safe(text: str = "", *, file: TextIO | None = None) -> None:
    """print() for a line (or lines) that may carry stored text."""
    print(terminal_safe(text, keep="\n"), file=file if file is not None else sys.stdout)


def write_safe(text: str, *, file: TextIO | None = None) -> None:
    """Write a block of text (a table, CSV, Markdown) keeping its line structure."""
    (file if file is not None else sys.stdout).write(terminal_safe(text, keep="\n"))


def json_safe(data: bytes) -> bytes:
    """JSON bytes with DEL and C1 controls written as \\u escapes (orjson escapes only C0).

    The same document, value for value, but safe to show in a terminal. In UTF-8 the C1
    controls are exactly the pairs C2 80..C2 9F, which nothing else can contain.
    """
    if b"\x7f" not in data and b"\xc2" not in data and b"\xe2" not in data \
            and b"\xd8" not in data:  # the lead bytes of DEL, C1 and every bidi control
        return data
    out = data.replace(b"\x7f", b"\\u007f")
    for code in range(0x80, 0xA0):
        out = out.replace(bytes((0xC2, code)), b"\\u%04x" % code)
    for char in BIDI_CONTROLS:  # as for terminal_safe: escaped, never reordering the line
        out = out.replace(char.encode(), b"\\u%04x" % ord(char))
    return out
