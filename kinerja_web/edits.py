"""Corrections and realisasi typed in the browser, laid over the records as extracted (which never change)."""

from __future__ import annotations

from ekstrak import Dokumen, KinerjaError
from ekstrak.targets import parse_target

from .store import Key

DOKUMEN, ANGGARAN = -1, -2  # sasaran index of edits that belong to the document and to budget rows
SASARAN_ITSELF = -1  # indicator index of edits to the sasaran row
TRIWULAN = ("realisasi_tw1", "realisasi_tw2", "realisasi_tw3", "realisasi_tw4")
INDIKATOR_FIELDS = ("uraian", "target", "realisasi", *TRIWULAN, "polaritas", "keterangan")
SASARAN_FIELDS = ("uraian",)
DOKUMEN_FIELDS = ("triwulan",)
ANGGARAN_FIELDS = ("realisasi",)
TEXT_FIELDS = ("uraian",)  # whitespace in these is folded, as the extracted text is
POLARITAS = ("naik", "turun", "stabil")
MAX_LENGTH = 2000


def _copy(doc: Dokumen) -> Dokumen:
    return Dokumen.from_dict(doc.to_dict())


def field_value(doc: Dokumen, key: Key) -> str:
    """A sasaran's or an indicator's field as text (empty when it has none)."""
    s, i, field = key
    if s in (DOKUMEN, ANGGARAN):
        return ""
    sasaran = doc.sasaran[s]
    if i == SASARAN_ITSELF:
        return sasaran.uraian
    ind = sasaran.indikator[i]
    if field == "uraian":
        return ind.uraian
    if field == "target":
        return ind.target.teks if ind.target else ""
    return ind.kolom_lain.get(field, "")


def check_edit(asli: Dokumen, key: Key, value: str) -> str | None:
    """The value to save for an edit, or None when it equals what was extracted (the edit is dropped).
    KinerjaError, in words for the user, when the key or the value cannot be taken."""
    s, i, field = key
    if s == DOKUMEN:
        allowed = DOKUMEN_FIELDS if i == -1 else ()
    elif s == ANGGARAN:
        allowed = ANGGARAN_FIELDS if 0 <= i < len(asli.anggaran) else ()
    elif 0 <= s < len(asli.sasaran):
        if i == SASARAN_ITSELF:
            allowed = SASARAN_FIELDS
        else:
            allowed = INDIKATOR_FIELDS if 0 <= i < len(asli.sasaran[s].indikator) else ()
    else:
        allowed = ()
    if field not in allowed:
        raise KinerjaError("Isian yang diubah tidak dikenal; muat ulang halaman lalu coba lagi.")
    if len(value) > MAX_LENGTH:
        raise KinerjaError(f"Teks terlalu panjang (batas {MAX_LENGTH} huruf); persingkat isiannya.")
    value = " ".join(value.split()) if field in TEXT_FIELDS else value.strip()
    if field == "uraian" and not value:
        raise KinerjaError("Uraian tidak boleh kosong; tulis uraiannya, atau kembalikan teks asli.")
    if field == "polaritas" and value not in ("", *POLARITAS):
        raise KinerjaError("Polaritas harus naik, turun, stabil, atau kosong (otomatis).")
    if field == "triwulan" and value not in ("", "ya"):
        raise KinerjaError("Pilihan triwulan tidak sah.")
    if s == ANGGARAN:
        return value  # kept even when empty: an emptied box must not bring back the uploaded sheet's figure
    return None if value == field_value(asli, key) else value


def apply_edits(asli: Dokumen, edits: dict[Key, str]) -> Dokumen:
    """The document as the user corrected it: a new target text is read again for its value and unit."""
    doc = _copy(asli)
    for (s, i, field), value in edits.items():
        if s < 0 or s >= len(doc.sasaran):
            continue
        sasaran = doc.sasaran[s]
        if i == SASARAN_ITSELF:
            sasaran.uraian = value
            continue
        if i >= len(sasaran.indikator):
            continue
        ind = sasaran.indikator[i]
        if field == "uraian":
            ind.uraian = value
        elif field == "target":
            ind.target = parse_target(value) if value else None
        elif value:
            ind.kolom_lain[field] = value
        else:
            ind.kolom_lain.pop(field, None)
    return doc


def corrections(asli: Dokumen, edits: dict[Key, str]) -> dict[tuple[int, int], dict[str, str]]:
    """For each corrected sasaran or indicator, the extracted text of each field that was corrected."""
    out: dict[tuple[int, int], dict[str, str]] = {}
    for key in edits:
        s, i, field = key
        if s >= 0 and field in ("uraian", "target"):
            out.setdefault((s, i), {})[field] = field_value(asli, key)
    return out


def tracks_quarters(edits: dict[Key, str]) -> bool:
    return edits.get((DOKUMEN, -1, "triwulan")) == "ya"


def latest_quarter(kolom: dict[str, str]) -> tuple[int, str] | None:
    """The last triwulan with a realisasi (1-4) and its value."""
    for n in range(4, 0, -1):
        value = kolom.get(TRIWULAN[n - 1], "").strip()
        if value:
            return n, value
    return None


def export_dict(asli: Dokumen, edits: dict[Key, str]) -> dict:
    """The corrected document as JSON data; each corrected record carries `asli`, what was extracted."""
    data = apply_edits(asli, edits).to_dict()
    for (s, i), fields in corrections(asli, edits).items():
        record = data["sasaran"][s] if i == SASARAN_ITSELF else data["sasaran"][s]["indikator"][i]
        record["asli"] = fields
    for (s, i, field), value in edits.items():
        if s == ANGGARAN and field == "realisasi":
            data["anggaran"][i]["realisasi"] = value
    return data
