"""store.domain.text.same_name: the one comparison of typed names (jäv, seats, rosters)."""

from __future__ import annotations

from store.domain.text import same_name


def test_case_and_outer_spaces_do_not_matter():
    assert same_name(" siri dahl ", "Siri Dahl")
    assert same_name("ÅSA ÖBERG", "åsa öberg")


def test_other_names_differ():
    assert not same_name("Siri Dahl", "Siri Dahlberg")
    assert not same_name("Siri  Dahl", "Siri Dahl")  # inner spaces are as typed

