"""Text from an outside file, before it is parsed: which encoding, and no terminal codes.

Encoding: UTF-8 is the rule. A text agenda saved by Notepad as "ANSI" is cp1252; it is
read as such only when the bytes hold no valid UTF-8 multi-byte sequence at all. A file
that has both (UTF-8 letters and a stray cp1252 byte) is refused rather than guessed:
either guess garbles some letters ("Ã¶" for "ö"), and nothing would say so.

Terminal codes: an agenda pasted from a terminal, or a hostile one, may hold ESC
sequences (CSI ``ESC [ … m``, OSC ``ESC ] … BEL`` that retitle the terminal or plant a
hyperlink, DCS/APC strings) and C1 controls. They are dropped whole, with every other
control character but tab and line breaks: stored text is printed by the CLI later.
"""

from __future__ import annotations

import re

#: One valid UTF-8 sequence of two to four bytes (overlongs and surrogates excluded).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


def has_utf8_multibyte(raw: bytes) -> bool:
    """True when the bytes hold at least one valid UTF-8 multi-byte sequence."""
    return _UTF8_MULTIBYTE.search(raw) is not None


# ESC (7-bit) and C1 (8-bit) forms: CSI with parameters and a final byte; OSC, DCS,
# SOS, PM, APC strings up to BEL or ST (or the end of the line: an unterminated string
# must not swallow the rest of the agenda); any other ESC and the one character after it.
_STRING_END = r"(?:\x07|\x1b\\|\x9c|(?=[\n\r])|$)"
_TERMINAL_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n\r]*" + _STRING_END
    + r"|\x1b[\x20-\x2f]*[\x30-\x7e]?"
)
#: Controls left after the sequences: C0 but tab, LF, CR; DEL; C1.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")


def strip_terminal_controls(text: str) -> str:
    """The text without terminal escape sequences and control characters (tab, LF, CR
    kept): ``"Hej\\x1b[2Jsan"`` -> ``"Hejsan"``."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub("", _TERMINAL_SEQUENCE.sub("", text))


def count_controls(text: str) -> int:
    """Control characters but tab, line breaks and form feed (a binary file has many)."""
    return sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
