"""A protocol's roster entry as one line of text, the way a secretary writes it:

    Ann Ek (S), ledamot, ordförande, distans
    Rut Sjö (S), ersättare, ersätter Edit Lund
    Agnes Wik, tjänsteperson, Sekreterare

After the name and its party in parentheses come, in any order and separated by commas:
a group (ledamot, ersättare, tjänsteperson, övrig), a chair role (ordförande, vice
ordförande, …), ``distans`` (på distans), ``frånvarande``, ``ersätter Namn`` (the member
an ersättare serves for; it makes the entry an ersättare) and anything else as the role.
A word may be shortened to three letters or more while it names one word only ("led",
"ers", "vice"). A name or value with a comma or quote in it is written in double quotes
(a quote inside doubled); a value the plain form would misread is written with its key
(``roll: Ledamot``, ``ordf: Ålderspresident``, ``parti: "(S)"``, ``grupp: …``).

`format_roster_line` and `parse_roster_line` are inverse on every participant whose
``substitute_for`` belongs to an ersättare (`RosterLine.problem` says so otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Participant
from .protocol import CHAIR_ROLES, DEPUTY, GROUPS, MEMBER

REMOTE = "distans"
ABSENT = "frånvarande"
SUBSTITUTES = "ersätter"
#: Keyed forms for values the plain form cannot carry.
ROLE_KEY, CHAIR_KEY, PARTY_KEY, GROUP_KEY = "roll", "ordf", "parti", "grupp"
KEYS = (ROLE_KEY, CHAIR_KEY, PARTY_KEY, GROUP_KEY)

#: Words of the line, as written; shortened forms resolve to them.
WORDS: tuple[str, ...] = GROUPS + CHAIR_ROLES + (REMOTE, ABSENT)
ALIASES = {"på distans": REMOTE, f"{DEPUTY} för": SUBSTITUTES}
MIN_PREFIX = 3

#: Shown beside the roster field.
SYNTAX_HINT = "Namn (parti), grupp, ordförande, distans, ersätter Namn, roll"


class RosterLineError(ValueError):
    """A line that cannot be read; the message is one Swedish sentence."""


@dataclass(frozen=True)
class RosterLine:
    """What one line says about a participant."""

    name: str = ""
    party: str = ""
    group: str = ""
    chair: str = ""
    role: str = ""
    substitute_for: str = ""
    remote: bool = False
    absent: bool = False

    @classmethod
    def of(cls, p: Participant) -> RosterLine:
        return cls(p.name, p.party, p.group, p.chair, p.role, p.substitute_for,
                   p.remote, p.absent)

    def problem(self) -> str | None:
        if self.substitute_for and self.group != DEPUTY:
            return "Bara en ersättare kan ersätta en ledamot."
        if self.substitute_for.casefold() == self.name.casefold() and self.name:
            return "En ersättare kan inte ersätta sig själv."
        return None

    def apply_to(self, p: Participant) -> None:
        """Write the line into the participant; a ledamot is a decision maker."""
        p.name, p.party, p.group, p.chair = self.name, self.party, self.group, self.chair
        p.role, p.substitute_for = self.role, self.substitute_for
        p.remote, p.absent = self.remote, self.absent
        if self.group:
            p.decision_maker = self.group == MEMBER


# -- quoting -------------------------------------------------------------------------


def _needs_quotes(value: str) -> bool:
    return (not value or value != value.strip() or any(c in value for c in ',"')
            or "\n" in value)


def quote(value: str, *, force: bool = False) -> str:
    """The value as written in a line: plain when it can be, else in double quotes."""
    if not force and not _needs_quotes(value):
        return value
    return '"' + value.replace('"', '""') + '"'


def _unquote(raw: str) -> str:
    text = raw.strip()
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        return text[1:-1].replace('""', '"')
    return text


def _split(line: str) -> list[str]:
    """The line's parts between commas, commas inside double quotes kept."""
    parts, current, quoted, i = [], [], False, 0
    while i < len(line):
        ch = line[i]
        if ch == '"':
            if quoted and line[i + 1:i + 2] == '"':
                current.append('""')
                i += 2
                continue
            quoted = not quoted
            current.append(ch)
        elif ch == "," and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    if quoted:
        raise RosterLineError("Ett citattecken saknar sitt slutcitattecken.")
    parts.append("".join(current))
    return parts


# -- reading -----------------------------------------------------------------------


def resolve_word(typed: str) -> str | None:
    """The word `typed` names: itself, an alias, or the one word it starts (3+ letters)."""
    folded = " ".join(typed.casefold().split())
    if folded in WORDS:
        return folded
    if folded in ALIASES:
        return ALIASES[folded]
    if len(folded) < MIN_PREFIX:
        return None
    found = [w for w in WORDS if w.startswith(folded)]
    return found[0] if len(found) == 1 else None


def _name_and_party(part: str) -> tuple[str, str]:
    text = part.strip()
    if text.startswith('"'):
        end = 1
        while end < len(text):
            if text[end] == '"':
                if text[end + 1:end + 2] == '"':
                    end += 2
                    continue
                break
            end += 1
        name, rest = text[1:end].replace('""', '"'), text[end + 1:].strip()
    else:
        name, rest = text, ""
        if text.endswith(")") and "(" in text:
            cut = text.rindex("(")
            name, rest = text[:cut].rstrip(), text[cut:]
    if not rest:
        return name, ""
    if not (rest.startswith("(") and rest.endswith(")")):
        raise RosterLineError(f"Efter namnet väntas partiet inom parentes, inte {rest}.")
    return name, rest[1:-1].strip()


def _keyed(part: str) -> tuple[str, str] | None:
    key, colon, value = part.partition(":")
    key = key.strip().casefold()
    if colon and key in KEYS:
        return key, _unquote(value)
    return None


def parse_roster_line(line: str) -> RosterLine:
    """Read one roster line; raises RosterLineError (one Swedish sentence)."""
    parts = _split(line)
    name, party = _name_and_party(parts[0])
    fields: dict[str, object] = {"name": name, "party": party}
    roles: list[str] = []

    def put(key: str, value: object, what: str) -> None:
        if key in fields and fields[key] != value:
            raise RosterLineError(f"Raden anger två {what}: {fields[key]} och {value}.")
        fields[key] = value

    for raw in parts[1:]:
        text = raw.strip()
        if not text:
            continue
        keyed = _keyed(text)
        if keyed is not None:
            key, value = keyed
            if key == ROLE_KEY:
                roles.append(value)
            else:
                if key == PARTY_KEY:
                    if fields["party"] and fields["party"] != value:
                        raise RosterLineError(
                            f"Raden anger två partier: {fields['party']} och {value}.")
                    fields["party"] = value
                elif key == CHAIR_KEY:
                    put("chair", value, "ordföranderoller")
                else:
                    put("group", value, "grupper")
            continue
        head, _, rest = text.partition(" ")
        word = resolve_word(text)
        if resolve_word(head) == DEPUTY and rest.casefold().startswith("för "):
            put("group", DEPUTY, "grupper")
            put("substitute_for", _unquote(rest[4:]), "ledamöter att ersätta")
        elif head.casefold() == SUBSTITUTES and rest.strip():
            put("substitute_for", _unquote(rest), "ledamöter att ersätta")
        elif word in GROUPS:
            put("group", word, "grupper")
        elif word in CHAIR_ROLES:
            put("chair", word, "ordföranderoller")
        elif word == REMOTE:
            fields["remote"] = True
        elif word == ABSENT:
            fields["absent"] = True
        else:
            roles.append(_unquote(text))
    if len(roles) > 1:
        raise RosterLineError(
            f"Raden anger två roller: {roles[0]} och {roles[1]}; skriv en roll med "
            f"kommatecken inom citattecken.")
    if fields.get("substitute_for") and "group" not in fields:
        fields["group"] = DEPUTY  # "ersätter X" says what they are
    result = RosterLine(role=roles[0] if roles else "", **fields)  # type: ignore[arg-type]
    problem = result.problem()
    if problem:
        raise RosterLineError(problem)
    return result


# -- writing -----------------------------------------------------------------------


def _plain_word(value: str, words: tuple[str, ...]) -> bool:
    return value in words


def _plain_role(role: str) -> bool:
    """A role that reads back as itself when written plain."""
    if _needs_quotes(role) or resolve_word(role) is not None or _keyed(role):
        return False
    head, _, rest = role.partition(" ")
    if head.casefold() == SUBSTITUTES and rest.strip():
        return False
    if resolve_word(head) == DEPUTY and rest.casefold().startswith("för "):
        return False
    return True


def _written_name(name: str) -> str:
    plain = not _needs_quotes(name) and not name.endswith(")")
    return name if plain else quote(name, force=True)


def format_roster_line(p: Participant | RosterLine) -> str:
    line = p if isinstance(p, RosterLine) else RosterLine.of(p)
    head = _written_name(line.name) if line.name else ""  # a new row's line is empty
    party_plain = line.party and not _needs_quotes(line.party) and not any(
        c in line.party for c in "()")
    parts = []
    if party_plain:
        head = f"{head} ({line.party})" if head else f"({line.party})"
    parts.append(head)
    if line.party and not party_plain:
        parts.append(f"{PARTY_KEY}: {quote(line.party)}")
    if line.group:
        parts.append(line.group if _plain_word(line.group, GROUPS)
                     else f"{GROUP_KEY}: {quote(line.group)}")
    if line.chair:
        parts.append(line.chair if _plain_word(line.chair, CHAIR_ROLES)
                     else f"{CHAIR_KEY}: {quote(line.chair)}")
    if line.substitute_for:
        parts.append(f"{SUBSTITUTES} {quote(line.substitute_for)}")
    if line.remote:
        parts.append(REMOTE)
    if line.absent:
        parts.append(ABSENT)
    if line.role:
        parts.append(line.role if _plain_role(line.role) else f"{ROLE_KEY}: {quote(line.role)}")
    return ", ".join(parts)


def roster_summary(p: Participant) -> str:
    """The roster list's line for a protocol participant (the same words as the line)."""
    return format_roster_line(p)


# -- completion ----------------------------------------------------------------------


def _last_part(value: str) -> tuple[str, str]:
    """(everything up to the last part, the last part as typed, spaces kept)."""
    cut = value.rfind(",")
    return (value[:cut + 1], value[cut + 1:]) if cut >= 0 else ("", value)


def _complete_from(typed: str, choices: list[str]) -> str | None:
    folded = typed.casefold()
    return next((c for c in choices if c.casefold().startswith(folded)
                 and len(c) > len(typed)), None)


def complete_roster_line(value: str, members: list[str]) -> str | None:
    """The line with its last part completed: a word of the line, or after ``ersätter``
    one of `members` (the roster's ledamöter); None when nothing fits. The first part is
    the name and is not completed."""
    before, last = _last_part(value)
    if not before:
        return None
    typed = last.lstrip()
    head, space, rest = typed.partition(" ")
    if head.casefold() == SUBSTITUTES and space:
        return _replace_end(value, rest.lstrip(), _complete_from(rest.lstrip(), members))
    if not typed:
        return None
    return _replace_end(value, typed, _complete_from(typed, list(WORDS) + [SUBSTITUTES + " "]))


def complete_name_list(value: str, names: list[str]) -> str | None:
    """'Ann Ek, B' completed to 'Ann Ek, Bo Lind' from `names` (not those already listed)."""
    before, last = _last_part(value)
    typed = last.lstrip()
    if not typed:
        return None
    listed = {n.strip().casefold() for n in before.split(",") if n.strip()}
    return _replace_end(value, typed,
                        _complete_from(typed, [n for n in names if n.casefold() not in listed]))


def _replace_end(value: str, typed: str, choice: str | None) -> str | None:
    """The value with its typed end replaced by the choice, spelt as the choice is."""
    return value[:len(value) - len(typed)] + choice if choice else None
