"""Owner completion candidates: the roster, then owners used before in the series."""

from __future__ import annotations

from store import Action, AgendaItem, Meeting, Participant
from store.domain.owners import owner_suggestions
from store.persistence.series import series_owner_history


def suggestions(store, meeting):
    """What the app offers: the meeting's names, then the series' stored owners."""
    history = series_owner_history(store, meeting.series_name, exclude_id=meeting.id)
    return owner_suggestions(meeting, history)


def _meeting(day: str, owners: list[str | None], *, series: str = "Ledningsgrupp", title=None):
    return Meeting(
        title=title or series,
        date=day,
        series=series,
        items=[
            AgendaItem(
                "Ärende",
                actions=[Action(f"Uppgift {i}", owner=o) for i, o in enumerate(owners)],
            )
        ],
    )


def test_roster_first_then_this_meeting_then_earlier_meetings_newest_first(store):
    store.add(_meeting("2031-01-10", ["Gamla Gänget", "Kansliet"]))
    store.add(_meeting("2031-03-10", ["Ekonomienheten"]))
    store.add(_meeting("2031-02-10", ["IT-avdelningen"]))
    current = _meeting("2031-04-10", ["Vera Holmqvist", "Bygglovsgruppen"])
    current.participants = [Participant("Tove Lindahl"), Participant("Vera Holmqvist")]
    store.add(current)

    assert suggestions(store, current) == [
        "Tove Lindahl",
        "Vera Holmqvist",
        "Bygglovsgruppen",
        "Ekonomienheten",
        "IT-avdelningen",
        "Kansliet",
        "Gamla Gänget",
    ]


def test_other_series_are_ignored(store):
    store.add(_meeting("2031-01-10", ["Kansliet"], series="Styrgrupp skola"))
    store.add(_meeting("2031-01-11", ["Miljöenheten"], series="ledningsgrupp"))
    current = _meeting("2031-04-10", [])
    assert suggestions(store, current) == ["Miljöenheten"]


def test_series_defaults_to_title(store):
    store.add(Meeting(title="Skolråd", date="2031-01-01", items=[
        AgendaItem("A", actions=[Action("x", owner="Rektorn")])]))
    current = Meeting(title="Skolråd", date="2031-02-01")
    assert suggestions(store, current) == ["Rektorn"]


def test_case_insensitive_dedup_keeps_the_first_spelling(store):
    store.add(_meeting("2031-01-10", ["kansliet", "TOVE LINDAHL", "  ", None]))
    current = _meeting("2031-04-10", ["Kansliet"])
    current.participants = [Participant("Tove Lindahl")]
    assert suggestions(store, current) == ["Tove Lindahl", "Kansliet"]


def test_unsaved_edits_of_the_open_meeting_count(store):
    current = _meeting("2031-04-10", [])
    store.add(current)
    store.add(_meeting("2031-01-10", ["Kansliet"]))
    # Owners saved earlier for *this* meeting are not read back from the store: the
    # model is the truth, so an owner removed from it disappears.
    current.items[0].actions.append(Action("Ny", owner="Kommunikatören"))
    assert suggestions(store, current) == ["Kommunikatören", "Kansliet"]


def test_sub_items_are_searched(store):
    old = _meeting("2031-01-10", [])
    old.items[0].items.append(AgendaItem("Under", actions=[Action("y", owner="Fritidsgården")]))
    store.add(old)
    assert suggestions(store, _meeting("2031-04-10", [])) == ["Fritidsgården"]


def test_without_store_only_the_meeting():
    current = _meeting("2031-04-10", ["Kansliet"])
    current.participants = [Participant("Tove Lindahl")]
    assert owner_suggestions(current) == ["Tove Lindahl", "Kansliet"]
