"""One ``Frame`` per incident sentence: what the sentence says about where, when, what and how many."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from extraction import gazetteer, taxonomy
from extraction.dates import DateMention, find_dates
from extraction.numbers import DeathCount, find_deaths, singular_death
from extraction.places import PlaceMention, find_places, station_places
from extraction.sentences import Sentence

_TOTAL = re.compile(r"\bover the (?:weekend|past (?:two|three|four|\d+) days)\b|\b(?:during|in|over) the (?:past |last )?(?:week|month|fortnight)\b|"
                    r"\brecorded\s+(?:\w+\s+){0,2}incidents\b|\bover (?:two|three|four|\d+) days\b|\bacross\b(?!\s+the\s+(?:\w+\s+)?(?:border|frontier|Durand Line))|\b(?:in|during) the (?:violence|unrest|fighting|attacks|operations|clashes)\b|\b(?:separate|several|multiple|coordinated|various|series of|wave of)\W+(?:\w+\W+){0,2}"
                    r"(?:attacks|incidents|operations|bombings|blasts|places|locations|cities|districts)\b|\bin total\b.*\bacross\b"
                    # a running tally over a period ("killed since the start of the year", "so far this year")
                    r"|\bsince the (?:start|beginning) of\b|\bso far (?:this|in) \w+\b|\bthis year alone\b"
                    r"|\bover the (?:past (?:few |two |three )?)?(?:years|decades)\b|\bin recent (?:years|months)\b"
                    # "hundreds of personnel have been killed in attacks": a tally of many attacks
                    r"|\b(?:have|has)\s+been\s+(?:killed|martyred)\s+in\s+(?:\w+\s+)?attacks\b"
                    r"|\bsince (?:January|February|March|April|May|June|July|August|September|October|November|December|(?:19|20)\d\d)\b",
                    re.IGNORECASE)
_SEPARATE = re.compile(r"\b(?:another|a separate|in a separate|second|also)\s+(?:\w+\s+){0,2}(?:attack|incident|vehicle|car|blast)\b",
                       re.IGNORECASE)
_ATTACK = re.compile(r"\b(?:opened fire|fired|attack\w*|stormed|raid\w*|assault\w*|firing|shot|gunned|ambush\w*|"
                     r"clash\w*|exchange|gunmen|armed men|assailants|abduct\w*|kidnap\w*|gunfight|shootout|operation|"
                     r"came under|mob|lynch\w*|torture\w*|stabb\w*|beat\w*|crossfire)\b", re.IGNORECASE)
# Courts, cases, visits and ceremonies about an attack are not the attack.
_AFTERMATH = re.compile(
    r"\b(?:court|sentenced|convicted|acquitted|verdict|trial|hearing|indicted|bail|FIR|registered|inquiry|probe|"
    r"compensat\w*|jirga|cheques?|visited|met|meeting|briefed|chaired|approved|announced|condemn\w*|condolences?|"
    r"funerals?|tribute|anniversary|commemorat\w+|inaugurated|designat\w+|took notice|notice of"
    r"|proscribed(?!\s+(?:organi[sz]ations?|outfits?|groups?|terrorist))"
    # the hunt after an attack: "launched a search for the attackers", "cordoned off the area"
    r"|launched a (?:search|manhunt)|search for the (?:attackers|assailants|killers|culprits|suspects)|cordoned off)\b",
    re.IGNORECASE)
_VIOLENT_VERB = re.compile(
    r"\b(?:attacked|stormed|opened fire|fired|exploded|blew up|blown up|killed|killing|martyred|shot|gunned down|"
    r"abducted|kidnapped|hurled|lobbed|ambushed|targeted|struck|detonated|went off|raided|clashed|exchanged fire|"
    r"lynched|torched|set fire|baton-charged|dead|died|injured|wounded)\b",
    re.IGNORECASE)
# "planning to attack", "vowed to strike": intentions and threats are not incidents.
_INTENT = re.compile(
    r"\b(?:planning|planned|plans?|plotting|plotted|intend\w*|threaten\w*|aim\w*|vow\w*|would|will|could|may|"
    r"might|warned|wanted|tried to prevent|to prevent)\s+(?:to\s+)?(?:\w+\s+){0,2}"
    r"(?:attack|target|kill|strike|carry out|launch|bomb|abduct|kidnap)\w*",
    re.IGNORECASE)
# A sentence about a trial or a sentence handed down: the attack it names is an old one.
_JUDICIAL = re.compile(r"\b(?:sentenced|convicted|acquitted|indicted|verdict|awarded (?:the )?(?:death|life) sentence|"
                       r"(?:court|judge|bench)\b[^.]{0,40}\b(?:sentenced|convicted|acquitted|awarded|indicted|"
                       r"adjourned|dismissed|granted|rejected|reserved))", re.IGNORECASE)
# "the operation was launched on the night of Saturday": no violence word, but the incident's day.
_INCIDENT_REF = re.compile(r"\b(?:the|this)\s+(?:\w+\s+)?(?:operation|attack|incident|raid|ambush|blast|explosion|"
                           r"assault|encounter|shooting|bombing)\b", re.IGNORECASE)
# "compensation for each person killed in the September 29 bombing": a known, earlier attack referred to
_REFERENCED = re.compile(r"\b(?:those|people|persons?|each person|victims?|famil(?:y|ies)|heirs|martyrs)\b[^.]{0,30}?"
                         r"\b(?:killed|injured|martyred|wounded|affected)\s+in\s+the\b|\bvictims of the\b"
                         r"|\b(?:famil(?:y|ies)|heirs|dependents)\s+of\b[^.]{0,60}?\b(?:killed|martyred|slain)\b", re.IGNORECASE)
_OPERATION = re.compile(r"\b(?:conducted|launched|carried out|began|started)\b[^.]{0,40}\b(?:operation|IBO|raid|search)\b",
                        re.IGNORECASE)
# "The Bolan Mail was hit near Dera Murad Jamali": where the incident of a placeless lead happened
_WHERE_HIT = re.compile(r"\b(?:was|were)\s+(?:hit|targeted|struck)\s+(?:near|in|at|on|outside)\b"
                        r"|^\W*The\s+(?:fighting|clash|clashes|attack|assault|gunfight|firing|exchange of fire|blast|explosion)"
                        r"\s+(?:at|in|near|on)\b", re.IGNORECASE)
# "Levies recovered bullet-riddled bodies from a riverbed": a killing by unknown men, where the bodies lay
_BODIES_FOUND = re.compile(r"\b(?:recovered|found|discovered|dumped)\b[^.]{0,40}\bbod(?:y|ies)\b"
                           r"|\bbod(?:y|ies)\b[^.]{0,60}\b(?:were|was|have been|had been)\s+(?:recovered|found|discovered|dumped)\b",
                           re.IGNORECASE)
# "In another engagement, ... in Ghulam Khan area": the next incident's place, its violence told next
_ANOTHER = re.compile(r"\W*(?:In|During)\s+(?:another|a separate|a second)\s+(?:engagement|incident|operation|encounter)\b",
                      re.IGNORECASE)
# "detected movement of khwarij attempting to infiltrate ... in general area Sambaza": the fight is told next
_INFILTRATION = re.compile(r"\b(?:attempting|attempted|trying|tried) to infiltrate\b|\binfiltration\b|\bdetected (?:the )?movement\b",
                           re.IGNORECASE)
_DRILL = re.compile(r"\b(?:mock|drills?|exercises?|rehearsals?|war games?|training)\b", re.IGNORECASE)
_HERE = re.compile(r"\bhere\b|\bin the city\b|\bin the (?:port|provincial|federal) (?:city|capital)\b|\bthe city's\b",
                   re.IGNORECASE)
# "a man who went missing weeks ago was found near X": the main verb after a vague aside
_MAIN_VERB = re.compile(r"\b(?:was|were)\s+(?:found|recovered|discovered|killed|shot|attacked|dumped)\b", re.IGNORECASE)
# "the killed terrorists, who remained involved in ... the attack near Bela on 28 June": their past, not this event
_HISTORY = re.compile(r"\bwho\s+(?:had\s+)?(?:were|was|remained|have been|has been|had been)\s+"
                      r"(?:actively\s+|also\s+|allegedly\s+|reportedly\s+)*(?:involved|wanted)\s+(?:in|for)\b"
                      r"|\b(?:remained|actively)\s+(?:\w+\s+)?involved\s+in\b"
                      r"|\binvolved\s+in\s+(?:numerous|several|many|various|a number of|multiple)\b"
                      # "the khwarij killed in Mir Ali were involved in the attack on a police mobile": their past
                      r"|\b(?:killed|arrested|detained|held|apprehended|nabbed|neutrali[sz]ed)\b[^.;,]{0,40}?\b(?:were|was)\s+"
                      r"(?:also\s+|allegedly\s+|reportedly\s+)*involved\s+in\b"
                      # "officials claimed the suspects were involved in the killing of policemen in Orangi": a charge
                      r"|\b(?:said|claimed|alleged|added|believed|according to)\b[^.;]{0,60}?\b(?:were|was|are|is|been)\s+(?:\w+\s+){0,2}?"
                      r"involved\s+in\b", re.IGNORECASE)
# "the riverine areas have long served as hideouts": a state of things, not an incident
_GENERIC = re.compile(r"\b(?:have|has|had)\s+long\b|\blong\s+(?:been|served|plagued)\b|\bfor (?:years|decades)\b"
                      r"|\bnotorious (?:for|as)\b|\b(?:often|frequently|routinely|regularly|repeatedly|rarely|seldom|usually|typically)\b"
                      r"|\b(?:have|has) (?:seen|witnessed|faced|suffered)\b"
                      r"|\bon (?:several|many|numerous|multiple|various|repeated) occasions\b", re.IGNORECASE)
# protests "outside the Sukkur Press Club" happen in Sukkur (the club's name is no place of its own)
_PRESS_CLUB = re.compile(r"\b(?:outside|at|in front of|near)\s+(?:the\s+)?(?P<town>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+"
                         r"Press\s+Club\b")
# a protest being held: its demands ("a trial in court") are no aftermath of an attack
_HELD = re.compile(r"\b(?:held|staged|organi[sz]ed|observed|took out|blocked|marched|gathered|protested|chanted|joined)\b",
                   re.IGNORECASE)
# ", who were abducted from a site in Kalat last week,": an aside about earlier events
_RELATIVE_ASIDE = re.compile(r",\s+(?:who|which)\b[^,;]{0,140},")
# "bodies were found near X, from where the men were taken away on Saturday": the abduction's day, not the finding's
_TAKEN = re.compile(r"\b(?:abducted|kidnapped|taken away|picked up|went missing|gone missing|whisked away)\b", re.IGNORECASE)
_FOUND_VERB = re.compile(r"\b(?:recovered|found|discovered|dumped)\b", re.IGNORECASE)  # of the bodies
# stricter than _HELD: people staging a protest, not a rally that was attacked or "gathered" workers
_STAGED = re.compile(r"\b(?:staged|held|organi[sz]ed|took out|observed|launched)\s+(?:an?\s+|their\s+)?(?:[\w\-]+\s+)?"
                     r"(?:sit-in|protest|demonstration|rally|strike|vigil|march)\b|\bchanted slogans\b", re.IGNORECASE)
# an armed group's spokesman giving its own toll: counted only when nobody else gives one
_GROUP_VOICE = re.compile(
    r"\b(?:BLA|BLF|BRA|BLT|TTP|the group|the outfit|the militant group)(?:['’]s)?\s+(?:spokes(?:man|person)|statement)\b"
    r"|\bspokes(?:man|person) (?:of|for) the (?:BLA|BLF|BRA|TTP|group|outfit)\b|\bthe (?:group|outfit) (?:said|claimed)\b"
    r"|\bclaimed (?:to have )?killed\b(?![^.]{0,40}\b(?:police|CTD|forces|troops|army)\b)")
_NON_EVENT = re.compile(r"^\s*(?:[\w ,]{0,60}\b)?(?:condemn\w*|funeral|mourn\w*|pays? tribute|paid tribute|expressed (?:his|her|their|deep)? ?(?:sorrow|grief|condolence|regret))",
                        re.IGNORECASE)


# deaths in an accident are no political violence: "the train was derailed ... 15 people were killed"
_ACCIDENT = re.compile(r"\b(?:derail\w*|collided|collision|capsized|drowned|road accident|traffic accident|"
                       r"short circuit|caught fire|fire broke out|roof collapsed|building collapsed|landslide|"
                       r"flash floods?|stampede|electrocuted|overturned|plunged into)\b", re.IGNORECASE)
# "banned the party for killing two policemen and attacking ...": the reason for a decision, told as a
# gerund after "for", is no incident of this report
_REASON = re.compile(r"\b(?:for|over)\s+(?:allegedly\s+|its\s+role\s+in\s+)?(?:killing|attacking|murdering|bombing|"
                     r"kidnapping|abducting|torching|lynching|targeting)\b", re.IGNORECASE)
_DECISION = re.compile(r"\b(?:approv\w+|ban(?:ned|ning|s)?|blacklist\w*|proscrib\w+|designat\w+|sentenc\w+|"
                       r"convict\w+|indict\w+|charged|booked|arrested|condemn\w+|blamed|accused|criticis\w+|"
                       r"criticiz\w+|punish\w*)\b", re.IGNORECASE)


_CALLED_OFF = re.compile(r"\b(?:called off|ended|calling off|ending|suspended|postponed|wound up|concluded|dispersed peacefully)\b",
                         re.IGNORECASE)


def kind_hint_protest(signals: set[str]) -> bool:
    return "protest" in signals and not signals & {"suicide", "air", "grenade", "shelling", "ied", "clash", "mob"}


@dataclass(slots=True)
class Frame:
    sentence: Sentence
    places: list[PlaceMention]
    dates: list[DateMention]
    deaths: list[DeathCount]
    signals: set[str]
    targets: set[str]
    kind: tuple[str, str] | None
    singular_death: bool
    total: bool
    separate: bool
    claimed: str
    nationality: str
    offset: int = 0                 # chars of the sentence cut off as dateline
    weak: bool = False              # type guessed from death words alone
    dated_only: bool = False        # names the incident's day and nothing else ("the operation began on Saturday")
    where_only: bool = False        # names a place and no violence: a placeless lead's place, if nothing better
    day_of_sentence: bool = False   # a clause dated by the day closing its sentence, not by one of its own
    group_toll: bool = False        # its dead are a militant group's own claim ("the BLF said it killed four")
    published: date | None = None
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def event_date(self) -> date | None:
        """The first event day mentioned; a day after publication (a scheduled vote) is no event day."""
        return next((d.day for d in self.dates if d.kind == "event" and d.day is not None
                     and (self.published is None or d.day <= self.published)), None)

    @property
    def statement_date(self) -> date | None:
        return next((d.day for d in self.dates if d.kind == "statement" and d.day is not None), None)

    @property
    def vague(self) -> bool:
        return any(d.kind == "vague" for d in self.dates)

    def date_near(self, pos: int) -> date | None:
        """The event date of the list item that names the place at ``pos`` ("a June 18 derailment near X
        and an August 7 blast near Y"), else the closest one after it (for sentences naming several places)."""
        usable = [d for d in self.dates if d.kind == "event" and d.day is not None
                  and (self.published is None or d.day <= self.published)]
        text = self.sentence.text[self.offset:]
        cuts = [0] + [m.end() for m in re.finditer(r"[,;]|\band\b", text)] + [len(text) + 1]
        lo = max(c for c in cuts if c <= pos)
        hi = min(c for c in cuts if c > pos)
        inside = [d for d in usable if lo <= d.start < hi]
        if inside:
            return inside[0].day
        after = [d for d in usable if d.start >= pos]
        return after[0].day if after else self.event_date


_SHARED_RANK = re.compile(r"\b(?:sepoys?|jawans?|personnel|officers?|havildars?|naiks?)\b", re.IGNORECASE)


def resolve_forces(count: DeathCount, text: str) -> DeathCount:
    """A rank every force uses ("two sepoys", "three officers") belongs to the one force the other words
    name ("a roadside bomb struck a police vehicle, killing three officers"); with none or both it stays open."""
    if count.victim_class != "forces":
        return count
    named = taxonomy.targets_of(_SHARED_RANK.sub(" ", text)) & {"military", "police"}
    return replace(count, victim_class=named.pop()) if len(named) == 1 else count


def is_heading(sentence: Sentence, paragraph: str) -> bool:
    """A headline, sub-heading or bullet: a short line that does not end like a sentence."""
    line = paragraph.strip()
    if re.search(r":\s*[-–—]?$", line) and len(line.split()) > 6:
        return False  # "... the following four soldiers embraced shahadat:-" introduces a list
    return line.startswith(("•", "-", "*")) or (not re.search(r"[.!?][\"”’)]*$", line) and len(line.split()) <= 25)


# Clauses that name places off the scene of the incident: a non-violent consequence participle ("..., cutting
# off power to Sibi and Kachhi"), a plan ("planning to target installations in Bhakkar"), a charge sheet
# ("wanted in attacks in Tank"). The clause runs to the sentence's end or to a comma opening a new clause
# (one followed by a lower-case word), so a list of places stays inside it.
_OFF_SCENE = re.compile(r",\s+(?:cutting|plunging|disrupting|suspending|halting|affecting|forcing|prompting|depriving)\b"
                        r"|\b(?:planning|plotting|preparing|intending|conspiring)\s+to\b|\bwanted\s+(?:in|for)\b"
                        # who a group is: "a faction, which operates in North Waziristan"
                        r"|\b(?:operates|operating|is based|based|is active|active|headquartered)\s+in\b"
                        # where the dead and injured were taken afterwards: "bodies were sent to their native village in X"
                        r"|\b(?:sent|shifted|moved|transported|dispatched|referred|handed over|brought)\s+(?:back\s+)?to\b(?!\s+hell\b)",
                        re.IGNORECASE)
# A participle used as an adjective after a determiner ("the martyred constable", "their slain colleagues")
# refers to deaths already told; it does not tell a killing of its own.
_ATTRIBUTIVE = re.compile(r"\b(?:the|their|his|her|its|our|these|those)\s+(?:martyred|killed|slain|murdered|deceased|"
                          r"injured|wounded)\b(?!\s+(?:in|at|on|by|when|during|near)\b)", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[.;]|,\s+(?!(?:and|or|including|such as|among them)\b)(?=[a-z])")


def _off_scene(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _OFF_SCENE.finditer(text):
        end = _CLAUSE_BREAK.search(text, m.end())
        spans.append((m.start(), end.start() if end else len(text)))
    return spans


def _outside_background(places: list[PlaceMention], text: str) -> list[PlaceMention]:
    """Drop places whose own clause is dated vaguely ("the killing of a reporter in Khuzdar last month") or
    lies off the scene (a consequence, a plan, a charge)."""
    off = _off_scene(text)
    places = [p for p in places if not any(a <= p.start < b for a, b in off)]
    kept = []
    floor = 0  # "abducted from X last week was found near Y": the vague date is X's, not Y's
    for p in places:
        after = re.split(r"[,;]|\band\b|\bwhile\b", text[p.end:p.end + 40])[0]
        before = re.split(r"[,;]|\band\b|\bwhile\b", text[max(0, p.start - 60, floor):p.start])[-1]
        vague_after = [d for d in find_dates(after, None) if d.kind == "vague"]
        if vague_after:
            floor = p.end + vague_after[-1].start + len(vague_after[-1].text)
        vague_before = [d for d in find_dates(before, None) if d.kind == "vague"]
        if vague_before and _MAIN_VERB.search(before[vague_before[-1].start:]):
            vague_before = []  # "a man who went missing weeks ago was found near X": X is where he was found
        if vague_after or vague_before:
            continue
        kept.append(p)
    return kept


def _aside(text: str, pos: int) -> bool:
    """True for a date inside a relative aside that names an earlier time, or after the abduction
    verb of a sentence about found bodies."""
    for m in _RELATIVE_ASIDE.finditer(text):
        if m.start() < pos < m.end() and any(d.kind == "vague" for d in find_dates(m.group(), None)):
            return True
    if _BODIES_FOUND.search(text):
        verbs = [(m.start(), "taken") for m in _TAKEN.finditer(text[:pos])]
        verbs += [(m.start(), "found") for m in _FOUND_VERB.finditer(text[:pos])]
        return bool(verbs) and max(verbs)[1] == "taken"  # the nearest verb before the date is the abduction
    return False


def stages_protest(frame: Frame) -> bool:
    """The sentence tells of people holding a protest ("staged a sit-in"), not of a rally that was attacked."""
    return bool(_STAGED.search(frame.sentence.text[frame.offset:]))


def build_frame(sentence: Sentence, published: date | None, dateline: tuple[str, ...] = ()) -> Frame | None:
    text = sentence.text[sentence.dateline_end:]
    history = _HISTORY.search(text)
    if history:
        text = text[:history.start()]
    reason = _REASON.search(text)
    if reason and _DECISION.search(text[:reason.start()]) and not _VIOLENT_VERB.search(text[:reason.start()]):
        text = text[:reason.start()]  # the decision is the news; its reasons are not incidents
    if _ACCIDENT.search(text) and not _ATTACK.search(_ACCIDENT.sub(" ", text)) \
            and not re.search(r"\b(?:bomb\w*|IEDs?|explosi\w+|blast\w*|rocket\w*|grenades?)\b", text, re.IGNORECASE):
        return None  # an accident, not an attack
    deaths = find_deaths(text)
    dates = [d for d in find_dates(text, published) if not _aside(text, d.start)]
    if dates and dates[0].kind == "vague" and dates[0].start < 3 and not (
            len(dates) > 1 and dates[1].kind == "event" and dates[1].start - dates[0].start - len(dates[0].text) < 8):
        # ("A day earlier, on Sunday, gunmen killed ...": the day named at once is the incident's)
        # "Earlier this week, a soldier was killed near Torkham, which remained open on Saturday": background
        dates = [d for d in dates if d.kind != "event"]
    first_day = next((d.start for d in dates if d.kind == "event"), None)
    cut = next((d.start for d in dates if d.kind == "vague" and first_day is not None and d.start > first_day), None)
    if cut is not None:  # "agreed on January 8 after clashes in Darsamand earlier this month": the clause opens at "after"
        opener = list(re.finditer(r"\b(?:after|following|since)\b", text[first_day:cut]))
        cut = first_day + opener[-1].start() if opener else cut
    if cut is not None:  # "... on Saturday, a week after a similar attack killed four": not this event's dead
        deaths = [d for d in deaths if d.start < cut]
    told = _ATTRIBUTIVE.sub(" ", text)  # "the martyred constable's funeral": the killing is not told again here
    signals = taxonomy.signals_of(told if cut is None else _ATTRIBUTIVE.sub(" ", text[:cut]))
    violent = signals & {"disrupted", "suicide", "air", "grenade", "shelling", "ied", "clash", "firearm",
                         "abduction", "mob", "protest"}
    generic = _GENERIC.search(text)
    if generic and re.search(r",\s+(?:a|an|the)\s+[^,;]*\b(?:that|which|who|where)\b[^.;]*$", text[:generic.start()]):
        generic = None  # "on the outskirts of Mir Ali, a town ... that was for years a stronghold": the place's aside
    if generic and not deaths and not any(d.kind == "event" for d in dates):
        return None  # "the katcha areas have long served as hideouts": a state of things, not an incident
    single = singular_death(text)
    claimed = taxonomy.claimed_group(text)
    if _JUDICIAL.search(text):
        return None  # a court case about an attack is not the attack
    if any(d.kind == "future" for d in dates) and not any(d.kind == "event" for d in dates) and not deaths:
        return None  # a strike called for Monday has not happened
    if not violent and not deaths and not single and not claimed:
        if ("operation" in signals and _OPERATION.search(text) or _WHERE_HIT.search(text) or _ANOTHER.match(text)
                or _INFILTRATION.search(text)) \
                and not _AFTERMATH.search(text) \
                and (places := _outside_background(find_places(text), text)):
            # "security forces conducted an IBO in the general area of Buleda": where the fighting told next is
            return Frame(sentence=sentence, places=places, dates=dates, deaths=[], signals=signals,
                         targets=taxonomy.targets_of(text), kind=None, singular_death=False, total=False,
                         separate=False, claimed="", nationality="", offset=sentence.dateline_end, published=published)
        if _INCIDENT_REF.search(text) and any(d.kind == "event" for d in dates) and not _AFTERMATH.search(text):
            return Frame(sentence=sentence, places=[], dates=dates, deaths=[], signals=signals, targets=set(),
                         kind=None, singular_death=False, total=False, separate=False, claimed="",
                         nationality="", offset=sentence.dateline_end, published=published, dated_only=True)
        if not _AFTERMATH.search(text) and (places := _outside_background(find_places(text), text)):
            # "The man had been taken into custody in Kot Chutta": a place for a lead that named none
            return Frame(sentence=sentence, places=places, dates=dates, deaths=[], signals=signals, targets=set(),
                         kind=None, singular_death=False, total=False, separate=False, claimed="",
                         nationality="", offset=sentence.dateline_end, published=published, where_only=True)
        return None
    if kind_hint_protest(signals) and _CALLED_OFF.search(text) and not deaths and not _STAGED.search(text):
        return None  # "the sit-in was called off early on Tuesday": the end of the protest told before
    if _DRILL.search(text) and not deaths:
        return None  # exercises and drills: "mock raids", "firing drills"
    targets = taxonomy.targets_of(text)
    deaths = [resolve_forces(d, text) for d in deaths]
    victims = frozenset(d.victim_class for d in deaths if not d.subset)
    found_dead = _BODIES_FOUND.search(text)
    if found_dead and not victims - {"people", "civilian"}:
        targets = {"civilian"}  # the Levies who found the bodies are not the victims
    kind = taxonomy.frame_type(signals, targets, bool(deaths) or single, victims)
    places = _outside_background(find_places(text), text)
    stations = station_places(text)
    if stations and all(p.kind in ("tehsil", "district", "agency") or gazetteer.is_district(p.name) for p in places):
        # "the Kundal checkpost in Mianwali district's Isa Khel tehsil": the post's area is the finer place
        places = [replace(stations[0], parent=places[0].name if places else "")]
    if cut is not None:  # "Tuesday's attack came two days after a bomb in Mohmand": that place is the earlier one's
        places = [p for p in places if p.start < cut]
    unique: dict[str, PlaceMention] = {}
    for p in places:  # "kidnapped in Wadh ... found near Wadh": one place named twice
        unique.setdefault(re.sub(r"[^a-z]", "", p.name.lower()), p)
    places = list(unique.values())
    club = _PRESS_CLUB.search(text) if kind and kind[0] == "Protests" and not places else None
    if club and gazetteer.resolve(club["town"]):
        places = [PlaceMention(name=club["town"], start=club.start("town"), end=club.end("town"), kind="")]
    if not places and kind and kind[0] == "Protests" and dateline and gazetteer.resolve(dateline[0]) \
            and not re.search(r"\b(?:of|in) the (?:area|village|locality|town)\b", text):
        places = [PlaceMention(name=dateline[0], start=0, end=0, kind="")]  # protests happen where reported
    here = sentence.dateline or dateline
    if not places and here and _HERE.search(text) and gazetteer.resolve(here[0]):
        m = _HERE.search(text)
        places = [PlaceMention(name=here[0], start=m.start(), end=m.end(), kind="")]
    if kind and kind[0] in ("Battles", "Violence against civilians") and not _ATTACK.search(text) and not found_dead:
        weak = True  # only "killed"/"martyred": says who died, not what kind of violence
    elif kind == ("Violence against civilians", "Attack") and not targets and not deaths \
            and (not single or re.match(r"\W*(?:He|She|They)\b", text)):
        # "the attack took place at a check post near X", "He died on the spot": no victim named, so no kind
        # of violence told
        weak = True
    else:
        weak = False
    plan = _INTENT.search(text)
    if plan and not _VIOLENT_VERB.search(text) and not deaths:
        if plan.start() < 30:
            return None
        # "the operation was launched on Monday on a tip-off that militants had gathered to plan attacks": the
        # plan is an aside; the clause before it still tells the incident
        head = replace(sentence, text=sentence.text[:sentence.dateline_end + plan.start()])
        return build_frame(head, published, dateline)
    if _AFTERMATH.search(text) and _REFERENCED.search(text):
        return None  # compensation, condolences or an inquiry about an attack already reported
    held = bool(kind and kind[0] == "Protests" and _HELD.search(text))  # a vigil demanding a trial is still a protest
    if _NON_EVENT.match(text) or (_AFTERMATH.search(text) and not _VIOLENT_VERB.search(told) and not held):
        if not deaths:
            return None  # a condemnation, a case, a visit: nothing to code
        kind, places = None, []  # a funeral or a condemnation happens elsewhere, later
    return Frame(
        sentence=sentence, places=places, dates=dates, deaths=deaths, signals=signals,
        targets=targets, kind=kind, singular_death=single, total=bool(_TOTAL.search(text)),
        separate=bool(_SEPARATE.search(text)), claimed=claimed, group_toll=bool(deaths and _GROUP_VOICE.search(text)),
        nationality=taxonomy.nationality(text), offset=sentence.dateline_end, weak=weak, published=published,
    )
