"""Sentence splitting with offsets into the body, and dateline detection."""
from __future__ import annotations

import re
from dataclasses import dataclass

# "QUETTA:", "DERA ISMAIL KHAN/PESHAWAR:", "PESHAWAR, Pakistan —", "Islamabad [Pakistan], October 25 (ANI):",
# "ISLAMABAD, March 17 (Reuters) -", "QUETTA, Pakistan (AFP) —", "PESHAWAR, Pakistan, Aug 23 (Reuters) -"
_AGENCIES = "AFP|AP|PTI|ANI|IANS|UNI|Reuters|APP|Xinhua|AA|Anadolu|INP|NNI|PPI|Online|dpa|EFE|Kyodo|BSS|IRNA"
# what may follow the place of a dateline: a country, a day ("Aug 12", "10 September 2024", "June 3, 2025")
_DAY_PART = r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Z][a-z]+\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+(?:19|20)\d\d)?"
_DATELINE = re.compile(
    r"^(?P<places>[A-Z][A-Z.'\- ]{2,}(?:/[A-Z][A-Z.'\- ]{2,})*)(?:,\s*%s){0,2}(?:\s*\([A-Za-z ]+\))?\s*(?::|—|–|\s--?\s)\s*"
    r"|^(?P<places2>[A-Z][a-z]+(?: [A-Z][a-z]+)*(?:/[A-Z][a-z]+)*)\s*\[[A-Za-z ]+\],\s*[A-Z][a-z]+\.? \d{1,2}\s*\([A-Za-z]+\):\s*"
    # "Dera Ismail Khan (UrduPoint / Pakistan Point News - 23rd Nov, 2024 ) :"
    r"|^(?P<places3>[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,3}),?\s*\([^()]{0,80}\b(?:19|20)\d\d\s*\)\s*:\s*"
    # a press release's "Islamabad: June 03, 2025" line
    r"|^(?P<places4>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}):\s+(?=[A-Z][a-z]+\.?\s+\d{1,2},?\s+(?:19|20)\d\d\s*$)"
    # a press release's "Rawalpindi - 14 September 2024:", "Rawalpindi - April 15, 2025:"
    r"|^(?P<places6>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\s+[-–—]\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2},?)"
    r"\s+(?:19|20)\d\d\s*:\s*"
    # a wire credit closes the dateline even without a colon: "Lahore, Aug 12 (PTI) A policeman ...",
    # "Peshawar (Pakistan) (AFP) - Militants ..."
    r"|^(?P<places5>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}(?:/[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})*)(?:\s*[\[(][A-Z][a-z]+[\])])?"
    r"(?:,\s*%s){0,2}\s*\((?:%s)\)\s*(?:[:\-—–]+\s*)?" % (_DAY_PART, _DAY_PART, _AGENCIES)
)
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Brig|Sgt|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"Govt|Dept|vs|etc|approx|Co|Inc|Ltd|Jr|Sr|Prof|Rs)\.|\b[A-Z]\.)$"
)
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int          # offset of the sentence in the body
    text: str           # verbatim slice of the body
    paragraph: int
    dateline: tuple[str, ...] = ()   # dateline places heading this sentence's paragraph
    dateline_end: int = 0            # chars of ``text`` taken by the dateline


def dateline_of(paragraph: str) -> tuple[tuple[str, ...], int]:
    match = _DATELINE.match(paragraph)
    if not match:
        return (), 0
    raw = match["places"] or match["places2"] or match["places3"] or match["places4"] or match["places5"] or match["places6"] or ""
    names = tuple(p.strip().title() for p in raw.split("/") if len(p.strip()) > 2)
    return names, match.end()


def split_sentences(body: str) -> list[Sentence]:
    """Sentences of ``body`` in order; each ``text`` is an exact slice of the body."""
    sentences: list[Sentence] = []
    for par_no, par in enumerate(re.finditer(r"[^\n]+", body)):
        ptext = par.group()
        if not ptext.strip() or ptext.strip() == "[...]":
            continue
        names, dl_end = dateline_of(ptext)
        cut = 0
        pieces: list[tuple[int, int]] = []
        for boundary in _BOUNDARY.finditer(ptext):
            head = ptext[cut:boundary.start()].rstrip("\"”’)")
            if _ABBREV.search(head) or boundary.start() - cut < 3:
                continue
            pieces.append((cut, boundary.start() + len(boundary.group()) - len(boundary.group().lstrip())))
            cut = boundary.end()
        pieces.append((cut, len(ptext)))
        for i, (a, b) in enumerate(pieces):
            chunk = ptext[a:b].rstrip()
            lead = len(chunk) - len(chunk.lstrip())
            chunk = chunk.strip()
            if not chunk:
                continue
            sentences.append(Sentence(
                index=len(sentences), start=par.start() + a + lead, text=chunk, paragraph=par_no,
                dateline=names, dateline_end=dl_end if i == 0 else 0,
            ))
    return sentences
