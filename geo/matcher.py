"""Finds gazetteer names in running text (for the extractor's place mentions)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from geo.names import fold

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# What may sit between the words of one name: "D.I. Khan", "Gilgit-Baltistan", "Dera  Bugti".
_JOINER = re.compile(r"^[ .\-]{1,3}$")
# Lower-case words allowed inside a capitalised name ("Takht e Nasrati", "Dera Ismail Khan").
_CONNECTORS = frozenset({"e", "i", "ul", "ud", "us", "ur", "al", "ki", "ka", "da", "di", "and", "of", "bin"})
# Capitalised English words that are also GeoNames names or aliases; as a lone word they
# are much likelier to start a sentence or a title than to name a place.
STOP_WORDS = frozenset({
    "the", "police", "army", "road", "bazaar", "bazar", "city", "district", "town", "new", "old", "lower",
    "upper", "north", "south", "east", "west", "central", "camp", "station", "market", "colony", "model",
    "garden", "university", "hospital", "court", "jail", "chowk", "bridge", "gate", "airport", "port", "fort",
    "village", "area", "valley", "pass", "hills", "river", "canal", "lake", "block", "sector", "phase", "main",
    "saddar", "cantt", "cantonment", "sub", "pakistan", "national", "federal", "provincial", "government",
    "minister", "chief", "president", "general", "major", "senior", "security", "forces", "attack", "islam",
    "ali", "khan", "shah", "muhammad", "ahmad", "ahmed", "hussain", "hassan", "malik", "mir", "sardar", "haji",
    "may", "march", "june", "july", "august", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "said", "media", "press", "club", "nation", "dawn", "express", "news", "tribune", "levies",
    "frontier", "corps", "rangers", "customs", "mosque", "school", "college", "highway", "motorway", "nazimabad",
    # Personal names that are also GeoNames alternate names of villages.
    "abbas", "akbar", "hamid", "rashid", "karim", "rahim", "nawaz", "sharif", "imran", "zafar", "usman", "umar",
    "bilal", "asif", "tariq", "javed", "iqbal", "aziz", "latif", "jamal", "kamal", "faisal", "zia", "bhutto",
    "zardari", "baloch", "bugti", "marri", "mengal", "achakzai", "kakar", "wazir", "mehsud", "dawar", "afridi",
})


def _match_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", fold(text))


@dataclass(frozen=True, slots=True)
class Matcher:
    keys: frozenset[str]
    max_words: int

    @classmethod
    def from_names(cls, names: list[str]) -> Matcher:
        keys, longest = set(), 1
        for name in names:
            key = _match_key(name)
            if len(key) < 3 and not name.isupper():
                continue  # two-letter names ("Ar") collide with ordinary words; acronyms (KP) stay
            if " " not in name.strip() and key in STOP_WORDS:
                continue
            keys.add(key)
            longest = max(longest, len(_WORD.findall(name)))
        return cls(frozenset(keys), min(longest, 8))

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, text as written) of each capitalised name, longest match first, no overlaps."""
        words = list(_WORD.finditer(text))
        found = []
        i = 0
        while i < len(words):
            if not _capitalised(words[i].group()):
                i += 1
                continue
            for n in range(min(self.max_words, len(words) - i), 0, -1):
                span = words[i:i + n]
                if not _capitalised(span[-1].group()) or not _joined(text, span):
                    continue
                if any(not _capitalised(w.group()) and w.group() not in _CONNECTORS for w in span):
                    continue
                start, end = span[0].start(), span[-1].end()
                if _match_key(text[start:end]) in self.keys:
                    found.append((start, end, text[start:end]))
                    i += n - 1
                    break
            i += 1
        return found


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _joined(text: str, span: list[re.Match]) -> bool:
    return all(_JOINER.match(text[a.end():b.start()]) for a, b in zip(span, span[1:]))
