"""Make the example inputs in samples/ (figures are MADE UP, for trying `laporan`); run by hand.

    .venv/bin/python samples/buat_contoh.py

- isian_2022_CONTOH.xlsx: the seed's sheet (`ekstrak` output) with realisasi written the ways offices
  write them (85%, 85 %, 3,25, 12 Permohonan, 38% (Evaluasi Semester I), empty = not measured), and an
  Anggaran sheet with pagu and realisasi per program;
- isian_2021_CONTOH.xlsx: last year's sheet, some indicators worded a little differently, one missing;
- profil_CONTOH.toml: an office profile.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import ekstrak  # noqa: E402
from inti.numbers import format_number  # noqa: E402

NOTE = "ANGKA CONTOH (rekaan), bukan data resmi"
BUDGET = [
    ("Program Dukungan Manajemen", 8_450_000_000, 8_120_345_500),
    ("Program Pembentukan Regulasi", 1_250_000_000, 1_190_000_000),
    ("Program Penegakan dan Pelayanan Hukum", 2_294_682_000, 2_051_930_100),
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


def fill(source: Path, out: Path, year_shift: int, seed: int) -> None:
    doc = ekstrak.extract(source)
    ekstrak.save(doc, out, "xlsx")
    book = openpyxl.load_workbook(out)
    sheet = book["Indikator"]
    header = [c.value for c in sheet[1]]
    rng = random.Random(seed)
    targets = [i.target for s in doc.sasaran for i in s.indikator]
    for index, (row, target) in enumerate(zip(sheet.iter_rows(min_row=2), targets)):
        row[header.index("realisasi")].value = realisasi(target, rng, index) or None
        row[header.index("keterangan")].value = NOTE
        if year_shift and index == 3:
            row[header.index("indikator")].value += " (rumusan lama)"
    info = book["Dokumen"]
    info.append(["catatan", NOTE])
    if year_shift:
        info["B4"] = int(info["B4"].value) - year_shift
    budget = book["Anggaran"]
    for uraian, pagu, spent in BUDGET:
        factor = 0.93 if year_shift else 1.0
        budget.append(
            [
                uraian + " (contoh)",
                f"Rp {format_number(round(pagu * factor))}",
                round(pagu * factor),
                round(spent * factor),
            ]
        )
    if year_shift:
        sheet.delete_rows(sheet.max_row)
    book.save(out)


def main() -> None:
    seed = HERE / "iku_kanwil_sulbar_2022.txt"
    fill(seed, HERE / "isian_2022_CONTOH.xlsx", 0, 2022)
    fill(seed, HERE / "isian_2021_CONTOH.xlsx", 1, 2021)
    from laporan.profil import CONTOH

    profile = CONTOH.replace(
        'logo = "logo.png"               # PNG atau JPEG, relatif terhadap berkas profil ini\n', ""
    )
    (HERE / "profil_CONTOH.toml").write_text("# CONTOH: isi dengan data instansi Anda.\n" + profile, encoding="utf-8")
    print("dibuat: isian_2022_CONTOH.xlsx, isian_2021_CONTOH.xlsx, profil_CONTOH.toml")


if __name__ == "__main__":
    main()
