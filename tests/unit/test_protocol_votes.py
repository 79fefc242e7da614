"""A § holds several votes in order (store.domain.protocol_vote, protocol_voting,
protocol_procedure): on återremiss first — won, it writes the återremiss beslut and ends
the § — on the counter-proposal among several yrkanden, then in the main question. Any
sequence of votes and ballots gives the § 's outcome by an independent reading of the
rules, and the protocol prints each vote once, in order, its result line under its own
label and never in the beslutsgång. The JSON keeps the votes and still reads a single
`vote`."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from export.protocol_layout import paragraph_blocks
from store import meeting_from_dict, meeting_to_dict
from store.domain import protocol_record as rec
from store.domain import protocol_voting as vot
from store.domain.protocol import (
    VOTE_COUNTER,
    VOTE_KIND_WORDS,
    VOTE_KINDS,
    VOTE_MAIN,
    VOTE_REFERRAL,
)
from store.domain.protocol_reservation import on_losing_side, reservation_text_for
from store.domain.protocol_vote import (
    REJECTION,
    paragraph_outcome,
    referral_won,
    result_draft,
    vote_label,
    vote_sides,
)
from store.persistence.serialize import MeetingFormatError
from tests.support.examples import examples
from tests.support.protocol_sample import SERVING, empty_first_paragraph

CHANGE = "att beloppet sänks till 200 000 kronor"
PROPOSAL = ["att godkänna förslaget", "att uppdra åt förvaltningen att genomföra det"]
SENT_BACK = ["att återremittera ärendet med motiveringen för en ny kalkyl"]
LETTERS = {"j": "ja", "n": "nej", "a": "avstår"}


def _paragraph():
    """Bifall, an ändring, an återremiss and an avslag: every kind of vote is possible."""
    meeting, item = empty_first_paragraph()
    rec.add_motion(meeting, item, "Mira Holm", "bifall")
    rec.add_motion(meeting, item, "Olle Berg", "ändring", CHANGE)
    rec.add_motion(meeting, item, "Jon Ström", "återremiss", "för en ny kalkyl")
    rec.add_motion(meeting, item, "Siri Dahl", "avslag")
    return meeting, item


def _cast(meeting, item, vote, ballots: str) -> None:
    for name, letter in zip(SERVING, ballots):
        if letter in LETTERS:
            vot.set_ballot(meeting, item, name, LETTERS[letter], vote)


def _side_won(ballots: str, casting: str) -> str:
    """'ja', 'nej' or '' from the letters alone (the oracle's own count)."""
    yes, no = ballots.count("j"), ballots.count("n")
    if yes != no:
        return "ja" if yes > no else "nej"
    return casting  # a tie (0–0 too, all abstaining) goes the casting vote's way


def _expected(item, held: list[tuple[str, str, str]]):
    """(decided, winner) read from the rules, not from the app: the first återremiss vote
    won by nej sends the ärende back; else the last vote in the main question decides,
    nej standing for the counter-proposal the latest vote on it chose before it (ja: the
    ändring, nej: the avslag), else the ändring."""
    change, referral, rejection = item.motions[1], item.motions[2], item.motions[3]
    for kind, ballots, casting in held:
        if kind == VOTE_REFERRAL and _side_won(ballots, casting) == "nej":
            return True, referral
    counter, main = None, None
    for kind, ballots, casting in held:
        won = _side_won(ballots, casting)
        if kind == VOTE_COUNTER and won:
            counter = change if won == "ja" else rejection
        if kind == VOTE_MAIN:
            main = (won, counter or change)
    if main is None or not main[0]:
        return False, None
    return True, None if main[0] == "ja" else main[1]


def _lines(meeting, item) -> list[str]:
    """The § as the protocol prints it, a line per paragraph and per table cell."""
    lines = []
    for block in paragraph_blocks(meeting, item, 41):
        lines.append("".join(run.text for run in block.runs))
        lines += ["".join(r.text for r in cell) for row in block.rows for cell in row]
    return [line for line in lines if line.strip()]


votes = st.lists(st.tuples(st.sampled_from(VOTE_KINDS),
                           st.text("jna-", min_size=7, max_size=7),
                           st.integers(0, 2)), max_size=4)


@settings(max_examples=examples(120), deadline=None)
@given(votes)
def test_any_sequence_of_votes_decides_the_paragraph_as_the_rules_say(sequence):
    meeting, item = _paragraph()
    held: list[tuple[str, str, str]] = []
    for kind, ballots, turns in sequence:
        if referral_won(item) is not None:  # sent back: no more is put
            with pytest.raises(rec.ProtocolInputError, match="återremitterat"):
                vot.start_vote(meeting, item, kind)
            break
        vote = vot.start_vote(meeting, item, kind)
        _cast(meeting, item, vote, ballots)
        for _ in range(turns if vot.is_tie(vote) else 0):
            vot.record_casting_vote(meeting, item, vote)
        held.append((kind, ballots, vote.casting))
        try:  # closing the vote, as the dialog does
            vot.decide_by_vote(meeting, item, vote)
        except rec.ProtocolInputError:
            pass  # no ballot, or a tie without the casting vote: nothing decided
    decided, winner = _expected(item, held)
    got = paragraph_outcome(item)
    assert got[0] == decided and got[1] is winner
    if decided:
        expected = SENT_BACK if winner is item.motions[2] else rec.outcome_clauses(item, winner)
        assert [d.text for d in item.decisions] == expected
        assert rec.procedure_is_draft(meeting, item)
    elif not any(k == VOTE_MAIN for k, _, _ in held):
        assert item.decisions == []  # no vote settled the §: nothing decided yet
    _printed_once_in_order(meeting, item)


def _printed_once_in_order(meeting, item) -> None:
    lines = _lines(meeting, item)
    shown = [v for v in item.votes if v.ballots or v.question or v.result]
    labels = [vote_label(item, v) for v in shown]
    positions = [lines.index(label) for label in labels]
    assert positions == sorted(positions) and all(lines.count(lb) == 1 for lb in labels)
    if len(shown) > 1:
        assert labels == [f"Omröstning {n} {VOTE_KIND_WORDS[v.kind]}"
                          for n, v in enumerate(shown, 1)]
    procedure = item.procedure
    ends = [*positions[1:], len(lines)]
    for at, end, vote in zip(positions, ends, shown):
        if not vote.ballots:
            continue
        assert vote.result == result_draft(meeting, item, vote)
        # The result line: once, under its own label, never in the beslutsgång.
        assert lines[at:end].count(vote.result) == 1
        assert vote.result not in procedure
        told = vote.kind == VOTE_REFERRAL or referral_won(item) is None  # sent back: no more
        if len(shown) > 1 and procedure and told:
            assert f"(omröstning {shown.index(vote) + 1})" in procedure


@pytest.mark.slow
def test_the_protocol_and_its_extract_print_each_vote_under_its_own_label():
    from export.docx_protocol import build_extract, build_protocol
    from tests.support.protocol_docx import open_docx, styled_lines
    from tests.support.protocol_golden import L, N

    meeting, item = _paragraph()
    for ballots in ("jjjjnnn", "nnjjnnj"):
        vote = vot.open_vote(meeting, item)
        _cast(meeting, item, vote, ballots)
        vot.decide_by_vote(meeting, item, vote)
    referral, main = item.votes
    for document in (build_protocol(meeting, 41), build_extract(meeting, 41, [41])):
        document = open_docx(document)
        lines = styled_lines(document)
        first = lines.index((L, "Omröstning 1 om återremiss"))
        second = lines.index((L, "Omröstning 2 i huvudfrågan"))
        assert lines[first + 1] == (N, referral.question) and lines[second - 1] == (
            N, referral.result)
        assert lines[second + 1] == (N, main.question) and (N, main.result) in lines[second:]
        labels = [p for p in document.paragraphs if p.text.startswith("Omröstning ")]
        assert [p.style.name for p in labels] == [L, L]
        assert all(p.style.paragraph_format.keep_with_next for p in labels)
        assert len(document.tables) >= 2


def test_an_older_file_s_beslutsgang_that_told_the_result_reads_with_the_result_once():
    """Our draft once told the proposition and the result line in the beslutsgång too; a
    file with that sentence word for word reads as today's draft (still a draft, so it
    follows the votes); text of the secretary's own stays."""
    meeting, item = empty_first_paragraph()
    rec.add_motion(meeting, item, "Olle Berg", "ändring", CHANGE)
    vote = vot.open_vote(meeting, item)
    _cast(meeting, item, vote, "jnjjjnn")
    vot.decide_by_vote(meeting, item, vote)
    today = item.procedure
    assert today.endswith(" Omröstning begärs och verkställs.")
    data = meeting_to_dict(meeting)
    old = today.removesuffix("Omröstning begärs och verkställs.") + (
        f"Omröstning begärs och verkställs med följande proposition: {vote.question}. "
        f"{vote.result}")
    for written, read in ((old, today), (old + " Egen mening.", today + " Egen mening."),
                          ("Egen beslutsgång.", "Egen beslutsgång.")):
        data["items"][0]["procedure"] = written
        again = meeting_from_dict(data)
        assert again.items[0].procedure == read
    data["items"][0]["procedure"] = old
    again = meeting_from_dict(data)
    assert rec.procedure_is_draft(again, again.items[0])


def test_the_live_protocol_line_counts_each_vote():
    from tui.widgets.protocol_line import recorded_text

    meeting, item = _paragraph()
    for ballots in ("jjjjnnn", "nnjjnna"):
        vote = vot.open_vote(meeting, item)
        _cast(meeting, item, vote, ballots)
        vot.decide_by_vote(meeting, item, vote)
    assert recorded_text(item) == ("4 yrkanden · omröstningar 4–3, 2–4 (1 avstår) · "
                                   "beslutsgång")
    item.votes.pop()
    assert recorded_text(item).startswith("4 yrkanden · omröstning 4–3 · ")


def test_a_lost_referral_vote_leads_on_to_the_main_question():
    meeting, item = _paragraph()
    referral = vot.open_vote(meeting, item)
    assert referral.kind == VOTE_REFERRAL and referral.question == (
        "Ja för att avgöra ärendet i dag, nej för Jon Ströms (L) återremissyrkande")
    _cast(meeting, item, referral, "jjjjnnn")
    assert vot.decide_by_vote(meeting, item, referral) == []  # decided today: on
    assert vot.decided_for(meeting, item, referral) == "att avgöra ärendet i dag"
    main = vot.open_vote(meeting, item)
    assert main.kind == VOTE_MAIN and len(item.votes) == 2 and item.votes[0] is referral
    assert main.question == "Ja för förslaget, nej för Olle Bergs (M) ändringsyrkande"
    _cast(meeting, item, main, "nnjjnnj")
    vot.decide_by_vote(meeting, item, main)
    assert [d.text for d in item.decisions] == [CHANGE]
    assert item.procedure == (
        "Ordföranden frågar om ärendet ska avgöras i dag eller återremitteras enligt Jon "
        "Ströms (L) återremissyrkande och finner att ärendet ska avgöras i dag. Omröstning "
        "begärs och verkställs (omröstning 1). Ordföranden ställer proposition på förslaget "
        "mot Olle Bergs (M) ändringsyrkande och Siri Dahls (S) avslagsyrkande och finner att "
        "utskottet beslutar enligt Olle Bergs (M) ändringsyrkande. Omröstning begärs och "
        "verkställs (omröstning 2).")
    assert vot.open_vote(meeting, item) is main  # the main question settled: to correct it
    # Who lost which vote: Jon Ström's återremiss (vote 1), the proposal's side (vote 2).
    losing = on_losing_side(meeting, item)
    assert losing["Jon Ström"] == ["eget yrkande", "röstade nej i omröstning 1"]
    assert losing["Siri Dahl"] == ["eget yrkande", "röstade ja i omröstning 2"]
    assert reservation_text_for(meeting, item, ["Siri Dahl", "Pär Nyqvist"]) == (
        "till förmån för förslaget")


def test_a_won_referral_vote_writes_the_referral_and_ends_the_paragraph():
    meeting, item = _paragraph()
    rec.take_proposal_as_decision(meeting, item)  # the app's draft: replaced unasked
    referral = vot.open_vote(meeting, item)
    _cast(meeting, item, referral, "nnnnjjj")
    assert vot.vote_decision(meeting, item, referral)[1] == []
    vot.decide_by_vote(meeting, item, referral)
    assert [d.text for d in item.decisions] == SENT_BACK
    assert item.procedure == (
        "Ordföranden frågar om ärendet ska avgöras i dag eller återremitteras enligt Jon "
        "Ströms (L) återremissyrkande och finner att ärendet ska återremitteras. Omröstning "
        "begärs och verkställs.")
    assert vot.open_vote(meeting, item) is referral and len(item.votes) == 1
    with pytest.raises(rec.ProtocolInputError, match="återremitterat"):
        vot.start_vote(meeting, item, VOTE_MAIN)
    assert reservation_text_for(meeting, item, ["Lina Falk", "Kim Vall"]) == (
        "till förmån för att avgöra ärendet i dag")


def test_a_counter_proposal_vote_chooses_the_nej_side_of_the_main_question():
    meeting, item = _paragraph()
    rec.remove_motion(meeting, item, 2)  # no återremiss
    assert vot.vote_kinds(item) == [VOTE_COUNTER, VOTE_MAIN]
    counter = vot.start_vote(meeting, item, VOTE_COUNTER)
    assert counter.question == (
        "Ja för Olle Bergs (M) ändringsyrkande, nej för Siri Dahls (S) avslagsyrkande")
    _cast(meeting, item, counter, "nnnnjjj")
    assert counter.result == ("Med 4 nej-röster mot 3 ja-röster beslutar utskottet att Siri "
                              "Dahls (S) avslagsyrkande ska vara motförslag i huvudfrågan.")
    vot.decide_by_vote(meeting, item, counter)
    assert item.decisions == []
    main = vot.open_vote(meeting, item)
    assert vote_sides(item, main) == (None, item.motions[2])
    _cast(meeting, item, main, "jjjjnnn")
    vot.decide_by_vote(meeting, item, main)
    assert [d.text for d in item.decisions] == PROPOSAL
    assert ("Ordföranden ställer Olle Bergs (M) ändringsyrkande mot Siri Dahls (S) "
            "avslagsyrkande om vilket som ska vara motförslag i huvudfrågan och finner att "
            "Siri Dahls (S) avslagsyrkande ska vara det. Omröstning begärs och verkställs "
            "(omröstning 1). Ordföranden ställer proposition på förslaget mot Siri Dahls (S) "
            "avslagsyrkande och finner att utskottet beslutar enligt förslaget. Omröstning "
            "begärs och verkställs (omröstning 2).") == item.procedure


def test_the_kind_of_a_vote_is_chosen_among_those_the_paragraph_allows():
    meeting, item = _paragraph()
    vote = vot.open_vote(meeting, item)
    assert vot.vote_kinds(item) == list(VOTE_KINDS)
    assert [vot.change_vote_kind(meeting, item, vote) for _ in range(3)] == [
        VOTE_COUNTER, VOTE_MAIN, VOTE_REFERRAL]
    assert vote.question == (
        "Ja för att avgöra ärendet i dag, nej för Jon Ströms (L) återremissyrkande")
    with pytest.raises(rec.ProtocolInputError, match="inget slags"):
        vot.start_vote(meeting, item, "kanske")


def test_several_votes_round_trip_and_a_single_vote_keeps_the_spec_s_key():
    meeting, item = _paragraph()
    for ballots in ("jjjjnnn", "nnjjnnj"):
        vote = vot.open_vote(meeting, item)
        _cast(meeting, item, vote, ballots)
        vot.decide_by_vote(meeting, item, vote)
    data = meeting_to_dict(meeting)
    written = data["items"][0]
    assert "vote" not in written and [v["kind"] for v in written["votes"]] == [
        "återremiss", "huvudfråga"]
    again = meeting_from_dict(data)
    assert meeting_to_dict(again) == data
    assert paragraph_outcome(again.items[0])[1] is again.items[0].motions[1]
    both = meeting_to_dict(meeting)
    both["items"][0]["vote"] = both["items"][0]["votes"][0]
    with pytest.raises(MeetingFormatError, match="votes"):
        meeting_from_dict(both)
    item.votes.pop()
    assert set(meeting_to_dict(meeting)["items"][0]["vote"]) >= {"question", "ballots",
                                                                 "kind"}


@pytest.mark.parametrize("sides, kind", [
    ({}, VOTE_MAIN),  # nej: the first yrkande against the proposal, the ändring
    ({"no": 2}, VOTE_REFERRAL),  # nej chosen for the återremiss
    ({"yes": 1, "no": 3}, VOTE_MAIN),
])
def test_an_older_file_s_single_vote_is_read_with_what_it_was_on(sides, kind):
    meeting, item = _paragraph()
    data = meeting_to_dict(meeting)
    data["items"][0]["vote"] = {"question": "Ja för", "ballots": {"Mira Holm": "ja"},
                                "result": "", **sides}
    [vote] = meeting_from_dict(data).items[0].votes
    assert vote.kind == kind


def test_an_older_file_whose_first_motion_against_is_a_referral_reads_a_referral_vote():
    meeting, item = _paragraph()
    data = meeting_to_dict(meeting)
    data["items"][0]["motions"] = [data["items"][0]["motions"][i] for i in (0, 2, 1, 3)]
    data["items"][0]["vote"] = {"question": "", "ballots": {"Mira Holm": "nej"}, "result": ""}
    again = meeting_from_dict(data)
    [vote] = again.items[0].votes
    assert vote.kind == VOTE_REFERRAL
    assert vote_sides(again.items[0], vote) == (None, again.items[0].motions[1])
    assert REJECTION not in vote_sides(again.items[0], vote)
