"""How sure OCR was of each record it read (`sumber`, `keyakinan`), and the warnings where a target may be
misread: read with low confidence, a digit that could be a letter, a decimal separator that may be a speck,
a percentage above 100 among percentages that are not (a scratched 100% read as 160%); and an indicator's
text read with low confidence (a number in it read two ways)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from inti.numbers import format_number

from .grid import Cell, lowest
from .kamus import kata
from .model import Dokumen, Indikator, Keyakinan, Peringatan, Sasaran
from .readers.reread import DOUBTED

OCR = "ocr"
# A target read with less confidence than this is doubtful (Tesseract gives clean print 0.9 and more).
LOW = 0.70
# An indicator's text read with no more confidence than a number in it read two ways (clean print reads
# 0.85 and more; Tesseract's own doubt about a word, 0.5 to 0.8, is too common in right texts to warn of).
LOW_TEXT = DOUBTED
# Characters of a doubtful text quoted in its warning.
QUOTED = 60
# A decimal separator in a target read with less confidence than this may be a speck of dust.
SURE_SEPARATOR = 0.85
# A number (digits, separators, %) with letters OCR confuses with digits: O/o for 0, l/I/| for 1, S for 5,
# B for 8, Z for 2.
_LOOKALIKE_RE = re.compile(r"^(?=[^\s]*\d)(?=[^\s]*[OoIl|SBZ])[\dOoIl|SBZ.,%]+$")
_DECIMAL_RE = re.compile(r"\d[.,]\d{1,2}(?!\d)")
# Words of letters only; one shorter than this is not checked against the document's other words.
_WORD_RE = re.compile(r"[^\W\d_]+")
MIN_ODD = 5
# Letters Tesseract reads one for the other, as seen and as meant.
_CONFUSED = (
    *(("l", "i"), ("i", "l"), ("g", "q"), ("q", "g"), ("c", "e"), ("e", "c"), ("f", "t"), ("t", "f")),
    *(("rn", "m"), ("m", "rn"), ("li", "h"), ("h", "li"), ("cl", "d"), ("d", "cl"), ("ii", "u"), ("u", "ii")),
)
# Percentages checked against their siblings where the document's OCR-read targets hold at least this many.
MIN_PERCENTAGES = 3


def reading(text: Cell, target: Cell | None = None) -> dict[str, Any]:
    """`sumber` and `keyakinan` for a record read from these cells; nothing for a text layer's."""
    of_target = target.confidence if target is not None else None
    if text.confidence is None and of_target is None:
        return {}
    return {"sumber": OCR, "keyakinan": Keyakinan(text.confidence, of_target)}


def sasaran_reading(text: Cell, indikator: list[Indikator]) -> dict[str, Any]:
    """A sasaran's: its own text's confidence, and the lowest of its indicators' targets."""
    targets = [i.keyakinan.target for i in indikator if i.keyakinan is not None]
    return reading(text, Cell(confidence=lowest(*targets)))


def _percent(value: float) -> str:
    return format_number(round(value * 100))


def _percentages(doc: Dokumen) -> list[float]:
    """The values of the document's OCR-read targets in percent."""
    return [
        i.target.nilai
        for s in doc.sasaran
        for i in s.indikator
        if i.sumber == OCR and i.target is not None and i.target.satuan == "%" and i.target.nilai is not None
    ]


def _short(text: str) -> str:
    return text if len(text) <= QUOTED else text[: QUOTED - 1].rstrip() + "…"


def _lone_above_hundred(value: float | None, percentages: list[float]) -> bool:
    """Whether a percentage is the only one above 100 among at least MIN_PERCENTAGES others."""
    others = [v for v in percentages if v <= 100]
    return value is not None and value > 100 and len(others) >= MIN_PERCENTAGES and len(others) == len(percentages) - 1


def _doubts(indikator: Indikator, percentages: list[float]) -> list[str]:
    """What may be misread in an OCR-read indicator's target, as the warning sentences' subjects
    (`percentages`: the document's OCR-read percentage targets)."""
    target, keyakinan = indikator.target, indikator.keyakinan
    found = []
    if keyakinan is not None and keyakinan.uraian is not None and keyakinan.uraian <= LOW_TEXT:
        found.append(f'uraian "{_short(indikator.uraian)}" terbaca OCR dengan keyakinan rendah')
    if target is None or keyakinan is None or keyakinan.target is None:
        return found
    if _lone_above_hundred(target.nilai if target.satuan == "%" else None, percentages):
        found.append(f'target "{target.teks}" di atas 100%, padahal target persen lainnya tidak; mungkin salah baca')
    if any(_LOOKALIKE_RE.match(word) for word in target.teks.split()):
        found.append(f'target "{target.teks}" memuat huruf yang mungkin angka (O/0, l/1, S/5)')
    if keyakinan.target < LOW:
        found.append(f'target "{target.teks}" terbaca OCR dengan keyakinan rendah ({_percent(keyakinan.target)}%)')
    elif keyakinan.target < SURE_SEPARATOR and _DECIMAL_RE.search(target.teks):
        found.append(f'pemisah desimal pada target "{target.teks}" mungkin noda pindaian')
    return found


NO_TARGET = (
    "tidak ada target yang terbaca dari pindaian ini; judul kolom target mungkin salah terbaca OCR, "
    "cocokkan dengan dokumen aslinya"
)


# A column of targets by year (a Renstra's "Target 2026", "Tahun Capaian 2015"): its header was read.
_YEARLY_RE = re.compile(r"target|\b(?:19|20)\d\d\b")


def ocr_warnings(doc: Dokumen) -> list[Peringatan]:
    """A warning for each OCR-read indicator whose target or text may be misread, naming the record; and one when
    a scan gave indicators but no target at all (a misread column header loses the whole column), unless
    their targets were read by year."""
    indikator = [i for s in doc.sasaran for i in s.indikator]
    untargeted = any(i.sumber == OCR for i in indikator) and all(i.target is None for i in indikator)
    yearly = any(_YEARLY_RE.search(name) for i in indikator for name in i.kolom_lain)
    out = [Peringatan(NO_TARGET)] if untargeted and not yearly else []
    percentages = _percentages(doc)
    words = _document_words(doc)
    for sasaran in doc.sasaran:
        if sasaran.sumber == OCR:
            out.extend(_sasaran_warning(doubt, sasaran) for doubt in _odd_words(sasaran.uraian, words))
        for indikator in sasaran.indikator:
            out.extend(_warning(doubt, sasaran, indikator) for doubt in _doubts(indikator, percentages))
            if indikator.sumber == OCR:
                out.extend(_warning(doubt, sasaran, indikator) for doubt in _odd_words(indikator.uraian, words))
    return out


def _document_words(doc: Dokumen) -> Counter[str]:
    """How often each word (lower case, letters only) stands in the document's sasaran and indicators."""
    texts = [s.uraian for s in doc.sasaran] + [i.uraian for s in doc.sasaran for i in s.indikator]
    return Counter(w.lower() for text in texts for w in _WORD_RE.findall(text))


def _one_edit(a: str, b: str) -> bool:
    """Whether `b` is `a` with one letter changed, dropped or added."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    at = next((i for i, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[at:] == long[at + 1 :]


def _odd_words(text: str, words: Counter[str]) -> list[str]:
    """A word OCR read once, in no word list and not an abbreviation, one letter off a word the document
    writes elsewhere (`Pascabencan` beside `pascabencana`), or an Indonesian word with one letter read as
    one OCR confuses it with (`teriarang`): a letter lost or misread (or a typo the document made, which a
    scan cannot tell from one)."""
    found = []
    for word in dict.fromkeys(_WORD_RE.findall(text)):
        folded = word.lower()
        if len(folded) < MIN_ODD or word.isupper() or words[folded] > 1 or folded in kata():
            continue
        near = next((w for w in words if _one_edit(folded, w)), None)
        if near is not None:
            found.append(f'kata "{word}" di uraian tidak dikenal, padahal di tempat lain tertulis "{near}"')
            continue
        known = next((v for v in _lookalikes(folded) if v in kata()), None)
        if known is not None:
            found.append(f'kata "{word}" di uraian tidak dikenal; mungkin "{known}" yang salah terbaca')
    return found


def _lookalikes(word: str) -> Iterator[str]:
    """The word with one of the letters OCR confuses read as the other (`teriarang`: `terlarang`)."""
    for seen, meant in _CONFUSED:
        at = word.find(seen)
        while at >= 0:
            yield word[:at] + meant + word[at + len(seen) :]
            at = word.find(seen, at + 1)


def _sasaran_warning(doubt: str, sasaran: Sasaran) -> Peringatan:
    where = {"kelompok": sasaran.kelompok, "halaman": sasaran.halaman, "baris": sasaran.baris}
    return Peringatan(f"sasaran: {doubt}; cocokkan dengan dokumen aslinya", sasaran=sasaran.nomor, **where)


def _warning(doubt: str, sasaran: Sasaran, indikator: Indikator) -> Peringatan:
    return Peringatan(
        f"{doubt}; cocokkan dengan dokumen aslinya",
        sasaran=sasaran.nomor,
        indikator=indikator.nomor,
        kelompok=sasaran.kelompok,
        halaman=indikator.halaman,
        baris=indikator.baris,
    )
