"""The protocol's front page as blocks (docs/FORMAT.md, "The protocol (DOCX)"): Plats
och tid, Beslutande, Övriga närvarande, Deltar på distans, Justerare, Justeringens plats
och tid, Underskrifter and the ANSLAG/BEVIS box.

Who is listed where, and for which §§, is computed from the roster per § by
store.domain.serving (never stored):
- Beslutande: the ledamöter who serve in at least one §, with party and chair role, and
  the §§ when they serve in some but not all; then each tjänstgörande ersättare as
  "X (S) ersätter Y (M) §§ a–b" (always with its §§: whom a substitute replaced, when,
  is what the protocol must show).
- Övriga närvarande: everyone else who was there — ersättare in the §§ they did not
  serve, tjänstepersoner, others, a ledamot who served in no § — with the §§ when they
  were there for some but not all.
- A role after a comma is written with a small first letter (", förvaltningschef"),
  unless its second letter is a capital too ("IT-chef" stays).
"""

from __future__ import annotations

from dataclasses import dataclass

from export.markup import Run, one_line
from export.minutes_layout import NORMAL, TABLE, TITLE, Block, secretary_of
from store.domain.chair_conflict import chair_of
from store.domain.model import Meeting, Participant
from store.domain.paragraphs import paragraph_range_text
from store.domain.presence_text import presence_sentences, substitute_sentences
from store.domain.presence_ties import present_in
from store.domain.protocol import DEPUTY, MEMBER
from store.domain.protocol_text import POSTING_CERTIFICATE, names_text, substitute_text
from store.domain.serving import Serving, serving

# The front page's labels, as written in the protocol.
PLACE_AND_TIME = "Plats och tid"
DECIDING = "Beslutande"
OTHERS_PRESENT = "Övriga närvarande"
REMOTE = "Deltar på distans"
ADJUSTERS = "Justerare"
ADJUSTMENT = "Justeringens plats och tid"
SIGNATURES = "Underskrifter"
SECRETARY = "Sekreterare"
CHAIR = "Ordförande"
PARAGRAPHS = "Paragrafer"
POSTING = "ANSLAG/BEVIS"
ORGAN = "Organ"
MEETING_DATE = "Sammanträdesdatum"
POSTED_FROM = "Datum då anslaget sätts upp"
POSTED_TO = "Datum då anslaget tas ned"
ARCHIVE = "Förvaringsplats för protokollet"
SIGNATURE = "Underskrift"

#: Where a signature goes, and a value still to be written in by hand.
SIGNATURE_LINE = "_" * 24
BLANK = "_" * 22

#: Column shares of the text width: the front page's table (label, then a value that
#: spans the rest, or for a signature: role, line, §§) and the ANSLAG box. The label
#: column fits "Övriga närvarande" on one line even in a wide fallback font.
FRONT_COLUMNS = (0.30, 0.36, 0.34)
POSTING_COLUMNS = (0.5, 0.5)
#: Points above a labelled group, and above a line to sign on (room for the signature).
GROUP_SPACE = 7
SIGN_SPACE = 22


@dataclass(frozen=True)
class Sitting:
    """Who served in each § (§ number -> Serving), in agenda order."""

    numbers: tuple[int, ...]
    servings: tuple[Serving, ...]
    #: Per §, the participants there (§ ties first, clock times where none).
    present: tuple[frozenset[str], ...]

    def serving_in(self, name: str) -> list[int]:
        """The §§ where `name` serves as a member (not as a substitute)."""
        return [n for n, s in zip(self.numbers, self.servings)
                if name in s.names() and name not in s.replacing]

    def present_in(self, person: Participant) -> list[int]:
        return [n for n, there in zip(self.numbers, self.present) if person.id in there]


def sitting(meeting: Meeting, first: int) -> Sitting:
    items = meeting.items
    return Sitting(
        tuple(first + i for i in range(len(items))),
        tuple(serving(meeting, item) for item in items),
        tuple(frozenset(p.id for p in meeting.participants if present_in(meeting, p, item))
              for item in items),
    )


def clock_text(day: str | None, start: str | None = None, end: str | None = None) -> str:
    """'2031-03-11 kl. 13:15–15:40', '2031-03-11 kl. 13:15', '2031-03-11'."""
    text = one_line(day or "")
    if start:
        text += f" kl. {start}" + (f"–{end}" if end else "")
    elif end:
        text += f" till kl. {end}"
    return text.strip()


def place_and_time(place: str, day: str | None, start: str | None = None,
                   end: str | None = None) -> str:
    """'Stadshuset, sal 2, 2031-03-11 kl. 13:15–15:40' (either part may be missing)."""
    return ", ".join(part for part in (one_line(place).strip(), clock_text(day, start, end))
                     if part)


def _role_word(text: str) -> str:
    role = one_line(text).strip()
    if len(role) > 1 and role[1:2].islower():
        return role[0].lower() + role[1:]
    return role


def _suffix(numbers: list[int], all_numbers: tuple[int, ...]) -> str:
    return f" {paragraph_range_text(numbers)}" if len(numbers) < len(all_numbers) else ""


def deciding_lines(meeting: Meeting, seated: Sitting) -> list[str]:
    lines: list[str] = []
    for person in meeting.participants:
        if person.group != MEMBER or person.absent or not one_line(person.name).strip():
            continue
        numbers = seated.serving_in(person.name) if seated.numbers else [0]
        if not numbers:
            continue  # there, but served in no §: Övriga närvarande
        text = one_line(person.name_with_party())
        if person.chair.strip():
            text += f", {_role_word(person.chair)}"
        lines.append(text + (_suffix(numbers, seated.numbers) if seated.numbers else ""))
    pairs: dict[tuple[str, str], list[int]] = {}
    for number, state in zip(seated.numbers, seated.servings):
        for deputy, member in state.replacing.items():
            pairs.setdefault((deputy, member), []).append(number)
    for (deputy, member), numbers in pairs.items():
        lines.append(one_line(f"{substitute_text(meeting, deputy, member)} "
                              f"{paragraph_range_text(numbers)}"))
    return lines


def serving_changes(meeting: Meeting, seated: Sitting, number: int) -> list[str]:
    """The § where who is there or serves changes, in the words of
    store.domain.presence_text: who left or came ('Vera Holm (S) lämnar sammanträdet
    efter § 42.'), an ersättare who steps in ('Gun Åkesson (M) ersätter Vera Holm (S)
    §§ 43–46.'); jäv has its own sentence."""
    if number not in seated.numbers:
        return []
    k = seated.numbers.index(number)
    lines = [*presence_sentences(meeting, seated.present, seated.numbers, k),
             *substitute_sentences(meeting, seated.servings, seated.numbers, k)]
    return [one_line(line) for line in lines]


def others_lines(meeting: Meeting, seated: Sitting) -> list[str]:
    lines: list[str] = []
    for person in meeting.participants:
        if person.absent or not one_line(person.name).strip():
            continue
        if seated.numbers:
            present = seated.present_in(person)
            serving_numbers = {n for n, s in zip(seated.numbers, seated.servings)
                               if person.name in s.names()}
            if person.group == MEMBER and not serving_numbers:
                numbers = present
            elif person.group == MEMBER:
                continue  # in Beslutande
            else:
                numbers = [n for n in present if n not in serving_numbers]
            if not numbers:
                continue
            suffix = _suffix(numbers, seated.numbers)
        elif person.group == MEMBER:
            continue
        else:
            suffix = ""
        role = _role_word(person.role) or ("ersättare" if person.group == DEPUTY else "")
        text = one_line(person.name_with_party()) + (f", {role}" if role else "")
        lines.append(text + suffix)
    return lines


def body_name(meeting: Meeting) -> str:
    return one_line(meeting.body).strip() or one_line(meeting.title).strip()


Row = list[list[Run]]


def _group(label: str, lines: list[str]) -> list[tuple[Row, float]]:
    """A label beside its first line, the other lines below it (nothing when empty)."""
    lines = [line for line in lines if line.strip()]
    return [([[Run(label if i == 0 else "")], [Run(line)]], GROUP_SPACE if i == 0 else 0)
            for i, line in enumerate(lines)]


def _front_table(rows: list[tuple[Row, float]]) -> list[Block]:
    if not rows:
        return []
    return [Block(TABLE, rows=[row for row, _ in rows], widths=FRONT_COLUMNS, grid=False,
                  labelled=True, row_space=tuple(space for _, space in rows))]


def roster_blocks(meeting: Meeting, first: int, seated: Sitting | None = None) -> list[Block]:
    """Beslutande and Justerare: the lines a protokollsutdrag repeats (`seated`: the
    caller's sitting(meeting, first), computed once per document)."""
    seated = seated or sitting(meeting, first)
    return _front_table([*_group(DECIDING, deciding_lines(meeting, seated)),
                         *_group(ADJUSTERS, [adjusters_text(meeting)])])


def adjusters_text(meeting: Meeting) -> str:
    names = [name for name in meeting.adjusters if one_line(name).strip()]
    return one_line(names_text(meeting, names)) if names else ""


def front_blocks(meeting: Meeting, first: int, seated: Sitting | None = None) -> list[Block]:
    """The title, one labelled table (Plats och tid … Underskrifter), the ANSLAG box."""
    seated = seated or sitting(meeting, first)
    adjustment = meeting.adjustment
    rows = [
        *_group(PLACE_AND_TIME,
                [place_and_time(meeting.place, meeting.date, meeting.shown_start,
                                 meeting.end)]),
        *_group(DECIDING, deciding_lines(meeting, seated)),
        *_group(OTHERS_PRESENT, others_lines(meeting, seated)),
        *_group(REMOTE, [one_line(p.name_with_party()) for p in meeting.participants
                         if p.remote and not p.absent]),
        *_group(ADJUSTERS, [adjusters_text(meeting)]),
        *_group(ADJUSTMENT, [place_and_time(adjustment.place, adjustment.date,
                                            adjustment.time)]),
        *signature_rows(meeting, seated.numbers),
    ]
    # The empty paragraph keeps the two tables apart (Word joins adjacent tables).
    return [Block(TITLE, [Run(body_name(meeting))]), *_front_table(rows),
            Block(NORMAL, []), posting_block(meeting)]


def signature_rows(meeting: Meeting, numbers: tuple[int, ...]) -> list[tuple[Row, float]]:
    """Underskrifter: per signer the role as a label beside a line to sign on (room
    above it), the name below the line; the secretary's row names the protocol's §§."""
    secretary = secretary_of(meeting)
    chair = chair_of(meeting)
    signers = [(SECRETARY, secretary.name if secretary else "",
                f"{PARAGRAPHS} {paragraph_range_text(numbers)}" if numbers else ""),
               (CHAIR, chair.name if chair else "", "")]
    signers += [(ADJUSTERS, name, "") for name in meeting.adjusters if one_line(name).strip()]
    rows: list[tuple[Row, float]] = [([[Run(SIGNATURES)]], GROUP_SPACE)]
    for role, name, note in signers:
        rows.append(([[Run(role)], [Run(SIGNATURE_LINE)], [Run(note)]], SIGN_SPACE))
        if one_line(name).strip():
            rows.append(([[Run("")], [Run(one_line(name))], [Run("")]], 0))
    return rows


def certification_blocks(meeting: Meeting, label: str) -> list[Block]:
    """An extract's last lines: `label`, below it a line to sign on and the secretary's
    name (the label alone on its row: it is longer than the label column)."""
    secretary = secretary_of(meeting)
    rows: list[tuple[Row, float]] = [([[Run(label)]], GROUP_SPACE),
                                     ([[Run("")], [Run(SIGNATURE_LINE)]], SIGN_SPACE)]
    if secretary is not None and one_line(secretary.name).strip():
        rows.append(([[Run("")], [Run(one_line(secretary.name))]], 0))
    return _front_table(rows)


def posting_block(meeting: Meeting) -> Block:
    """The ANSLAG/BEVIS box: dates from `posting`, blank lines while not known."""
    posting = meeting.posting

    def row(label: str, value: str | None) -> list[list[Run]]:
        text = one_line(value or "").strip()
        return [[Run(label, bold=True)], [Run(text or BLANK)]]

    rows = [
        [[Run(POSTING, bold=True)]],
        [[Run(POSTING_CERTIFICATE)]],
        row(ORGAN, body_name(meeting)),
        row(MEETING_DATE, meeting.date),
        row(POSTED_FROM, posting.from_),
        row(POSTED_TO, posting.to),
        row(ARCHIVE, posting.archive),
        row(SIGNATURE, ""),
    ]
    return Block(TABLE, rows=rows, widths=POSTING_COLUMNS, keep_together=True)
