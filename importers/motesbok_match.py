"""Which agenda entry each tjänsteskrivelse belongs to.

The agenda says ``Medfinansiering: Cykelstråk 2031-2033``, the paper only ``Cykelstråk
2031-2033``; a paper may add words, inflect them (``vinterväghållningen``) or wrap its
title over two lines. In order of certainty: the case number (a cover line ``Ärende
181/24``), the diarienummer when the agenda lists it, then the title: one preamble line
or two joined, compared with each agenda title by containment and shared words
(a word and its inflected form count as shared, weighed by their letters). Papers come in agenda order, so the
next unmatched entry gets a bonus among equally strong matches; a weak match
elsewhere is no match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .motesbok_agenda import AgendaEntry
from .motesbok_cases import Paper

ACCEPT = 0.5
IN_ORDER_BONUS = 0.2
#: Any later entry is still in order (the next one may have no paper).
LATER_BONUS = 0.1
STRONG = 0.9
_WORD_RE = re.compile(r"[^\wåäöÅÄÖ]+")


def normalized(text: str) -> str:
    return " ".join(_WORD_RE.sub(" ", text.casefold()).split())


#: Words too common to tell two titles apart.
_SMALL_WORDS = frozenset(
    "av och i om för till med på vid från inom samt en ett den det de över under".split()
)


def _same_word(a: str, b: str) -> bool:
    """Equal, or one word inflected: a common start of five letters or more, after which
    the shorter has at most three letters left and the longer at most five
    (``vattenprover``/``vattenproverna``, ``uppföljning``/``uppföljda``), but two
    compounds of one first part differ (``renhållningstaxa``/``renhållningsplan``)."""
    if a == b:
        return True
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    short, long_ = sorted((len(a), len(b)))
    return common >= 5 and short - common <= 3 and long_ - common <= 5


def _content_words(text: str) -> list[str]:
    words = text.split()
    return [w for w in words if w not in _SMALL_WORDS] or words


def title_score(agenda: str, candidate: str) -> float:
    """1.0 equal, 0.95 one contained in the other, else 0.9 times the share of the
    shorter title's letters (in content words) found as words of the longer."""
    a, c = normalized(agenda), normalized(candidate)
    if not a or not c:
        return 0.0
    if a == c:
        return 1.0
    if (len(c) >= 8 and c in a) or (len(a) >= 8 and a in c):
        return 0.95
    words_a, words_c = _content_words(a), _content_words(c)
    if sum(map(len, words_a)) > sum(map(len, words_c)):
        words_a, words_c = words_c, words_a
    found = sum(len(w) for w in words_a if any(_same_word(w, v) for v in words_c))
    return 0.9 * found / max(1, sum(map(len, words_a)))


@dataclass
class Match:
    entry: int  # index into the agenda entries
    title_lines: tuple[int, ...]  # preamble lines used as the paper's title


def _candidates(paper: Paper) -> list[tuple[tuple[int, ...], str]]:
    pre = paper.preamble[:8]
    out = [((i,), line) for i, line in enumerate(pre)]
    out += [((i, i + 1), f"{pre[i]} {pre[i + 1]}") for i in range(len(pre) - 1)]
    return out


def _best_title(paper: Paper, title: str) -> tuple[float, tuple[int, ...]]:
    best, used = 0.0, ()
    for lines, text in _candidates(paper):
        score = title_score(title, text)
        # Two lines must beat one clearly: the second may be a stray line.
        if len(lines) > 1:
            score -= 0.01
        if score > best:
            best, used = score, lines
    return best, used


def match_papers(papers: list[Paper], entries: list[AgendaEntry]) -> list[Match | None]:
    by_number = {e.case_number: i for i, e in enumerate(entries) if e.case_number}
    by_dnr = {e.registration_number: i for i, e in enumerate(entries) if e.registration_number}
    taken: set[int] = set()
    out: list[Match | None] = []
    pointer = 0
    for paper in papers:
        found: Match | None = None
        exact = by_number.get(paper.case_number)
        if exact is None:
            exact = by_dnr.get(paper.registration_number)
        if exact is not None and exact not in taken:
            found = Match(exact, _best_title(paper, entries[exact].title)[1])
        else:
            following = next((i for i in range(pointer, len(entries)) if i not in taken), None)
            best_score, best, best_rank = 0.0, None, (False, 0.0)
            if following is not None:
                score, lines = _best_title(paper, entries[following].title)
                if score >= STRONG:  # the usual case, in order: no need to look further
                    best_score, best = score + IN_ORDER_BONUS, Match(following, lines)
            for i, entry in enumerate(entries if best is None else ()):
                if i in taken:
                    continue
                score, lines = _best_title(paper, entry.title)
                # A near-exact title beats any weak one; the bonus only ranks within.
                bonus = IN_ORDER_BONUS if i == following else LATER_BONUS if i >= pointer else 0
                rank = (score >= STRONG, score + bonus)
                if best is None or rank > best_rank:
                    best_rank, best_score, best = rank, rank[1], Match(i, lines)
            if best is not None and best_score >= ACCEPT:
                found = best
        if found is not None:
            taken.add(found.entry)
            pointer = found.entry + 1
        out.append(found)
    return out
