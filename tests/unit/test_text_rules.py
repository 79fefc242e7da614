"""store.domain.text: the one comparison of typed names and the one Swedish enumeration."""

from __future__ import annotations

from store.domain.text import enumeration, same_name


def test_case_and_outer_spaces_do_not_matter():
    assert same_name(" siri dahl ", "Siri Dahl")
    assert same_name("ÅSA ÖBERG", "åsa öberg")


def test_other_names_differ():
    assert not same_name("Siri Dahl", "Siri Dahlberg")
    assert not same_name("Siri  Dahl", "Siri Dahl")  # inner spaces are as typed



def test_parts_are_listed_as_swedish_lists_them():
    assert enumeration([]) == ""
    assert enumeration(["A"]) == "A"
    assert enumeration(["A", "B"]) == "A och B"
    assert enumeration(["A", "B", "C"]) == "A, B och C"
