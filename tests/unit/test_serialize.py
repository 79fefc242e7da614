"""Meeting <-> JSON: the docs/FORMAT.md example, every optional key, and each refusal."""

from __future__ import annotations

import copy
from pathlib import Path

import orjson
import pytest

from export.json_io import meeting_json_bytes, parse_meeting_json
from store import Action, AgendaItem, Decision, Meeting, Participant
from store.persistence.serialize import FORMAT_ID, MeetingFormatError, meeting_from_dict, meeting_to_dict
from tests.support.samples import EXAMPLE, contains

FORMAT_MD = Path(__file__).resolve().parents[2] / "docs" / "FORMAT.md"


def _format_md_example() -> dict:
    """The JSON example in docs/FORMAT.md itself."""
    text = FORMAT_MD.read_text(encoding="utf-8")
    start = text.index("```json") + len("```json")
    return orjson.loads(text[start:text.index("```", start)])


def full_meeting() -> Meeting:
    """A meeting using every field, åäö, sub-items two levels deep and empty strings."""
    return Meeting(
        title="Områdesråd, Östra Årsta",
        date="2031-10-09",
        start="08:30",
        end="10:00",
        place="Föreningslokalen, Ängsvägen 4",
        series="Områdesrådet",
        id="2031-10-09-omradesrad",
        participants=[
            Participant("Göran Ödman", role="Ordförande", decision_maker=True),
            Participant("Åke Lärka", role="Sekreterare"),
            Participant("Märit Ås", absent=True),
            Participant("Ulla Grön", present_from="09:00", present_to="09:45"),
        ],
        items=[
            AgendaItem(
                "Lekplatsen",
                presenter="Göran Ödman, Åke Lärka",
                time="08:45",
                description="Rapport från *besiktningen*.",
                background="Rutschkanan är sliten.\n- Byte\n- **Reparation**",
                proposal="Rådet föreslår byte.\nKostnaden tas ur fonden.",
                notes="Diskuterades länge.",
                actions=[
                    Action("Beställ ny rutschkana", due="2031-11-01", owner="Åke Lärka"),
                    Action("Meddela förskolan", done=True, done_date="2031-10-09",
                           follows="abc123"),
                ],
                decisions=[Decision("Rutschkanan byts."), Decision("Fonden används.")],
                attachments=["Besiktning.pdf", "Offert ä.pdf"],
                status="done",
                standing=True,
                started_at="2031-10-09T08:45:00",
                finished_at="2031-10-09T09:05:00",
                items=[
                    AgendaItem("Underpunkt", status="deferred",
                               items=[AgendaItem("Djupast", notes="")]),
                ],
            ),
            AgendaItem("Tom punkt"),
        ],
    )


def test_every_field_survives_a_round_trip():
    meeting = full_meeting()
    data = orjson.loads(orjson.dumps(meeting_to_dict(meeting)))
    assert meeting_from_dict(data) == meeting


def test_round_trip_through_json_bytes_keeps_aao():
    meeting = full_meeting()
    raw = meeting_json_bytes(meeting)
    assert "Östra Årsta".encode() in raw  # written as UTF-8, not \\u escapes
    assert parse_meeting_json(raw) == meeting


def test_empty_fields_are_written_with_their_empty_value_and_come_back_empty():
    meeting = Meeting(title="Kort möte", date="2031-01-02", items=[AgendaItem("Enda")])
    data = meeting_to_dict(meeting)
    item = data["items"][0]
    assert (item["presenter"], item["time"], item["actions"], item["status"]) == (
        "", None, [], "pending")
    assert data["start"] is None and data["participants"] == []
    back = meeting_from_dict(data)
    assert back.items[0].presenter == "" and back.items[0].time is None
    assert back.start is None and back.participants == []
    assert back == meeting


def test_a_file_spelling_out_every_default_exports_back_equal():
    spelled = {
        "format": FORMAT_ID, "title": "Samråd", "date": "2031-01-02", "start": None,
        "end": None, "place": "",
        "participants": [{"name": "Åsa Öst", "role": "", "decision_maker": False,
                          "absent": False, "present_from": None, "present_to": None}],
        "items": [{
            "title": "Punkt", "presenter": "", "time": None, "description": "",
            "background": "", "proposal": "", "notes": "", "decisions": [],
            "attachments": [], "status": "pending", "standing": False,
            "actions": [{"text": "Gör", "due": None, "owner": None, "done": False}],
            "items": [],
        }],
    }
    exported = orjson.loads(meeting_json_bytes(meeting_from_dict(copy.deepcopy(spelled))))
    contains(exported, spelled)


def test_format_md_example_imports_and_exports_back_equal():
    example = _format_md_example()
    meeting = meeting_from_dict(copy.deepcopy(example))
    exported = orjson.loads(meeting_json_bytes(meeting))
    contains(exported, example)
    assert exported["format"] == FORMAT_ID
    # And the export imports again to the same meeting.
    assert meeting_from_dict(exported) == meeting


def test_minimal_meeting_needs_only_format_title_date_items():
    meeting = meeting_from_dict(
        {"format": FORMAT_ID, "title": "M", "date": "2031-01-02", "items": [{"title": "P"}]}
    )
    assert meeting.items[0].title == "P" and meeting.items[0].status == "pending"


def test_decisions_keep_plain_text_shape_and_their_ids():
    meeting = full_meeting()
    data = meeting_to_dict(meeting)
    assert data["items"][0]["decisions"] == ["Rutschkanan byts.", "Fonden används."]
    back = meeting_from_dict(data)
    assert [d.id for d in back.items[0].decisions] == [
        d.id for d in meeting.items[0].decisions
    ]


def _bad(mutate) -> MeetingFormatError:
    data = copy.deepcopy(EXAMPLE)
    mutate(data)
    with pytest.raises(MeetingFormatError) as info:
        meeting_from_dict(data)
    return info.value


def _set(path, value):
    def mutate(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


def _delete(path):
    def mutate(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return mutate


@pytest.mark.parametrize(
    "mutate, field, words",
    [
        (_set(["colour"], "blå"), "colour", "okänt fält"),
        (_set(["participants", 1, "email"], "x"), "participants[1].email", "okänt fält"),
        (_set(["items", 0, "owner"], "x"), "items[0].owner", "okänt fält"),
        (_set(["items", 0, "actions", 0, "prio"], 1), "items[0].actions[0].prio", "okänt"),
        (_set(["format"], "motesbok-meeting/2"), "format", "okänt format"),
        (_delete(["format"]), "format", "saknas"),
        (_delete(["title"]), "title", "saknas"),
        (_set(["title"], "  "), "title", "tomt"),
        (_delete(["items"]), "items", "saknas"),
        (_set(["date"], "2031-02-30"), "date", "inget riktigt datum"),
        (_set(["date"], "2031-13-01"), "date", "datum"),
        (_set(["date"], "12/2 2031"), "date", "ÅÅÅÅ-MM-DD"),
        (_set(["date"], "2031-02-12\n"), "date", "datum"),
        (_set(["items", 0, "actions", 0, "due"], "2031-04-31"), "items[0].actions[0].due",
         "datum"),
        (_set(["start"], "25:00"), "start", "TT:MM"),
        (_set(["end"], "9:5"), "end", "TT:MM"),
        (_set(["end"], "24:00"), "end", "TT:MM"),
        (_set(["start"], "13:00\n"), "start", "TT:MM"),
        (_set(["start"], "١٣:٠٠"), "start", "TT:MM"),
        (_set(["participants", 2, "present_from"], "1430"), "participants[2].present_from",
         "TT:MM"),
        (_set(["items", 0, "time"], "14.00"), "items[0].time", "TT:MM"),
        (_set(["items", 0, "status"], "klar"), "items[0].status", "okänd status"),
        (_set(["participants", 1, "decision_maker"], "ja"),
         "participants[1].decision_maker", "true eller false"),
        (_set(["items", 0, "decisions"], "Beslut"), "items[0].decisions", "lista"),
        (_set(["items", 0, "decisions"], [1]), "items[0].decisions[0]", "text"),
        (_set(["items", 0, "attachments"], [None]), "items[0].attachments[0]", "text"),
        (_set(["items", 0, "items"], [{"presenter": "X"}]), "items[0].items[0].title",
         "saknas"),
        (_set(["items", 0, "actions", 1, "text"], ""), "items[0].actions[1].text", "tomt"),
        (_set(["participants"], [{"name": None}]), "participants[0].name", "null"),
        (_set(["items"], ["Punkt"]), "items[0]", "objekt"),
    ],
)
def test_bad_input_is_refused_naming_the_field(mutate, field, words):
    error = _bad(mutate)
    assert error.field == field
    assert words in error.problem


def test_a_whole_file_that_is_not_an_object_is_refused():
    with pytest.raises(MeetingFormatError) as info:
        parse_meeting_json(b"[1, 2]")
    assert info.value.field == "mötet"


def test_broken_json_is_refused_in_swedish_with_the_line():
    with pytest.raises(MeetingFormatError) as info:
        parse_meeting_json(b'{"format": "motesbok-meeting/1",\n "title": }')
    assert info.value.field == "fil"
    assert "rad 2" in info.value.problem


def test_absurdly_deep_items_are_refused_not_crashing():
    data = copy.deepcopy(EXAMPLE)
    item = {"title": "Nivå"}
    data["items"] = [item]
    for _ in range(600):
        child = {"title": "Nivå"}
        item["items"] = [child]
        item = child
    with pytest.raises(MeetingFormatError) as info:
        meeting_from_dict(data)
    assert "nivåer" in info.value.problem


def test_store_reading_is_lenient_with_half_typed_values():
    """What the secretary left mid-edit must open again, not lock her out."""
    data = meeting_to_dict(
        Meeting(title="", date="2031-01-02",
                items=[AgendaItem("", time="9:5", actions=[Action("")])])
    )
    with pytest.raises(MeetingFormatError):
        meeting_from_dict(data)
    meeting = meeting_from_dict(data, strict=False)
    assert meeting.items[0].time == "9:5"
    assert meeting.items[0].actions[0].text == ""
    # A wrong type is still refused: that is not a meeting at all.
    data["items"] = "punkter"
    with pytest.raises(MeetingFormatError):
        meeting_from_dict(data, strict=False)


def test_export_of_undecodable_characters_is_still_json():
    meeting = Meeting(title="Möte \ud800", date="2031-01-02")
    assert orjson.loads(meeting_json_bytes(meeting))["title"] == "Möte \ufffd"
