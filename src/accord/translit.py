"""Transliteration between Cyrillic and Latin, and a script-free key for matching names.

Serbian Cyrillic <-> Latin is one-to-one (Ђ/Đ, Љ/Lj, Њ/Nj, Џ/Dž). Russian has many Latin
spellings of one name (Горовой = Gorovoy = Gorovoj = Gorovoi; Патрушев = Patrushev = Patrušev),
so identity uses `skeleton()`: a reduced Latin key in which those spellings coincide.
"""
from __future__ import annotations

import re
import sys
import unicodedata

SR_CYR_TO_LAT = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Ђ": "Đ", "Е": "E", "Ж": "Ž", "З": "Z", "И": "I",
    "Ј": "J", "К": "K", "Л": "L", "Љ": "Lj", "М": "M", "Н": "N", "Њ": "Nj", "О": "O", "П": "P", "Р": "R",
    "С": "S", "Т": "T", "Ћ": "Ć", "У": "U", "Ф": "F", "Х": "H", "Ц": "C", "Ч": "Č", "Џ": "Dž", "Ш": "Š",
}
SR_CYR_TO_LAT |= {k.lower(): v.lower() for k, v in SR_CYR_TO_LAT.items()}

# Russian letters outside the Serbian alphabet, in a Serbian-Latin-compatible scheme, so that a
# Russian name and its Serbian rendering (Патрушев / Патрушев / Patrušev) meet in one form.
RU_EXTRA = {"Й": "J", "Щ": "Šč", "Ъ": "", "Ы": "Y", "Ь": "", "Э": "E", "Ю": "Ju", "Я": "Ja", "Ё": "E"}
RU_TO_LAT = dict(SR_CYR_TO_LAT)
RU_TO_LAT |= RU_EXTRA | {k.lower(): v.lower() for k, v in RU_EXTRA.items()}
RU_TO_LAT |= {"Ј": "J", "ј": "j"}

SR_LAT_TO_CYR_DIGRAPHS = {"Lj": "Љ", "LJ": "Љ", "lj": "љ", "Nj": "Њ", "NJ": "Њ", "nj": "њ", "Dž": "Џ", "DŽ": "Џ", "dž": "џ"}
SR_LAT_TO_CYR = {v: k for k, v in SR_CYR_TO_LAT.items() if len(v) == 1}


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


_SR_CYR = re.compile("[" + "".join(sorted(SR_CYR_TO_LAT)) + "]")
_CACHE_LEN = 64  # strings up to this long (words, names) are memoised
_CACHE_MAX = 200_000


def _memo_str(fn):
    """Memoise a pure str -> str function for short strings (tokens and names recur: the same
    words are folded and transliterated again and again across stages); a bounded cache."""
    cache: dict[str, str] = {}

    def memo(text: str) -> str:
        out = cache.get(text)
        if out is None:
            out = fn(text)
            if len(text) <= _CACHE_LEN:
                if len(cache) >= _CACHE_MAX:
                    cache.clear()
                cache[text] = out
        return out

    memo.__doc__, memo.__name__, memo.__wrapped__ = fn.__doc__, fn.__name__, fn
    return memo


@_memo_str
def sr_to_latin(text: str) -> str:
    """Serbian Cyrillic to Serbian Latin, letter for letter (same length except Љ Њ Џ)."""
    if _SR_CYR.search(text) is None:  # nothing to transliterate (Latin, or only non-Serbian letters)
        return text
    # what sr_to_latin_chars does, in C: the capital digraph letters by the case of the next
    # character of the original text, every other letter through one translation table
    text = _SR_DIGRAPH_CAPS.sub(_digraph_caps, text)
    return text.translate(_SR_TABLE)


_SR_DIGRAPH_CAPS = re.compile("([" + "".join(k for k, v in SR_CYR_TO_LAT.items() if len(v) == 2 and k.isupper())
                              + "])(?=(.?))", re.S)
_SR_TABLE = str.maketrans({k: v for k, v in SR_CYR_TO_LAT.items()})


def _digraph_caps(m: re.Match) -> str:
    lat = SR_CYR_TO_LAT[m.group(1)]
    return lat.upper() if m.group(2).isupper() else lat


def sr_to_latin_aligned(text: str) -> tuple[str, list[int]]:
    """Latin text plus, for each Latin character, the index of the Cyrillic one it came from.

    Stages that search a Latin list over Cyrillic text map their hits back to original offsets.
    """
    latin = sr_to_latin(text)  # sr_to_latin_chars joined, in C
    if len(latin) == len(text):  # no Љ Њ Џ: one Latin character for each
        return latin, list(range(len(text)))
    index: list[int] = []
    prev = 0
    for m in _SR_DIGRAPH_LETTERS.finditer(text):  # each of these gives two Latin letters
        i = m.start()
        index.extend(range(prev, i + 1))
        index.append(i)
        prev = i + 1
    index.extend(range(prev, len(text)))
    return latin, index


_SR_DIGRAPH_LETTERS = re.compile("[" + "".join(k for k, v in SR_CYR_TO_LAT.items() if len(v) == 2) + "]")


def sr_to_latin_chars(text: str) -> list[str]:
    """One Latin string per input character: 'Љ' -> 'Lj' (or 'LJ' inside a word in capitals)."""
    chars = []
    for i, ch in enumerate(text):
        lat = SR_CYR_TO_LAT.get(ch)
        if lat is None:
            chars.append(ch)
        elif len(lat) == 2 and ch.isupper():
            nxt = text[i + 1] if i + 1 < len(text) else ""
            chars.append(lat.upper() if nxt.isupper() else lat)
        else:
            chars.append(lat)
    return chars


def sr_to_cyrillic(text: str) -> str:
    out = []
    i = 0
    while i < len(text):
        two = text[i:i + 2]
        if two in SR_LAT_TO_CYR_DIGRAPHS:
            out.append(SR_LAT_TO_CYR_DIGRAPHS[two])
            i += 2
            continue
        out.append(SR_LAT_TO_CYR.get(text[i], text[i]))
        i += 1
    return "".join(out)


_RU_TO_LAT_TABLE = str.maketrans(RU_TO_LAT)


def ru_to_latin(text: str) -> str:
    return text.translate(_RU_TO_LAT_TABLE)  # each character by RU_TO_LAT, others as they are


_COMBINING: list[dict[int, None]] = []  # [every combining character, the same without U+0306]


def _combining() -> list[dict[int, None]]:
    """Translation tables deleting the characters unicodedata.combining() is non-zero for (made
    once per process, ~0.1 s): str.translate instead of a Python loop over every character."""
    if not _COMBINING:
        every = {cp: None for cp in range(sys.maxunicode + 1) if unicodedata.combining(chr(cp))}
        _COMBINING.extend([every, {cp: None for cp in every if cp != 0x0306}])
    return _COMBINING


# Russian to English as news agencies spell names (BGN/PCGN-like): Горовой -> Gorovoy,
# Патрушев -> Patrushev, Щёкин -> Shchekin. Е is "ye" at a word start or after a vowel/ь/ъ.
RU_TO_EN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "yu", "я": "ya",
}
_RU_VOWELS = set("аеёиоуыэюяьъ")


def ru_to_english(text: str) -> str:
    """Russian Cyrillic to the English spelling news uses ('Александр Горовой' -> 'Aleksandr Gorovoy')."""
    out = []
    prev = ""
    for i, ch in enumerate(text):
        low = ch.lower()
        lat = RU_TO_EN.get(low)
        if lat is None:
            out.append(ch)
            prev = ch
            continue
        if low == "е" and (not prev.isalpha() or prev.lower() in _RU_VOWELS):
            lat = "ye"
        elif low == "ё":
            lat = "yo" if (not prev.isalpha() or prev.lower() in _RU_VOWELS) else "e"
        elif low == "й" and prev.lower() in ("и", "ы"):
            lat = ""  # -ий, -ый endings: Dmitriy -> Dmitry, Grozny
            if out and out[-1] == "i" and prev.lower() == "и":
                out[-1] = "y"
        if ch.isupper() and lat:
            nxt = text[i + 1] if i + 1 < len(text) else ""
            lat = lat.upper() if (nxt.isupper() or (not nxt.isalpha() and prev.isupper())) else lat[0].upper() + lat[1:]
        out.append(lat)
        prev = ch
    return "".join(out)


def to_latin(text: str) -> str:
    """Any Cyrillic (Serbian or Russian) to Latin; Latin passes through."""
    return ru_to_latin(text) if has_cyrillic(text) else text


@_memo_str
def strip_diacritics(text: str) -> str:
    text = text.replace("đ", "dj").replace("Đ", "Dj")
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.translate(_combining()[0])  # drop every combining mark


# Reductions applied in order on lower-case ASCII: spellings of one Cyrillic letter coincide.
_SKELETON_RULES = (
    ("shch", "sc"), ("sch", "sc"), ("zh", "z"), ("kh", "h"), ("ch", "c"), ("sh", "s"), ("ts", "c"), ("tz", "c"),
    ("yu", "ju"), ("iu", "ju"), ("ya", "ja"), ("ia", "ja"), ("ye", "e"), ("je", "e"),
    ("iy", "i"), ("yy", "i"), ("ij", "i"), ("oy", "oj"), ("ey", "ej"), ("ay", "aj"), ("uy", "uj"),
    ("x", "ks"), ("w", "v"), ("y", "i"), ("j", "i"), ("q", "k"), ("ph", "f"), ("ii", "i"),
)


_YO_AFTER_CONSONANT = re.compile(r"(?<=[bcdfghklmnpqrstvwxz])yo")
_SOFT_LJ_NJ = re.compile(r"([ln])j(?=[bcdfghklmnpqrstvwxz])")


@_memo_str
def skeleton(text: str) -> str:
    """Script- and spelling-free key: 'Горовой', 'Gorovoy', 'Gorovoj' -> 'gorovoi'.

    For identity of names across languages; never shown to a user.
    """
    s = strip_diacritics(to_latin(text)).lower().replace("'", "").replace("’", "")
    s = "".join(c if c.isalnum() else " " for c in s)
    # ё after a consonant: English yo, Russian romanised e (Fyodor / Фёдор / Fedor); a word-initial
    # or post-vowel yo is Jo-/Йо- (Yoko / Йоко / Joko, Mayorkas / Майоркас)
    s = _YO_AFTER_CONSONANT.sub("e", s)
    # Serbian lj/nj before a consonant render a Russian soft sign (Kolokoljcev / Колокольцев)
    s = _SOFT_LJ_NJ.sub(r"\1", s)
    for a, b in _SKELETON_RULES:
        s = s.replace(a, b)
    # doubled letters are spelt single in Slavic renderings (Russell / Rasel)
    out = []
    for c in s:
        if not out or out[-1] != c or c == " ":
            out.append(c)
    return " ".join("".join(out).split())


@_memo_str
def fold(text: str) -> str:
    """Case-, diacritic- and whitespace-insensitive form in the text's own script (ё = е)."""
    if text.isascii():  # ASCII is its own NFKD/NFC form and casefolds as lower()
        return " ".join(text.lower().split())
    s = text.replace("ё", "е").replace("Ё", "Е")
    s = unicodedata.normalize("NFKD", s)
    s = s.translate(_combining()[1])  # drop combining marks but U+0306 (keep й)
    s = unicodedata.normalize("NFC", s)
    return " ".join(s.casefold().split())
