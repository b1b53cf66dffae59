"""From a grid to a document: the table found, its entries read, title and budget filled in."""

from __future__ import annotations

from dataclasses import replace

from inti.numbers import format_number, money_value

from .audit import audit
from .budget import BudgetRow
from .grid import Grid
from .interpret import read_entry
from .keyakinan import ocr_warnings
from .model import Anggaran, Dokumen, Peringatan
from .table import GUESSED, find_table
from .title import split_title
from .words import Break, mend_words

CROWDED = (
    "tulisan di halaman ini saling bertumpuk (kolom terlalu sempit untuk isinya), jadi isi kolom bisa "
    "tercampur; periksa baris-baris halaman ini dengan dokumen aslinya"
)
UNSURE = (
    "sel-sel tabel di halaman ini tidak diletakkan dengan satu cara yang jelas (rata atas, tengah atau bawah) "
    "dalam barisnya, jadi pembagian barisnya bisa keliru; periksa baris-baris halaman ini dengan dokumen aslinya"
)
BROKEN = 'kata dalam "{} …" mungkin terpotong oleh kolom yang sempit; periksa ejaannya'


def build_document(grid: Grid) -> Dokumen:
    """Read the IKU table of a grid into records; an empty document when there is no table."""
    breaks: list[Break] = []
    if grid.wrapped:
        grid, breaks = mend_words(grid)
    table = find_table(grid)
    judul, instansi, tahun = split_title(table.title)
    sasaran: list = []
    peringatan = [Peringatan(note) for note in table.notes]
    # A word broken in a header's label (`L` / `k` / `a` / `i` of a column too narrow for `Lokasi`) is in no record.
    breaks = [b for b in breaks if (b.page, b.line) not in table.headers]
    peringatan += [Peringatan(BROKEN.format(b.text), halaman=b.page, baris=b.line) for b in breaks]
    peringatan += [Peringatan(CROWDED, halaman=page) for page in grid.crowded]
    peringatan += [Peringatan(UNSURE, halaman=page) for page in grid.unsure]
    peringatan += [Peringatan(note) for note in grid.notes]
    for position, entry in enumerate(table.entries, start=1):
        read, warnings = read_entry(entry, position)
        sasaran.append(read)
        if entry.guessed:
            peringatan.append(Peringatan(GUESSED, sasaran=position, halaman=entry.page, baris=entry.line))
        peringatan.extend(warnings)
    anggaran = [Anggaran(row.uraian, row.teks, money_value(row.teks)) for row in table.budget]
    if table.budget_total is not None:
        peringatan.extend(_check_total(anggaran, table.budget_total))
    doc = Dokumen(judul, instansi, tahun, tuple(sasaran), tuple(anggaran), tuple(peringatan))
    return replace(doc, peringatan=(*audit(doc), *ocr_warnings(doc)))


def _check_total(rows: list[Anggaran], total: BudgetRow) -> list[Peringatan]:
    stated = money_value(total.teks)
    summed = sum(row.nilai or 0 for row in rows)
    if stated is None or abs(stated - summed) < 0.5:
        return []
    return [
        Peringatan(
            f"baris {total.uraian} anggaran ({total.teks}) tidak sama dengan jumlah rinciannya "
            f"(Rp {format_number(summed)}); periksa angka anggaran",
            halaman=total.page,
            baris=total.line,
        )
    ]
