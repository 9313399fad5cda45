"""match_places(): gazetteer names in running text."""
from __future__ import annotations

from geo import match_places


def names(text: str) -> list[str]:
    return [found for _, _, found in match_places(text)]


def test_capitalised_tank_is_a_place_but_the_word_is_not():
    text = "A tank was seen in Tank on Sunday."
    assert names(text) == ["Tank"]
    start, end, _ = match_places(text)[0]
    assert text[start:end] == "Tank" and start == text.index("Tank")


def test_longest_name_wins_over_its_parts():
    assert names("Militants attacked a post in Dera Ismail Khan.") == ["Dera Ismail Khan"]
    assert names("Police in Khyber Pakhtunkhwa said") == ["Khyber Pakhtunkhwa"]


def test_abbreviations_and_kind_words():
    assert names("near D.I. Khan and in Kech district") == ["D.I. Khan", "Kech"]


def test_sentence_words_are_not_places():
    assert names("The Police said Security forces and the Army responded.") == []
    assert names("Abbas said Bugti tribesmen gathered in Dera Bugti.") == ["Dera Bugti"]


def test_offsets_point_into_the_text():
    text = "Blasts hit Quetta, Turbat and Noshki."
    for start, end, found in match_places(text):
        assert text[start:end] == found
    assert names(text) == ["Quetta", "Turbat", "Noshki"]
