"""Protocol mode of live mode (issue 12, "During the meeting"): one key and a short dialog
each for yrkande, bifall, beslutsgång, omröstning, reservation, protokollsanteckning, jäv,
tjänstgörande ersättare and "justeras omedelbart". Every test asserts on the SAVED
meeting (store.load after the app's save), not on the widgets."""

from __future__ import annotations

from store import MeetingStore
from tests.support.live import make_app, run_async, settle, type_text, typed_through
from tests.support.protocol_live import fresh_protocol, motion, saved, serve_for, vote
from tests.support.protocol_sample import SERVING, protocol_meeting
from tui.screens.live import LiveScreen


def protocol_line(app) -> str:
    return str(app.screen.query_one("#protocol-line").render())


@run_async
async def test_yrkande_who_kind_by_digit_and_text_is_saved():
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await motion(pilot, "mira", "bifall")  # the name completed; bifall recorded at once
        assert isinstance(app.screen, LiveScreen)
        await pilot.press("alt+y")
        await typed_through(pilot)
        await type_text(pilot, "berg")  # a surname completes too
        await pilot.press("enter", "4")  # ändring: asks for the text
        await typed_through(pilot)
        await pilot.press("enter")  # no text yet: refused, nothing recorded
        await typed_through(pilot)
        assert "behöver en text" in str(app.screen.query_one(".dialog-problem").render())
        await type_text(pilot, "att beloppet halveras")
        await pilot.press("enter")
        await typed_through(pilot)
        assert "2 yrkanden" in protocol_line(app)
        meeting = await saved(app, store, mid)
    motions = meeting.items[0].motions
    assert [(m.by, m.kind, m.text) for m in motions] == [
        ("Mira Holm", "bifall", ""), ("Olle Berg", "ändring", "att beloppet halveras")]


@run_async
async def test_a_non_serving_name_is_refused_in_the_dialog():
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("alt+y")
        await typed_through(pilot)
        await type_text(pilot, "Rut Sjö")  # an ersättare who does not serve
        await pilot.press("enter", "1")
        await typed_through(pilot)
        assert "tjänstgör inte" in str(app.screen.query_one(".dialog-problem").render())
        await pilot.press("escape")
        await typed_through(pilot)
        meeting = await saved(app, store, mid)
    assert meeting.items[0].motions == []


@run_async
async def test_bifall_takes_the_att_clauses_and_drafts_the_procedure():
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("alt+a")
        await typed_through(pilot)
        meeting = await saved(app, store, mid)
    item = meeting.items[0]
    assert [d.text for d in item.decisions] == ["att godkänna förslaget",
                                                "att uppdra åt förvaltningen att genomföra det"]
    assert item.procedure == ("Ordföranden frågar om utskottet bifaller förslaget och finner "
                              "att så sker.")


@run_async
async def test_beslutsgang_for_a_winning_motion_and_edited_text_are_saved():
    store = MeetingStore.in_memory()
    meeting = protocol_meeting()
    item = meeting.items[0]
    item.votes, item.decisions, item.procedure = [], [], ""
    mid = store.add(meeting)  # yrkanden: Mira Holm bifall, Olle Berg ändring
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("alt+g")
        await typed_through(pilot)
        await pilot.press("down", "enter")  # the ändringsyrkande wins
        await typed_through(pilot)
        await type_text(pilot, " Klart")  # the cursor is after the draft
        await pilot.press("escape")
        await typed_through(pilot)
        meeting = await saved(app, store, mid)
    item = meeting.items[0]
    assert [d.text for d in item.decisions] == ["att beloppet sänks till 200 000 kronor"]
    assert item.procedure.endswith("beslutar enligt Olle Bergs (M) ändringsyrkande. Klart")


@run_async
async def test_vote_grid_four_three_tally_and_result():
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await vote(pilot, "jnjjjnn")
        assert "Ja 4 · Nej 3 · Avstår 0 · Ej röstat 0" in str(
            app.screen.query_one("#vote-tally").render())
        await pilot.press("escape")
        await typed_through(pilot)
        assert "omröstning 4–3" in protocol_line(app)
        meeting = await saved(app, store, mid)
    held = meeting.items[0].votes[-1]
    assert held.ballots == dict(zip(SERVING, ["ja", "nej", "ja", "ja", "ja", "nej", "nej"]))
    assert held.question == "Ja för förslaget, nej för avslag"
    assert held.result == "Med 4 ja-röster mot 3 nej-röster beslutar utskottet enligt förslaget."


@run_async
async def test_a_vote_opened_and_left_without_ballots_leaves_no_omrostning():
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await vote(pilot, "", "escape")
        assert "omröstning" not in protocol_line(app)
        meeting = await saved(app, store, mid)
    assert not meeting.items[0].votes


@run_async
async def test_vote_tie_is_shown_and_a_ballot_taken_back():
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await vote(pilot, "jjjnnna", "delete")  # the last row keeps the cursor: Kim Vall
        tally = str(app.screen.query_one("#vote-tally").render())
        assert "Ja 3 · Nej 3 · Avstår 0 · Ej röstat 1" in tally and "Lika röstetal" in tally
        await pilot.press("escape")
        await typed_through(pilot)
        meeting = await saved(app, store, mid)
    held = meeting.items[0].votes[-1]
    assert "Kim Vall" not in held.ballots and len(held.ballots) == 6
    assert "lika röstetal" in held.result


@run_async
async def test_reservation_picks_names_with_the_default_text():
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("alt+r")
        await typed_through(pilot)
        await pilot.press("enter")  # nobody chosen: refused
        await typed_through(pilot)
        assert "Välj vem" in str(app.screen.query_one(".dialog-problem").render())
        await pilot.press("down", "space", "down", "down", "down", "down", "down", "space",
                          "enter")
        await typed_through(pilot)
        meeting = await saved(app, store, mid)
    [reservation] = meeting.items[0].reservations
    assert reservation.by == ["Olle Berg", "Kim Vall"]
    assert reservation.text == "till förmån för eget yrkande"


@run_async
async def test_protocol_note_is_saved():
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("alt+p")
        await typed_through(pilot)
        await type_text(pilot, "jon")
        await pilot.press("enter")
        await type_text(pilot, "Vi vill se en uppföljning.")
        await pilot.press("enter")
        await typed_through(pilot)
        meeting = await saved(app, store, mid)
    [note] = meeting.items[0].protocol_notes
    assert (note.by, note.text) == ("Jon Ström", "Vi vill se en uppföljning.")


@run_async
async def test_jav_with_a_substitute_then_taken_back():
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("alt+j")
        await typed_through(pilot)
        await type_text(pilot, "pär")
        await pilot.press("enter", "down", "enter")  # Rut Sjö serves instead
        await typed_through(pilot)
        assert "7 av 7 tjänstgör · jäv: Pär Nyqvist" in protocol_line(app)
        meeting = await saved(app, store, mid)
        item = meeting.items[0]
        assert item.conflicts == ["Pär Nyqvist"]
        assert [(s.by, s.for_) for s in item.substitutions] == [("Rut Sjö", "Pär Nyqvist")]

        await pilot.press("alt+j")
        await typed_through(pilot)
        await type_text(pilot, "pär")
        await pilot.press("enter", "j")  # already jäv: take it back? yes
        await typed_through(pilot)
        meeting = await saved(app, store, mid)
    assert meeting.items[0].conflicts == [] and meeting.items[0].substitutions == []


@run_async
async def test_substitute_change_and_adjusted_immediately_are_saved():
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await serve_for(pilot, "rut", "edit")
        await pilot.press("alt+u")
        await typed_through(pilot)
        assert "justeras omedelbart" in protocol_line(app)
        meeting = await saved(app, store, mid)
    assert meeting.find_participant("Rut Sjö").substitute_for == "Edit Lund"
    assert meeting.find_participant("Kim Vall").substitute_for == ""
    assert meeting.items[0].adjusted_immediately


@run_async
async def test_not_quorate_is_warned_plainly():
    store = MeetingStore.in_memory()
    meeting = protocol_meeting()
    for name in ("Olle Berg", "Siri Dahl", "Pär Nyqvist", "Jon Ström"):
        meeting.find_participant(name).absent = True
    mid = store.add(meeting)
    app = make_app(store, mid)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert "§ 41 · Inte beslutför: 3 av 7 ledamöter tjänstgör" in protocol_line(app)


@run_async
async def test_a_minutes_meeting_has_no_protocol_keys():
    from tests.support.live import add_meeting

    store = MeetingStore.in_memory()
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.query("#protocol-line")
        for key in ("alt+y", "alt+o", "alt+j", "alt+a", "alt+u"):
            await pilot.press(key)
            await typed_through(pilot)
            assert isinstance(app.screen, LiveScreen)
        meeting = await saved(app, store, mid)
    assert all(not i.motions and not i.votes and not i.adjusted_immediately
               for i in meeting.all_items())


@run_async
async def test_a_note_typed_out_is_kept_by_a_final_save_with_the_dialog_open():
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("alt+p")
        await typed_through(pilot)
        await type_text(pilot, "siri")
        await pilot.press("enter")
        await type_text(pilot, "Vi avvaktar")
        await typed_through(pilot)
        meeting = await saved(app, store, mid)  # what ctrl+q or SIGHUP does first
    assert [(n.by, n.text) for n in meeting.items[0].protocol_notes] == [
        ("Siri Dahl", "Vi avvaktar")]


@run_async
async def test_the_parts_list_takes_a_wrong_entry_back():
    store = MeetingStore.in_memory()
    meeting = protocol_meeting()  # § 41: two yrkanden, a vote, a reservation, a note
    mid = store.add(meeting)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("alt+l")
        await typed_through(pilot)
        await pilot.press("down", "delete", "j")  # Olle Berg's ändringsyrkande
        await typed_through(pilot)
        await pilot.press("escape")
        await typed_through(pilot)
        meeting = await saved(app, store, mid)
    item = meeting.items[0]
    assert [(m.by, m.kind) for m in item.motions] == [("Mira Holm", "bifall")]
    assert bool(item.votes) and len(item.reservations) == 1


@run_async
async def test_the_command_palette_offers_the_protocol_keys_only_in_a_protocol():
    from tests.support.live import add_meeting
    from tui.commands import MotesbokCommands

    store = MeetingStore.in_memory()
    for mid, offered in ((fresh_protocol(store), True), (add_meeting(store), False)):
        app = make_app(store, mid)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            helps = [hit.help async for hit in MotesbokCommands(app.screen).discover()]
            assert ("Yrkande (alt+y)" in helps) is offered
            assert ("Omröstning (alt+o)" in helps) is offered


@run_async
async def test_the_paragraph_number_continues_the_series_when_not_set():
    from tests.support.live import wait_until
    from tests.support.protocol_live import before_the_meeting

    store = MeetingStore.in_memory()
    earlier = before_the_meeting(paragraphs=3)  # §§ 41–43, two weeks before
    earlier.date = "2031-02-25"
    store.add(earlier)
    later = before_the_meeting(paragraphs=2)
    later.first_paragraph = None
    mid = store.add(later)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await wait_until(pilot, lambda: protocol_line(app).startswith("§ 44 "),
                         what="the first § read from the series")
        assert item_heading(app).startswith("§ 44 ")  # the pane's heading says it too
        await pilot.press("ctrl+n")
        await typed_through(pilot)
        assert protocol_line(app).startswith("§ 45 · 7 av 7 tjänstgör")
        assert item_heading(app).startswith("§ 45 ")


def item_heading(app) -> str:
    from textual.widgets import Static

    return str(app.screen.query_one("#item-title", Static).render())
