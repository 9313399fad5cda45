"""The default extractor: deterministic ACLED-style coding rules, offline and fast."""
from __future__ import annotations

import re
from datetime import date

from extraction import gazetteer, taxonomy
from extraction.article import Article
from extraction.frames import Frame, build_frame, is_heading
from extraction.merge import Group, merge_groups, place_key
from extraction.places import PlaceMention
from extraction.sentences import split_sentences

VERSION = "rules-1"


def _town_for_area(place: PlaceMention) -> PlaceMention:
    """"the Absar area of Turbat": a part of a town is coded at the town (the area is an alternative name)."""
    if place.kind != "area" or not place.parent or gazetteer.is_district(place.parent) or place.parent_kind in (
            "district", "agency", "tehsil", "division", "region", "valley"):
        return place
    parent = gazetteer.resolve(place.parent)
    if parent is None or parent.kind not in ("populated place", "locality"):
        return place
    return PlaceMention(name=place.parent, start=place.start, end=place.end, kind="", province=place.province)


def _admin_hints(place: PlaceMention, context_admin1: str = "", context_admin2: str = "") -> tuple[str, str]:
    """(admin1, admin2) for a place, from the gazetteer and what the text says around it."""
    admin1 = place.province or ""
    parent_admin2 = ""
    if place.parent:
        if gazetteer.is_district(place.parent):
            parent_admin2 = place.parent
        else:
            parent = gazetteer.resolve(place.parent, admin1 or None)
            parent_admin2 = parent.admin2 if parent else ""
    hinted = gazetteer.resolve(place.name, admin1 or None, parent_admin2 or None)
    if hinted is not None and parent_admin2 and not place.near and hinted.admin2.lower() != parent_admin2.lower():
        hinted = None  # the text says which district it is in; a namesake elsewhere is wrong
    plain = hinted or gazetteer.resolve(place.name, admin1 or context_admin1 or None)
    if hinted is not None:
        return hinted.admin1, hinted.admin2
    if plain is not None and (not parent_admin2 or place.near) and not (
            parent_admin2 and not place.near and plain.admin2.lower() != parent_admin2.lower()):
        return plain.admin1, plain.admin2
    if parent_admin2:
        parent = gazetteer.resolve(parent_admin2)
        return (admin1 or (parent.admin1 if parent else "")), parent_admin2
    if not place.parent and context_admin2 and admin1 in ("", context_admin1):
        return context_admin1, context_admin2  # an unknown locality in the dateline's district
    return admin1, ""


def _paragraph_of(body: str, sentence) -> str:
    start = body.rfind("\n", 0, sentence.start) + 1
    end = body.find("\n", sentence.start)
    return body[start:end if end >= 0 else len(body)]


def _counts_for(place: PlaceMention, places: list[PlaceMention], frame: Frame) -> list:
    """Counts a sentence naming several places gives to one of them: "N were killed in P"."""
    if frame.total:
        return []
    out = []
    for count in frame.deaths:
        after = [p for p in places if p.start > count.start]
        nearest = min(after, key=lambda p: p.start, default=None)
        between = [c for c in frame.deaths if count.start < c.start < (nearest.start if nearest else 0)]
        later = [p for p in places if p.start > place.start]
        text = frame.sentence.text[frame.offset:]
        listed = later and re.fullmatch(r"\s*(?:areas?|districts?)?\s*(?:,|and|or|as well as)\s*(?:the\s+)?",
                                        text[place.end:later[0].start])
        if nearest is place and not between and not listed and place.start - count.start < 80:
            out.append(count)  # "in Zhob and Sui" is a list: its total stays unallocated
    return out


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _compatible(frame: Frame, group: Group) -> bool:
    kind = group.kind()
    if frame.kind is None or kind is None or frame.weak or frame.kind[0] == kind[0]:
        return True
    # complex attack: the gunfight around a bombing belongs to the bombing
    return kind[0] == "Explosions/Remote violence" and frame.kind[0] == "Battles"


class RulesExtractor:
    """Sentence frames -> groups per place and day -> merged ACLED events."""

    name = "rules"
    version = VERSION

    def extract(self, article: Article) -> list[dict]:
        published = article.published
        title = _norm(article.title)
        article_dateline = next((s.dateline for s in split_sentences(article.body)[:6] if s.dateline), ())
        paragraphs = article.body.split("\n")
        frames = []
        for s in split_sentences(article.body):
            paragraph = _paragraph_of(article.body, s)
            if _norm(s.text) == title or is_heading(s, paragraph):
                continue  # headlines and bullets repeat the story in telegraph style
            f = build_frame(s, published, article_dateline)
            if f is not None:
                frames.append(f)
        del paragraphs
        main_day = self._main_day(frames, published)
        dateline = next((f.sentence.dateline for f in frames if f.sentence.dateline), ())
        context = gazetteer.resolve(dateline[0]) if dateline else None
        context_admin1 = context.admin1 if context else ""
        context_admin2 = context.admin2 if context and len(dateline) == 1 else ""
        if main_day is None:
            return []
        groups: list[Group] = []
        by_key: dict[tuple[str, date], Group] = {}
        pending: list[Frame] = []
        current: Group | None = None

        def group_for(place: PlaceMention, day: date) -> Group:
            place = _town_for_area(place)
            key = (place_key(place.name), day)
            if key not in by_key:
                admin1, admin2 = _admin_hints(place, context_admin1, context_admin2)
                by_key[key] = Group(place=place, day=day, admin1=admin1, admin2=admin2)
                groups.append(by_key[key])
            by_key[key].mentions.append(place)
            return by_key[key]

        for f in frames:
            own = f.event_date
            if own is not None and published is not None and own > published:
                own = None if f.places else own  # a future day (a scheduled vote) is no event day
                if own is not None:
                    continue
            if own is None and f.vague:
                current = None  # background without a resolvable day: not coded
                continue
            places = [p for p in f.places if not p.foreign]
            if f.places and not places:
                current = None  # abroad
                continue
            if not places:
                if current is None:
                    pending.append(f)
                elif f.claimed and not f.total and not re.search(r"\battacks\b", f.sentence.text):
                    current.claimed = current.claimed or f.claimed  # "X claimed responsibility for the attack"
                elif (own is None or own == current.day) and _compatible(f, current) and (
                        own is not None or f.statement_date in (None, current.day, published)):
                    current.frames.append(f)
                    if f.total:
                        current.no_deaths.add(id(f))
                    if f.separate:
                        current.separate.add(id(f))
                continue
            if len(places) == 1:
                place = places[0]
                day = own or next((g.day for g in groups if g.key() == place_key(place.name)), None) or main_day
                g = group_for(place, day)
                g.frames.append(f)
                if f.total:
                    g.no_deaths.add(id(f))
                if f.separate and len(g.frames) > 1:
                    g.separate.add(id(f))
                current = g
            else:
                for place in places:
                    day = f.date_near(place.end) or main_day
                    g = group_for(place, day)
                    g.weak.append(f)
                    g.assigned.extend(_counts_for(place, places, f))
                current = None
        groups = [g for g in groups if g.kind() is not None]
        lead = pending[0] if pending else None
        if not groups and lead is not None and len(lead.sentence.dateline) == 1 and lead.kind and not lead.total \
                and (lead.deaths or lead.singular_death) and gazetteer.resolve(lead.sentence.dateline[0]):
            # the report names no place but its dateline: "QUETTA: Three people were killed in a blast"
            place = PlaceMention(name=lead.sentence.dateline[0], start=0, end=0, kind="")
            group_for(place, lead.event_date or main_day).frames.append(lead)
            groups = groups[-1:]
            pending = pending[1:]
        if len(groups) == 1:
            for f in pending:
                if (f.event_date in (None, groups[0].day)) and _compatible(f, groups[0]):
                    groups[0].frames.append(f)
                    if f.total:
                        groups[0].no_deaths.add(id(f))
        claim = next((f.claimed for f in frames if f.claimed and (
            f.total or re.search(r"\b(?:both|all|the|multiple|several)\s+(?:\w+\s+)?attacks\b", f.sentence.text))), "")
        return [self._row(article, g, claim) for g in merge_groups(groups)]

    @staticmethod
    def _main_day(frames: list[Frame], published: date | None) -> date | None:
        """The day of the article's main incident: the first event day given for the first
        place reported (or in a sentence naming no place); else the first statement day."""
        first_place = next((place_key(f.places[0].name) for f in frames if f.places), None)
        for f in frames:
            day = f.event_date
            if f.places and first_place not in {place_key(p.name) for p in f.places}:
                break  # another place: its day belongs to another incident
            if day is None or f.vague or (published is not None and day > published):
                continue
            keys = {place_key(p.name) for p in f.places}
            if not f.places or first_place in keys:
                return day
            break  # another place: its day belongs to another incident
        for f in frames:
            if f.statement_date is not None:
                return f.statement_date
        return published

    @staticmethod
    def _row(article: Article, g: Group, article_claim: str = "") -> dict:
        kind = g.kind()
        assert kind is not None
        event_type, sub = kind
        fatalities = g.fatalities()
        frames = g.frames or g.weak
        text = " ".join(f.sentence.text for f in frames)
        targets = set().union(*(f.targets for f in frames))
        signals = set().union(*(f.signals for f in frames))
        claimed = g.claimed or next((f.claimed for f in frames if f.claimed), "") or (
            article_claim if event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians") else "")
        foreign = next((f.nationality for f in frames if f.nationality), "")
        if event_type == "Explosions/Remote violence" and "infrastructure" in targets and not fatalities:
            targets = {"infrastructure"}
        actor1, actor2 = taxonomy.actors_for(event_type, sub, targets, signals, claimed, foreign, fatalities)
        ordered = [f for _, f in sorted({f.sentence.index: f for f in frames}.items())]
        spans: list[list[int]] = []  # [start, end, last sentence index, paragraph]
        for f in ordered:
            s = f.sentence
            if spans and s.index == spans[-1][2] + 1 and s.paragraph == spans[-1][3]:
                spans[-1][1], spans[-1][2] = s.start + len(s.text), s.index
            else:
                spans.append([s.start, s.start + len(s.text), s.index, s.paragraph])
        evidence = " [...] ".join(article.body[a:b] for a, b, _, _ in spans)
        return {
            "event_date": g.day.isoformat(),
            "location": g.place.name,
            "place_raw": g.place.name,
            "admin1": g.admin1,
            "admin2": g.admin2,
            "event_type": event_type,
            "sub_event_type": sub,
            "actor1": actor1,
            "actor2": actor2,
            "fatalities": fatalities,
            "evidence": evidence,
            "time_precision": 1,
            "source_url": article.url,
            "notes": "",
        }

