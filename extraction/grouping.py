"""Assigning incident frames to place/day groups (the core of the rules extractor)."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Iterator

from extraction import gazetteer
from extraction.frames import Frame, stages_protest
from extraction.locate import admin_hints, counts_for, drop_containers, is_guess, town_for_area
from extraction.merge import Group, merge_groups, place_key
from extraction.places import PlaceMention

# "Six people had been killed when the fighting erupted on Sunday": the same incident, another day
_SAME_STORY = re.compile(r"\bthe (?:fighting|clashes|clash|violence|unrest|gunfight|exchange of fire|battle)\b",
                         re.IGNORECASE)
_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
# the forces' operation after an incident, told with no place of its own: at the incident's place
_FOLLOW_UP = re.compile(r"\b(?:during|in)\s+the\s+(?:\w+\s+)?operation\b|\b(?:sanitisation|sanitization|search|clearance|follow-up)\s+"
                        r"operation\b", re.IGNORECASE)
_SEPARATELY = re.compile(r"\W*(?:Separately|Elsewhere)\b", re.IGNORECASE)
_WIDE_KINDS = ("district", "agency", "division", "province", "region")
_SEVERAL_ATTACKS = re.compile(r"\b(?:both|all|the|multiple|several)\s+(?:\w+\s+)?attacks\b")


# An incident dated well before the report is told as context: it is coded from the reports of its own days.
BACKGROUND_AFTER_DAYS = 10


def old_news(day: date, published: date | None) -> bool:
    return published is not None and (published - day).days > BACKGROUND_AFTER_DAYS


def _compatible(frame: Frame, group: Group) -> bool:
    kind = group.kind()
    if frame.kind is None or kind is None or frame.weak or frame.kind[0] == kind[0]:
        return True
    if {frame.kind[0], kind[0]} <= {"Protests", "Riots"}:
        return True  # a demonstration that turns violent is one event
    # complex attack: the gunfight around a bombing belongs to the bombing
    if kind[0] == "Battles" and frame.kind[0] == "Explosions/Remote violence" and "generic_blast" in frame.signals \
            and not frame.signals & {"suicide", "grenade", "shelling", "air"}:
        return True  # "gunfire and explosions were heard": no device named, the fight's own noise
    return kind[0] == "Explosions/Remote violence" and frame.kind[0] == "Battles"


def _district_of(place: PlaceMention) -> str:
    for name in (place.name, place.parent):
        found = gazetteer.resolve(name) if name else None
        if found is not None:
            return found.admin2.casefold()
    return ""


def _same_place(place: PlaceMention, first: PlaceMention) -> bool:
    """The first place reported, or a place inside it when that was a district ("a clash in Kurram
    district ... in Balishkhel village, 25 km from Parachinar")."""
    if place_key(place.name) == place_key(first.name) or place_key(place.parent) == place_key(first.name):
        return True  # the first place, or "the Gajjar area of Mashkay" after "Mashkay"
    # an unknown village told right after it is given the benefit of the doubt
    return first.kind in _WIDE_KINDS and _district_of(place) in ("", first.name.casefold())


def _lead_overrides_type(frame: Frame, group: Group, lead: Frame | None) -> bool:
    """A placeless frame may join the only incident though its type differs: a bombing told before the
    place's own "assault" sentence (under the complex-attack rule the bombing is the event), or the
    lead with the dead before a sentence that only says where "the attack took place"."""
    kind = group.kind()
    if not (frame.kind and kind and not frame.total and frame.kind[0] in _VIOLENT and kind[0] in _VIOLENT):
        return False
    bombing = frame.kind[0] == "Explosions/Remote violence"
    toll = frame is lead and bool(frame.deaths or frame.singular_death) and not group.fatalities()
    return bombing or toll or (frame is lead and not frame.weak and group.all_weak())


# the pluperfect tells what came before the story ("had averted an attack on July 25"): not its day
_PLUPERFECT = re.compile(r"\bhad\s+(?:also\s+|recently\s+|earlier\s+)?(?!been\s+(?:killed|martyred|injured|wounded))"
                         r"(?:been\s+)?[a-z]+(?:ed|en|wn|ght|ung)\b")
# an anaphoric subject continues the incident told just before ("They were shot by police ...")
_ANAPHORIC = re.compile(r"\W*(?:They|He|She|It|The\s+(?:attackers|assailants|gunmen|militants|terrorists|men|bombers|"
                        r"victims|suspects))\b")
_NEW_INCIDENT = re.compile(r"\W*(?:Separately|Elsewhere|Meanwhile|Similarly|Also|Besides|Moreover|In (?:another|a separate|a second|"
                           r"the second|a similar|a related)\b|On (?:the )?(?:same|other) (?:day|hand)\b)", re.IGNORECASE)


_SAME_DAY = re.compile(r"\b(?:on\s+|during\s+)?the\s+same\s+(?:day|night|evening|morning)\b", re.IGNORECASE)
_DAY_OFF = re.compile(r"\b(?:a|one)\s+day\s+(?P<way>before|after|earlier|later)\s+(?:the|this)\b"
                      r"|\b(?:on\s+)?the\s+(?P<way2>previous|next|following)\s+day\b", re.IGNORECASE)


def _vague_first(f: Frame) -> bool:
    """A vague time comes before the sentence's event day ("Earlier this month ... on Friday"); one in an
    aside after it ("the train, targeted in recent months, ... on Sunday") leaves the day standing."""
    first_event = next((d.start for d in f.dates if d.kind == "event"), None)
    return any(d.kind == "vague" and (first_event is None or d.start < first_event) for d in f.dates) \
        and not re.search(r",\s+(?:a|an|the)\s+\w+\s+(?:that|which|who)\b", f.sentence.text[:first_event or 0])


def main_day(frames: list[Frame], published: date | None) -> date | None:
    """The day of the article's main incident: the first event day given for the first place
    reported (or in a sentence naming no place before another place comes up); else the first
    statement day; else the publication day."""
    first = next((f.places[0] for f in frames if f.places), None)
    for f in frames:
        if f.places and first is not None and not any(_same_place(p, first) for p in f.places):
            break  # another place: its day belongs to another incident
        if f.event_date is not None and not _vague_first(f) and not (not f.places and _PLUPERFECT.search(f.sentence.text)):
            return f.event_date
    return next((f.statement_date for f in frames if f.statement_date is not None), published)


class Grouper:
    """Walks the frames in text order and builds one group per place and day."""

    def __init__(self, frames: list[Frame], published: date | None, article_dateline: tuple[str, ...] = ()) -> None:
        self.frames = frames
        self.published = published
        self.main_day = main_day(frames, published)
        dateline = next((f.sentence.dateline for f in frames if f.sentence.dateline), ()) or article_dateline
        self.dateline = dateline
        context = gazetteer.resolve(dateline[0]) if dateline else None
        self.context_admin1 = context.admin1 if context else ""
        self.context_admin2 = context.admin2 if context and len(dateline) == 1 else ""
        self.groups: list[Group] = []
        # districts named, by sentence: a namesake elsewhere loses to the district named around a place
        self.districts_at = [(f.sentence.index, p.name) for f in frames for p in f.places
                             if not p.foreign and (p.kind == "district" or gazetteer.is_district(p.name) and p.kind in ("", "district"))]
        # "in Domel tehsil of Bannu district": a district named as a place's container counts too
        self.districts_at += [(f.sentence.index, p.parent) for f in frames for p in f.places
                              if not p.foreign and p.parent and gazetteer.is_district(p.parent)]
        self.at_index = 0
        self.by_key: dict[tuple[str, date, str], Group] = {}
        self.pending: list[Frame] = []
        self.where_only: list[Frame] = []
        self.current: Group | None = None
        self.background: int | None = None  # paragraph where background without a day began
        self.placeless_day: date | None = None  # day of an incident told with no place, being continued
        self.summary_places: list[tuple[PlaceMention, Frame]] = []
        self.parented: dict[str, PlaceMention] = {}  # first mention of each place named with its parent

    def group_for(self, place: PlaceMention, day: date, kind: str = "") -> Group:
        if place.parent:
            self.parented.setdefault(place_key(place.name), place)
        elif place_key(place.name) in self.parented and place.kind in ("", "area", "village"):
            # "in the Nasirabad area of Tump" told first: a later bare "in Nasirabad" is that area, not the
            # district of the same name elsewhere
            seen = self.parented[place_key(place.name)]
            place = replace(place, kind=place.kind or seen.kind, parent=seen.parent, parent_kind=seen.parent_kind,
                            near=seen.near, possessive=seen.possessive)
        place = town_for_area(place)
        key = (place_key(place.name), day, kind)
        if key not in self.by_key:
            around = frozenset(name for i, name in self.districts_at if abs(i - self.at_index) <= 2)
            admin1, admin2 = admin_hints(place, self.context_admin1, self.context_admin2, around)
            self.by_key[key] = Group(place=place, day=day, admin1=admin1, admin2=admin2,
                                     admin_guessed=is_guess(place, admin2, self.context_admin2))
            self.groups.append(self.by_key[key])
        self.by_key[key].mentions.append(place)
        return self.by_key[key]

    def run(self) -> list[Group]:
        if self.main_day is None:
            return []
        for f in self.frames:
            self.add(f)
        groups = self.finish()
        self.refine_places(groups)
        return _split_running_tolls(merge_groups(groups))

    def add(self, f: Frame) -> None:
        self.at_index = f.sentence.index
        if f.dated_only:
            self.redate(f)  # it only dates the incident (see main_day), or the one it names
            return
        own = f.event_date or self.relative_day(f)
        if f.where_only:
            self.where_only.append(f)
            places = drop_containers([p for p in f.places if not p.foreign])
            if _NEW_INCIDENT.match(f.sentence.text[f.offset:]) and len(places) == 1:
                # "In another operation on 14 January in general area Mand": what follows happened there
                self.current = self.group_for(places[0], own or self.main_day)
            return
        if own is None and f.vague:
            self.current = None  # background without a resolvable day: not coded
            self.background = f.sentence.paragraph
            return
        if self.background is not None and self.continues_background(f, own):
            return
        if f.places:
            self.placeless_day = None
        self.background = None
        if own is not None and own != self.main_day and _PLUPERFECT.search(f.sentence.text[f.offset:]) \
                and not (self.main_day is not None and 0 < (self.main_day - own).days <= 2):
            # (a day or two before the scene the report opens on is the sequence of the news itself)
            self.background = f.sentence.paragraph  # "On July 25 last, forces had averted an attack": told as past
        places = drop_containers([p for p in f.places if not p.foreign])
        if len(places) > 1 and re.match(rf"\W*(?:In|At)\s+(?:the\s+)?{re.escape(places[0].name)}\s*,", f.sentence.text[f.offset:]) \
                and not (gazetteer.is_district(places[0].name)
                         and all(not p.kind and gazetteer.resolve(p.name) is not None for p in places[1:])) \
                and all(p.kind in ("bazaar", "area", "village", "") and not gazetteer.is_district(p.name) for p in places[1:]):
            places = places[:1]  # "In Panjgur, police ... near Chitkan bazaar": the opening place frames the sentence
        stand_in = bool(places) and all(p.start == p.end == 0 for p in places)
        same_day = own is None or (self.current is not None and own == self.current.day)
        if stand_in and same_day and (any((g.kind() or ("",))[0] in ("Protests", "Riots") for g in self.groups)
                                      or self.current is not None and own is None and not stages_protest(f)):
            places = []  # the dateline stood in for a protest's place, and the protest's own place is known
        elif len(places) == 1 and places[0].kind == "bazaar" and not places[0].parent and self.current is not None \
                and not self.town_nearby(places[0]) and place_key(places[0].name) != self.current.key():
            places = []  # "in Saddar Bazaar" after "in Pishin": a market of the town being reported
        elif f.places and not places:
            self.current = None  # abroad
            return
        if not places and self.current is not None and self.split_days(f):
            return
        if not places:
            self.add_unplaced(f, own)
        elif len(places) == 1:
            place = places[0]
            day = own or next((g.day for g in self.groups if g.key() == place_key(place.name)), None) or self.main_day
            g = self.group_for(place, day)
            if g.frames and f.kind and not f.weak and not f.total and (f.deaths or f.singular_death) \
                    and f.kind[0] in _VIOLENT and (g.kind() or ("",))[0] in _VIOLENT and not _compatible(f, g):
                g = self.group_for(place, day, f.kind[0])  # a bombing and a shooting in one town: two events
            elif f.kind and f.kind[0] in ("Protests", "Riots") and not f.deaths and stages_protest(f) \
                    and (g.kind() or ("",))[0] in _VIOLENT:
                g = self.group_for(place, day, "demonstration")  # the sit-in with the victim's body: its own event
            g.frames.append(f)
            if f.total:
                g.no_deaths.add(id(f))
                # "12 killed in separate attacks, including eight miners gunned down in Duki": the part is Duki's
                g.assigned.extend(replace(c, subset=False) for c in f.deaths if c.subset and c.start < place.end)
            if f.separate and len(g.frames) > 1:
                g.separate.add(id(f))
            self.current = g
        else:
            for place in places:  # a list of places: each gets the day, none gets the total
                if f.total and not f.date_near(place.end):
                    # a summary ("nine killed this week: ... one in Panjgur and one in Bajaur") names the
                    # places of incidents told below; it makes no event of its own
                    self.summary_places.append((place, f))
                    continue
                g = self.group_for(place, f.date_near(place.end) or self.main_day)
                g.weak.append(f)
                g.assigned.extend(counts_for(place, places, f))
            self.current = None

    def town_nearby(self, place: PlaceMention) -> bool:
        """"near the vegetable market in Miranshah bazaar" after a blast in Hurmaz: a market named after another
        town of the same district is that town's; other markets belong to the town being reported."""
        found = gazetteer.resolve(place.name)
        return found is not None and self.current is not None and bool(self.current.admin2) \
            and found.admin2.casefold() == self.current.admin2.casefold() and place_key(found.name) != self.current.key()

    def relative_day(self, f: Frame) -> date | None:
        """"A day before the Mir Ali blast", "the next day": a day counted from the incident told first."""
        text = f.sentence.text[f.offset:]
        same = _SAME_DAY.search(text)
        told = [g for g in self.groups if g.frames]
        if same and told and not any(d.kind == "event" for d in f.dates):
            return told[-1].day  # "in another operation conducted the same day": the day of the one told before
        m = _DAY_OFF.search(text, 0, 40)
        if m is None or m.start() > 12 or self.main_day is None or any(d.kind == "event" for d in f.dates):
            return None
        day = self.main_day + timedelta(days=-1 if (m["way"] or m["way2"]).lower() in ("before", "earlier", "previous") else 1)
        if self.published is not None and day > self.published:
            return None
        f.dates = [d for d in f.dates if d.kind != "vague" or d.start != m.start()]
        return day

    def redate(self, f: Frame) -> None:
        """"The operation in Buleda was carried out on Saturday": the incident at the place it names takes
        that day, when no sentence of its own gave one."""
        own = f.event_date
        text = f.sentence.text.lower()
        named = [g for g in self.groups if g.frames and g.place.name.lower() in text]
        if own is None or len(named) != 1 or named[0].day == own:
            return
        g = named[0]
        if g.told_on_its_day() or (place_key(g.place.name), own, "") in self.by_key:
            return
        self.move(g, own)
        self.current = g

    def move(self, g: Group, day: date) -> None:
        for key, value in list(self.by_key.items()):
            if value is g:
                del self.by_key[key]
                self.by_key[(key[0], day, key[2])] = g
        g.day = day

    def dates_current(self, f: Frame, own: date | None) -> bool:
        """"BLF claimed an attack on a camp in Dasht. ... gunfire was heard from the camp late Monday night": an
        incident told with no day takes the day of the next sentence that goes on telling it (no place of its
        own, a compatible kind); True when it did."""
        g = self.current
        if g is None or own is None or self.background is not None or any(x.event_date is not None for x in g.frames) \
                or f.sentence.index - g.frames[-1].sentence.index > 2 or not _compatible(f, g) \
                or (self.published is not None and own > self.published) \
                or (place_key(g.place.name), own, "") in self.by_key:
            return False
        self.move(g, own)
        g.frames.append(f)
        return True

    def continues_background(self, f: Frame, own: date | None) -> bool:
        """Background keeps its status across the sentences that go on telling it: an undated frame
        after it that names no place reported before (or refers back with a pronoun), unless it opens
        another incident ("Separately", "In another attack")."""
        text = f.sentence.text[f.offset:]
        if own is not None or _NEW_INCIDENT.match(text):
            return False
        known = {g.key() for g in self.groups if g.frames}
        places = [p for p in f.places if not p.foreign]
        if places and re.match(r"\W*(?:In|At|Near|Inside|Outside)\s+(?:the\s+)?[A-Z]", text) and places[0].start < 40:
            return False  # "In Harnai district's Shahrag area, two soldiers were martyred": a place-led new report
        if places:
            return not any(place_key(p.name) in known or place_key(p.parent) in known for p in places)
        return f.sentence.paragraph == self.background or bool(_ANAPHORIC.match(text))

    def split_days(self, f: Frame) -> bool:
        """"Five were killed on Saturday ... and three more on Sunday": each count goes to the day
        named after it, at the place being reported; True when the sentence was split so."""
        days = {d.day for d in f.dates if d.kind == "event" and d.day is not None
                and (self.published is None or d.day <= self.published)}
        if len(days) < 2 or not f.deaths or f.total or f.vague or self.current is None:
            return False
        for count in f.deaths:
            g = self.group_for(self.current.place, f.date_near(count.start))
            if f not in g.weak:
                g.weak.append(f)
            g.assigned.append(count)
        return True

    def add_unplaced(self, f: Frame, own: date | None) -> None:
        current = self.current
        if _SEPARATELY.match(f.sentence.text[f.offset:]):
            self.current = None  # another incident whose place is not given (or abroad)
            return
        if f.claimed and (f.total or _SEVERAL_ATTACKS.search(f.sentence.text)):
            return  # a claim of attacks in several places: the article's claim (see article_claim), no frame of one
        listed = self.listed_place_named(f)
        if listed is not None and (current is None or place_key(listed.name) != current.key()):
            # "A hospital official in Quetta said 15 bodies had been received" after the Kalat attack, in a
            # round-up that listed Quetta among the places attacked: the toll is Quetta's, not Kalat's
            self.group_for(listed, own or self.main_day).frames.append(f)
            return
        if self.placeless_day is not None and own is None:
            return  # it goes on about an incident of another day whose place is not given
        if self.dates_current(f, own):
            return
        follow_up = current is not None and _FOLLOW_UP.search(f.sentence.text[f.offset:]) and f.kind is not None \
            and f.kind[0] == "Battles" and bool(f.deaths) and own is not None and own != current.day
        if follow_up:
            # "During the operation conducted today ... two terrorists were sent to hell", after yesterday's
            # bomb: the forces' follow-up at the same place is its own event on its own day
            self.group_for(current.place, own).frames.append(f)
            return
        if own is not None and own != self.main_day and (current is None or own != current.day) \
                and not _SAME_STORY.search(f.sentence.text) and f.kind is not None and not f.weak \
                and (any(g.frames for g in self.groups) or self.pending):
            # (the first incident a report tells is its news, wherever the day falls)
            self.placeless_day = own  # "On March 11, militants attacked a train": another incident, no place
            self.current = None
            return
        if current is None:
            self.pending.append(f)
        elif f.claimed and not f.total and not re.search(r"\battacks\b", f.sentence.text):
            current.claimed = current.claimed or f.claimed  # "X claimed responsibility for the attack"
        elif own is not None and own != current.day and (f.deaths or f.singular_death) and not f.total \
                and _SAME_STORY.search(f.sentence.text) and current.kind() is not None \
                and (f.weak or f.kind is None or f.kind[0] == current.kind()[0]):
            g = self.group_for(current.place, own)
            f.kind, f.weak = current.kind(), False
            f.signals = f.signals | set().union(*(x.signals for x in current.frames))
            f.targets = f.targets | set().union(*(x.targets for x in current.frames))
            g.frames.append(f)
        elif (own is None or own == current.day) and _compatible(f, current) and (
                own is not None or f.statement_date in (None, current.day, self.published)):
            current.frames.append(f)
            if f.total:
                current.no_deaths.add(id(f))
            if f.separate:
                current.separate.add(id(f))

    def listed_place_named(self, f: Frame) -> PlaceMention | None:
        """The one place of a round-up's list that a toll sentence with no event place of its own names."""
        if not f.deaths or not self.summary_places:
            return None
        listed = {place_key(p.name): p for p, _ in self.summary_places}
        named = {place_key(name) for _, _, name in gazetteer.match_places(f.sentence.text)} & set(listed)
        return listed[named.pop()] if len(named) == 1 else None

    def finish(self) -> list[Group]:
        for place, f in self.summary_places:  # a summary's place joins the incident told there, if any
            told = [g for g in self.groups if g.key() == place_key(town_for_area(place).name) and g.frames]
            if len(told) == 1 and f not in told[0].weak:
                told[0].weak.append(f)
        groups = [g for g in self.groups if g.kind() is not None]
        # old incidents told as context do not count when placing the lead (they are not coded)
        recent = [g for g in groups if not old_news(g.day, self.published)]
        pending = self.pending
        lead = pending[0] if pending else None
        home = self.lead_home(lead) if not recent and lead is not None and lead.kind and not lead.total else None
        if home is not None:
            home.frames.insert(0, lead)
            groups, pending = [home] + [g for g in groups if g is not home], pending[1:]
            recent = [home]
        where = next(self._places_after(lead.sentence.index, lead.event_date), None) \
            if lead is not None and lead.kind and not lead.total and recent and lead in pending else None
        if where is not None:
            # "Two policemen were killed when a bomb hit their van. The device was planted near Tank city."
            home = self.group_for(where, lead.event_date or self.main_day)
            home.frames.insert(0, lead)
            pending = pending[1:]
            groups = [g for g in self.groups if g.kind() is not None]
        elif lead is not None and lead.kind and not lead.total and len(recent) > 1 and lead in pending:
            # "Three policemen were killed when a bomb struck their van on Tuesday. The device, planted near
            # Tank city, went off ...": the placeless lead is the incident placed in the next sentences
            nxt = min((g for g in recent if g.frames and min(f.sentence.index for f in g.frames) > lead.sentence.index),
                      key=lambda g: min(f.sentence.index for f in g.frames), default=None)
            first = min(f.sentence.index for f in nxt.frames) if nxt is not None else -1
            if nxt is not None and 0 < first - lead.sentence.index <= 2 and lead.event_date in (None, nxt.day) \
                    and (_compatible(lead, nxt) or _lead_overrides_type(lead, nxt, lead)):
                nxt.frames.insert(0, lead)
                pending = pending[1:]
        named = [g for g in recent if g.frames]  # places only listed beside another ("near X ... in Y") don't count
        if len(named) == 1:
            only = named[0]
            for f in pending:
                if _SEPARATELY.match(f.sentence.text[f.offset:]):
                    continue  # "Separately, a landmine killed three children": not this incident
                if f.claimed and not f.total and not re.search(r"\battacks\b", f.sentence.text):
                    only.claimed = only.claimed or f.claimed  # the claim of the only attack
                elif f.event_date in (None, only.day) and (_compatible(f, only) or _lead_overrides_type(f, only, lead)):
                    only.frames.append(f)
                    if f.total:
                        only.no_deaths.add(id(f))
        return groups

    def lead_home(self, lead: Frame) -> Group | None:
        """Where a placeless lead happened, when no group holds violence: the one place-only group
        ("The train was hit near X"), else the one place named in the next two sentences, else the
        dateline ("QUETTA: Three people were killed in a blast")."""
        unkinded = [g for g in self.groups if g.kind() is None]
        if len(unkinded) == 1:
            return unkinded[0]
        day = lead.event_date or self.main_day
        where = next(self._places_after(lead.sentence.index, lead.event_date), None) \
            or next(self._places_before(lead.sentence.index, lead.event_date), None)
        if where is not None:
            return self.group_for(where, day)
        named_here = len(self.dateline) == 1 and re.search(rf"\b{re.escape(self.dateline[0])}\b", lead.sentence.text[lead.offset:],
                                                            re.IGNORECASE)
        # ("a grenade into the compound of City Police Station Tank" under a TANK dateline: the town is named)
        if len(self.dateline) == 1 and (lead.deaths or lead.singular_death or named_here) \
                and gazetteer.resolve(self.dateline[0]):
            return self.group_for(PlaceMention(name=self.dateline[0], start=0, end=0, kind=""), day)
        return None

    def refine_places(self, groups: list[Group]) -> None:
        """"A drone strike in North Waziristan district ... Officials said drones targeted a house in the
        Shewa area": a district-level event takes the one finer place named just after it."""
        for g in groups:
            if g.place.kind not in _WIDE_KINDS or not g.frames:
                continue
            first = min(f.sentence.index for f in g.frames)
            g.place = next((p for p in self._places_after(first, g.day)
                            if p.kind not in _WIDE_KINDS and _same_place(p, g.place)), g.place)

    def _places_after(self, index: int, day: date | None) -> Iterator[PlaceMention]:
        """The single place of each place-only sentence among the two after sentence ``index``."""
        for f in self.where_only:  # (a lead with no day of its own takes the place sentence's day)
            if index < f.sentence.index <= index + 2 and (day is None or f.event_date in (None, day)):
                places = drop_containers([p for p in f.places if not p.foreign])
                if len(places) == 1:
                    yield places[0]

    def _places_before(self, index: int, day: date | None) -> Iterator[PlaceMention]:
        """A feature's opening scene ("The coffins rest on the road at Tajazai. ... the three were shot dead on
        Monday"): the one place of the place-only sentences just before, when the story has no other place."""
        found = [f for f in self.where_only if index - 3 <= f.sentence.index < index and f.event_date in (None, day)]
        places = {place_key(p.name): p for f in found for p in drop_containers([q for q in f.places if not q.foreign])}
        if len(places) == 1:
            yield next(iter(places.values()))

    def article_claim(self) -> str:
        """A claim covering several attacks ("claimed responsibility for attacks in multiple locations")."""
        return next((f.claimed for f in self.frames if f.claimed and not f.vague and (
            f.total or _SEVERAL_ATTACKS.search(f.sentence.text))), "")  # (not "attacks over the past decade")


def _split_running_tolls(groups: list[Group]) -> list[Group]:
    """"five more people killed on Monday, taking the toll to 11" after six on Sunday at the same
    place: Monday's event has five. A running toll spans days; each day keeps its own dead."""
    for g in groups:
        for f in g.frames:
            more = [c for c in f.deaths if c.more]
            updates = [c for c in f.deaths if c.update]
            if len(more) != 1 or not updates:
                continue
            others = sum(o.fatalities() for o in groups if o is not g and o.key() == g.key() and o.day < g.day)
            if others and others + more[0].value == max(c.value for c in updates):
                g.own_deaths = more[0].value
    return groups
