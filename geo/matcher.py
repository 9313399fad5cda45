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
        tokens = [w.group() for w in words]
        capital = [_capitalised(t) for t in tokens]
        # a name runs over words joined by a space, dot or hyphen, lower-case only for connectors
        joined = [bool(_JOINER.match(text[a.end():b.start()])) for a, b in zip(words, words[1:])]
        inner = [c or t in _CONNECTORS for c, t in zip(capital, tokens)]
        keys: list[str | None] = [None] * len(words)  # match keys, folded once per word when first needed
        found = []
        i = 0
        while i < len(words):
            if not capital[i]:
                i += 1
                continue
            run = 1  # how far a name starting here could reach
            while run < self.max_words and i + run < len(words) and joined[i + run - 1] and inner[i + run]:
                run += 1
            for n in range(run, 0, -1):
                if not capital[i + n - 1]:
                    continue
                for k in range(i, i + n):
                    if keys[k] is None:
                        keys[k] = _match_key(tokens[k])
                # joiners fold to nothing, so the span's key is its words' keys end to end
                if "".join(keys[i:i + n]) in self.keys:
                    start, end = words[i].start(), words[i + n - 1].end()
                    found.append((start, end, text[start:end]))
                    i += n - 1
                    break
            i += 1
        return found


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()
