"""Make the example inputs in samples/ (figures are MADE UP, for trying `laporan`); run by hand.

    .venv/bin/python samples/buat_contoh.py

- isian_2022_CONTOH.xlsx: the seed's sheet (`ekstrak` output) with realisasi written the ways offices
  write them (85%, 85 %, 3,25, 12 Permohonan, 38% (Evaluasi Semester I), empty = not measured), and an
  Anggaran sheet with pagu and realisasi per program;
- isian_2021_CONTOH.xlsx, isian_2020_CONTOH.xlsx: the two years before, some indicators worded a little
  differently, one missing;
- every sheet fills target_renstra (the end-of-Renstra target) and names on the Anggaran sheet the sasaran
  each programme serves (`sasaran`: numbers and ranges, `2-12, 16`);
- profil_CONTOH.toml: an office profile, with PIHAK KEDUA, the PK's place and date and analysis items.
"""

from __future__ import annotations

import random
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import ekstrak  # noqa: E402
from inti.capaian import JUMLAH, cara_renstra  # noqa: E402
from inti.numbers import format_number  # noqa: E402

RENSTRA_TAHUN = 5  # a Renstra spans five years
NOTE = "ANGKA CONTOH (rekaan), bukan data resmi"
BUDGET = [
    ("Program Dukungan Manajemen", 8_450_000_000, 8_120_345_500, "1, 20, 21"),
    ("Program Pembentukan Regulasi", 1_250_000_000, 1_190_000_000, "13-15"),
    ("Program Penegakan dan Pelayanan Hukum", 2_294_682_000, 2_051_930_100, "2-12, 16-19"),
]


def realisasi(target: ekstrak.Target | None, rng: random.Random, index: int) -> str:
    if target is None or target.nilai is None:
        return target.teks if target else ""
    if index % 17 == 5:
        return ""  # not measured this year
    value = target.nilai * rng.uniform(0.82, 1.3)
    if target.satuan == "%":
        shown = format_number(round(min(value, 100), 2), 2 if index % 3 else 0, thousands=False)
        suffix = " %" if index % 4 == 1 else "%"
        text = shown + suffix
        return text + " (Evaluasi Semester II)" if index % 11 == 7 else text
    if target.satuan:
        return f"{max(1, round(value))} {target.satuan}"
    return format_number(round(value, 2), 2, thousands=False)


def renstra(target: ekstrak.Target | None) -> str | None:
    """The end-of-Renstra target: for a level or rate (a percent, an index) five points or a tenth higher (a
    percent at most 100); for a count achieved each year, the five years' worth (the report adds them up)."""
    if target is None or target.nilai is None or target.batas_bawah is not None or target.pembanding:
        return None
    if cara_renstra(target.satuan, Decimal(str(target.nilai))) == JUMLAH:
        end = target.nilai * RENSTRA_TAHUN
    else:
        end = min(100, target.nilai + 5) if target.satuan == "%" else round(target.nilai * 1.1, 2)
    value = format_number(int(end) if end == int(end) else end, thousands=False)
    if target.satuan == "%":
        return f"{value}%"
    return f"{value} {target.satuan}" if target.satuan else value


def fill(source: Path, out: Path, year_shift: int, seed: int) -> None:
    doc = ekstrak.extract(source)
    ekstrak.save(doc, out, "xlsx")
    book = openpyxl.load_workbook(out)
    sheet = book["Indikator"]
    header = [c.value for c in sheet[1]]
    rng = random.Random(seed)
    sheet.cell(row=1, column=len(header) + 1).value = "target_renstra"
    targets = [i.target for s in doc.sasaran for i in s.indikator]
    for index, (row, target) in enumerate(zip(sheet.iter_rows(min_row=2), targets)):
        row[header.index("realisasi")].value = realisasi(target, rng, index) or None
        row[header.index("keterangan")].value = NOTE
        row[len(header)].value = renstra(target)
        if year_shift and index == 3:
            row[header.index("indikator")].value += " (rumusan lama)"
    info = book["Dokumen"]
    info.append(["catatan", NOTE])
    if year_shift:
        info["B4"] = int(info["B4"].value) - year_shift
    budget = book["Anggaran"]
    budget.cell(row=1, column=budget.max_column + 1).value = "sasaran"
    for uraian, pagu, spent, served in BUDGET:
        factor = 0.93**year_shift
        budget.append(
            [
                uraian + " (contoh)",
                f"Rp {format_number(round(pagu * factor))}",
                round(pagu * factor),
                round(spent * factor),
                served,
            ]
        )
    if year_shift:
        sheet.delete_rows(sheet.max_row)
    book.save(out)


def main() -> None:
    seed = HERE / "iku_kanwil_sulbar_2022.txt"
    fill(seed, HERE / "isian_2022_CONTOH.xlsx", 0, 2022)
    fill(seed, HERE / "isian_2021_CONTOH.xlsx", 1, 2021)
    fill(seed, HERE / "isian_2020_CONTOH.xlsx", 2, 2020)
    from laporan.profil import CONTOH

    profile = CONTOH.replace(
        'logo = "logo.png"               # PNG atau JPEG, relatif terhadap berkas profil ini\n', ""
    )
    (HERE / "profil_CONTOH.toml").write_text("# CONTOH: isi dengan data instansi Anda.\n" + profile, encoding="utf-8")
    print("dibuat: isian_2022_CONTOH.xlsx, isian_2021_CONTOH.xlsx, isian_2020_CONTOH.xlsx, profil_CONTOH.toml")


if __name__ == "__main__":
    main()
