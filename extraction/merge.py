"""Turning the frames of one incident into one coded event, and merging duplicates.

Merge rule: one event per place, day, event type (and actor pair); incidents at one place
on one day of one type are a single event with their deaths added.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from extraction import gazetteer, taxonomy
from extraction.frames import Frame
from extraction.numbers import DeathCount
from extraction.places import PlaceMention

_TAKEN = re.compile(r"\b(?:abduct\w*|kidnap\w*|taken away|took away|picked up|whisked away)\b", re.IGNORECASE)
_WEAK_KINDS = {"tehsil", "valley", "district", "agency", "division", "region", "province"}


@dataclass(slots=True)
class Group:
    place: PlaceMention
    day: date
    frames: list[Frame] = field(default_factory=list)
    weak: list[Frame] = field(default_factory=list)       # multi-place sentences: place/day only
    no_deaths: set[int] = field(default_factory=set)      # frames whose counts are totals
    separate: set[int] = field(default_factory=set)       # frames describing a separate attack here
    mentions: list[PlaceMention] = field(default_factory=list)
    admin1: str = ""
    admin2: str = ""
    claimed: str = ""                                      # a group that claimed this attack
    assigned: list[DeathCount] = field(default_factory=list)  # counts a multi-place sentence gives this place
    admin_guessed: bool = False                            # admin2 is the dateline's, not the place's
    own_deaths: int | None = None                          # "N more" when the rest of a running toll is another day's

    def key(self) -> str:
        return place_key(self.place.name)

    def kind(self) -> tuple[str, str] | None:
        kinds = ([f.kind for f in self.frames if f.kind and not f.weak] or [f.kind for f in self.frames if f.kind]
                 or [f.kind for f in self.weak if f.kind])
        if not kinds:
            return None
        signals = set().union(*(f.signals for f in self.frames + self.weak))
        deaths = self.fatalities()
        bombs = signals & {"suicide", "grenade", "ied", "air", "shelling"}
        if "protest" in signals and "rioting" in signals and not bombs and (
                "intervention" not in signals or "destruction" in signals):
            return "Riots", "Violent demonstration"  # with police action it stays a protest met by force
        if "force_on_protest" in signals and not bombs:
            return "Protests", "Excessive force against protesters"  # deaths included: the force was the state's
        if "protest" in signals and not deaths and not bombs:
            return "Protests", "Protest with intervention" if "intervention" in signals else "Peaceful protest"
        targets = set().union(*(f.targets for f in self.frames + self.weak))
        if "destruction" in signals and not deaths and not bombs and not signals & {"mob", "clash", "smallarms", "crowd"} \
                and not targets & {"military", "police"} and not any(f.singular_death for f in self.frames) \
                and not any(_TAKEN.search(f.sentence.text) for f in self.frames + self.weak):
            # "armed men burnt the machinery of a dam", "set fire to four trucks": property, no one hurt
            return "Strategic developments", "Looting/property destruction"
        if deaths and all(k[0] == "Strategic developments" for k in kinds):
            # "thwarted the infiltration ... seven khwarij were sent to hell": people died, so it was a fight
            kinds = [f.kind for f in self.frames if f.kind and f.kind[0] != "Strategic developments"] or kinds
        best = min(kinds, key=lambda k: taxonomy.TYPE_PRIORITY.index(k[0]))
        if best[0] == "Battles" and ("Violence against civilians", "Attack") in kinds and "clash" not in signals \
                and self.dead_classes() == {"civilian"}:
            best = ("Violence against civilians", "Attack")  # only civilians died and nobody fought back
        frames = self.frames + self.weak
        if best[0] == "Explosions/Remote violence" and "smallarms" in signals and targets & {"military", "police"} \
                and not bombs - {"ied"} and all("generic_blast" in f.signals for f in frames if "ied" in f.signals):
            return "Battles", "Armed clash"  # an assault "with gunfire and explosions" on the forces, no device named
        if best[0] == "Explosions/Remote violence":
            subs = {k[1] for k in kinds if k[0] == best[0]}
            for key in taxonomy.EXPLOSIVE_ORDER:
                if taxonomy.SUB_OF[key] in subs:
                    return best[0], taxonomy.SUB_OF[key]
        if best[0] == "Violence against civilians":
            # an abduction followed by killing the same day is an Attack
            abducted = "abduction" in signals or all(k[1] != "Attack" for k in kinds if k[0] == best[0])
            return best[0], "Abduction/forced disappearance" if abducted and not deaths else "Attack"
        return best

    def dead_classes(self) -> set[str]:
        """Victim classes of the counted dead ("people" is no class: it may be anyone)."""
        return {self.force_of(c).victim_class for f in self.frames if id(f) not in self.no_deaths for c in f.deaths
                if not c.subset and c.victim_class != "people"}

    def force_of(self, count: DeathCount) -> DeathCount:
        """A rank no sentence tied to a force ("Sepoys A and B embraced martyrdom") is of the force the
        incident's other dead or targets name: Levies after "two Levies personnel were martyred"; else the army."""
        if count.victim_class != "forces":
            return count
        named = {c.victim_class for f in self.frames for c in f.deaths} & {"military", "police"}
        if not named:
            named = set().union(*(f.targets for f in self.frames + self.weak)) & {"military", "police"}
        return replace(count, victim_class="police" if named == {"police"} else "military")

    def all_weak(self) -> bool:
        return all(f.weak or not f.kind for f in self.frames) and bool(self.frames)

    def told_on_its_day(self) -> bool:
        """A sentence of its own gives the group's day (it was not inherited from the lead or the report)."""
        return any(f.event_date == self.day and not f.day_of_sentence for f in self.frames)

    def fatalities(self) -> int:
        if self.own_deaths is not None:
            return self.own_deaths
        main: list[DeathCount] = []
        extra: list[DeathCount] = []
        official = any(f.deaths and not f.group_toll for f in self.frames if id(f) not in self.no_deaths)
        for f in self.frames:
            if id(f) in self.no_deaths or (f.group_toll and (official or self.assigned)):
                continue
            (extra if id(f) in self.separate else main).extend(c for c in f.deaths if not c.subset)
        total = _combine([self.force_of(c) for c in main + self.assigned])
        extras = sorted({c.value for c in extra if not c.subset})
        total += sum(extras)
        if not total and any(f.singular_death for f in self.frames if id(f) not in self.no_deaths):
            total = 1
        return total

    def specificity(self) -> int:
        return specificity(self.place)


def place_key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def specificity(place: PlaceMention) -> int:
    """3 = a village/area inside a named district, 2 = a town, 1 = a part of a town, 0 = a district or wider."""
    if place.kind in _WEAK_KINDS or gazetteer.is_district(place.name) and not gazetteer.resolve(place.name):
        return 0
    if place.possessive and place.parent and not gazetteer.is_district(place.parent):
        return 1
    if place.near and place.kind in ("village", "area"):
        return 3  # "Dande Darpa Khel village near Miranshah": a place of its own, finer than the town
    resolved = gazetteer.resolve(place.name)
    if place.parent:
        parent = gazetteer.resolve(place.parent)
        if gazetteer.is_district(place.parent) or (parent is not None and parent.kind in ("tehsil", "district")):
            return 3
        if not resolved:
            return 1
    if resolved is not None:
        return 2 if resolved.geo_precision <= 2 else 0
    return 1


def _by_part(counts: list[DeathCount]) -> list[DeathCount]:
    """"Seven soldiers and two civilians were martyred": a sum over classes counts as its parts, so that
    the six attackers killed, told apart, are added and not taken as a rival figure."""
    out = []
    for c in counts:
        if c.parts and len({cls for cls, _ in c.parts}) == len(c.parts) and "people" not in {cls for cls, _ in c.parts}:
            out.extend(replace(c, value=v, victim_class=cls, parts=()) for cls, v in c.parts)
        else:
            out.append(c)
    return out


def _combine(counts: list[DeathCount]) -> int:
    by_class: dict[str, list[DeathCount]] = {}
    for c in _by_part(counts):
        by_class.setdefault(c.victim_class, []).append(c)
    values: dict[str, int] = {}
    for cls, cs in by_class.items():
        updates = [c.value for c in cs if c.update]
        # one person singled out ("a constable died") is part of a count, not a rival figure
        counted = [c for c in cs if not c.single] or cs
        if len(counted) < len(cs):
            counted = counted if any(c.value > 1 for c in counted) else cs
        cs = counted
        exact = [c.value for c in cs if not c.vague and not c.earlier]
        if updates:
            values[cls] = max(updates)
        elif exact:
            values[cls] = min(exact)
        else:
            values[cls] = min(c.value for c in cs)
    people = values.pop("people", 0)
    specific = sum(values.values())
    return max(people, specific)


def _coarse(place: PlaceMention) -> bool:
    return place.kind in _WEAK_KINDS or gazetteer.is_district(place.name) or specificity(place) == 0


def _family(event_type: str) -> str:
    """A demonstration that turns violent is still one event: Protests and Riots merge."""
    return "demonstration" if event_type in ("Protests", "Riots") else event_type


def _one_incident_two_days(a: Group, b: Group) -> bool:
    """"... police repulsed a separate assault on the Mandan police station hours later" (the lead's day) and
    "militants attacked the Mandan police station in the early hours of Tuesday": one incident at one place,
    first told without a day of its own and then with one, a day apart at most."""
    if a.told_on_its_day() == b.told_on_its_day():
        return False
    return abs((a.day - b.day).days) <= 1


def _district_of_other(a: Group, b: Group) -> bool:
    """The group not told on its own day is the district the other one lies in (or may lie in)."""
    undated, other = (a, b) if not a.told_on_its_day() else (b, a)
    return gazetteer.is_district(undated.place.name) and (
        place_key(undated.place.name) == place_key(other.admin2) or not other.admin2 or other.admin_guessed)


def merge_groups(groups: list[Group]) -> list[Group]:
    """Merge groups of one day and event type that name the same place or district (or one place, when one
    group's day was only inherited and the other's is a day away)."""
    out: list[Group] = []
    for g in groups:
        kind = g.kind()
        target = None
        for o in out:
            if o.kind() is None or kind is None:
                continue
            if _family(o.kind()[0]) != _family(kind[0]) and not (o.all_weak() or g.all_weak()
                                                                  or not o.frames or not g.frames):
                continue
            # two towns of one district stay two events; a district (or tehsil, valley) named
            # beside a place inside it is the same event
            same = (o.key() == g.key() or o.key().startswith(g.key()) or g.key().startswith(o.key())
                    # "Serai Naurang" and, later, "the Naurang Bazaar chowki": a name told short, in one district
                    or (min(len(o.key()), len(g.key())) >= 5 and (o.key().endswith(g.key()) or g.key().endswith(o.key()))
                        and o.admin2 and o.admin2 == g.admin2)
                    or (o.admin2 and o.admin2 == g.admin2 and (_coarse(o.place) or _coarse(g.place)))
                    or place_key(o.place.parent) == g.key() or place_key(g.place.parent) == o.key())
            if o.day != g.day and not ((o.key() == g.key() or _district_of_other(o, g)) and _one_incident_two_days(o, g)):
                continue  # (a summary lead's "in Charsadda" with no day of its own is the Shabqadar attack told next)
            unplaced = ((not g.admin2 or g.admin_guessed) and gazetteer.resolve(g.place.name) is None) or (
                (not o.admin2 or o.admin_guessed) and gazetteer.resolve(o.place.name) is None)
            # an unknown place joins a known one only when it reports no other dead
            distinct = g.fatalities() and o.fatalities() and g.fatalities() != o.fatalities()
            if same or (unplaced and not distinct):
                target = o
                break
        if target is None:
            out.append(g)
            continue
        if not target.told_on_its_day() and g.told_on_its_day():
            target.day = g.day  # the day the incident's own telling gives
        if g.specificity() > target.specificity():
            target.place = g.place
        if (target.admin_guessed or not target.admin2) and g.admin2 and not g.admin_guessed:
            target.admin1, target.admin2, target.admin_guessed = g.admin1, g.admin2, False
        target.admin2 = target.admin2 or g.admin2
        target.admin1 = target.admin1 or g.admin1
        target.claimed = target.claimed or g.claimed
        target.assigned.extend(g.assigned)
        target.frames.extend(f for f in g.frames if f not in target.frames)
        target.weak.extend(f for f in g.weak if f not in target.weak)
        target.no_deaths |= g.no_deaths
        target.separate |= g.separate
        target.mentions.extend(g.mentions)
    return out
