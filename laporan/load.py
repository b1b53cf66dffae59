"""The report's inputs: this year's indicators with what the office filled in, last year's, the budget."""

from __future__ import annotations

import csv
import difflib
import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from ekstrak import Dokumen, Indikator, extract_guarded
from inti.cells import cell_number, cell_text
from inti.detect import detect, zip_members
from inti.errors import KinerjaError
from inti.files import read_input
from inti.limits import BAWAAN, Batas
from inti.numbers import money_value

FILLED = ("realisasi", "polaritas", "keterangan", "target_renstra")
# Indicators whose wording is at least this alike are the same indicator in another year.
SAME_WORDING = 0.85
MAKS_TAHUN_LALU = 4  # earlier years a report compares with


@dataclass
class BarisAnggaran:
    """A budget row: what it funds, its pagu (as written and as a number), and what was spent."""

    uraian: str
    pagu_teks: str
    pagu: float | int | None
    realisasi: float | int | None = None
    sasaran: tuple[int, ...] = ()  # the numbers of the sasaran it serves (the sheet's `sasaran` column)


@dataclass
class TahunLalu:
    """An earlier year: its document, its indicators paired with this year's (by position), the unpaired."""

    tahun: int | None
    dokumen: Dokumen
    pasangan: dict[tuple[int, int], Indikator] = field(default_factory=dict)
    tanpa_pasangan: list[str] = field(default_factory=list)
    tahun_ditebak: bool = False  # the file named no year; it is taken as the year before the previous one


@dataclass(frozen=True)
class BuktiDukung:
    """A piece of evidence of an indicator as the report's appendix lists it: a file's name or a link, who
    added it and when (as the office reads it)."""

    nama: str
    tautan: bool
    oleh: str
    waktu: str


@dataclass
class Masukan:
    """Everything a report is made from; `lalu` holds the earlier years, newest first; `bukti` the evidence of
    each indicator by its place (sasaran index, indicator index) in `dokumen`."""

    dokumen: Dokumen
    anggaran: list[BarisAnggaran] = field(default_factory=list)
    lalu: list[TahunLalu] = field(default_factory=list)
    peringatan: list[str] = field(default_factory=list)
    bukti: dict[tuple[int, int], list[BuktiDukung]] = field(default_factory=dict)

    @property
    def ada_realisasi(self) -> bool:
        return any(isian(i, "realisasi") for s in self.dokumen.sasaran for i in s.indikator)


def isian(indikator: Indikator, kolom: str) -> str:
    """What the office filled in for an indicator (realisasi, polaritas, keterangan, target_renstra)."""
    return indikator.kolom_lain.get(kolom, "").strip()


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


def _with_filled(source: Indikator, target: Indikator) -> Indikator:
    filled = {kolom: isian(source, kolom) for kolom in FILLED if isian(source, kolom)}
    return replace(target, kolom_lain=target.kolom_lain.dengan(**filled)) if filled else target


def match_realisasi(dokumen: Dokumen, filled: Dokumen) -> tuple[Dokumen, list[str]]:
    """The document with a filled sheet's realisasi on its indicators: matched by kelompok, sasaran and
    indicator number when the wording agrees, else by the indicator's wording; and what found no match."""
    by_key = {(s.kelompok, s.nomor, i.nomor): i for s in filled.sasaran for i in s.indikator}
    by_text = {_fold(i.uraian): i for s in filled.sasaran for i in s.indikator}
    missing = []
    sasaran = []
    for s in dokumen.sasaran:
        indikator = []
        for ind in s.indikator:
            found = by_key.get((s.kelompok, s.nomor, ind.nomor))
            if found is None or _fold(found.uraian) != _fold(ind.uraian):
                found = by_text.get(_fold(ind.uraian), found)
            if found is None:
                missing.append(f"sasaran {s.nomor} indikator {ind.nomor}: {ind.uraian}")
                indikator.append(ind)
            else:
                indikator.append(_with_filled(found, ind))
        sasaran.append(replace(s, indikator=tuple(indikator)))
    return replace(dokumen, sasaran=tuple(sasaran)), missing


def match_tahun_lalu(dokumen: Dokumen, lalu: Dokumen) -> tuple[dict[tuple[int, int], Indikator], list[str]]:
    """Last year's indicator for each of this year's, by wording (tolerant of small changes); where two are worded
    alike, the one under a sasaran of the same wording, then the one in the same place."""
    candidates = []
    for si, s in enumerate(lalu.sasaran):
        for ii, i in enumerate(s.indikator):
            matcher = difflib.SequenceMatcher(None)
            matcher.set_seq2(_fold(i.uraian))  # indexed once, compared with every wording of this year
            candidates.append((i, _fold(i.uraian), _fold(s.uraian), (si, ii), matcher))
    alike: dict[str, list[int]] = {}
    for index, (_, text, _, _, _) in enumerate(candidates):
        alike.setdefault(text, []).append(index)
    matches: dict[tuple[int, int], Indikator] = {}
    missing = []
    for si, s in enumerate(dokumen.sasaran):
        goal = _fold(s.uraian)
        for ii, ind in enumerate(s.indikator):
            best = _closest(candidates, alike, _fold(ind.uraian), goal, (si, ii))
            if best is not None:
                matches[(si, ii)] = best
            else:
                missing.append(f"{s.nomor}.{ind.nomor} {ind.uraian}")
    return matches, missing


def _closest(candidates: list, alike: dict[str, list[int]], wording: str, goal: str, here: tuple[int, int]):
    """The best-ranked candidate (ratio, same sasaran, same place; the first of equals), or None below
    SAME_WORDING. Identical wordings rank above every other; the rest are compared only where the quick
    upper bounds of their ratio could still win."""
    best, score = None, (0.0, False, False)
    same = alike.get(wording)
    for index in same or range(len(candidates)):
        other, _, sasaran, place, matcher = candidates[index]
        if same:
            ratio = 1.0
        else:
            matcher.set_seq1(wording)
            if matcher.real_quick_ratio() < score[0] or matcher.quick_ratio() < score[0]:
                continue
            ratio = matcher.ratio()
        rank = (ratio, sasaran == goal, place == here)
        if rank > score:
            best, score = other, rank
    return best if best is not None and score[0] >= SAME_WORDING else None


def pasangkan_tahun_lalu(dokumen: Dokumen, lalu: Dokumen, tahun: int | None = None, ditebak: bool = False) -> TahunLalu:
    """An earlier year's document paired with this year's indicators; its year `tahun` or its own."""
    pasangan, missing = match_tahun_lalu(dokumen, lalu)
    return TahunLalu(tahun if tahun is not None else lalu.tahun, lalu, pasangan, missing, ditebak)


def cek_jumlah_tahun_lalu(n: int) -> None:
    """KinerjaError when more earlier years are given than a report compares with."""
    if n > MAKS_TAHUN_LALU:
        raise KinerjaError(
            f"--tahun-lalu paling banyak {MAKS_TAHUN_LALU} kali ({n} diberikan); pilih empat tahun terakhir."
        )


def tahun_tahun_lalu(tahun: int | None, dokumen: list[tuple[str, Dokumen]]) -> list[tuple[int | None, bool]]:
    """Each earlier file's year and whether it was inferred: its own `tahun`, else the year before the previous
    file's (the report's for the first). KinerjaError for a fifth file, a repeated year, or one not before `tahun`."""
    cek_jumlah_tahun_lalu(len(dokumen))
    out: list[tuple[int | None, bool]] = []
    previous = tahun
    for name, doc in dokumen:
        year, guessed = doc.tahun, doc.tahun is None
        if guessed:
            if previous is None:
                raise KinerjaError(f"Tahun berkas '{name}' tidak diketahui; isi tahun pada lembar Dokumen berkas itu.")
            year = previous - 1
        if tahun is not None and year >= tahun:
            raise KinerjaError(
                f"Berkas '{name}' (--tahun-lalu) bertahun {year}, bukan sebelum tahun laporan {tahun}; "
                "periksa berkas atau tahunnya."
            )
        if any(year == seen for seen, _ in out):
            raise KinerjaError(
                f"Tahun {year} diberikan dua kali dengan --tahun-lalu (berkas '{name}'); beri setiap tahun sekali."
            )
        out.append((year, guessed))
        previous = year
    return out


def _budget_records(path: Path) -> list[dict]:
    """Rows of a budget sheet: the `Anggaran` sheet of a workbook, or a CSV with the same columns."""
    data = read_input(path)
    if detect(data) == "zip":
        from inti.cells import open_workbook

        if "xl/workbook.xml" not in zip_members(data):
            return []  # a DOCX or an ODF document holds no budget sheet
        book = open_workbook(data)
        if "Anggaran" not in book.sheetnames:
            return []
        rows = list(book["Anggaran"].iter_rows(values_only=True))
    else:
        text = data.decode("utf-8-sig", errors="replace")
        first = text.split("\n", 1)[0]
        rows = list(csv.reader(io.StringIO(text), delimiter=";" if first.count(";") >= first.count(",") else ","))
    if not rows:
        return []
    header = [str(h or "").strip().lower() for h in rows[0]]
    return [dict(zip(header, r)) for r in rows[1:] if any(v not in (None, "") for v in r)]


def read_budget(path: Path) -> list[BarisAnggaran]:
    """Pagu and realisasi per program or kegiatan (columns uraian, teks or pagu, nilai, realisasi)."""
    out = []
    for rec in _budget_records(path):
        uraian = cell_text(rec.get("uraian") or rec.get("kegiatan") or rec.get("program"))
        given = rec.get("nilai") if rec.get("nilai") not in (None, "") else rec.get("pagu")
        if uraian:
            teks = cell_text(rec.get("teks") or rec.get("pagu"))
            served = nomor_sasaran(cell_text(rec.get("sasaran")))
            out.append(BarisAnggaran(uraian, teks, _amount(given), _amount(rec.get("realisasi")), served))
    return out


def nomor_sasaran(text: str) -> tuple[int, ...]:
    """The sasaran numbers a budget row names: `1, 20, 21`, `2-12; 16`, `S3`; () when it names none."""
    out: list[int] = []
    for low, high in re.findall(r"(\d+)(?:\s*[-–]\s*(\d+))?", text):
        first, last = int(low), int(high or low)
        out.extend(range(first, min(last, first + 500) + 1))
    return tuple(dict.fromkeys(out))


def read_budget_guarded(path: Path, batas: Batas = BAWAAN) -> list[BarisAnggaran]:
    """`read_budget` under the limits of `batas`, in a child process, as every input is read."""
    from inti.guard import run_limited

    return run_limited(read_budget, (path,), batas)


def _amount(value: object) -> int | float | None:
    """A budget cell: a number, or money as written (`Rp 1.250.000,00`)."""
    return money_value(value) if isinstance(value, str) else cell_number(value)


def muat(
    path: Path,
    *,
    realisasi: Path | None = None,
    tahun_lalu: list[Path] | None = None,
    anggaran: Path | None = None,
    sandi: str | None = None,
    batas: Batas = BAWAAN,
) -> Masukan:
    """Read the report's inputs (each parsed under the limits); KinerjaError on bad input."""
    cek_jumlah_tahun_lalu(len(tahun_lalu or []))
    dokumen = extract_guarded(path, sandi, batas)
    missing: list[str] = []
    if realisasi is not None:
        dokumen, missing = match_realisasi(dokumen, extract_guarded(realisasi, None, batas))
    masukan = Masukan(dokumen)
    if missing:
        masukan.peringatan.append(
            f"{len(missing)} indikator tanpa pasangan di berkas realisasi: " + "; ".join(missing[:5])
        )
    budget_source = anggaran or (path if detect(read_input(path)) == "zip" else None)
    rows = read_budget_guarded(budget_source, batas) if budget_source is not None else []
    if rows:
        masukan.anggaran = rows
    else:
        masukan.anggaran = [BarisAnggaran(a.uraian, a.teks, a.nilai) for a in dokumen.anggaran]
    earlier = [(path.name, extract_guarded(path, None, batas)) for path in tahun_lalu or []]
    years = tahun_tahun_lalu(dokumen.tahun, earlier)
    masukan.lalu = sorted(
        (pasangkan_tahun_lalu(dokumen, doc, year, guessed) for (_, doc), (year, guessed) in zip(earlier, years)),
        key=lambda t: -(t.tahun or 0),
    )
    return masukan
