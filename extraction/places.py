"""Which place names in a sentence are where the incident happened.

A name counts only in a locative frame ("in X", "near X", "the X area of Y", "abducted
from X"); destinations ("X-bound", "towards X"), home towns ("from X"), hospitals,
people's names and datelines are left out. A place that contains another one in the
same sentence ("the Esham area of North Waziristan", "Kaleri ... in the Nall tehsil")
becomes that place's parent (a hint for the district), not a second location.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extraction import gazetteer

KIND_WORDS = r"(?:area|areas|village|town|city|tehsil|valley|district|agency|bazaar|region|cantt|cantonment|division|province|sub-division|subdivision)"
CONTAINER_KINDS = {"tehsil", "district", "agency", "division", "province", "region"}
# a village may carry a number ("Chak 311-GB", "Chak No. 42/12-L"): the number is part of its name
_CAP = r"[A-Z][\w’'\-]*(?:\s+(?:(?!No\.)[A-Z][\w’'\-]*|[A-Z]\.))*(?:\s+(?:No\.\s*)?\d+(?:[/\-]?[\dA-Z]+)*\b(?![\s-]*(?:km|kilomet|miles|people|persons|men|killed|injured|were|was)))?"
_PATTERNS = (
    # "the Datta Khel area", "Panjgur town", "Kech district", "Safi tehsil"
    re.compile(rf"(?P<name>{_CAP})\s+(?P<kind>(?i:{KIND_WORDS}))\b"),
    # "in Kaleri, about 80 kilometres", "in Tarlai Kalan, located on the outskirts"
    re.compile(rf"\b(?:in|at|near)\s+(?P<name>{_CAP})(?=,\s+(?:about|located|situated|some|on the outskirts|near|a\s))"),
    # "near Noshki", "in the vicinity of Sultan Charhai"
    re.compile(rf"\b(?:near|vicinity of|outskirts of)\s+(?:the\s+)?(?P<name>{_CAP})"),
    # "abducted from Musakhel in", "in Sialkot", "in Zhob,"
    re.compile(rf"\b(?:[Ii]n|[Aa]t|[Ff]rom|[Nn]ear)\s+(?P<name>{_CAP})(?=\s+[a-z]|[,.;)]|$)"),
    # press-release idiom: "in general area Jani Khel", "the general area of Mir Ali"
    re.compile(rf"\b(?i:general\s+area\s+(?:of\s+)?)(?P<name>{_CAP})"),
    # "the Datta Khel area of North Waziristan": the container
    re.compile(rf"\b(?:area|areas|tehsil|outskirts|vicinity|city|town|district|valley|suburbs|village)\s+of\s+(?:the\s+)?(?P<name>{_CAP})"),
)
_INSTALLATION = re.compile(
    r"\b(?:School|College|Mosque|Masjid|Imambargah|Office|Hospital|Club|Station|Market|Road|Chowk|Highway|Complex|"
    r"Camp|University|Headquarters|Lines|Jail|Prison|Airport|Stadium|Plaza|Hotel|Bank|Centre|Center|Court|Avenue|"
    r"Street|Bridge|Motorway|Church|Temple|Shrine|Department|Force|Forces|Army|Police|Party|Movement|Front)\b")
_STOP = {
    "the", "a", "an", "pakistan", "pakistani", "police", "army", "government", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "according", "meanwhile", "security", "it", "he",
    "she", "they", "this", "that", "officials", "ispr", "dawn", "reuters", "afp", "ap", "ani", "jan", "feb", "dec",
    "nov", "oct", "sept", "sep", "aug", "apr", "islam", "muslim", "taliban", "chief", "minister", "in", "at",
    "following", "after", "during", "since", "but", "and", "express", "tribune", "national", "frontier", "corps",
    "levies", "ctd", "counter", "federal", "provincial", "prime", "president", "his", "her", "their", "its",
    "there", "these", "those", "both", "all", "one", "two", "three", "police station", "hospital", "road", "highway",
    "makran", "shia", "shiite", "sunni", "eid", "ramadan", "party", "league",
    "general", "balochi", "pashto", "pushto", "urdu", "sindhi", "punjabi", "brahui", "saraiki", "english", "persian", "dari",
    "iranian", "afghan", "indian", "chinese", "american", "british", "saudi", "tajik", "turkish",
}
# "in the Iranian city of Saravan", "the Afghan border town of Spin Boldak": a place abroad
_ABROAD_BEFORE = re.compile(r"\b(?:Iranian|Afghan|Indian|Chinese|Tajik|Saudi|Emirati|Turkish)\s+(?:[a-z]+\s+){0,2}"
                            r"(?:city|town|province|village|district|port|capital|region)\s+of\s+(?:the\s+)?$")
_FOREIGN = {"afghanistan", "iran", "india", "china", "libya", "united states", "us", "usa", "uk", "saudi arabia",
            "qatar", "turkey", "russia", "tajikistan", "kabul", "tehran", "delhi", "new delhi", "kandahar",
            "khost", "kunar", "nangarhar", "jalalabad", "sistan", "baluchestan", "uae", "dubai", "beijing",
            "washington", "london", "sri lanka", "bangladesh", "paktika", "paktia", "zabul", "helmand", "nimroz",
            "logar", "ghazni", "nuristan", "badakhshan", "herat", "spin boldak", "torkham afghanistan",
            "paris", "geneva", "new york", "brussels", "moscow", "riyadh", "doha", "ankara", "istanbul",
            "zahedan", "saravan", "mashhad", "berlin", "tokyo", "abu dhabi", "muscat", "baghdad", "dushanbe"}
_COUNTRIES = ("afghanistan", "iran", "india", "china", "libya", "tajikistan", "uae", "saudi arabia", "qatar")
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:[Ii]n|[Aa]t|[Nn]ear|[Ii]nside|[Oo]utside|[Aa]cross|around|within|on|into|targeted|hit|struck|rocked|attacked)\s+"
    r"(?:the\s+|a\s+)?(?:(?:[a-z][\w\-]*|[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*(?:\s+district)?[’']s)\s+){0,4}"
    r"|\b(?:area|areas|outskirts|outskirt|vicinity|city|town|village|suburbs|parts|tehsil|district|valley|"
    r"region|province|capital|headquarters)\s+of\s+(?:the\s+)?(?:[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*[’']s\s+)?"
    r"|\bcapital\s+|\b(?:abducted|kidnapped|taken|seized|picked up|whisked away|recovered|snatched)\b[^.;]{0,80}?\bfrom\s+(?:the\s+)?"
    r"|\b(?i:general\s+area)\s+(?:of\s+)?(?:the\s+)?"
    r"|\b(?:road|highway|route|track)\s+(?:leading|going)\s+to\s+(?:the\s+)?)$"  # a bomb "on the road leading to X"
)
_EXCLUDED_BEFORE = re.compile(
    r"(?:(?<!leading )(?<!going )\b(?:to|towards|toward|bound for|for|headed to|heading to|travelling to|traveling to|shifted to|"
    r"rushed to|taken to|moved to|brought to|posted in|hails? from|hailed from|hailing from|natives? of|resident of|"
    r"residents of|belonged to|belonging to|belongs to|kilometres from|kilometers from|km from|miles from|"
    r"officer|commissioner|sho|dpo|ssp|sp|spokesman|spokesperson|mir|mr|sardar|khan|chief|minister|governor|"
    r"candidate|leader|chairman|senator|mna|mpa|ig|dig|inspector|like)\s+(?:the\s+)?"
    r"|\b(?:hospitals?|clinic|medical (?:centre|center|complex))\s+(?:in|at)\s+(?:the\s+)?"
    # "both students at a college in Turbat": where the victims study or work, not where it happened
    r"|\b(?:students?|teachers?|employees?|workers?|staff)\s+(?:at|of)\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}(?:in|at)\s+(?:the\s+)?"
    # "told reporters in Karachi", "at a news conference in Quetta": where a statement was made
    r"|\b(?:told|briefed|addressing|addressed|talking to|speaking to)\s+(?:reporters|journalists|the media|media\w*|newsmen)\s+(?:in|at)\s+(?:the\s+)?"
    r"|\b(?:press|news)\s+conference\s+(?:in|at)\s+(?:the\s+)?"
    r"|\b(?:to|in|across)\s+(?:parts|areas|much|most|several parts) of\s+(?:the\s+)?"  # "cutting power to parts of Sibi"
    # "three of the injured succumbed to their wounds in Quetta": where the hospital was
    r"|\b(?:succumbed|died|passed away)\b[^.;]{0,40}\b(?:in|at)\s+(?:the\s+)?(?:a\s+)?(?:hospital\s+in\s+)?"
    r"|\b(?:travelling|traveling|heading|going|returning|on (?:their|his|her) way)\b[^.,;]{0,60}\bto\s+(?!door\b)(?:the\s+)?"
    r"(?:(?!when\b|while\b|after\b|as\b|and\b|were\b|was\b|they\b)[\w\-]+\s+){0,6}(?:in|at)\s+(?:the\s+)?"
    # "the highway linking Quetta with Karachi": a route's ends, not the scene
    r"|\b(?:linking|connecting|joining|links|connects)\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?(?:(?:with|and|to)\s+(?:the\s+)?)?"
    # "taken towards the mountains near Angoor Adda": where they were taken
    r"|\b(?:taken|taking|took|whisked|dragged|driven|fled|escaped|shifted)\s+(?:away\s+)?(?:towards|toward)\s+(?:the\s+)?"
    r"(?:[a-z][\w\-]*\s+){0,3}(?:near|in|of|around)\s+(?:the\s+)?"
    # "returning from a grain market in Kandhkot": where they came from
    r"|\b(?:returning|coming back|on (?:their|his|her) way back)\s+(?:home\s+)?from\s+(?:a|an|the|their|his|her)\s+(?:(?!when\b|while\b)[\w\-]+\s+){0,4}(?:in|at)\s+(?:the\s+)?"
    r"|\b(?:to|towards|bound for)\s+(?:the\s+)?(?:[a-z][\w\-]*\s+){0,2}(?:city|town|village|capital|district|port|area)\s+(?:of\s+)?(?:the\s+)?"
    r"|\b(?:km|kms|kilomet\w+|miles)\b[^.;]{0,40}?\b(?:north|south|east|west)\w*\s+of\s+(?:the\s+)?(?:[a-z][\w\-]*\s+){0,2}"
    r"|\b(?:to|towards)\s+(?-i:[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\s+in\s+(?:the\s+)?"
    r"|(?<!abducted )(?<!kidnapped )\bfrom\s+(?-i:[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\s+in\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
_EXCLUDED_AFTER = re.compile(
    r"^(?:-bound|-based|\s+bound|\s*[-–]\s*[A-Z][a-z]+\s+(?:road|highway|motorway)|\s+(?-i:road)\b|\s+(?:hospital|medical|teaching|"
    r"general hospital|university|press club|police lines|jail|prison|airport|cantt? hospital|trauma)\b|-[A-Z]"
    # "Hangu Deputy Commissioner Fazal Akbar said": an official's jurisdiction, not where it happened
    r"|\s+(?:(?:district|deputy|assistant|divisional|regional)\s+)?(?:commissioner|police officer|police chief|DC|DPO|SSP|SP|SHO|RPO|"
    r"DIG|IGP|deputy inspector)\s+(?:(?-i:[A-Z][a-z]+)|said|says|told|confirmed))",
    re.IGNORECASE,
)
_FROM_HOME = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
# "a security official in Peshawar told AFP": where the speaker sits, when the phrase is the subject of a
# verb of saying with no other verb between
_SPEAKER_BEFORE = re.compile(r"\b(?:officials?|sources?|spokes(?:man|person|woman)|correspondents?|officers?|reporters?|"
                             r"residents?|administrators?)\s+(?:based\s+)?(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
_SPEECH_AFTER = re.compile(r"^(?:(?!\b(?:was|were|is|are|has|have|had|killed|shot|died|injured|wounded)\b)[^.;]){0,60}?"
                           r"\b(?:said|says|told|confirmed|added|informed|reported)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    name: str              # as written, without a trailing kind word
    start: int
    end: int
    kind: str              # trailing kind word ("area", "district", ...) or ""
    parent: str = ""       # a containing place named in the same sentence
    foreign: bool = False  # a place outside Pakistan
    province: str = ""     # a province named in the sentence
    possessive: bool = False  # "Turbat’s Satellite Town area": the parent came first
    near: bool = False        # the parent is a reference point ("near Y", "outskirts of Y"), not a container
    parent_kind: str = ""     # the parent's kind word as written ("district" in "of Noshki district")
    named_town: bool = False  # "Surjani Town": "Town" is capitalised, part of the name


def _clean(name: str) -> str:
    name = re.sub(r"[’']s$", "", name.strip(" ,.;:"))
    name = re.sub(r"^(?:District|Tehsil|Agency)\s+(?=[A-Z])", "", name)  # "District Awaran": the kind first
    name = re.sub(rf"\s+{KIND_WORDS}$", "", name, flags=re.IGNORECASE)
    name = re.sub(r"(?:\s+[A-Z]{2,5})+$", "", name)  # "North Waziristan IED": a trailing acronym
    return re.sub(r"^(?:the|The)\s+", "", name).strip()


def _spans(text: str) -> list[tuple[int, int, str, str]]:
    spans: list[tuple[int, int, str, str]] = []
    for start, end, _ in gazetteer.match_places(text):
        kind_m = re.match(rf"\s+({KIND_WORDS})\b", text[end:], re.IGNORECASE)
        spans.append((start, end, text[start:end], kind_m.group(1).lower() if kind_m else ""))
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            name = m["name"]
            words = name.split()
            while words and words[0].lower() in _STOP:
                if words.pop(0).lower() == "general" and words and words[0].lower() == "area":
                    words.pop(0)  # the press releases' "General Area Spinwam"
            if not words or " ".join(words).lower() in _STOP:
                continue
            offset = name.find(words[0])
            start = m.start("name") + offset
            kind = (m.groupdict().get("kind") or "").lower()
            joined = " ".join(words)
            if re.search(r"-[a-z]", joined) or _INSTALLATION.search(re.split(r"[’']s\s+", joined)[0]):
                continue
            poss = re.search(r"[’']s\s+", joined)
            if poss and _INSTALLATION.search(joined[poss.end():]):
                joined = joined[:poss.start()]  # "Quetta's Sariab Road area": Quetta
                kind = ""
            elif poss:  # "Balochistan’s Kech district": Kech, with its province/district before it
                start += poss.end()
                joined = joined[poss.end():]
            tail = re.search(rf"\s+({KIND_WORDS})$", joined, re.IGNORECASE)
            if tail:
                kind = kind or tail.group(1).lower()
            spans.append((start, start + len(joined), joined, kind))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    merged: list[tuple[int, int, str, str]] = []
    for span in spans:
        if merged and span[0] < merged[-1][1]:
            if span[1] - span[0] > merged[-1][1] - merged[-1][0] and span[0] == merged[-1][0]:
                merged[-1] = span
            elif not merged[-1][3] and span[3] and span[0] == merged[-1][0]:
                merged[-1] = span
            continue
        merged.append(span)
    return merged


# "militants opened fire on the Ghoriwala police station": stations and posts are named after their area
_STATION_OF = re.compile(
    r"\b(?:attack\w*|stormed|raided|targeted|targeting|fired (?:on|at|upon)|opened fire on|assault\w* on|hit|struck|"
    r"on|at|besieged|overran|torched)\s+(?:the\s+|a\s+)?(?P<name>[A-Z][a-z][\w’'\-]*(?:\s+[A-Z][a-z][\w’'\-]*)?)\s+"
    r"(?:police\s+station|police\s+post|police\s+checkpost|check\s*post|checkpoint|Levies\s+(?:station|post|thana)|thana|FC\s+(?:post|camp|fort))\b")


def station_places(text: str) -> list[PlaceMention]:
    """The areas whose police station or post was attacked, when no other place is named."""
    return [PlaceMention(name=m["name"], start=m.start("name"), end=m.end("name"), kind="area")
            for m in _STATION_OF.finditer(text)
            if not any(w.lower() in _STOP for w in m["name"].split()) and not _INSTALLATION.search(m["name"])
            and not gazetteer.province_name(m["name"])]


def find_places(text: str) -> list[PlaceMention]:
    """Event-place mentions of a sentence (dateline already cut off), in text order."""
    provinces = [gazetteer.province_name(m.group()) for m in re.finditer(r"\b[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?\b", text)]
    province = next((p for p in provinces if p), "")
    located: list[tuple[int, int, str, str, bool]] = []
    last_excluded = -1
    # "In neighbouring Afghanistan, a bomb in Kunduz province ...": the whole sentence is abroad
    abroad = bool(re.match(rf"\W*In\s+(?:neighbou?ring\s+)?(?:{'|'.join(_COUNTRIES)})\b", text, re.IGNORECASE))
    for start, end, raw, kind in _spans(text):
        name = _clean(raw)
        if not name or name.lower() in _STOP or len(name) < 3:
            continue
        written_kind = re.match(r"(?:the\s+)?(district|tehsil|agency)\s+(?:of\s+)?$", raw[:len(raw) - len(name)] or "", re.I) \
            or re.search(r"\b(district|tehsil|agency)\s+of\s+(?:the\s+)?$", text[max(0, start - 20):start], re.I)
        if written_kind and not kind:
            kind = written_kind.group(1).lower()  # "District Awaran", "the district of Kohistan"
        low = text[start:].lower()
        if any(low.startswith(p) and not low[len(p):len(p) + 1].isalnum() for p in gazetteer.province_names()):
            continue  # "Khyber Pakhtunkhwa" is a province, not the Khyber district
        if name.isupper() and len(name) <= 5 and not gazetteer.resolve(name):
            continue  # an acronym (JUI, NADRA), not a place
        run = re.match(r"[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*", text[start:])
        if run and _INSTALLATION.search(re.split(r"[’']s\b", run.group())[0]):
            continue  # "the Bagh Bazaar Government School": an installation
        before, after = text[max(0, start - 80):start], text[end:end + 40]
        if re.match(r"[’']s\s+(?:house|home|residence|office|shop|car|vehicle|family|brother|son|guards?)\b",
                    text[start + len(re.sub(r"[’']s$", "", raw)):]) \
                and not gazetteer.resolve(name):
            continue  # "in Ali Khan's house": a person
        if _EXCLUDED_AFTER.match(after) or _EXCLUDED_BEFORE.search(before) \
                or _SPEAKER_BEFORE.search(before) and _SPEECH_AFTER.match(text[end:end + 80]):
            last_excluded = end
            continue
        if last_excluded >= 0 and (re.fullmatch(r"\s*(?:,|in|of)\s+(?:the\s+)?(?:[\w’']+\s+){0,2}", text[last_excluded:start])
                                   or re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s*", text[last_excluded:start])):
            last_excluded = end  # "to Basima in Washuk district", "to parts of Sibi, Kohlu and Dera Bugti"
            continue
        foreign = name.lower() in _FOREIGN or bool(_ABROAD_BEFORE.search(before))
        locative = bool(_LOCATIVE_BEFORE.search(before))
        if not locative and located and re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*", text[located[-1][1]:start]):
            locative = True  # "in the Zhob and Sui areas", "in Kharan and Kalat"
        if not locative and re.match(rf"\s+{KIND_WORDS}\b", text[end:]) and not _FROM_HOME.search(before):
            locative = bool(re.search(r"\b(?:[Ii]n|[Aa]t|[Nn]ear)\s+(?:the\s+)?(?:[\w’'\-]+\s+){0,3}$", before))
        if not locative:
            continue
        if gazetteer.province_name(name) or name.lower() in ("pakistan", "balochistan"):
            continue
        located.append((start, end, name, kind, foreign))

    mentions: list[PlaceMention] = []
    parents: dict[int, str] = {}
    is_parent: set[int] = set()
    near_parent: set[int] = set()
    for i, (start, end, name, kind, foreign) in enumerate(located):
        if i + 1 < len(located):
            nxt = located[i + 1]
            between = text[end:nxt[0]]
            contained = re.fullmatch(
                rf"\s*(?:{KIND_WORDS})?\s*(?:,|of|in|near|on the outskirts of|,\s*located on the outskirts of|"
                rf"in the vicinity of|,[^,]{{0,40}},\s*in|,?\s*(?:about|some)\s[^,]*?\s(?:from|of))\s+(?:the\s+)?"
                rf"(?:[a-z][\w\-]*\s+){{0,5}}(?:[A-Z][\w\-]*(?:\s+district)?(?:[’']s)?\s+)?",
                between,
            )
            # "near Ghiljo in Upper Orakzai": a district's part named by a direction is a container too
            part = re.match(r"(?:Upper|Lower|Central|North|South|East|West)\s+(.+)$", nxt[2])
            container_kind = nxt[3] in CONTAINER_KINDS or gazetteer.is_district(nxt[2]) \
                or bool(part and gazetteer.is_district(part.group(1)))
            if re.search(r"\b(?:and|or|as well as|while|but)\b", between):
                contained = None  # a list of places, not one inside the other
            if nxt[3] in ("district", "tehsil") and kind not in CONTAINER_KINDS and not gazetteer.is_district(name) \
                    and re.search(r"\b(?:the|a)\s+$", text[max(0, start - 6):start]) and re.fullmatch(r"[^.;,]{0,60}?\bin\s+(?:the\s+)?", between) \
                    and not re.search(r"\b(?:while|when|after|before|and\s+(?:in|at|near))\b", between):
                # "attacked the Rustam police station and a checkpost next to it in Mardan district": the
                # district closing the phrase contains what the phrase named
                contained = re.fullmatch(r".*", between)
                container_kind = True
            if i + 2 < len(located) and re.fullmatch(r"\s*(?:,\s*|,?\s*and\s+|,?\s*or\s+)", between) \
                    and re.fullmatch(r"\s*(?:,\s*|,?\s*and\s+|,?\s*or\s+)", text[nxt[1]:located[i + 2][0]]):
                contained = None  # "in Turbat, Panjgur, Gwadar and Pasni": a list goes on after the comma
            inside_area = nxt[3] in ("area", "valley") and re.fullmatch(r"\s*in\s+(?:the\s+)?", between)
            distance = re.search(r"\b(?:km|kms|kilomet\w+|miles)\s+(?:from|of)\b", between)
            if contained and (container_kind or inside_area or distance or "outskirts" in between or "near" in between
                              or " of " in between):
                parents[i] = nxt[2]
                if re.search(r"near|outskirts|vicinity|from", between):
                    near_parent.add(i)
                is_parent.add(i + 1)
                continue
        if i > 0 and re.fullmatch(r"\s*(?:district)?[’']s\s+", text[located[i - 1][1]:start]):
            parents[i] = located[i - 1][2]
        elif i > 0 and re.fullmatch(r"\s*(?:district|agency|tehsil)\s+(?:town|village|area|city)\s+of\s+(?:the\s+)?",
                                    text[located[i - 1][1]:start]):
            parents[i] = located[i - 1][2]  # "the Kurram district town of Sadda"
            is_parent.add(i - 1)
    parent_idx = set(is_parent)
    child_of_prev = {i for i in parents if i >= 0 and i > 0 and parents[i] == located[i - 1][2]
                     and re.fullmatch(r"\s*(?:district)?[’']s\s+", text[located[i - 1][1]:located[i][0]])}
    parent_idx |= {i - 1 for i in child_of_prev}
    for i, (start, end, name, kind, foreign) in enumerate(located):
        if i in parent_idx:
            continue
        if i + 1 < len(located) and re.fullmatch(r"[\w\-]*(?:\s+[A-Z][\w\-]*)*(?:\s+district)?[’']s\s+"
                                                  r"(?:(?:crowded|busy|main|old|central|famous|historic|bustling|congested)\s+)?",
                                                  text[max(0, end - 2):located[i + 1][0]].removeprefix(text[max(0, end - 2):end])
                                                  if text[max(0, end - 2):end] not in ("’s", "'s") else
                                                  text[end - 2:located[i + 1][0]]):
            continue  # "Lakki Marwat's Serai Naurang area": the possessor is the next place's parent
        poss = re.search(r"([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*?)(?:\s+district)?[’']s\s+(?:(?:crowded|busy|main|old|central|famous|"
                         r"historic|bustling|congested|outer|inner|northern|southern|eastern|western)\s+)?$", text[max(0, start - 60):start])
        parent = parents.get(i, "") or (poss.group(1) if poss else "")
        if parent and gazetteer.province_name(parent):
            parent = ""
        foreign = foreign or parent.lower() in _FOREIGN  # "Afghanistan's Paktika province"
        foreign = foreign or abroad
        foreign = foreign or bool(re.match(rf"\s*(?:{KIND_WORDS})?\s*(?:,|in|of)\s+(?:the\s+)?(?:neighbouring\s+)?"
                                           rf"(?:{'|'.join(_COUNTRIES)})\b", text[end:], re.IGNORECASE))
        named_town = kind == "town" and bool(re.match(r"\s+Town\b", text[end:] if not text[start:end].endswith("Town")
                                                                else " Town"))
        mentions.append(PlaceMention(name=name, start=start, end=end, kind=kind, parent=parent, named_town=named_town,
                                     foreign=foreign, province=province, possessive=bool(poss) and not parents.get(i),
                                     near=i in near_parent,
                                     parent_kind=located[i + 1][3] if i in parents and i + 1 < len(located) and located[i + 1][2] == parents[i] else ""))
    return mentions
