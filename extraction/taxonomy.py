"""ACLED event/sub-event types and actor names from the words of a report."""
from __future__ import annotations

import re

MILITARY = "Military Forces of Pakistan"
POLICE = "Police Forces of Pakistan"
CIVILIANS = "Civilians (Pakistan)"
UNIDENTIFIED = "Unidentified Armed Group (Pakistan)"
RIOTERS = "Rioters (Pakistan)"
PROTESTERS = "Protesters (Pakistan)"

# explosives found or seized: nothing went off
_RECOVERY = (r"(?:explosive|device|bomb|IED)s?\b[^.]{0,30}\b(?:was|were)\s+(?:also\s+)?(?:discovered|found|recovered|seized)"
             r"|\b(?:recovered|seized|confiscated|found|discovered)\b[^.]{0,50}\b(?:explosives?|IEDs?|bombs?|devices?|"
             r"grenades?|suicide (?:vests?|jackets?)|detonators?)\b")
_RECOVERY_RE = re.compile(_RECOVERY, re.IGNORECASE)
_SIGNALS: dict[str, str] = {
    "disrupted": r"\bdefus\w+|\bdiffus\w+|\bthwart\w*|\bfoil\w*|\bbomb disposal|" + _RECOVERY,
    "suicide": r"\bsuicide\s+(?:bomb\w*|attack\w*|blast\w*|explosion|attacker|car|vest|jacket)"
               r"|\brammed\s+(?:an?\s+|the\s+|their\s+)?explosives?-(?:laden|packed|filled)\s+(?:vehicle|car|truck|van|motorcycle)",
    "air": r"\bquadcopters?\b|\bair\s*-?strikes?\b|\bairstrikes?\b|\bdrone\s+(?:strike|attack)s?|\bair\s+raids?\b|\bjets?\b[^.]{0,20}\b(?:bombed|pounded|struck)",
    "grenade": r"\bgrenades?\b",
    "shelling": r"\bprojectiles?\b|\brockets?\b|\bmortars?\b|(?<!gas )(?<!teargas )(?<!empty )(?<!bullet )\bshell(?:ing|ed|s)\b(?!\s+(?:of|from)\s+(?:an?\s+|the\s+)?(?:\d+\s*mm\s+)?(?:pistol|rifle|gun|kalashnikov|bullet|ak))|\bartillery\b|\bmissiles?\b",
    "ied": r"\bIEDs?\b|\bimprovised explosive|\broadside bomb|\blandmines?\b|\bland mines?\b|\bbomb(?:s|ing|ings|ed)?\b|\bblasts?\b|\bexplo(?:sion|sions|ded|sive|sives)\b|\bblew up\b|\bblown up\b|\bwent off\b",
    "clash": r"\bexchange of fire\b|\bfire exchange\b|\bexchanged fire\b|\bgun\s*fights?\b|\bgun\s*battles?\b|\bshoot\s*-?outs?\b|\bclash\w*|\bcrossfire\b|\bencounter\b|\bfire raid\b|\breturned (?:the )?fire\b"
             r"|\bfighting (?:broke out|erupted|raged|continued)\b|\bheavy fighting\b|\b(?:at|on) each other(?:['’]s)?\b",
    "firearm": r"\bbullet-riddled\b|\bambush\w*|\bcame under (?:heavy )?fire\b|\bopened fire\b|\bfired (?:at|on|upon)\b|\bfired upon\b|\bgunmen\b|\barmed men\b|\bassailants\b|\battack(?:s|ed|ers?)?\b|\bstormed\b|\braid(?:ed|s)?\b|\bassault\w*\b|\bfiring\b(?!\s+(?:water|tear))|\bshot\b|\bgunned down\b|\bkill(?:ed|ing)\b|\bmartyred\b|\bmartyrdom\b|\bmurder\w*|\bneutrali[sz]ed\b|\bsent to hell\b|\bset (?:a |the )?[\w ]{0,30}on fire\b|\btorch\w*",
    "smallarms": r"\b(?:automatic|small|light|heavy)\s+(?:weapons|arms)\b|\bgunfire\b|\bfiring\b|\bopened fire\b|\bguns\b|\brifles?\b",
    "abduction": r"\b(?:picked up|taken away|whisked away|bundled)\s+(?:by|from|into)\b|\b(?:was|were)\s+seized\s+(?:by|from|outside|at|near)\b|\btook away\b|\benforced disappearances?\b|\bforcibly disappeared\b|\babduct\w*|\bkidnap\w*|\btaken hostage\b|\bhostages?\b",
    "rioting": r"\b(?:set fire|set on fire|torched|torching|pelted|threw stones|hurled stones|stone-pelting|vandali[sz]\w*|ransack\w*|attacked"
               r"|turned violent|turned into a riot|went on the rampage)\b",
    # the crowd itself destroys or throws: a violent demonstration even when police intervene
    "destruction": r"\b(?:set fire|set (?:\w+\s+){0,4}on fire|torched|torching|burnt|burned down|burnt down|set ablaze|pelted|threw stones|hurled stones|"
                   r"stone-pelting|vandali[sz]\w*|ransack\w*)\b",
    # a fight with clubs and stones, no guns: a mob, not an armed clash
    "melee": r"\b(?:with|using|wielding|armed with)\s+(?:[\w\-]+\s+){0,2}(?:clubs|sticks|stones|batons|axes|knives|daggers|rods|bricks)\b",
    "crowd": r"\b(?:angry|enraged|charged|irate|furious)\s+(?:villagers|residents|crowds?|people|protesters|youths|relatives|traders|mourners)\b",
    "mob": r"\bmobs?\b|\blynch\w*|\bvigilante\b|\brioters?\b|\brampag\w*",
    "protest": r"\b(?:shutter-down|wheel-jam|observed an?|observe an?|went on|go on)\s+strike\b|\bprotest\w*|\bdemonstrations?\b|\bdemonstrators?\b|\brall(?:y|ies)\b|\bsit-in\b|\blong march\b|\bmarchers\b|\bchant(?:ed|ing)\s+slogans\b"
                r"|\bblock(?:ed|ing)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}(?:road|roads|highway|motorway|traffic)\b[^.]{0,100}"
                r"\b(?:demand(?:ing|ed)|coffins|bodies|for (?:several|two|three|four|five|six|\d+) hours)\b|\b(?:candlelight|candle-light)?\s*vigils?\b"
                # police action on a crowd, or a march on an office, is a demonstration even unnamed
                r"|\b(?:tear\s*gas|baton-?charg\w*|lathi-?charg\w*|water cannons?)\b[^.]{0,80}\b(?:protesters|demonstrators|crowd|marchers|teachers|"
                r"students|workers|traders|employees|activists|supporters|mourners|farmers|doctors|nurses|lawyers|"
                r"fishermen|labourers|families|relatives)\b|\b(?:tried|attempted) to march\b|\bmarched (?:towards|to|on)\b",
    "intervention": r"\bbaton\w*|\bshipping containers\b|\btear\s*gas\b|\bwater cannon\w*|\barrested\b|\bdetained\b|\bdispersed\b(?!\s+peacefully)|\blathi",
    "communal": r"\btribes?\b|\btribal (?:clash|feud|dispute|fighting)\w*|\bclans?\b|\brival (?:groups|families)\b|\bland dispute\b",
    # "picked up by security forces": an enforced disappearance, the state is the perpetrator
    "state_abduction": r"\b(?:picked up|taken away|whisked away|bundled|abducted|forcibly disappeared)\s+by\s+(?:the\s+)?"
                       r"(?:Pakistani\s+)?(?:security forces|forces|army|troops|FC|Frontier Corps|intelligence|agencies|CTD|police)"
                       # the forces are the subject of the taking away ("forces raided the house and took away two brothers")
                       r"|\b(?:security forces|Pakistani forces|troops|personnel|FC|Frontier Corps|CTD)\b"
                       r"(?!\s+(?:said|say|says|told|officials?|sources?|spokes\w+))"
                       r"(?:(?!\b(?:said|says|told|gunmen|armed men|militants|assailants|kidnappers|abductors|attackers|unknown|unidentified)\b)[^.;]){0,150}?"
                       r"\b(?:took away|picked up|whisked away|forcibly disappeared|bundled)\b",
    # lethal or armed force used on a demonstration ("police opened fire on a crowd protesting")
    "force_on_protest": r"\b(?:police|forces|troops|personnel|Rangers)\s+(?:opened fire|fired)\s+(?:on|at|upon)\s+(?:a\s+|the\s+)?"
                        r"(?:\w+\s+)?(?:crowd|protesters|demonstrators|protest|rally|procession|mourners|sit-in)",
    "afghan_forces": r"\bAfghan(?:istan)?\s+(?:forces|troops|border (?:guards|forces|police)|Taliban forces|army)\b",
    # the bomb was aimed at the security forces even when bystanders died too
    "security_target": r"\b(?:near|next to|at|on|targeting|targeted|struck|hit|into|outside)\s+(?:an?\s+|the\s+|their\s+)?"
                       r"(?:\w+\s+)?(?:(?:police|security forces['’]?|FC|Frontier Corps|army|military|Levies|Rangers)\s+"
                       r"(?:vehicle|van|convoy|post|checkpost|check post|checkpoint|station|patrol|mobile|headquarters)s?\b"
                       r"|offices? of the (?:\w+\s+){0,2}(?:police|army|FC|Levies)\b)",
    "operation": r"\boperations?\b|\bIBO\b|\bsearch\b|\bcordon\b",
}
SIGNALS = {k: re.compile(v, re.IGNORECASE if k not in ("ied",) else 0) for k, v in _SIGNALS.items()}
SIGNALS["ied"] = re.compile(_SIGNALS["ied"], re.IGNORECASE)

_TARGETS = {
    "military": r"\bRangers\b|\bsoldiers?\b|\btroops\b|\barmy\b|\bsecurity forces\b|\bPakistani forces\b|\bsecurity personnel\b|\bFrontier Corps\b|\bFC\b|\bmilitary\b|\bsepoys?\b|\bjawans?\b|\bcantt?\b|\bcantonment\b|\bISPR\b|\bIBO\b|\bsecurity (?:forces )?post\b|\bSSG\b",
    "police": r"\bpolice\w*\b|\bpolicem[ae]n\b|\blevies\b|\blevis\b|\bCTD\b|\bconstabulary\b|\bconstables?\b|\blaw enforce\w+|\bbomb disposal\b|\bcops?\b",
    "civilian": r"\bcivilians?\b|\blabou?rers?\b|\bpassengers?\b|\bworkers?\b|\bpeople\b|\bjournalists?\b|\bstudents?\b|\bchild(?:ren)?\b|\bwom[ae]n\b|\bworshippers?\b|\bshop\w*|\bmarket\b|\bbus\b|\bfamil(?:y|ies)\b|\bvillagers?\b|\bresidents?\b|\bmosque\b|\bschool\b|\bcandidates?\b|\bresidence\b|\bhouse\b|\bconvention\b|\bgathering\b|\bmanager\b|\belder\b|\bpolio\b|\bengineers?\b|\bpilgrims?\b|\bteachers?\b|\bdoctors?\b|\btraders?\b",
    "infrastructure": r"\bpipe\s*lines?\b|\bgas line\b|\brailway track\b|\btracks?\b|\bpylons?\b|\btowers?\b|\bbridges?\b|\btransmission\b|\bpower line\b",
    "militant": r"\bmilitants?\b|\bterrorists?\b|\binsurgents?\b|\bhideouts?\b|\bTaliban\b"
                r"|\bkh(?:a|aw|w)arij\b|\bkharjis?\b|\bkharijis?\b",
}
TARGETS = {k: re.compile(v, re.IGNORECASE if k != "military" else 0) for k, v in _TARGETS.items()}
TARGETS["military"] = re.compile(_TARGETS["military"].replace(r"\bFC\b|", "").replace(r"\bISPR\b|", "").replace(r"\bSSG\b", r"\bSSG\b"), re.IGNORECASE)
_MILITARY_CASED = re.compile(r"\bFC\b|\bISPR\b|\bSSG\b")
NATIONALITIES = {"sri lankan": "Sri Lanka", "chinese": "China", "afghan": "Afghanistan", "iranian": "Iran",
                 "american": "United States", "british": "United Kingdom", "japanese": "Japan"}
GROUPS = {
    r"\bBaloch(?:istan)? Liberation Army\b|\bBLA\b": "BLA: Baloch Liberation Army",
    r"\bBaloch(?:istan)? Liberation Front\b|\bBLF\b": "BLF: Balochistan Liberation Front",
    r"\bTehreek-?[ie]-?Taliban Pakistan\b|\bTehrik-?[ie]-?Taliban Pakistan\b|\bTTP\b|\bPakistani Taliban\b": "TTP: Tehreek-i-Taliban Pakistan",
    r"\bIslamic State\b|\bIS-?K\b|\bISIS\b|\bDaesh\b": "Islamic State (Pakistan)",
    r"\bLashkar-?e-?Jhangvi\b|\bLeJ\b": "LeJ: Lashkar-e-Jhangvi",
    r"\bJamaat-?ul-?Ahrar\b": "JuA: Jamaat-ul-Ahrar",
    r"\bBaloch Republican Army\b|\bBRA\b": "BRA: Baloch Republican Army",
    r"\bHafiz Gul Bahadur\b": "Hafiz Gul Bahadur Group",
}
# a claim verb whose object is responsibility or an attack noun ("claimed an attack on a camp", "claimed the
# ambush"), or the passive "was claimed by"
_CLAIM = re.compile(r"\bclaim(?:ed|s|ing)?\s+(?:the\s+|an\s+|a\s+|its\s+)?(?:[\w\-]+\s+){0,2}?"
                    r"(?:responsibility|attacks?|bombings?|assaults?|ambush(?:es)?|blasts?|killings?|abductions?)\b|\bowned\b"
                    r"|\b(?:was|were|has been|had been|is being)\s+claimed\s+by\b", re.IGNORECASE)
_DENY = re.compile(r"\bden(?:y|ied|ies)\b", re.IGNORECASE)


_DETONATION = re.compile(
    r"\bblasts?\b|\bexplo(?:sion|sions|ded)\b|\bblew up\b|\bblown up\b|\bwent off\b|\bdetonat\w+|\bbombing\w*|"
    r"\bbombed\b|\bstruck\b|\bhit\b|\bdamaged\b|\bdestroyed\b|\bripped\b|\btore\b|\bkill\w*|\bmartyr\w*|\binjur\w*|\bwound\w*|\bdead\b|\bdied\b|\bplanted\b"
    r"|\b(?:IED|bomb|explosive|landmine|mine)\s+attacks?\b",  # "an IED attack on a convoy": the device was used
    re.IGNORECASE)


_DEMAND = re.compile(r"\b(?:demanding|demanded|to demand|protesting against|against the|condemning|to condemn)\b",
                     re.IGNORECASE)
_PROTEST_SIGNALS = frozenset({"protest", "crowd", "intervention", "destruction", "rioting", "force_on_protest"})
_RPG = re.compile(r"\brocket[- ]propelled grenades?\b|\bRPG-?7?s?\b|\brocket launchers?\b", re.IGNORECASE)
_ALLEGED = re.compile(r"\b(?:said|says|claimed|claims|alleged\w*|accused)\b", re.IGNORECASE)


# "militants armed with heavy weapons, including rocket launchers and hand grenades, attacked the post": what
# they carried, not how they attacked
_EQUIPMENT = re.compile(r"\b(?:armed with|equipped with|carrying|wielding|laden with)\b[^.;]{0,100}?"
                        r"(?=,?\s+(?:attacked|stormed|opened fire|fired|raided|struck|assaulted|ambushed)\b|[.;]|$)", re.IGNORECASE)


_IED_SPECIFIC = re.compile(r"\bIEDs?\b|\bimprovised explosive|\broadside\b|\blandmines?\b|\bland mines?\b|\bplanted\b|"
                          r"\bremote[- ]controlled\b|\bmagnetic\b|\b(?:motorcycle|car|bicycle|cart|vehicle|parcel|pressure)[- ]bomb|"
                          r"\bbomb (?:planted|fitted|hidden|attached)|\bexplosive device|\bdetonat\w+|\bblew up\b|\bblown up\b"
                          r"|\bbomb blast\b|\bblast\b|\bexplosion\b", re.IGNORECASE)


_CARRIED = re.compile(r"\b(?:along with|recovered|seized|confiscated|found|discovered)\b[^.;]{0,80}", re.IGNORECASE)


# "two terrorists involved in the IED attack were killed": the earlier attack named, not this clause's weapon
_ATTACK_NAMED = re.compile(r"\b(?:involved in|responsible for|behind|planned|masterminded|wanted for|accused of)\s+"
                           r"(?:the|last\w*|this|that)\s+(?:[\w\-]+\s+){0,3}?(?:attacks?|bombings?|blasts?|explosions?)\b",
                           re.IGNORECASE)


def signals_of(text: str) -> set[str]:
    text = _ATTACK_NAMED.sub(" ", text)
    text = _RPG.sub("heavy weapons", text)  # an assault with RPGs is a gunfight, not a grenade or shelling attack
    text = _EQUIPMENT.sub(" armed ", text)
    found = {name for name, rx in SIGNALS.items() if rx.search(text)}
    demand = _DEMAND.search(text) if "protest" in found else None
    if demand:  # "a sit-in demanding an end to drone attacks", "... that those who instigated the mob be tried":
        # what they protest, not what they did
        head = text[:demand.start()]
        found = {name for name in found if name in _PROTEST_SIGNALS or SIGNALS[name].search(head)}
    if "ied" in found and (not _DETONATION.search(text) or not SIGNALS["ied"].search(_RECOVERY_RE.sub(" ", text))):
        found.discard("ied")  # explosives named but nothing went off: a seizure, a threat, a warning
    if "grenade" in found and not SIGNALS["grenade"].search(_CARRIED.sub(" ", text)):
        found.discard("grenade")  # "bodies were found along with a Kalashnikov and hand grenades": what was seized
    if "ied" in found and not _IED_SPECIFIC.search(text):
        found.add("generic_blast")  # "gunfire and explosions": no device named
    if "destruction" in found and _ALLEGED.search(text):
        found.discard("destruction")  # "police said the protesters threw stones": one side's account
    if not found & {"suicide", "ied", "grenade", "shelling"}:
        found.discard("security_target")  # only the target of a bomb counts ("funeral at the Police Lines" does not)
    return found


_ATTRIBUTION = re.compile(
    r"\b(?:according to|told|informed|quoted)\s+(?:the\s+)?(?:local\s+)?(?:police|levies|officials?)\b[\w ]{0,30}"
    r"|\b(?:the\s+)?(?:police|levies|army|military)\s+(?:officials?\s+|sources\s+|spokesman\s+|spokesperson\s+)?"
    r"(?:said|says|say|told|added|confirmed|registered|launched|cordoned|reached|arrived|rushed|shifted|started|began)\b"
    r"|\bpolice station\b|\bpolice (?:officer|official)s? (?:said|told)\b",
    re.IGNORECASE,
)


def targets_of(text: str) -> set[str]:
    text = _ATTRIBUTION.sub(" ", text)  # "police said" names the source, not a target
    text = re.sub(r"\bBorder Military Police\b", "BMP police", text)  # a police force despite its name
    if re.search(r"\bFrontier Constabulary\b", text, re.IGNORECASE):
        text = re.sub(r"\bFC\b", "constabulary", text)  # "Frontier Constabulary (FC)" is police, not the Frontier Corps
    found = {name for name, rx in TARGETS.items() if rx.search(text)}
    if _MILITARY_CASED.search(text):
        found.add("military")
    return found


_ACTOR_ASIDE = re.compile(r",\s+(?:which|who)\b[^,;.]{0,160},")
_NO_CLAIM = re.compile(r"\b(?:no|none|nobody|no one|not|yet to|neither)\b[^.]{0,30}\bclaim", re.IGNORECASE)


def claimed_group(text: str) -> str:
    """The named group that claimed the attack in ``text``, or ''."""
    if not _CLAIM.search(text) or _DENY.search(text) or _NO_CLAIM.search(text) or re.search(r"conflicting claims|different \w+ groups", text, re.I):
        return ""
    # the group that is the claim's subject: nearest before the claim verb, outside an aside about who it is
    # allied with ("a faction led by Hafiz Gul Bahadur, which is allied with the Pakistani Taliban, claimed ...")
    text = _ACTOR_ASIDE.sub(" ", text)
    verb = _CLAIM.search(text)
    found = [(m.start(), name) for rx, name in GROUPS.items() for m in re.finditer(rx, text)]
    before = [f for f in found if verb and f[0] < verb.start()]
    if before:
        return max(before)[1]
    return min(found)[1] if found else ""


def nationality(text: str) -> str:
    low = text.lower()
    for adj, country in NATIONALITIES.items():
        if re.search(rf"\b{adj}\s+(?:man|woman|national|nationals|manager|engineer|engineers|citizen|citizens|worker|workers)\b", low):
            return country
    return ""


EXPLOSIVE_ORDER = ("suicide", "air", "grenade", "shelling", "ied")
SUB_OF = {"suicide": "Suicide bomb", "air": "Air/drone strike", "grenade": "Grenade",
          "shelling": "Shelling/artillery/missile attack", "ied": "Remote explosive/landmine/IED"}
# Which event type wins when one event gathers several kinds of evidence.
TYPE_PRIORITY = ("Explosions/Remote violence", "Battles", "Violence against civilians", "Riots", "Protests",
                 "Strategic developments")


def frame_type(signals: set[str], targets: set[str], deaths: bool,
               victims: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """(event_type, sub_event_type) suggested by one sentence, or None.

    ``victims`` are the classes of the dead counted in the sentence; who died says more
    about the kind of violence than every noun around it.
    """
    if "disrupted" in signals and not (deaths and (signals & {"clash", "firearm"} or "militant" in victims)):
        # (militants' bodies found with weapons: the aftermath of a fight, not a bomb defused)
        return "Strategic developments", "Disrupted weapons use"  # "foiled a plan and killed three in a gunfight": a clash
    if "clash" in signals and "melee" in signals and not signals & {"smallarms", "suicide", "air", "grenade", "ied",
                                                                      "shelling"} and not targets & {"militant", "military"}:
        return "Riots", "Mob violence"  # "supporters of two candidates clashed with clubs and stones"
    if "force_on_protest" in signals and not signals & {"suicide", "air", "grenade", "ied", "shelling"}:
        return "Protests", "Excessive force against protesters"
    if "shelling" in signals and "smallarms" in signals and not signals & {"suicide", "air", "grenade", "ied"}:
        return "Battles", "Armed clash"  # rockets fired in a ground assault with guns: a fight, not stand-off fire
    if "generic_blast" in signals and "smallarms" in signals and not signals & {"suicide", "air", "grenade", "shelling"} \
            and targets & {"military", "police", "militant"}:
        return "Battles", "Armed clash"  # "attacks involving gunfire and explosions" on the forces: an assault
    for key in EXPLOSIVE_ORDER:
        if key in signals:
            return "Explosions/Remote violence", SUB_OF[key]
    if "mob" in signals:
        return "Riots", "Mob violence"
    if "crowd" in signals and "rioting" in signals and not targets & {"militant"}:
        return "Riots", "Violent demonstration"  # "angry villagers torched a police van"
    if "protest" in signals and "rioting" in signals and "intervention" not in signals and not targets & {"militant"}:
        return "Riots", "Violent demonstration"  # protesters torching, stoning, storming
    if "protest" in signals and not deaths:
        return "Protests", "Protest with intervention" if "intervention" in signals else "Peaceful protest"
    security = targets & {"military", "police"}
    if "abduction" in signals and not deaths and not signals & {"clash", "smallarms", "state_abduction"}:
        return "Violence against civilians", "Abduction/forced disappearance"  # taken without a fight, whoever they are
    if victims & {"military", "police", "forces", "militant"} and "firearm" in signals | {"clash"} & signals:
        return "Battles", "Armed clash"
    if victims & {"civilian"} and "clash" not in signals and not security & victims:
        return ("Violence against civilians", "Attack") if "firearm" in signals or deaths else None
    if "clash" in signals or (("firearm" in signals) and security and ("civilian" not in targets or "clash" in signals)):
        return "Battles", "Armed clash"
    if ("firearm" in signals or "abduction" in signals) and (security or "civilian" not in targets) and "militant" in targets:
        return "Battles", "Armed clash"  # militants killed: a fight with the state, not violence against civilians
    if "abduction" in signals:
        return "Violence against civilians", "Abduction/forced disappearance"
    if "firearm" in signals:
        return "Violence against civilians", "Attack"
    return None


def actors_for(event_type: str, sub: str, targets: set[str], signals: set[str], claimed: str,
               foreign: str, fatalities: int) -> tuple[str, str]:
    attacker = claimed or UNIDENTIFIED
    security = MILITARY if "military" in targets or "police" not in targets else POLICE
    victims = f"Civilians ({foreign})" if foreign else CIVILIANS
    if sub == "Looting/property destruction":
        return attacker, victims
    if event_type == "Strategic developments":
        return (MILITARY if "military" in targets and "police" not in targets else POLICE), ""
    if event_type == "Protests":
        if sub == "Excessive force against protesters":
            return PROTESTERS, (MILITARY if "military" in targets and "police" not in targets else POLICE)
        return PROTESTERS, (POLICE if "intervention" in signals else "")
    if event_type == "Riots":
        if sub == "Violent demonstration":
            return RIOTERS, (POLICE if "police" in targets else "")
        return RIOTERS, victims
    if event_type == "Battles":
        if "afghan_forces" in signals and not claimed:
            return "Military Forces of Afghanistan", MILITARY  # a border clash between two states
        if not targets & {"military", "police"} and "communal" in signals:
            return "Unidentified Communal Militia (Pakistan)", "Unidentified Communal Militia (Pakistan)"
        return attacker, security
    if event_type == "Violence against civilians":
        if "state_abduction" in signals and not claimed:
            attacker = POLICE if re.search(r"police|CTD", " ".join(sorted(targets))) and "military" not in targets \
                else MILITARY
        return attacker, victims
    if sub == "Air/drone strike":
        if "civilian" in targets and "militant" not in targets and "military" not in targets:
            return attacker, victims  # a quadcopter dropping explosives on a house: no state strike reported
        return MILITARY, attacker
    if "security_target" in signals:
        return attacker, (POLICE if "police" in targets and "military" not in targets else MILITARY)
    if "military" in targets and "civilian" not in targets:
        return attacker, MILITARY
    if "police" in targets and "civilian" not in targets:
        return attacker, POLICE
    if "civilian" in targets or fatalities:
        return attacker, victims
    return attacker, ""
