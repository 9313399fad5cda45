"""Counting the dead: number words, vague quantities and death phrases."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import reduce

_UNITS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "both": 2,
}
# ACLED's convention for vague quantities.
VAGUE = {"dozens": 12, "a dozen": 12, "dozen": 12, "tens": 10, "scores": 12, "hundreds": 100}
_NUM_WORDS = "|".join(sorted((k for k in _UNITS if k not in ("a", "an")), key=len, reverse=True))
NUMBER = (
    rf"(?:\d{{1,4}}(?:,\d{{3}})?|(?:{_NUM_WORDS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|dozens|a dozen|tens|scores|hundreds)"
)
_NUMBER_RE = re.compile(rf"^{NUMBER}$", re.IGNORECASE)


def parse_number(text: str) -> tuple[int, bool] | None:
    """``"at least"``-free number text -> (value, vague?); None if not a number."""
    t = " ".join(text.lower().replace("-", " ").split())
    if not _NUMBER_RE.match(text.strip()):
        if t not in _UNITS:
            return None
    if t in VAGUE:
        return VAGUE[t], True
    if t.replace(",", "").isdigit():
        return int(t.replace(",", "")), False
    total = 0
    for word in t.split():
        if word not in _UNITS:
            return None
        total += _UNITS[word]
    return total, False


VICTIM_CLASSES: dict[str, tuple[str, ...]] = {
    "military": ("rangers", "soldier", "soldiers", "troops", "army", "fc", "security", "commando", "commandos",
                 "servicemen", "major", "captain", "corps", "subedar", "lieutenant", "colonel", "brigadier"),
    # ranks and words every uniformed force uses (army, FC, Levies, police): the incident's force decides
    "forces": ("personnel", "sepoy", "sepoys", "jawan", "jawans", "officer", "officers", "havildar", "naik"),
    "police": ("policeman", "policemen", "police", "cop", "cops", "constable", "constables", "levies",
               "levy", "policemen,", "inspector", "sub-inspector", "guard", "guards", "risaldar", "dafedar"),
    "militant": ("militant", "militants", "terrorist", "terrorists", "attacker", "attackers", "assailant",
                 "assailants", "insurgent", "insurgents", "gunman", "gunmen", "bomber", "bombers", "suspect",
                 "suspects", "rebel", "rebels", "fighters", "miscreants", "taliban", "dacoits", "kidnappers",
                 "dacoit", "robbers", "robber", "criminals", "outlaws", "gangsters", "bandits",
                 # the state's words for TTP fighters since 2024 ("six khwarij were sent to hell")
                 "khwarij", "khawarij", "kharij", "kharji", "kharjis", "khariji", "kharijis"),
    "people": ("people", "persons", "person", "lives", "dead", "victims", "others", "individuals", "bodies",
               "casualties"),
    "civilian": ("civilian", "civilians", "labourer", "labourers", "laborers", "worker", "workers",
                 "passenger", "passengers", "child", "children", "woman", "women", "man", "men", "boy", "boys",
                 "girl", "girls", "journalist", "journalists", "student", "students", "worshipper", "worshippers",
                 "villager", "villagers", "member", "members", "family", "resident", "residents", "teacher",
                 "elder", "shopkeeper", "driver", "pilgrims", "youth", "youths", "farmer", "farmers", "trader",
                 "traders", "engineers", "engineer", "nationals", "tourists", "customers", "manager", "leader",
                 "passer-by", "passerby", "passers-by", "pedestrian", "pedestrians", "bystander", "bystanders",
                 "citizen", "citizens", "employee", "employees", "shopkeepers", "vendor",
                 "miners", "miner", "doctor", "doctors", "lawyer", "lawyers", "cleric", "worshipers", "teenager",
                 "brothers", "sons", "daughters", "wife", "husband", "father", "mother", "relatives", "guests",
                 "cook", "cooks", "watchman", "chowkidar", "porter", "porters", "conductor", "cleaner"),
}
_CLASS_OF = {word: cls for cls, words in VICTIM_CLASSES.items() for word in words}


def joint_class(a: str, b: str) -> str:
    """The class of two counts told together: a shared rank takes the force beside it ("a captain and two
    sepoys" are soldiers); two different classes are just people."""
    if a == b:
        return a
    if {a, b} & {"forces"} and {a, b} - {"forces"} <= {"military", "police"}:
        return ({a, b} - {"forces"}).pop()
    return "people"

DEATH = (
    r"(?:killed|kills|kill|killing|dead|died|dies|martyred|martyring|embraced (?:martyrdom|shahadat|shahadat’|‘shahadat’)"
    r"|embraced\s+\W?shahadat\W?|lost (?:their|his|her) lives?|sacrificed (?:their|his|her) lives?|laid down (?:their|his|her) lives?|shot dead|gunned down|succumbed|neutrali[sz]ed"
    r"|sent to hell|lynched|slain|perished|fatally shot|claiming|claimed the lives|bodies|death toll|deaths"
    r"|beheaded|murdered|executed|passed away)(?![a-z])"  # not "lost their livelihood", not "a deadly attack"
)
_DEATH_RE = re.compile(DEATH, re.IGNORECASE)
_INJURY_RE = re.compile(r"\b(?:injur\w*|wound\w*|hurt|critical)\b", re.IGNORECASE)
_COUNT_RE = re.compile(
    rf"(?P<pre>\b(?:at least|as many as|nearly|almost|about|around|some|over|more than|up to|another|"
    rf"only|all|a total of|total of)\s+)?\b(?P<num>{NUMBER}|a|an)\b"
    r"(?=(?P<np>(?:[\s-]+(?:[“”\"‘’(]?[\w’'\-]+[“”\"’,)]?)){0,5}))",
    re.IGNORECASE,
)
_UPDATE_RE = re.compile(r"\b(?:(?:putting|put|placing|placed|revised)\s+the\s+(?:death\s+)?toll\s+at\s*$|risen|rose|climbed|jumped|increased|reached|mounted|(?:taking|bringing|took|brought|raising|raised|pushing|pushed)"
                        r"\s+the\s+(?:(?:death\s+)?toll|number of (?:[\w\-]+\s+){1,3}?(?:killed|dead|martyred)(?:\s+in the \w+)?))"
                        r"\s+to\s*$", re.IGNORECASE)
_EARLIER_RE = re.compile(r"\bearlier\b", re.IGNORECASE)
_NOT_COUNT_AFTER = re.compile(
    r"^[\s-]*(?:kg|km|kilomet|mile|pm|am|year|inch|percent|%|hours?|minutes?|days?|weeks?|months?|shots|"
    r"rounds|grenade|attacks?|bombings?|blasts?|incidents|explosions|vehicles|cases|suspects? were arrested|"
    r"times|member|-member)\b",
    re.IGNORECASE,
)


# "four terrorists including ringleader Dad Karim alias Shahmir were sent to hell": the verb comes late
_LATE_PASSIVE = re.compile(r"\b(?:were|have been|had been)\s+(?:also\s+)?(?:killed|martyred|sent to hell|shot dead|gunned down|"
                           r"neutrali[sz]ed)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;:.]|,\s+(?:while|and|but|injuring|wounding|leaving)\b|\bwhile\b")


# the count is the subject of an active killing verb with its own object
_AGENT = re.compile(r"^(?:(?!\b(?:were|was|been|are|is|being)\b)[^.;:])*?\b(?:shot dead|gunned down|killed|murdered|martyred|stabbed)\s+"
                    r"(?:an?\s|the\s|his\s|her\s|their\s|one\s|two\s|three\s|four\s|five\s|\d+\s|[A-Z][a-z])")


@dataclass(frozen=True, slots=True)
class DeathCount:
    value: int
    victim_class: str   # military / police / militant / people / civilian
    vague: bool         # "dozens" and the like
    update: bool        # "has risen to 54"
    earlier: bool       # "earlier killed 44"
    subset: bool        # "including nine policemen"
    start: int
    single: bool = False  # one person singled out ("a constable died", "Sepoy X embraced martyrdom")
    more: bool = False    # "five more people killed": deaths added to an earlier toll
    parts: tuple[tuple[str, int], ...] = ()  # a sum of conjoined counts of several classes, by class


_COMRADES = frozenset({"men", "boys", "brothers", "colleagues", "comrades"})


def _victim_class(np: str, span: int = 5) -> str | None:
    """The most telling class among the first words: "members of the security forces" are military."""
    fallback = None
    np = re.split(r",|\bincluding\b|\bamong\b|\bof whom\b", np, maxsplit=1)[0]
    prev = ""
    for word in re.findall(r"[\w’'\-]+", np.lower())[:span]:
        cls = _CLASS_OF.get(word)
        if prev == "our" and word in _COMRADES:
            return "forces"  # a spokesman's "three of our men were martyred": his own force, named by the incident
        prev = word
        if cls in ("military", "police", "militant"):
            return cls  # "personnel of the FC": the force named beside the rank
        fallback = "forces" if cls == "forces" else fallback or cls
    return fallback


_UNCONFIRMED = re.compile(
    r"\bunconfirmed\b|\btrying to (?:confirm|verify|ascertain)\b|\bcould not (?:be )?(?:independently )?(?:confirm|verif)\w*"
    r"|\bnot (?:yet )?(?:been )?(?:confirmed|verified)\b|\bunverified\b|\brumou?rs?\b|\bfeared (?:dead|killed)\b"
    r"|\b(?:killed|dead) or (?:wounded|injured)\b"
    r"|\b(?:believed|thought|presumed)\s+(?:to\s+have\s+been|(?:that\s+)?(?:[\w\-]+\s+){0,6}?(?:had been|have been|were|was)"
    r"(?:\s+also)?)\s+(?:killed|dead)\b",
    re.IGNORECASE)


# every way a death is told below: the death words, ranks that "embraced", "identified as", listed victims
_ANY_DEATH = re.compile(rf"{DEATH}|\bembraced\b|\bidentified as\b|\bto death\b", re.IGNORECASE)


def find_deaths(sentence: str) -> list[DeathCount]:
    """Death counts stated in one sentence (injury counts and non-death numbers left out).

    A sentence that calls its deaths unconfirmed ("trying to confirm reports of a soldier's
    death") gives none: only confirmed deaths are coded.
    """
    if not _ANY_DEATH.search(sentence) or _UNCONFIRMED.search(sentence):
        return []  # no death word at all: nothing to count (most sentences of a report)
    counts: list[DeathCount] = []
    for m in _COUNT_RE.finditer(sentence):
        num = m["num"]
        before = sentence[max(0, m.start() - 40):m.start()]
        if re.search(r"\bof the\s*$|\bthe\s*$|-$|\bNo\.?\s*$", before, re.IGNORECASE) and not (
                re.search(r"\bthe\s*$", before, re.IGNORECASE) and re.match(
                    rf"\s+(?:were|have been|had been)\s+(?:all\s+|also\s+)?(?:{DEATH})", sentence[m.end("num"):], re.IGNORECASE)):
            continue  # ("Police say the three were shot dead": a definite count with its own death verb counts)
        if re.search(r"\b(?:relatives?|brother|father|mother|family|son|widow|friends?) of\s*$", before, re.IGNORECASE):
            continue  # "a relative of one of the men killed": the speaker, not a count
        after = sentence[m.end("num"):]
        if _NOT_COUNT_AFTER.match(after) or num.lower() == "both" and re.match(r"\s+(?:deaths|killings|incidents|sides)\b", after, re.I):
            continue  # ("an inquiry into both deaths": the two already told)
        parsed = parse_number(num)
        if parsed is None:
            continue
        value, vague = parsed
        np = m["np"]
        if re.search(r"\b(?:said|say|says|told|added|confirmed|reported|claimed)\b", re.split(r"[,;]", np)[0],
                     re.IGNORECASE):
            continue  # "two officials said that ...": the number counts the speakers, not "killing 11 civilians, officials said"
        cls = _victim_class(np, 2 if num.lower() in ("a", "an") else 5)
        lead_verb = re.search(rf"{DEATH}\s+$", sentence[max(0, m.start() - 30):m.start()], re.IGNORECASE)
        if num.lower() in ("a", "an") and (cls is None or not lead_verb and not re.match(
                rf"^(?:[\s-]+[\w’'\-]+){{1,2}}(?:,\s+[A-Z][\w.’'\- ]{{2,40}},)?\s+(?:(?:was|has been|had been|is)\s+(?:also\s+)?)?(?:{DEATH})",
                after, re.IGNORECASE)):
            continue  # "a woman was killed" counts; "a journalist ... bodies of police killed" does not
        # The death word must belong to this number: shortly after it (same clause), or just
        # before it ("killing 11 civilians", "killed at least 15").
        tail = sentence[m.end("num"):m.end("num") + 90]
        clause = re.split(r"[;:]|,\s+(?:while|and|but|injuring|wounding|leaving)\b|\bwhile\b|\band\s+(?=\w+\s+(?:were|was))", tail)[0]
        head = sentence[max(0, m.start() - 30):m.start()]
        death_after = _DEATH_RE.search(clause) or _LATE_PASSIVE.search(
            _CLAUSE_END.split(sentence[m.end("num"):m.end("num") + 140])[0])
        injury_after = _INJURY_RE.search(clause)
        death_before = re.search(rf"(?:{DEATH}|\bbodies of(?: the)?|\blives of)\s+(?:at least\s+|as many as\s+|nearly\s+|some\s+)?$",
                                 head, re.IGNORECASE)
        toll = re.search(r"\b(?:toll|death toll|number of (?:the )?(?:dead|deaths|fatalities|(?:[\w\-]+\s+){1,2}?(?:killed|martyred)))\b"
                         r"[^.]{0,200}$", sentence[:m.start()], re.IGNORECASE)
        update = bool(_UPDATE_RE.search(sentence[max(0, m.start() - 70):m.start()])) or bool(
            re.search(r"\blater\s+(?:confirmed|put the (?:death\s+)?toll at|said)\s+$", sentence[max(0, m.start() - 40):m.start()],
                      re.IGNORECASE))  # "hospital officials later confirmed 14 deaths": a newer toll
        conjoined = bool(counts) and _conjoined(sentence, counts[-1].start, m.start())
        if death_after and _AGENT.match(clause) and not death_before:
            continue  # "two men on a motorcycle shot dead a trader": the number counts the killers
        if not (death_after or death_before or (toll and update) or conjoined):
            continue  # "killed one captain and four sepoys": the second count shares the first one's verb
        if death_after and injury_after and injury_after.start() < death_after.start() and not death_before \
                and not (toll and update):
            continue
        if cls is None:
            if not (toll or death_before or re.match(r"^\s*(?:more\s+)?(?:(?:were|was|have been|had been)?\s*(?:killed|dead|died|martyred)"
                                                     r"|deaths|fatalities)\b", after, re.IGNORECASE)):
                continue
            cls = "people"
        breakdown = bool(counts) and bool(re.search(r"[—–(]\s*(?:[\w\-]+\s+){0,5}$", sentence[counts[-1].start:m.start()])) \
            and not _DEATH_RE.search(sentence[counts[-1].start:m.start()])
        counts.append(DeathCount(
            value=value, victim_class=cls, vague=vague, update=update,
            earlier=bool(_EARLIER_RE.search(sentence[max(0, m.start() - 40):m.start()])),
            # "including nine policemen", "three of the dead were civilians": part of a toll, not another one
            subset=breakdown or bool(re.search(r"\b(?:including|among them|of whom|of them)\s*$", before, re.IGNORECASE)
                        or re.match(r"\s+of\s+(?:the|those)\s+(?:dead|killed|victims|deceased)\b", after, re.IGNORECASE)),
            start=m.start(), single=num.lower() in ("a", "an"), more=bool(re.match(r"\s+more\b", after, re.IGNORECASE)),
        ))
    counts = _sum_conjuncts(sentence, [_with_single_before(sentence, c) for c in counts])
    # "Four terrorists were killed in Panjgur and nine in Naushki": the second count is elliptical.
    for prev in list(counts):
        tail = sentence[prev.start:]
        m = re.search(rf"\band\s+(?P<num>{NUMBER})\s+(?:more\s+)?in\b", tail[:160], re.IGNORECASE)
        parsed = parse_number(m["num"]) if m else None
        if m and parsed and not any(c.start == prev.start + m.start("num") for c in counts):
            counts.append(DeathCount(parsed[0], prev.victim_class, parsed[1], False, False, False,
                                     prev.start + m.start("num")))
    if not counts:
        counts.extend(_named_dead(sentence))
    if not counts:
        counts.extend(_identified_dead(sentence))
    if not counts:
        counts.extend(_listed_dead(sentence))
    if not _UNCONFIRMED.search(sentence):
        for rx in (_PAIR_RE, _PLUS_ONE_RE, _COUNT_AND_ONE_RE):
            counts = _with_pair(counts, rx.search(sentence))
    counts.sort(key=lambda c: c.start)
    return counts


# Between two conjoined counts of one subject ("seven soldiers of the FC and seven security guards were
# martyred", "1 officer and 5 soldiers embraced shahadat"): an "and" with no verb, death word or clause break.
_CONJ_GAP = re.compile(r"^[^.;:]*?(?:,\s*|\s+)and\s+(?:at least\s+|another\s+)?$", re.IGNORECASE)
_GAP_BREAK = re.compile(rf"\b(?:were|was|have|has|had|while|but|when|after|injur\w*|wound\w*)\b|{DEATH}|[—–]|\s--?\s|\([^)]*$", re.IGNORECASE)


def _with_single_before(sentence: str, count: DeathCount) -> DeathCount:
    """"a captain and two sepoys ... embraced shahadat": one more victim conjoined before the count."""
    m = re.search(rf"\b(?:a|an)\s+(?:[\w\-]+\s+)?(?P<noun>{_NOUN})\s+and\s+$", sentence[:count.start], re.IGNORECASE)
    if m is None or count.subset or count.update:
        return count
    cls = joint_class(_CLASS_OF.get(m["noun"].lower(), "people"), count.victim_class)
    return DeathCount(count.value + 1, cls, count.vague, False, count.earlier, False, m.start())


def _conjoined(sentence: str, first: int, second: int) -> bool:
    gap = sentence[first:second]
    gap = gap[len(re.match(r"\S+", gap).group()):] if gap.strip() else gap  # past the first number
    return bool(_CONJ_GAP.match(gap)) and not _GAP_BREAK.search(gap)


def _sum_conjuncts(sentence: str, counts: list[DeathCount]) -> list[DeathCount]:
    """Counts coordinated inside one noun phrase before their death verb are parts of one toll:
    their sum counts, not the smaller as a rival figure."""
    out: list[DeathCount] = []
    for c in counts:
        prev = out[-1] if out else None
        if prev is not None and not (prev.subset or c.subset or prev.update or c.update) and c.start > prev.start:
            if _conjoined(sentence, prev.start, c.start):
                cls = joint_class(prev.victim_class, c.victim_class)
                parts = (prev.parts or ((prev.victim_class, prev.value),)) + (c.parts or ((c.victim_class, c.value),))
                out[-1] = DeathCount(prev.value + c.value, cls, prev.vague or c.vague, False, prev.earlier,
                                     False, prev.start, parts=parts if cls == "people" else ())
                continue
        out.append(c)
    return out


def _with_pair(counts: list[DeathCount], m: re.Match[str] | None) -> list[DeathCount]:
    """Add the victims of a pair phrase (``num`` of one noun and ``more`` of another, 1 when not
    written); a count of the same class inside the phrase is part of the sum, not a rival figure."""
    if m is None:
        return counts
    first = parse_number(m["num"]) if m.groupdict().get("num") else (1, False)
    second = parse_number(m["more"]) if m.groupdict().get("more") else (1, False)
    if first is None or second is None:
        return counts
    a, b = _CLASS_OF[m["a"].lower()], _CLASS_OF[m["b"].lower()]
    cls = joint_class(a, b)
    kept = [c for c in counts if not (m.start() <= c.start < m.end() and c.victim_class in (cls, a, b))]
    parts = ((a, first[0]), (b, second[0])) if cls == "people" else ()
    return kept + [DeathCount(first[0] + second[0], cls, first[1], False, False, False, m.start(), parts=parts)]


_NOUN = "|".join(sorted((re.escape(w) for w in _CLASS_OF if w.isalpha()), key=len, reverse=True))
# "shot dead a polio worker and the police constable escorting him": two victims, named one by one;
# "killed a woman and her two daughters": one plus the number after
_PAIR_RE = re.compile(
    rf"(?:{DEATH})\s+(?:a|an|the|one)\s+(?:[\w\-]+\s+){{0,2}}?(?P<a>{_NOUN})\s+and\s+"
    rf"(?:(?:his|her|their)\s+(?P<more>{NUMBER})|a|an|the|his|her|their|another|one)\s+(?:[\w\-]+\s+){{0,2}}?(?P<b>{_NOUN})\b",
    re.IGNORECASE)

# "Five Chinese nationals and their Pakistani driver were killed": a count plus one more victim
_PLUS_ONE_RE = re.compile(
    rf"\b(?P<num>{NUMBER})\s+(?:[\w\-]+\s+){{0,2}}?(?P<a>{_NOUN})\s+and\s+(?:their|his|her|a|an|the|one)\s+"
    rf"(?:[\w\-]+\s+){{0,2}}?(?P<b>{_NOUN})\s+(?:were|have been|had been)\s+(?:also\s+)?(?:{DEATH})", re.IGNORECASE)

# "killing two Pakistani soldiers and a truck driver": a count plus one more victim
_COUNT_AND_ONE_RE = re.compile(
    rf"(?:{DEATH})\s+(?:at least\s+)?(?P<num>{NUMBER})\s+(?:[\w\-]+\s+){{0,2}}?(?P<a>{_NOUN})\s+and\s+(?:a|an|one|another|their|his|her)\s+"
    rf"(?:[\w\-]+\s+){{0,2}}?(?P<b>{_NOUN})\b", re.IGNORECASE)

_RANKS = {
    "military": r"Sepoy|Sipahi|Lance Naik|Naik|Havildar|Naib Subedar|Subedar|Lieutenant Colonel|Lieutenant|Captain|Major|Colonel|Brigadier",
    "police": r"Head Constable|Constable|Assistant Sub-Inspector|ASI|Sub-Inspector|Inspector|Levies Sepoy|Naib Risaldar|Risaldar",
}
_SHARED_RANKS = r"Sepoy|Sipahi|Lance Naik|Naik|Havildar"
_NAMED_RE = re.compile(
    r"\b(?P<rank>(?i:" + "|".join(f"(?:{r})" for r in _RANKS.values()) + r"))(?P<plural>s)?\s+(?:\(r\)\s+)?(?!General\b)[A-Z][a-z]+")
# the names after a plural rank: "Constables Inamullah and Zahid Khan", "Sepoys Ali, Wali and Karim"
_NAME_LIST = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*(?:(?:,\s*|,?\s+and\s+)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)*")
_NAMED_DEATH = re.compile(
    r"\b(?:embraced\s+\W?(?:martyrdom|shahadat)\W?|(?:was|were)\s+(?:also\s+)?(?:martyred|killed|shot dead)"
    r"|succumbed|lost (?:his|their) lives?)\b", re.IGNORECASE)


def _named_dead(sentence: str) -> list[DeathCount]:
    """ISPR style: "Sepoy Imran Khan, 24, resident of Swabi, embraced martyrdom" names the dead
    instead of counting them; each rank-and-name before the death phrase is one death."""
    death = _NAMED_DEATH.search(sentence)
    if not death or _UNCONFIRMED.search(sentence):
        return []
    named = list(_NAMED_RE.finditer(sentence[:death.start()]))
    if not named:
        return []
    if all(re.fullmatch(_RANKS["police"], m["rank"], re.IGNORECASE) for m in named):
        cls = "police"
    elif all(re.fullmatch(_SHARED_RANKS, m["rank"], re.IGNORECASE) for m in named):
        cls = "forces"  # a sepoy or naik may be of the army, the FC or the Levies
    else:
        cls = "military"
    count = 0
    for m in named:
        names = _NAME_LIST.match(sentence, m.end("rank") + len(m["plural"] or "") + 1) if m["plural"] else None
        count += len(re.split(r",\s*|,?\s+and\s+", names.group())) if names else 1
    return [DeathCount(count, cls, False, False, False, False, named[0].start(), single=count == 1)]


_IDENTIFIED = re.compile(r"\b(?:the\s+)?(?:deceased|dead|victims|slain|martyred|bodies)\b[^.,;]{0,30}?\b(?:were|have been|had been)\s+"
                         r"identified as\s+(?P<names>[^.;:]+)", re.IGNORECASE)


def _identified_dead(sentence: str) -> list[DeathCount]:
    """"The deceased were identified as A son of B, C and D": the dead counted by their names."""
    m = _IDENTIFIED.search(sentence)
    if not m or _UNCONFIRMED.search(sentence):
        return []
    names = re.sub(r",?\s*(?:a\s+|both\s+)?(?:residents?|natives?) of\s+[^,;]+(?:,\s*(?:Tehsil|District|tehsil|district)\s+[^,;]+)?",
                   "", m["names"])  # "A, a resident of X, Tehsil Y, and B": where each lived
    names = re.split(r",?\s+(?:all|both)\s+(?:residents?|hailing|from|of)\b|,\s+(?:residents?|aged|who)\b", names)[0]
    parts = [p.strip() for p in re.split(r",|\band\b", names) if p.strip()]
    people = [p for p in parts if re.match(r"[A-Z]", p) and not re.match(r"(?:son|daughter|wife|resident)s?\b", p, re.I)]
    return [DeathCount(len(people), "people", False, False, False, False, m.start())] if len(people) > 1 else []


def singular_death(sentence: str) -> bool:
    """A death with no number ("killing him", "tortured ... to death", "the murder of")."""
    if _UNCONFIRMED.search(sentence) or re.search(
            r"\b(?:no one|nobody|none|no casualt\w+|no deaths?|no loss of life)\b", sentence, re.IGNORECASE):
        return False
    return bool(re.search(
        r"\b(?:bullet-riddled|tortured|mutilated|decomposed|dead)\s+bod(?:y|ies)\b|"
        r"\bkilling (?:him|her)\b|\bto death\b|\b(?:was|is) (?:shot dead|killed|gunned down|martyred|lynched|murdered)\b"
        # "a shopkeeper who was beaten by a mob ... died in hospital", "until he passed away"
        r"|\b(?:he|she)\s+(?:later\s+)?(?:died|passed away|succumbed)\b"
        r"|\b(?:a|an)\s+[\w\-]+\s+who\s+(?:was|had been)\b[^.]{0,160}?\b(?:died|passed away|succumbed)\b",
        sentence, re.IGNORECASE))


# The dead listed one by one around their death verb: "killing constables A and B", "Polio worker A and
# constable B died", "a shopkeeper, A, and his son were shot dead". Each conjunct that refers to a person
# (a victim noun, a kin noun, a rank or role before a name, or a name) is one death.
_LIST_VERB = r"(?:killed|martyred|shot dead|gunned down|murdered|slain|lynched|beheaded)"
_AFTER_VERB = re.compile(rf"\b(?:killing|killed|shot dead|gunned down|martyring|murdering|murdered)\s+(?P<np>[^.;:]{{3,160}}?)"
                         r"(?=\s+(?:in|at|on|near|inside|outside|when|after|while|before|as|during|from)\b|[.;:]|,\s+(?:while|and|who|as|police|officials)\b|$)")
_BEFORE_VERB = re.compile(rf"(?:^|[;:]\s*|,\s+(?:while|when|as|and)\s+|\bwhen\s+)(?P<np>[^.;:]{{3,160}}?)\s+"
                          rf"(?:(?:were|was|have been|had been)\s+(?:also\s+|both\s+)?{_LIST_VERB}|died|(?:both\s+)?lost their lives|embraced martyrdom)\b")
_KIN = r"(?:son|sons|brother|brothers|father|daughter|daughters|wife|husband|nephew|cousin|mother|uncle|guard|driver|colleague|companion)"
_PERSON_PART = re.compile(
    rf"^(?:(?i:a|an|the|one|another)\s+(?:[\w\-]+\s+){{0,2}}?(?i:{_NOUN})\b.*"          # a victim noun
    rf"|(?i:his|her|their)\s+(?:[\w\-]+\s+)?{_KIN}\b.*"                             # his son
    rf"|(?:[A-Za-z][\w\-]*\s+){{0,2}}?(?i:{_NOUN}|{_RANKS['military']}|{_RANKS['police']})\s+[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)*"  # constable Wajid Ali
    rf"|(?:(?i:{_RANKS['military']}|{_RANKS['police']})\s+)?[A-Z][a-z][\w’'\-]*(?:\s+[A-Z][\w’'\-]+){{0,3}}(?:,\s*\d{{1,2}})?)$")


def _listed_dead(sentence: str) -> list[DeathCount]:
    if _UNCONFIRMED.search(sentence):
        return []
    for rx in (_AFTER_VERB, _BEFORE_VERB):
        for m in rx.finditer(sentence):
            np, start = m["np"], m.start("np")
            # the subject may follow an opening adverbial ("A few hours later, a shopkeeper and his son")
            cuts = [0] + [c.end() for c in re.finditer(r",\s+", np)] if rx is _BEFORE_VERB else [0]
            for cut in cuts:
                persons = _persons(np[cut:])
                if persons == 1 and rx is _AFTER_VERB and re.match(r"[A-Z][a-z]+\s+[A-Z]", np):
                    # "gunmen shot dead Malik Gul Rehman, a tribal elder": one named victim
                    return [DeathCount(1, "civilian", False, False, False, False, start, single=True)]
                if persons >= 2:
                    classes = {_victim_class(part) for part in re.split(r",?\s+and\s+|,\s+", np[cut:])} - {None}
                    cls = reduce(joint_class, sorted(classes)) if classes else "people"  # "a polio worker and a constable": mixed
                    return [DeathCount(persons, cls, False, False, False, False, start + cut)]
    return []


def _persons(np: str) -> int:
    """How many people a coordinated noun phrase lists; 0 when a conjunct is no person."""
    np = re.sub(r"^\W*(?:In\s+the\s+\w+\s+incident,\s*)?", "", np.strip())
    parts = [p.strip() for p in re.split(r",?\s+and\s+|,\s+", np) if p.strip()]
    if len(parts) > 12 or not parts:
        return 0
    kept: list[str] = []
    apposition = False
    for i, part in enumerate(parts):
        if not _PERSON_PART.match(part):
            return 0
        indefinite = bool(re.match(r"(?i:a|an)\s", part))
        if indefinite and (apposition or kept and re.fullmatch(r"[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]+)+", kept[-1])):
            apposition = True  # "Malik Gul Rehman, a tribal elder ... and a member of the jirga": one man described
            continue
        apposition = False
        name_only = re.fullmatch(r"[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]+)*(?:,\s*\d{1,2})?", part)
        if name_only and kept and re.match(r"(?:a|an|the)\s", kept[-1]) and re.search(
                rf"{re.escape(kept[-1])},\s+{re.escape(part)}", np):
            continue  # "a shopkeeper, Haji Sanaullah, and his son": the name is the shopkeeper's
        kept.append(part)
    return len(kept)
