"""A sasaran's cells read as numbered indicators matched against their targets."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .grid import Cell, anchor_index, join_lines
from .keyakinan import reading, sasaran_reading
from .model import Indikator, Kolom, Peringatan, Sasaran, Target
from .table import Entry, Segment, split_code
from .targets import looks_like_target, parse_target, split_any, split_targets, with_unit

_MARKER_RE = re.compile(r"(?:(?<=\s)|^)(?P<open>\()?(?P<num>\d{1,2}|[a-zA-Z])(?P<close>[.)])(?=\s|$)")
# A marker typed against the next word (`d. … e.ratio …`): taken only where the run expects it.
_TIGHT_MARKER_RE = re.compile(r"(?<=\s)(?P<open>\()?(?P<num>\d{1,2}|[a-zA-Z])(?P<close>[.)])(?=[A-Za-z]{2})")
_BULLET_RE = re.compile(r"^\s*[-•▪●◦*]\s+")
# Words that open an indicator's name, as paragraph-start cues for unnumbered indicators.
OPENERS = {
    "persentase",
    "prosentase",
    "jumlah",
    "indeks",
    "nilai",
    "tingkat",
    "rasio",
    "rata-rata",
    "capaian",
    "predikat",
    "opini",
    "tersedianya",
    "terlaksananya",
    "terwujudnya",
    "meningkatnya",
    "menurunnya",
    "cakupan",
    "proporsi",
    "angka",
    "skor",
    "level",
    "kualitas",
    "waktu",
    "lama",
    "hasil",
}


@dataclass
class Marker:
    start: int
    end: int
    style: str
    rank: int
    upper_after: bool
    tight: bool = False


def _markers(text: str, pattern: re.Pattern[str] = _MARKER_RE) -> list[Marker]:
    out = []
    for m in pattern.finditer(text):
        num = m.group("num")
        rank = int(num) if num.isdigit() else ord(num.lower()) - ord("a") + 1
        kind = "#" if num.isdigit() else "A" if num.isupper() else "a"
        style = ("(" if m.group("open") else "") + m.group("close") + kind
        after = text[m.end() :].lstrip()[:1]
        out.append(Marker(m.start(), m.end(), style, rank, after.isupper(), pattern is _TIGHT_MARKER_RE))
    return out


def numbered_parts(text: str) -> list[str] | None:
    """Split `1. … 2. … 3. …` (or `1)`, `(1)`, `a.`) where the numbering runs 1, 2, 3 … from the start,
    or runs on from an earlier cell (`3. … 4. …`, a document numbering its indicators throughout).

    A number that breaks the run (`(level 1)`, `1x24 jam`, `Kab/Kota`) stays inside its indicator.
    Returns None when the text does not start with a first marker.
    """
    text = text.strip()
    markers = _markers(text)
    if not markers or markers[0].start != 0:
        return _dotted_parts(text)
    if markers[0].rank != 1:
        runs_on = markers[0].style.endswith("#") and any(
            m.rank == markers[0].rank + 1 and m.style == markers[0].style for m in markers[1:]
        )
        if not runs_on:
            return _dotted_parts(text)
    style = markers[0].style
    same = [m for m in markers if m.style == style]
    tight = [m for m in _markers(text, _TIGHT_MARKER_RE) if m.style == style]
    chain = [same[0]]
    while True:
        rank = chain[-1].rank + 1
        later = [m for m in same if m.start > chain[-1].end]
        candidates = [m for m in later if m.rank == rank]
        if not candidates:
            candidates = [m for m in tight if m.start > chain[-1].end and m.rank == rank][:1]
        if not candidates:
            break
        following = [m for m in later if m.rank == rank + 1]
        limit = following[0].start if following else len(text) + 1
        inside = [m for m in candidates if m.start < limit] or candidates[:1]
        preferred = [m for m in inside if m.upper_after]
        chain.append((preferred or inside)[-1] if len(inside) > 1 else inside[0])
    bounds = [m.start for m in chain[1:]] + [len(text)]
    return [text[m.end : end].strip() for m, end in zip(chain, bounds)]


_DOTTED_RE = re.compile(r"(?:(?<=\s)|^)(\d{1,2})\.(\d{1,2})\.?(?=\s)")


def _dotted_parts(text: str) -> list[str] | None:
    """`1.1 … 1.2 … 1.3 …`: indicators numbered under their sasaran's number, running 1, 2, 3."""
    found = [(m.start(), m.end(), m.group(1), int(m.group(2))) for m in _DOTTED_RE.finditer(text)]
    if not found or found[0][0] != 0 or found[0][3] != 1:
        return None
    prefix = found[0][2]
    chain = [found[0]]
    for marker in found[1:]:
        if marker[2] == prefix and marker[3] == chain[-1][3] + 1:
            chain.append(marker)
    bounds = [m[0] for m in chain[1:]] + [len(text)]
    return [text[m[1] : end].strip() for m, end in zip(chain, bounds)]


def _strip_marker(text: str) -> str:
    parts = numbered_parts(text)
    return parts[0] if parts and len(parts) == 1 else text.strip()


def _target_lines(cell: Cell) -> list[tuple[str, float | None]]:
    """A target cell's lines without the bullets some offices put before each target (`- 80%`)."""
    return [(_BULLET_RE.sub("", text, count=1), top) for text, top in cell.numbered_lines()]


def match_targets(cell: Cell, count: int) -> list[Target] | None:
    """The target cell read as `count` targets: numbered, one per line, or separated by spaces."""
    text = cell.text
    if not text:
        return None
    if count == 1:
        return [parse_target(text)]
    parts = numbered_parts(text)
    if parts and len(parts) == count:
        return [parse_target(p) for p in parts]
    lines = [line for line, _ in _target_lines(cell)]
    if len(lines) == count and all(looks_like_target(line) for line in lines):
        return [parse_target(line) for line in lines]
    return split_targets(" ".join(lines), count)


def _by_bullets(lines: list[str]) -> list[str] | None:
    starts = [i for i, line in enumerate(lines) if _BULLET_RE.match(line)]
    if len(starts) < 2 or starts[0] != 0:
        return None
    bounds = [*starts[1:], len(lines)]
    return [join_lines([_BULLET_RE.sub("", lines[s], count=1), *lines[s + 1 : e]]) for s, e in zip(starts, bounds)]


def _targets_with_tops(cell: Cell) -> list[tuple[Target, float | None]]:
    """The targets of a cell read without knowing how many, each with the top of the line it starts on."""
    lines = [(" ".join(text.split()), top) for text, top in _target_lines(cell)]
    joined = " ".join(text for text, _ in lines)
    starts, offset = [], 0
    for text, top in lines:
        starts.append((offset, top))
        offset += len(text) + 1
    found = split_any(joined)
    return [(target, [top for at, top in starts if at <= start][-1]) for target, start in found]


def _starts_like_indicator(line: str, first_word: str) -> bool:
    word = line.split()[0].lower() if line.split() else ""
    return word == first_word or word in OPENERS or line[:1].isupper() or line[:1].isdigit()


def _by_tops(lines: list[tuple[str, float | None]], tops: list[float | None]) -> list[str] | None:
    """Indicator lines grouped by the line each target starts on (one table row per indicator)."""
    if any(top is None for _, top in lines) or any(top is None for top in tops):
        return None
    anchors = [top for top in tops if top is not None]
    groups: list[list[str]] = [[] for _ in tops]
    for text, top in lines:
        groups[anchor_index(top or 0.0, anchors)].append(text)
    if not all(groups):
        return None
    first_word = groups[0][0].split()[0].lower()
    if not all(_starts_like_indicator(g[0], first_word) for g in groups[1:]):
        return None
    return [join_lines(g) for g in groups]


def _by_paragraph_ends(lines: list[str], count: int) -> list[str] | None:
    """Unnumbered indicators wrapped in a column: split where a line ended early and the next starts anew."""
    if len(lines) < count:
        return None
    width = max(len(line) for line in lines)
    first_word = lines[0].split()[0].lower()
    scores = []
    for i in range(1, len(lines)):
        before, line = lines[i - 1], lines[i]
        word = line.split()[0]
        score = (width - len(before)) / width
        if len(before) + 1 + len(word) <= width:
            score += 1.5
        if word.lower() == first_word:
            score += 2
        elif word.lower() in OPENERS:
            score += 1.5
        if word[:1].isupper():
            score += 1
        scores.append((score, i))
    cuts = sorted(i for _, i in sorted(scores, reverse=True)[: count - 1])
    bounds = [0, *cuts, len(lines)]
    return [join_lines(lines[a:b]) for a, b in itertools.pairwise(bounds)]


def _by_target_lines(indikator: Cell, target: Cell) -> tuple[list[str], list[Target]] | None:
    """Unnumbered indicators, one per target: split the indicator lines where each target starts."""
    found = _targets_with_tops(target)
    if len(found) < 2:
        return None
    targets = [t for t, _ in found]
    lines = indikator.numbered_lines()
    texts = [text for text, _ in lines]
    if len(lines) == len(found):
        return texts, targets
    tops = [top for _, top in found]
    # Targets on consecutive lines (no indicator line between two of them) say nothing of where each
    # indicator starts: they are stacked paragraphs, not set beside their indicators.
    line_tops = [top for _, top in _target_lines(target)]
    indicator_tops = [top for _, top in lines if top is not None]
    stacked = None not in line_tops and all(
        not any(a < t < b for t in indicator_tops)
        for a, b in itertools.pairwise(line_tops)  # type: ignore[operator]
    )
    grouped = None if stacked else _by_tops(lines, tops)
    grouped = grouped or _by_paragraph_ends(texts, len(found))
    return (grouped, targets) if grouped else None


def _units(cell: Cell, count: int) -> list[str | None]:
    """A SATUAN column's units, one per indicator (one unit written once serves them all)."""
    lines = [line for line, _ in cell.numbered_lines()]
    if not lines:
        return [None] * count
    if count == 1:
        return [cell.text]
    if len(lines) == count:
        return list(lines)
    words = " ".join(lines).split()
    if len(words) == count:
        return words
    if len(lines) == 1:
        return [lines[0]] * count
    return [None] * count


def read_segment(segment: Segment) -> tuple[list[str], list[Target] | None]:
    """Indicator texts and their targets (None when the targets cannot be matched to them)."""
    text = segment.indikator.text
    parts = numbered_parts(text)
    if parts and len(parts) > 1:
        return parts, match_targets(segment.target, len(parts))
    bullets = _by_bullets([line for line, _ in segment.indikator.numbered_lines()])
    if bullets:
        return bullets, match_targets(segment.target, len(bullets))
    by_lines = _by_target_lines(segment.indikator, segment.target)
    if by_lines:
        return by_lines
    if segment.target.empty:
        return [_strip_marker(text)], None
    return [_strip_marker(text)], [parse_target(segment.target.text)]


_LEADING_MARKER_RE = re.compile(r"^(?P<label>\(?(?P<num>\d{1,2}|[a-zA-Z])[.)])\s+(?=\S)")
_LEADING_DOTTED_RE = re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2})+)\.?\s+(?=\S)")
_BARE_NUMBER_RE = re.compile(r"^(?P<num>\d{1,2})\s+(?=[A-Z])")


def _leading_label(text: str) -> tuple[str | None, str | None, str]:
    """A list number or code before one indicator's text: (label, code, text without it)."""
    m = _LEADING_DOTTED_RE.match(text)
    if m:
        return m.group("label"), m.group("label"), text[m.end() :]
    m = _LEADING_MARKER_RE.match(text)
    if m:
        return m.group("label"), None, text[m.end() :]
    return None, None, text


def _strip_bare_numbers(rows: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """`1 APK PAUD`, `2 Lembaga PAUD …`: numbers typed without a dot, taken off only when they run 1, 2, 3."""
    found = [_BARE_NUMBER_RE.match(text) for text, _ in rows]
    if not rows or not all(found):
        return rows
    if [int(m.group("num")) for m in found if m] != list(range(1, len(rows) + 1)):
        return rows
    return [(text[m.end() :], kode) for (text, kode), m in zip(rows, found) if m]


def _entry_texts(entry: Entry) -> list[tuple[Segment, list[str], list[Target] | None, list[str | None]]]:
    """Each segment's indicator texts (list numbers and codes taken off), targets and codes."""
    out = []
    singles: list[tuple[int, str, str | None]] = []
    for segment in entry.segments:
        texts, targets = read_segment(segment)
        texts = [t for t in texts if t] or ([""] if not segment.target.empty else [])
        codes: list[str | None] = [segment.kode.text or None for _ in texts]
        if len(texts) == 1:
            _, code, rest = _leading_label(texts[0])
            prefix, without = split_code(Cell([rest]))
            texts = [without.text] if prefix else [rest]
            codes = [codes[0] or code or prefix]
            singles.append((len(out), texts[0], codes[0]))
        out.append((segment, texts, targets, codes))
    stripped = _strip_bare_numbers([(text, kode) for _, text, kode in singles])
    for (index, _, _), (text, kode) in zip(singles, stripped):
        segment, _, targets, _ = out[index]
        out[index] = (segment, [text], targets, [kode])
    return out


_PERCENT = {"%", "persen", "prosen", "persentase"}


def _units_disagree(target: Target, unit: str | None) -> bool:
    """A SATUAN column whose unit is not the one written in the target (`80%` beside `Orang`)."""
    if not unit or target.satuan is None:
        return False
    a, b = target.satuan.lower().strip(". "), unit.lower().strip(". ")
    return a != b and not ({a, b} <= _PERCENT) and not a.startswith(b) and not b.startswith(a)


def _unmatched(kind: str, found: str, count: int, nomor: int, segment: Segment, entry: Entry) -> Peringatan:
    """A cell's targets or units that cannot be matched to its indicators: left empty, and said so."""
    return Peringatan(
        f'{count} indikator tetapi {kind} "{found}" tidak dapat dicocokkan; '
        f"{kind} dibiarkan kosong, periksa dan isi secara manual",
        sasaran=nomor,
        halaman=segment.page,
        baris=segment.line,
        kelompok=entry.kelompok,
    )


def read_entry(entry: Entry, fallback_nomor: int) -> tuple[Sasaran, list[Peringatan]]:
    """One sasaran with its indicators; a warning for each row whose targets could not be matched."""
    nomor = entry.nomor if entry.nomor is not None else fallback_nomor
    kode, sasaran_cell = (entry.kode, entry.sasaran) if entry.kode else split_code(entry.sasaran)
    indikator: list[Indikator] = []
    warnings: list[Peringatan] = []
    raw_targets: list[str] = []
    for segment, texts, targets, codes in _entry_texts(entry):
        units = _units(segment.satuan, len(texts))
        if not segment.satuan.empty and all(unit is None for unit in units) and texts:
            warnings.append(_unmatched("satuan", segment.satuan.text, len(texts), nomor, segment, entry))
        if targets is None and not segment.target.empty:
            raw_targets.append(segment.target.text)
            warnings.append(_unmatched("target", segment.target.text, len(texts), nomor, segment, entry))
        lain = Kolom({name: cell.text for name, cell in segment.lain.items()})
        for index, uraian in enumerate(texts):
            target = targets[index] if targets else None
            if target is not None:
                if _units_disagree(target, units[index]):
                    warnings.append(
                        Peringatan(
                            f'satuan "{units[index]}" berbeda dengan satuan pada target "{target.teks}"; '
                            "satuan pada target yang dipakai, periksa",
                            sasaran=nomor,
                            indikator=len(indikator) + 1,
                            kelompok=entry.kelompok,
                            halaman=segment.page,
                            baris=segment.line,
                        )
                    )
                target = with_unit(target, units[index])
            indikator.append(
                Indikator(
                    nomor=len(indikator) + 1,
                    uraian=uraian,
                    target=target,
                    halaman=segment.page,
                    baris=segment.line,
                    kolom_lain=lain,
                    kode=codes[index],
                    **reading(segment.indikator, segment.target),  # OCR's confidence (keyakinan.py)
                )
            )
    sasaran = Sasaran(
        nomor=nomor,
        kelompok=entry.kelompok,
        uraian=sasaran_cell.text,
        indikator=tuple(indikator),
        target_mentah=" | ".join(raw_targets) if raw_targets else None,
        halaman=entry.page,
        baris=entry.line,
        kode=kode,
        **sasaran_reading(sasaran_cell, indikator),  # OCR's confidence (keyakinan.py)
    )
    if not indikator:
        warnings.append(
            Peringatan(
                "sasaran tanpa indikator", sasaran=nomor, halaman=entry.page, baris=entry.line, kelompok=entry.kelompok
            )
        )
    return sasaran, warnings
