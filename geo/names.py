"""Name keys: how two spellings of one place are made to compare equal.

News transliterations of Urdu/Pashto/Balochi names vary freely ("Qila" / "Killa",
"Noshki" / "Nushki", "Musa Khel" / "Musakhel", "D.I. Khan"), so lookups never
compare raw strings. ``name_key`` folds case, diacritics, punctuation, spacing and
a few word-level transliterations; ``skeleton_key`` is a looser fallback that also
drops vowel differences and is only used when the exact key misses.
"""
from __future__ import annotations

import re
import unicodedata

# Words that only say what kind of place follows; "Kech district" is Kech.
_KIND_WORDS = {
    "district": "district", "districts": "district", "agency": "district", "division": "district",
    "tehsil": "tehsil", "tahsil": "tehsil", "subdivision": "tehsil", "sub-division": "tehsil",
    "city": "populated place", "town": "populated place", "village": "populated place",
    "cantt": "populated place", "cantonment": "populated place",
    "province": "province",
}
# Word-level transliteration variants, folded to one spelling before keys are made.
_WORD_VARIANTS = {
    "qila": "killa", "qilla": "killa", "kila": "killa", "qala": "killa",
    "mohammad": "muhammad", "mohammed": "muhammad", "muhammed": "muhammad", "mohd": "muhammad",
    "mahmood": "mahmud", "mehmood": "mahmud", "shareef": "sharif", "aabad": "abad",
    "khail": "khel", "kheil": "khel",
    "baluchistan": "balochistan", "beluchistan": "balochistan",
    "nwfp": "khyber pakhtunkhwa", "kpk": "khyber pakhtunkhwa",
}
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_TOKEN = re.compile(r"[a-z0-9]+")
_VOWELS = re.compile(r"[aeiouy]+")
_DOUBLES = re.compile(r"(.)\1+")


def fold(text: str) -> str:
    """Lower-case ASCII with diacritics and ayn/hamza marks removed."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii")
    return ascii_text.lower().replace("'", "").replace("`", "")


def split_kind(text: str) -> tuple[str, str | None]:
    """Strip kind words ("district", "tehsil", "city") and report the kind named, if any."""
    words = _TOKEN.findall(fold(text))
    kind = None
    kept = []
    for word in words:
        if word in _KIND_WORDS and (kept or len(words) > 1):
            kind = kind or _KIND_WORDS[word]
            continue
        kept.append(word)
    return " ".join(kept), kind


def name_key(text: str) -> str:
    """The exact lookup key: folded, kind words dropped, variants unified, no spaces."""
    bare, _ = split_kind(text)
    words = (_WORD_VARIANTS.get(w, w) for w in bare.split())
    return _NON_ALNUM.sub("", " ".join(words))


def skeleton_key(text: str) -> str:
    """A looser key for spelling variants: consonant skeleton, doubled letters merged.

    "Panjgoor"/"Panjgur", "Noshki"/"Nushki", "Turbet"/"Turbat" share a skeleton. The
    first letter is kept even when a vowel, so "Awaran" and "Wrn..." stay apart.
    """
    key = name_key(text)
    if not key:
        return ""
    key = key.replace("kh", "k").replace("gh", "g").replace("q", "k").replace("w", "v")
    head, tail = ("a" if key[0] in "aeiou" else key[0]), key[1:]  # "Umerkot"/"Oomarkot"
    return _DOUBLES.sub(r"\1", head + _VOWELS.sub("", tail).replace("h", ""))


def display_ascii(text: str) -> str:
    """A name as plain ASCII with its capitalisation kept ("Abbottābād" -> "Abbottabad")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii").replace("`", "").strip()


def vowel_key(text: str) -> str:
    """The exact key with the commonest vowel swaps folded ("oo"/"u", "ee"/"i", "e"/"a") and
    doubled letters merged: "Bannoo"/"Bannu", "Lehore"/"Lahore", "Qooetta"/"Quetta"."""
    key = name_key(text).replace("oo", "u").replace("ee", "i").replace("e", "a")
    return _DOUBLES.sub(r"\1", key)
