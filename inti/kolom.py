"""The vocabulary the packages share: the sheet's columns, what an office fills in, and polaritas."""

from __future__ import annotations

# The flat sheet (CSV/XLSX), one row per indicator.
COLUMNS = (
    "kelompok",
    "no_sasaran",
    "sasaran",
    "no_indikator",
    "indikator",
    "target",
    "nilai_target",
    "satuan",
    "polaritas",
    "realisasi",
    "keterangan",
)
# Where each row came from in the source; kept so a sheet read back gives the same records.
SOURCE_COLUMNS = ("halaman", "baris")
RAW_COLUMN = "target_mentah"
# Codes as written (`SS.1`, `IKU 1`), written only when the document has them.
CODE_COLUMNS = ("kode_sasaran", "kode_indikator")
# How an OCR-read row was read and how sure OCR was (0–1), written only when the document was scanned:
# of the indicator's text, of its target, and of its sasaran's text.
OCR_COLUMNS = ("sumber", "keyakinan_uraian", "keyakinan_target", "keyakinan_sasaran")
# Columns the office fills in; kept on the indicator (kolom_lain) so a filled sheet loses nothing.
FILLED = ("polaritas", "realisasi", "keterangan")
POLARITAS = ("naik", "turun", "stabil")
