"""Sentences -> clauses: one sentence may carry two incidents.

"Militants attacked a checkpost in Pezu, while police repulsed a separate assault in Bannu city" tells of
two incidents, each with its own place, day and dead. A sentence is cut where a coordinating or
contrastive conjunction (", while", "; ", ", whereas", ", and in another attack") opens a clause that has
its own violence and its own place; each side becomes a clause of its own, a verbatim slice of the body.
A relative clause that tells a killing inside a sentence about something else ("relatives of two
brothers who were gunned down in Absar on Sunday staged a sit-in") is split out the same way.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extraction import taxonomy
from extraction.numbers import find_deaths
from extraction.places import find_places
from extraction.sentences import Sentence

# where a second clause may open: the conjunction stays with the clause it opens
_OPENERS = re.compile(r",?\s+(?=while\b(?!\s+\w+ing\b)|whereas\b)|,\s+(?=and\s+(?:in\s+)?(?:another|a separate|a second)\b)|;\s+",
                      re.IGNORECASE)
# "relatives of two brothers who were gunned down in X on Sunday ended their sit-in"
_RELATIVE_KILLING = re.compile(
    r"\b(?:who|whom)(?:,\s+according to [^,]{3,40},)?\s+(?:were|was|had been|have been)\s+(?:allegedly\s+)?(?:gunned down|"
    r"shot dead|killed|murdered|abducted|kidnapped|martyred|seized|picked up)\b[^,;]{0,120}?(?=\s+(?:ended|staged|held|blocked|"
    r"protested|demanded|called off|continued|gathered|refused|buried|received)\b|,\s+(?:saying|calling|demanding)\b|[.!]?$)",
    re.IGNORECASE)
# "..., while in a separate incident two brothers were taken into custody in Tump": the writer says it is
# another incident, whatever words tell it
_ANOTHER_INCIDENT = re.compile(r"\W*(?:while|whereas|and)\s+(?:in\s+)?(?:another|a separate|a second)\s+(?:\w+\s+)?"
                               r"(?:incident|attack|case|development)\b", re.IGNORECASE)
_VIOLENT = frozenset({"suicide", "air", "grenade", "shelling", "ied", "clash", "firearm", "abduction", "mob",
                      "disrupted", "destruction"})


def _tells_incident(text: str) -> bool:
    return bool(taxonomy.signals_of(text) & _VIOLENT or find_deaths(text))


def _family(text: str) -> str:
    """The kind of incident a clause tells, coarsely: a bomb defused is not the killing told beside it."""
    signals = taxonomy.signals_of(text)
    if "disrupted" in signals:
        return "disrupted"
    if signals & {"suicide", "air", "grenade", "shelling", "ied"}:
        return "explosive"
    return "protest" if "protest" in signals else "violence"


def _has_place(text: str) -> bool:
    return any(not p.foreign for p in find_places(text))


def _slice(sentence: Sentence, a: int, b: int) -> Sentence | None:
    chunk = sentence.text[a:b]
    lead = len(chunk) - len(chunk.lstrip())
    chunk = chunk.strip().rstrip(",;")
    while chunk[:1] in (",", ";"):
        chunk = chunk[1:]
        lead += 1
    lead += len(chunk) - len(chunk.lstrip())
    chunk = chunk.strip()
    if not chunk:
        return None
    return replace(sentence, start=sentence.start + a + lead, text=chunk,
                   dateline_end=max(0, sentence.dateline_end - a - lead) if a + lead < sentence.dateline_end else 0)


def split_clauses(sentence: Sentence) -> list[Sentence]:
    """The clauses of ``sentence`` that each tell an incident at a place of their own (or the whole
    sentence when it tells one)."""
    text = sentence.text
    rel = _RELATIVE_KILLING.search(text, sentence.dateline_end)
    if rel and _has_place(rel.group()):
        # the killed are the noun phrase the relative clause hangs on: "(relatives of) two brothers who ..."
        heads = list(re.finditer(r"\b(?:of|for)\s+", text[max(0, rel.start() - 50):rel.start()]))
        begin = max(0, rel.start() - 50) + heads[-1].end() if heads else rel.start()
        inner, rest = _slice(sentence, begin, rel.end()), _slice(sentence, rel.end(), len(text))
        if inner is not None and rest is not None and re.search(r"[A-Za-z]", rest.text):
            return [inner, rest]
        head = _slice(sentence, 0, begin)
        if inner is not None and head is not None and _family(head.text) == "protest":
            return [head, inner]  # "a rally against the disappearance of X, who was picked up ...": what it protests
    cuts = [m.start() for m in _OPENERS.finditer(text) if m.start() > sentence.dateline_end]
    if not cuts:
        return [sentence]
    bounds = [0] + cuts + [len(text)]
    pieces = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]
    # each clause tells an incident at a place of its own; the first may name none ("killed four policemen in
    # the northwest, while a bomb was defused in Peshawar": the first is placed by the sentences after it)
    placed = [_has_place(text[max(a, sentence.dateline_end):b]) for a, b in pieces]
    families = [_family(text[a:b]) for a, b in pieces]
    if not all((_tells_incident(text[a:b]) or _ANOTHER_INCIDENT.match(text, a)) and
               (placed[i] or i == 0 and len(set(families)) == len(families)) for i, (a, b) in enumerate(pieces)) \
            or not any(placed):
        return [sentence]  # "killing two, while three were injured": one incident told in two clauses
    out = [_slice(sentence, a, b) for a, b in pieces]
    return [c for c in out if c is not None]
