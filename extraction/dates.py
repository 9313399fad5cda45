"""Date expressions in a sentence, resolved against the publication date.

Three kinds of mention come out: ``event`` dates (a day the incident can be put on),
``statement`` dates (the day something was said/reported: never the event day, only a
last-resort hint), and ``vague`` markers ("last week", "in February 2022") that make an
incident background without a resolvable day.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_EXPLICIT = re.compile(
    rf"\b(?P<m1>{_MON})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>(?:19|20)\d\d))?"
    # "the night of 8/9 July": a night is dated by its start, so the first day is the one kept
    rf"|\b(?:(?P<d0>\d{{1,2}})(?:st|nd|rd|th)?\s*[/\-–]\s*)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MON})\b\.?"
    rf"(?:,?\s+(?P<y2>(?:19|20)\d\d))?"
    # official letters: "on the evening of 11th instant" is the 11th of the current month
    r"|\b(?P<d3>\d{1,2})(?:st|nd|rd|th)?\s+(?:instant|inst\.)"
)
# "the intervening night of Saturday and Sunday": the second weekday is the night's end, not its day.
_NIGHT_END = re.compile(r"\bnight\b[^.;]{0,25}\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*"
                        r"(?:/|-|–|and)\s*$", re.IGNORECASE)
_RELATIVE = re.compile(
    rf"\b(?:(?:last|this)\s+)?{_WD}\b|\b(?P<yest>yesterday)\b|\b(?P<lastnight>last night)\b"
    r"|\b(?P<today>today|tonight|this morning|this evening)\b",
    re.IGNORECASE,
)
_VAGUE = re.compile(
    r"\b(?:last|past|previous|earlier this|this|next|coming)\s+(?:week|month|year|decade)s?\b"
    r"|\b(?:earlier|later)\s+(?:this|in the)\s+(?:week|month|year)\b"
    r"|\b(?:days|weeks|months|years)\s+(?:ago|after|before|earlier|later)\b"
    r"|\ba\s+(?:day|week|month|year)\s+(?:ago|after|before|earlier)\b"
    r"|\b(?:had|have|has)\s+(?:earlier|previously)\b(?!\s+(?:put|said|reported|given|confirmed|told|placed|stated|counted))|\bin the past\b"
    r"|\b(?:recent|past|previous|last)\s+(?:few\s+)?(?:days|weeks|months|years)\b"
    rf"|\b(?:in|since|last|early|late|mid|during|until)\s*-?\s*{_MON}\b(?!\.?\s+\d{{1,2}}\b)"
    rf"|\b{_MON}\s+(?:19|20)\d\d\b|\b(?:in|since|of)\s+(?:19|20)\d\d\b|\b(?:a|the)\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d\s+(?:attack|bombing|blast|massacre|killing)s?\b",
    re.IGNORECASE,
)
# Words that, just before a date, make it the day of a statement or report, not of the incident.
_STATEMENT_BEFORE = re.compile(
    r"\b(?:said|says|say|told|statement|statements|release|reported|reports|confirmed|announced|"
    r"issued|stated|claimed|added|informed|briefed|risen to|rose to|climbed to|revealed|"
    r"quoted|according to [\w ]+)\b[^.;]{0,35}$"
    r"|\b(?:statement|release|report)\s+(?:was\s+)?(?:issued|released|published)\b[^.;,]{0,70}$",
    re.IGNORECASE,
)
_EVENT_VERB = re.compile(r"\b(?:took place|occurred|happened|carried out|killed|attacked|struck|exploded|went off|"
                         r"broke out|erupted|"
                         r"opened fire|shot|abducted|kidnapped|martyred)\b", re.IGNORECASE)
_LATER_DEATH = re.compile(r"\b(?:succumbed|died of (?:their|his|her) (?:wounds|injuries))\b[^.;]{0,60}$", re.IGNORECASE)
_SCHEDULE = re.compile(r"\b(?:for|from|till|until)\s+(?:next\s+|coming\s+)?$", re.IGNORECASE)
# "China on Tuesday demanded that ...", "the ministry on Friday condemned": the day of a reaction
_STATEMENT_AFTER = re.compile(r"^\W{0,3}(?:\)\s*)?(?:said|told|announced|confirmed|reported|demanded|condemned|urged|"
                              r"called for|vowed|warned|denied|rejected|welcomed|criticised|criticized|summoned)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateMention:
    kind: str          # "event", "statement", "vague" or "future" ("a strike for Monday")
    start: int         # offset in the sentence
    day: date | None   # resolved day (None for vague or when unresolvable)
    text: str


def latest_weekday(weekday: str, published: date) -> date:
    """The latest ``weekday`` on or before ``published``."""
    back = (published.weekday() - WEEKDAYS.index(weekday.lower())) % 7
    return published - timedelta(days=back)


def _explicit_day(match: re.Match[str], published: date | None) -> date | None:
    if match["d3"]:
        try:
            return published.replace(day=int(match["d3"])) if published else None
        except ValueError:
            return None
    month = MONTHS[(match["m1"] or match["m2"]).lower()]
    day = int(match["d1"] or match["d0"] or match["d2"])
    year_text = match["y1"] or match["y2"]
    if year_text:
        year = int(year_text)
    elif published is not None:
        year = published.year
    else:
        return None
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    if not year_text and published is not None and found > published + timedelta(days=1):
        found = found.replace(year=year - 1)  # "Dec 28" read in early January
    return found


def find_dates(sentence: str, published: date | None) -> list[DateMention]:
    """Every date mention of the sentence, in text order."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    explicit: list[tuple[int, int]] = []
    explicit_matches = list(_EXPLICIT.finditer(sentence))
    days = [m for m in explicit_matches if m["d1"] or m["d2"] or m["d3"]]
    for match in _VAGUE.finditer(sentence):
        if any(d.start() <= match.start() < d.end() for d in days if d.start() < match.start()):
            continue  # "March 2025" inside "on 11 March 2025" is that day's month, not a vague date
        found.append(DateMention("vague", match.start(), None, match.group()))
        taken.append(match.span())
    for match in explicit_matches:
        if any(a <= match.start() < b for a, b in taken):
            continue
        taken.append(match.span())
        explicit.append(match.span())
        found.append(_classify(sentence, match, _explicit_day(match, published)))
    for match in _RELATIVE.finditer(sentence):
        if any(a <= match.start() < b for a, b in taken):
            continue
        if match["wd"] and any(0 <= a - match.end() <= 3 for a, _ in explicit):
            continue  # "Friday, June 23, 2017": the explicit date already covers it
        if match["wd"] and _NIGHT_END.search(sentence[:match.start()]):
            continue
        day: date | None = None
        if published is not None:
            if match["wd"]:
                day = latest_weekday(match["wd"], published)
                if match.group().lower().startswith("last") and day == published:
                    day -= timedelta(days=7)
            elif match["yest"] or match["lastnight"]:
                day = published - timedelta(days=1)
            else:
                day = published
        found.append(_classify(sentence, match, day))
    found.sort(key=lambda m: m.start)
    return found


def _classify(sentence: str, match: re.Match[str], day: date | None) -> DateMention:
    before = sentence[max(0, match.start() - 60):match.start()]
    after = sentence[match.end():match.end() + 20]
    said = _STATEMENT_BEFORE.search(before)
    if said and (_EVENT_VERB.search(before[said.start():]) or re.search(r"\bthat\b", before[said.start():])):
        said = None  # "police said the attack took place on Monday", "claimed that on Sunday ...": the reported day
    if "wd" in match.re.groupindex and match["wd"] and _SCHEDULE.search(before) and not after.startswith(("'s", "’s")):
        return DateMention("future", match.start(), None, match.group())  # "a strike for Monday": a plan
    # "By Wednesday, the toll had risen to 16": the day of a later count, not of the incident
    as_of = re.fullmatch(r"\W*(?:by|as of)\s+(?:late\s+|early\s+)?", sentence[:match.start()], re.IGNORECASE) \
        or re.search(r"\b(?:had been|has been|was|were)\b[^.;]{0,40}\b(?:by|as of)\s+(?:late\s+|early\s+)?$", before, re.IGNORECASE)
    # ("no arrest had been made by Saturday afternoon": the day of a later state of things)
    # "the toll rose to six after two constables succumbed to their wounds on Saturday": a later death's day
    later_death = _LATER_DEATH.search(before)
    kind = "statement" if said or as_of or later_death or _STATEMENT_AFTER.search(after) else "event"
    return DateMention(kind, match.start(), day, match.group())
