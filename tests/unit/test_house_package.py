"""The house package writer (export/house_package.py) writes, without python-docx, the
same DOCX the python-docx path writes without a template: every part byte for byte,
over generated minutes and protocols with awkward text (tabs, line breaks, spaces at the
ends, markup characters, characters XML cannot hold). A template still goes through
python-docx. Every file it writes reads back with python-docx and imports back.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from export.docx_common import document_bytes
from export.docx_minutes import build_minutes, write_minutes
from export.docx_protocol import build_extract, build_protocol, write_protocol
from export.house_package import (
    SKELETON,
    docx_run,
    extract_package,
    minutes_package,
    protocol_package,
)
from store import Action, AgendaItem, Decision, Meeting, Participant
from store.domain.protocol import Motion, ProtocolNote, Reservation, Vote
from tests.support.examples import examples
from tests.support.protocol_sample import protocol_meeting
from tests.support.samples import full_meeting

NOW = datetime(2031, 5, 6, 7, 8, 9, tzinfo=timezone.utc)


def parts(blob: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(blob)) as package:
        return {name: package.read(name) for name in package.namelist()}


def assert_same_package(python_docx_document, fast: bytes) -> None:
    expected, written = parts(document_bytes(python_docx_document)), parts(fast)
    assert sorted(written) == sorted(expected)
    for name, data in expected.items():
        assert written[name] == data, name
    docx.Document(io.BytesIO(fast))  # and python-docx reads it


# -- awkward text ----------------------------------------------------------------------

_AWKWARD = st.sampled_from([
    "a\tb", "rad\r\nrad", "x\x00y\x0bz", "**fet** och *kursiv*", "- punkt\n- punkt", "\t",
    "\r", " ", " kant ", "\ufffe", "a\u2028b", "&", "<x>", 'citat "så" här', "{klammer}",
    "ÅÄÖ åäö", "", "\u00a0hårt\u00a0", "]]>",
])
TEXT = st.text(st.characters(codec="utf-8"), max_size=30) | _AWKWARD
LINE = st.lists(_AWKWARD | st.text("abcåäö *-", max_size=8), min_size=1, max_size=4).map(" ".join)


@st.composite
def minutes(draw) -> Meeting:
    names = draw(st.lists(TEXT.filter(str.strip), max_size=3, unique=True))
    people = [Participant(name, role=draw(st.sampled_from(["", "Sekreterare", "Ordförande"])),
                          absent=draw(st.booleans())) for name in names]
    items = [
        AgendaItem(
            draw(TEXT), presenter=draw(TEXT), notes=draw(TEXT), proposal=draw(LINE),
            description=draw(LINE),
            actions=[Action(draw(TEXT), owner=draw(st.none() | TEXT), due=draw(st.none() | TEXT))
                     for _ in range(draw(st.integers(0, 2)))],
            decisions=[Decision(draw(TEXT)) for _ in range(draw(st.integers(0, 2)))],
            attachments=draw(st.lists(LINE, max_size=2)),
            items=[AgendaItem(draw(TEXT), notes=draw(LINE))] if draw(st.booleans()) else [],
        )
        for _ in range(draw(st.integers(1, 3)))
    ]
    return Meeting(draw(TEXT), draw(st.sampled_from(["2031-03-14", "", "14 mars", "2031-02-30"])
                                    | TEXT),
                   start=draw(st.none() | st.sampled_from(["09:00", "9", ""])),
                   place=draw(TEXT), participants=people, items=items)


@pytest.mark.slow
@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(minutes())
def test_the_minutes_package_is_what_python_docx_writes(meeting):
    assert_same_package(build_minutes(meeting, now=NOW), minutes_package(meeting, now=NOW))


@pytest.mark.slow
@settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TEXT, body=TEXT, date=TEXT | st.just("2031-03-11"), decision=TEXT, notes=TEXT,
       name=TEXT, note=TEXT, paragraphs=st.integers(1, 4), first=st.integers(1, 300))
def test_the_protocol_and_extract_packages_are_what_python_docx_writes(
        title, body, date, decision, notes, name, note, paragraphs, first):
    meeting = protocol_meeting(paragraphs)
    meeting.body, meeting.date = body, date
    item = meeting.items[0]
    item.title, item.notes = title, notes
    item.decisions.append(Decision(decision))
    item.protocol_notes.append(ProtocolNote(name, note))
    item.motions = [Motion("Mira Holm", "ändring", note)]
    item.reservations = [Reservation(["Olle Berg"], note)]
    item.send_to.append(name)
    meeting.participants.append(Participant(name or "x", role=note))
    assert_same_package(build_protocol(meeting, first, now=NOW),
                        protocol_package(meeting, first, now=NOW))
    chosen = [first, first + paragraphs - 1]
    assert_same_package(build_extract(meeting, first, chosen, now=NOW),
                        extract_package(meeting, first, chosen, now=NOW))


def _bench_protocol() -> Meeting:
    meeting = protocol_meeting(6)
    for n, item in enumerate(meeting.items):
        item.motions = [Motion("Mira Holm", "bifall"), Motion("Olle Berg", "ändring", f"att {n}")]
        item.vote = Vote("Ja för förslaget", {"Mira Holm": "ja", "Olle Berg": "nej"})
        item.reservations = [Reservation(["Olle Berg", "Kim Vall"])]
    return meeting


@pytest.mark.slow
@pytest.mark.parametrize("sample", ["full", "demo", "empty", "protocol", "demo-protocol", "votes"])
def test_built_samples_give_the_same_package(sample):
    from store.demo import demo_meeting
    from store.demo_protocol import demo_protocol

    meetings = {"full": full_meeting, "demo": demo_meeting,
                "empty": lambda: Meeting("", ""), "protocol": lambda: protocol_meeting(3),
                "demo-protocol": demo_protocol, "votes": _bench_protocol}
    meeting = meetings[sample]()
    if meeting.is_protocol:
        first = meeting.first_paragraph or 1
        assert_same_package(build_protocol(meeting, first, now=NOW),
                            protocol_package(meeting, first, now=NOW))
    else:
        assert_same_package(build_minutes(meeting, now=NOW), minutes_package(meeting, now=NOW))


@pytest.mark.parametrize("text", ["", "a", " a", "a\tb", "x\ny", "\t", "&<>", "\u00a0a", "a  "])
def test_a_run_is_written_as_python_docx_writes_it(text):
    document = docx.Document()
    document.add_paragraph().add_run(text)
    body = parts(document_bytes(document))["word/document.xml"].decode()
    assert docx_run(text) in body


# -- the skeleton and the writers' choice ---------------------------------------------


@pytest.mark.slow
def test_the_skeleton_is_what_python_docx_makes_now():
    """After a change to the house look (or to python-docx), run
    `python -m export.house_skeleton` to make export/house_skeleton.zip again."""
    from export.house_skeleton import skeleton_members

    with zipfile.ZipFile(SKELETON) as stored:
        kept = {name: stored.read(name) for name in stored.namelist()}
    assert kept == skeleton_members()


@pytest.mark.slow
def test_without_a_template_the_file_is_the_house_package(tmp_path):
    meeting, protocol = full_meeting(), protocol_meeting(3)
    write_minutes(meeting, tmp_path / "a.docx")
    write_protocol(protocol, 41, tmp_path / "p.docx")
    for path, built in ((tmp_path / "a.docx", build_minutes(meeting)),
                        (tmp_path / "p.docx", build_protocol(protocol, 41))):
        written, expected = parts(path.read_bytes()), parts(document_bytes(built))
        assert set(written) == set(expected)
        # Everything but the time of writing in the document properties.
        assert {n: d for n, d in written.items() if n != "docProps/core.xml"} == \
            {n: d for n, d in expected.items() if n != "docProps/core.xml"}


@pytest.mark.slow
def test_a_template_still_goes_through_python_docx(tmp_path):
    template = docx.Document()
    template.core_properties.comments = "mallens kommentar"
    template.styles.add_style("Organisationens stil", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    template.save(tmp_path / "mall.docx")
    write_minutes(full_meeting(), tmp_path / "a.docx", template=tmp_path / "mall.docx")
    write_protocol(protocol_meeting(2), 41, tmp_path / "p.docx", template=tmp_path / "mall.docx")
    for name in ("a.docx", "p.docx"):
        document = docx.Document(tmp_path / name)
        assert "Organisationens stil" in [style.name for style in document.styles]
        assert document.core_properties.comments == ""  # the template's own said is cleared
