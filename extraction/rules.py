"""The default extractor: deterministic ACLED-style coding rules, offline and fast."""
from __future__ import annotations

import re
from datetime import date

from extraction import taxonomy
from extraction.article import Article
from extraction.clauses import split_clauses
from extraction.dates import find_dates
from extraction.frames import build_frame, is_heading
from extraction.grouping import Grouper, old_news
from extraction.merge import Group, specificity
from extraction.sentences import Sentence, split_sentences

VERSION = "rules-1"
_ADMIN_KINDS = ("district", "agency", "tehsil")  # "Tank district" resolves to the district, not the town
_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def _paragraph_of(body: str, sentence: Sentence) -> str:
    start = body.rfind("\n", 0, sentence.start) + 1
    end = body.find("\n", sentence.start)
    return body[start:end if end >= 0 else len(body)]


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


_ARMED = re.compile(r"\b(?:gunmen|armed men|assailants|attackers|militants|terrorists|dacoits)\b", re.IGNORECASE)


# a photo credit marks a caption paragraph: "(AP Photo/...)", "- AFP Photo", "File photo", "Photo: Reuters"
_CAPTION = re.compile(r"\((?:AP|AFP|Reuters|EPA|Getty|Xinhua|PPI|APP|Online)\b[^)]{0,40}\bPhoto\b|\b(?:AP|AFP|Reuters|EPA|APP|PPI|INP|Online)\s+(?:File\s+)?Photo\b"
                      r"|\((?:AP|AFP|Reuters|EPA|Getty(?: Images)?|Xinhua|APP|PPI|Anadolu|Dawn|INP|Online|White Star)\)\s*$"
                      r"|^\W*(?:File\s+)?Photo\s*[:|]|\bFile\s+(?:photo|image)\b|\bPhoto\s*:\s*(?:AP|AFP|Reuters|File|Twitter|X|Screengrab)\b",
                      re.IGNORECASE)


# a sub-heading that opens with a day: "Monday, 9 June — Khyber", "June 12: Kech"
_SECTION_DAY = re.compile(r"\W*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}\b)")


def doubts_of(g: Group, main_day: date | None, article: Article) -> list[str]:
    """Why an analyst should look at this event first (empty when nothing is doubtful)."""
    doubts = []
    if g.all_weak():
        doubts.append("type decided by a weak cue (only who died)")
    if g.place.start == g.place.end == 0:
        doubts.append("place taken from the dateline")
    elif specificity(g.place) == 0:
        doubts.append("place only at district level")
    if g.admin_guessed:
        doubts.append("district guessed from the dateline")
    counted = [f for f in g.frames if f.deaths and id(f) not in g.no_deaths]
    if g.fatalities() and len(counted) + bool(g.assigned) <= 1:
        doubts.append("toll from a single mention")
    values = {c.value for f in counted for c in f.deaths if not c.subset}
    if len(values) > 1 and not any(c.update for f in counted for c in f.deaths):
        doubts.append(f"competing tolls {sorted(values)}")
    if main_day is not None and g.day != main_day:
        doubts.append("not the report's main day: possibly background")
    if article.published is None or article.published_guessed:
        doubts.append("publication date guessed")
    return doubts


class RulesExtractor:
    """Sentence frames -> groups per place and day -> merged ACLED events."""

    name = "rules"
    version = VERSION

    def extract(self, article: Article) -> list[dict]:
        title = _norm(article.title)
        sentences = split_sentences(article.body)
        article_dateline = next((s.dateline for s in sentences[:6] if s.dateline), ())
        frames = []
        section_days: list = []  # "Monday, 9 June — Khyber": a dated sub-heading dates the section under it
        for s in sentences:
            paragraph = _paragraph_of(article.body, s)
            if _norm(s.text) == title or is_heading(s, paragraph):
                if frames and _norm(s.text) != title and len(s.text.split()) <= 8 and _SECTION_DAY.match(s.text):
                    section_days = [d for d in find_dates(s.text, article.published) if d.kind == "event"] or (
                        [] if re.search(r"[A-Za-z]{3,}", s.text) else section_days)
                continue  # headlines and bullets repeat the story in telegraph style
            if _CAPTION.search(paragraph):
                continue  # a photo caption describes a picture, often a file picture of another incident
            clauses = split_clauses(s)
            for clause in clauses:
                f = build_frame(clause, article.published, article_dateline)
                if f is None:
                    continue
                if len(clauses) > 1 and not f.dates:
                    # "X was shot dead in A while a grenade hit B on Sunday": the day closing the
                    # sentence scopes over both clauses
                    f.dates = [d for d in find_dates(s.text[s.dateline_end:], article.published) if d.kind == "event"]
                    f.day_of_sentence = bool(f.dates)
                if section_days and not any(d.kind == "event" for d in f.dates):
                    f.dates = list(section_days) + f.dates
                frames.append(f)
        grouper = Grouper(frames, article.published, article_dateline)
        claim = grouper.article_claim()
        protests = any("protest" in f.signals for f in frames)
        groups = [g for g in grouper.run() if not old_news(g.day, article.published)]
        rows = []
        for g in groups:
            row = self._row(article, g, claim, protests)
            row["doubts"] = doubts_of(g, grouper.main_day, article)
            rows.append(row)
        return rows

    @staticmethod
    def _row(article: Article, g: Group, article_claim: str = "", protests: bool = False) -> dict:
        kind = g.kind()
        assert kind is not None
        event_type, sub = kind
        fatalities = g.fatalities()
        frames = g.frames or g.weak
        armed = any(f.targets & {"militant"} or f.claimed or "clash" in f.signals and "militant" in f.targets
                    or _ARMED.search(f.sentence.text) for f in frames) \
            or "militant" in g.dead_classes()  # gunmen, robbers killed: no protest clash
        if protests and event_type == "Battles" and not armed:
            event_type, sub = "Riots", "Violent demonstration"  # clashes of a protest with the police
        targets = set().union(*(f.targets for f in frames))
        signals = set().union(*(f.signals for f in frames))
        claimed = g.claimed or next((f.claimed for f in frames if f.claimed), "") or (
            article_claim if event_type in _VIOLENT else "")
        foreign = next((f.nationality for f in frames if f.nationality), "")
        if event_type == "Explosions/Remote violence" and "infrastructure" in targets and not fatalities:
            targets = {"infrastructure"}
        forces = g.dead_classes() & {"military", "police"}
        if len(forces) == 1 and event_type in ("Battles", "Explosions/Remote violence"):
            # who died says which force was hit ("two Levies sepoys were martyred" beside an FC word)
            targets = (targets - {"military", "police"}) | forces
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
            "place_raw": f"{g.place.name} {g.place.kind}" if g.place.kind in _ADMIN_KINDS else g.place.name,
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
            "notes": f"{sub} at {g.place.name}; coded by {VERSION} from {len(spans)} passage(s)",
        }

