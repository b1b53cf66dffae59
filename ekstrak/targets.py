"""Targets as written (`80%`, `3,1 Indeks`, `Skala 7`, `80-90%`, `maks. 1%`, `WTP`) into values and units."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from inti.numbers import NUMBER_RE, parse_number

from .model import Target

_BOUND = (
    r"≥|>=|=>|≤|<=|=<|>|<"
    r"|\b(?:min(?:imal|imum)?|maks(?:imal|imum)?|max(?:imal|imum)?)\b\.?"
    r"|\bpaling\s+(?:sedikit|banyak|rendah|tinggi)\b|\bsekurang-kurangnya\b|\bsetidak-tidaknya\b"
    r"|\bsebanyak-banyaknya\b|\bsetinggi-tingginya\b|\btidak\s+(?:lebih|kurang)\s+dari\b"
)
_TOKEN_RE = re.compile(
    rf"(?P<bound>{_BOUND})"
    r"|(?P<ratio>\d+\s?:\s?\d+(?:[.,]\d+)*)"
    rf"|(?P<num>{NUMBER_RE.pattern})(?![\w.,]*[^\W\d_])"
    r"|(?P<pct>%)"
    r"|(?P<dash>[-–—](?!\w*[^\W\d_])|\bs\.?\s?d\.?(?=\s|\d|$)|\bs/d\b|\bsampai(?:\s+dengan)?\b)"
    r"|(?P<sep>;|,(?=\s|$)|(?<=\s)[/|](?=\s))"
    r"|(?P<word>(?:[^\s%≥≤;,]|,(?!\s|$))+)",
    re.IGNORECASE,
)

_AT_LEAST = {
    "≥",
    ">=",
    "=>",
    "min",
    "minimal",
    "minimum",
    "paling sedikit",
    "paling rendah",
    "sekurang-kurangnya",
    "setidak-tidaknya",
    "tidak kurang dari",
}
_AT_MOST = {
    "≤",
    "<=",
    "=<",
    "maks",
    "maksimal",
    "maksimum",
    "max",
    "maximal",
    "maximum",
    "paling banyak",
    "paling tinggi",
    "sebanyak-banyaknya",
    "setinggi-tingginya",
    "tidak lebih dari",
}

# Units written before the number: `Skala 7`, `Level 3`, `Rp 1.000.000`.
PREFIX_UNITS = {"skala", "level", "tingkat", "rp", "rp."}
# Qualitative targets: opini BPK, SAKIP grades, predikat, zona integritas; a phrase is modifiers
# then one grade word (`Sangat Baik`, `Opini WTP`, `Menuju WBK`).
GRADE_WORDS = {
    "wtp",
    "wdp",
    "tmp",
    "tw",
    "aa",
    "bb",
    "cc",
    "baik",
    "cukup",
    "kurang",
    "memuaskan",
    "wbk",
    "wbbm",
    "tercapai",
    "memadai",
    "tinggi",
    "sedang",
    "rendah",
    "informatif",
    "terinformasi",
    "lengkap",
}
MODIFIERS = {"sangat", "opini", "predikat", "menuju", "cukup", "kurang", "zona", "integritas", "level"}
QUALITATIVE_WORDS = GRADE_WORDS | MODIFIERS
GRADES = {"A", "B", "C", "D", "AA", "BB", "CC", "A+", "A-", "B+", "B-"}
MAX_UNIT_WORDS = 5
MAX_QUALITATIVE_WORDS = 4
# Words that are not a known grade read as a qualitative target only when nothing else fits: the cost is above
# any sum of the others (a bare number 1, a remark first 0.5, at most 30 targets), so ten bare numbers are no
# reading with unknown words.
UNKNOWN_WORDS_COST = 100.0
REMARK_FIRST_COST = 0.5
# A bracketed remark after a target (`(delapan puluh persen)`) is at most this many words.
MAX_REMARK_WORDS = 6


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int
    end: int


def tokenize(text: str) -> tuple[Token, ...]:
    """Split a target cell into bounds, numbers, `%`, range dashes and words, keeping positions;
    punctuation between targets (`80%; 75%`, `80%, 75%`, `80% / 75%`) only separates them."""
    return tuple(
        Token(m.lastgroup or "word", m.group(), m.start(), m.end())
        for m in _TOKEN_RE.finditer(text)
        if m.lastgroup != "sep"
    )


def _fold(text: str) -> str:
    return " ".join(text.split())


def _comparator(bound: str) -> str:
    key = _fold(bound).lower().rstrip(".")
    if key in _AT_LEAST:
        return "≥"
    if key in _AT_MOST:
        return "≤"
    return key


def _is_unit_word(token: Token) -> bool:
    if token.kind != "word":
        return False
    low = token.text.lower()
    return (
        low not in PREFIX_UNITS
        and low not in QUALITATIVE_WORDS
        and token.text not in GRADES
        and any(ch.isalpha() for ch in token.text)
        and not token.text[0].isdigit()
    )


def _is_qualitative_word(token: Token) -> bool:
    return token.kind == "word" and not any(ch.isdigit() for ch in token.text)


def _known_qualitative(tokens: tuple[Token, ...]) -> bool:
    *modifiers, last = tokens
    grade = last.text in GRADES or last.text.lower() in GRADE_WORDS
    return grade and all(t.text.lower() in MODIFIERS for t in modifiers)


def _unit(tokens: tuple[Token, ...]) -> str | None:
    """The unit after a number: `%`, or up to a few words (`Instansi Pemerintah`)."""
    if not tokens:
        return None
    if len(tokens) == 1 and tokens[0].kind == "pct":
        return "%"
    if len(tokens) <= MAX_UNIT_WORDS and all(_is_unit_word(t) for t in tokens):
        return " ".join(t.text for t in tokens)
    return ""


def read_segment(tokens: tuple[Token, ...], source: str) -> tuple[Target, float] | None:
    """One target from its tokens, with a cost (lower is a likelier reading); None if not a target. A
    bracketed remark belongs to the target before it rather than the one after (`0% (nol) WTP`)."""
    found = _read_segment(tokens, source)
    if found is not None and tokens[0].text.startswith("("):
        return found[0], found[1] + REMARK_FIRST_COST
    return found


def _read_segment(tokens: tuple[Token, ...], source: str) -> tuple[Target, float] | None:
    if not tokens:
        return None
    teks = _fold(source[tokens[0].start : tokens[-1].end])
    kinds = [t.kind for t in tokens]
    pembanding = None
    rest = tokens
    if kinds[0] == "bound":
        pembanding = _comparator(tokens[0].text)
        rest = tokens[1:]
        if not rest or rest[0].kind != "num":
            return None
    if rest[0].kind == "num":
        value = parse_number(rest[0].text)
        if value is None:
            return None
        tail = rest[1:]
        if pembanding is None and tail and tail[0].kind in ("dash", "pct"):
            ranged = _read_range(value, tail)
            if ranged is not None:
                low, high, unit = ranged
                return Target(teks, None, unit, batas_bawah=low, batas_atas=high), 0.0
        unit = _unit(_without_remark(tail))
        if unit == "":
            return None
        cost = 1.0 if unit is None and pembanding is None else 0.0
        return Target(teks, value, unit, pembanding=pembanding), cost
    if len(rest) > 1 and rest[-1].text.endswith(")"):
        rest = _without_remark(rest) or rest  # `Skala 7 (tujuh)`, `WTP (opini BPK)`: the remark is no part of it
    prefixed = len(rest) == 2 and rest[0].text.lower() in PREFIX_UNITS and rest[1].kind == "num"
    if pembanding is None and prefixed:
        value = parse_number(rest[1].text)
        if value is not None:
            return Target(teks, value, rest[0].text), 0.0
    if pembanding is None and len(rest) == 1 and rest[0].kind == "ratio":
        return Target(teks), 0.0  # a ratio `1:180` is a target with no single value
    if pembanding is None and len(rest) <= MAX_QUALITATIVE_WORDS and all(map(_is_qualitative_word, rest)):
        return Target(teks), 0.0 if _known_qualitative(rest) else UNKNOWN_WORDS_COST
    return None


def _without_remark(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """The unit words without a remark in brackets, right after the number (`3 (tiga) Laporan`) or after
    the unit (`3 Laporan (tiga laporan)`)."""
    if tokens and tokens[-1].text.endswith(")"):
        opening = [i for i, token in enumerate(tokens) if token.text.startswith("(")]
        if opening and opening[-1] > 0:
            tokens = tokens[: opening[-1]]
    if not tokens or not tokens[0].text.startswith("("):
        return tokens
    for index, token in enumerate(tokens):
        if token.text.endswith(")"):
            return tokens[index + 1 :]
    return tokens


def _read_range(low: int | float, tail: tuple[Token, ...]) -> tuple[int | float, int | float, str | None] | None:
    """`80-90%`, `80 – 90 %`, `80%-90%`: the tokens after the first number."""
    kinds = [t.kind for t in tail]
    unit_first = None
    if kinds[:1] == ["pct"]:
        unit_first = "%"
        tail = tail[1:]
        kinds = kinds[1:]
    if len(tail) < 2 or kinds[0] != "dash" or kinds[1] != "num":
        return None
    high = parse_number(tail[1].text)
    if high is None or high < low:
        return None
    unit = _unit(_without_remark(tail[2:]))
    if unit == "":
        return None
    if unit_first and unit not in (None, "%"):
        return None
    return low, high, unit or unit_first


def parse_target(text: str) -> Target:
    """Read one whole target cell; what cannot be read as a value keeps its text with nilai null."""
    teks = _fold(text)
    tokens = tokenize(teks)
    read = read_segment(tokens, teks)
    if read is not None:
        return replace(read[0], teks=teks)  # the whole cell as written, punctuation and all
    # A value followed by a remark the cell cuts off before its bracket closes: `80% (delapan puluh persen`.
    # Words after a closed remark (`80% (tiga) 2 Dokumen`) are no part of it: the value stays unread.
    for cut in range(len(tokens) - 1, 0, -1):
        remark = tokens[cut:]
        if not remark[0].text.startswith("(") or any(t.text.endswith(")") for t in remark):
            continue
        head = read_segment(tokens[:cut], teks)
        if head is not None and (head[0].nilai is not None or head[0].batas_bawah is not None):
            return replace(head[0], teks=teks)
    return Target(teks)


def split_targets(text: str, count: int) -> list[Target] | None:
    """Split a cell holding `count` targets separated by spaces; None when no reading fits."""
    teks = _fold(text)
    if count < 1 or not teks:
        return None
    found = _best_split(teks, count)
    return [target for target, _ in found[1]] if found else None


def split_any(text: str, most: int = 30) -> list[tuple[Target, int]]:
    """The likeliest reading of a cell as one or more targets, each with where it starts in the folded text.

    Every target must be plain (a number with its unit, or a known grade); empty when none fits."""
    teks = _fold(text)
    best: tuple[float, list[tuple[Target, int]]] | None = None
    for count in range(1, min(most, len(tokenize(teks))) + 1):
        found = _best_split(teks, count)
        if found and found[0] < UNKNOWN_WORDS_COST and (best is None or found[0] <= best[0]):
            best = found
    return best[1] if best else []


def _unit_torn_off(segment: dict, start: int, j: int, read: tuple[Target, float]) -> bool:
    """Unknown words read as a target of their own right after a number without a unit: they are that
    number's unit (`3 Dokumen`), never a target made up for another indicator."""
    if read[0].nilai is not None or read[0].batas_bawah is not None or start < 0 or read[1] < UNKNOWN_WORDS_COST:
        return False  # a known grade (`0 WTP`) is a target of its own
    previous = segment.get((start, j))
    return previous is not None and previous[0].nilai is not None and previous[0].satuan is None


@lru_cache(maxsize=4096)
def _best_split(teks: str, count: int) -> tuple[float, list[tuple[Target, int]]] | None:
    tokens = tokenize(teks)
    n = len(tokens)
    if n < count:
        return None
    inf = float("inf")
    # best[k][i]: least cost of reading tokens[:i] as k targets, and where the last one starts.
    best = [[(inf, -1)] * (n + 1) for _ in range(count + 1)]
    best[0][0] = (0.0, -1)
    segment: dict[tuple[int, int], tuple[Target, float] | None] = {}
    for k in range(1, count + 1):
        for i in range(k, n - (count - k) + 1):
            for j in range(max(k - 1, i - (MAX_UNIT_WORDS + MAX_REMARK_WORDS + 4)), i):
                before = best[k - 1][j][0]
                if before == inf:
                    continue
                if (j, i) not in segment:
                    segment[(j, i)] = read_segment(tokens[j:i], teks)
                read = segment[(j, i)]
                if read is None or _unit_torn_off(segment, best[k - 1][j][1], j, read):
                    continue
                if before + read[1] < best[k][i][0]:
                    best[k][i] = (before + read[1], j)
    if best[count][n][0] == inf:
        return None
    out: list[tuple[Target, int]] = []
    i = n
    for k in range(count, 0, -1):
        j = best[k][i][1]
        read = segment[(j, i)]
        assert read is not None
        out.append((read[0], tokens[j].start))
        i = j
    return best[count][n][0], out[::-1]


def looks_like_target(text: str) -> bool:
    """Whether a line is plainly one target on its own: a number with its unit, or a known grade."""
    teks = _fold(text)
    read = read_segment(tokenize(teks), teks) if teks else None
    return read is not None and read[1] < UNKNOWN_WORDS_COST


def with_unit(target: Target, satuan: str | None) -> Target:
    """A target from a cell `80` beside a SATUAN column `%`: the column gives the unit."""
    if satuan and target.satuan is None and (target.nilai is not None or target.batas_bawah is not None):
        return replace(target, satuan=satuan)
    return target


__all__ = ["looks_like_target", "parse_target", "split_targets", "tokenize", "with_unit"]
