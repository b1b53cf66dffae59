"""Corrections and realisasi typed in the browser, laid over the records as extracted (which never change)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ekstrak import Dokumen, Indikator, Sasaran, Target, parse_target
from ekstrak.targets import with_unit
from inti.errors import KinerjaError, MelebihiBatas

from .store import Key

DOKUMEN, ANGGARAN = -1, -2  # sasaran index of edits that belong to the document and to budget rows
SASARAN_ITSELF = -1  # indicator index of edits to the sasaran row
TRIWULAN = ("realisasi_tw1", "realisasi_tw2", "realisasi_tw3", "realisasi_tw4")
DIHAPUS = "dihapus"
DIPERIKSA = "diperiksa"  # a row read by OCR checked against the scan ("ya"): its cells lose their mark
INDIKATOR_FIELDS = ("uraian", "target", "realisasi", *TRIWULAN, "polaritas", "keterangan", DIHAPUS, DIPERIKSA)
SASARAN_FIELDS = ("uraian", DIHAPUS, DIPERIKSA)
PEMBANDING = "pembanding"  # last year's document chosen: its id, TANPA, or empty (the only one there is)
TANPA = "tidak"
DOKUMEN_FIELDS = ("triwulan", PEMBANDING)
ANGGARAN_FIELDS = ("realisasi",)
TEXT_FIELDS = ("uraian",)  # whitespace in these is folded, as the extracted text is
YES_OR_NO = (DIHAPUS, DIPERIKSA, "triwulan")
POLARITAS = ("naik", "turun", "stabil")
MAX_LENGTH = 2000
MAX_ADDED = 50  # indicators a person may add to one sasaran


@dataclass
class Baris:
    """An indicator row as the page shows it: its key, the indicator with its edits, and what was done to it."""

    i: int
    indikator: Indikator
    dihapus: bool = False
    ditambahkan: bool = False


@dataclass
class Bagian:
    """A sasaran as the page shows it: the sasaran with its edits (only kept indicators) and every row."""

    s: int
    sasaran: Sasaran
    dihapus: bool = False
    baris: list[Baris] = field(default_factory=list)

    @property
    def kept(self) -> list[Baris]:
        return [row for row in self.baris if not row.dihapus]


def added_indices(asli: Dokumen, edits: dict[Key, str], s: int) -> list[int]:
    """The indices of the indicators a person added to sasaran `s` (after the extracted ones)."""
    first = len(asli.sasaran[s].indikator)
    return sorted(i for (es, i, name) in edits if es == s and i >= first and name == "uraian")


def _target(old: Target | None, text: str) -> Target | None:
    """A target as corrected: a unit that came from a SATUAN column (not written in the target) stays."""
    if not text:
        return None
    new = parse_target(text)
    if old is not None and old.satuan and parse_target(old.teks).satuan is None:
        return with_unit(new, old.satuan)
    return new


def _apply(ind: Indikator, name: str, value: str) -> Indikator:
    """The indicator with one edited field (the extracted record itself never changes)."""
    if name == "uraian":
        return replace(ind, uraian=value)
    if name == "target":
        return replace(ind, target=_target(ind.target, value))
    if name in (DIHAPUS, DIPERIKSA):
        return ind
    return replace(ind, kolom_lain=ind.kolom_lain.dengan(**{name: value or None}))


def _edited_rows(asli: Dokumen, sasaran: Sasaran, s: int, edits: dict[Key, str], by_row) -> list[Baris]:
    rows = [Baris(i, ind) for i, ind in enumerate(sasaran.indikator)]
    rows += [Baris(i, Indikator(nomor=0, uraian=""), ditambahkan=True) for i in added_indices(asli, edits, s)]
    for row in rows:
        for name, value in by_row.get((s, row.i), {}).items():
            row.indikator = _apply(row.indikator, name, value)
        row.dihapus = by_row.get((s, row.i), {}).get(DIHAPUS) == "ya"
    kept = [row for row in rows if not row.dihapus]
    if len(kept) != len(sasaran.indikator) or any(row.ditambahkan for row in rows):
        for number, row in enumerate(kept, start=1):
            row.indikator = replace(row.indikator, nomor=number)
    return rows


def susunan(asli: Dokumen, edits: dict[Key, str]) -> list[Bagian]:
    """Every sasaran and indicator with its edits, the deleted and the added ones marked. Indicators of a
    sasaran where rows were deleted or added are numbered again from 1."""
    by_row: dict[tuple[int, int], dict[str, str]] = {}
    for (s, i, name), value in edits.items():
        by_row.setdefault((s, i), {})[name] = value
    parts = []
    for s, sasaran in enumerate(asli.sasaran):
        rows = _edited_rows(asli, sasaran, s, edits, by_row)
        own = by_row.get((s, SASARAN_ITSELF), {})
        edited = replace(
            sasaran,
            uraian=own.get("uraian", sasaran.uraian),
            indikator=tuple(row.indikator for row in rows if not row.dihapus),
        )
        parts.append(Bagian(s, edited, own.get(DIHAPUS) == "ya", rows))
    return parts


def from_parts(asli: Dokumen, parts: list[Bagian]) -> Dokumen:
    """The document as the user corrected it (from `susunan`), without the deleted rows."""
    return replace(asli, sasaran=tuple(part.sasaran for part in parts if not part.dihapus))


def row_of(parts: list[Bagian], s: int, i: int) -> Any:
    """The sasaran (i = -1) or the indicator behind a key, with its edits."""
    part = parts[s]
    return part.sasaran if i == SASARAN_ITSELF else next(row.indikator for row in part.baris if row.i == i)


def kept_keys(parts: list[Bagian]) -> list[tuple[int, list[int]]]:
    """For each sasaran of the corrected document, in order: its key and its indicators' keys."""
    return [(part.s, [row.i for row in part.kept]) for part in parts if not part.dihapus]


def field_value(doc: Dokumen, key: Key) -> str:
    """A sasaran's or an indicator's field as text in a document (empty when it has none or no such row)."""
    s, i, name = key
    if not 0 <= s < len(doc.sasaran):
        return ""
    sasaran = doc.sasaran[s]
    if i == SASARAN_ITSELF:
        return sasaran.uraian if name == "uraian" else ""
    if not 0 <= i < len(sasaran.indikator):
        return ""
    ind = sasaran.indikator[i]
    if name == "uraian":
        return ind.uraian
    if name == "target":
        return ind.target.teks if ind.target else ""
    return ind.kolom_lain.get(name, "")


def _allowed(asli: Dokumen, edits: dict[Key, str], s: int, i: int) -> tuple[str, ...]:
    if s == DOKUMEN:
        return DOKUMEN_FIELDS if i == -1 else ()
    if s == ANGGARAN:
        return ANGGARAN_FIELDS if 0 <= i < len(asli.anggaran) else ()
    if not 0 <= s < len(asli.sasaran):
        return ()
    if i == SASARAN_ITSELF:
        return SASARAN_FIELDS
    if 0 <= i < len(asli.sasaran[s].indikator) or (s, i, "uraian") in edits:
        return INDIKATOR_FIELDS
    return ()


def _clean(name: str, value: str) -> str:
    if len(value) > MAX_LENGTH:
        raise MelebihiBatas(f"Teks terlalu panjang (batas {MAX_LENGTH} huruf); persingkat isiannya.")
    value = " ".join(value.split()) if name in TEXT_FIELDS else value.strip()
    if name == "uraian" and not value:
        raise KinerjaError("Uraian tidak boleh kosong; tulis uraiannya, atau kembalikan teks asli.")
    if name == "polaritas" and value not in ("", *POLARITAS):
        raise KinerjaError("Polaritas harus naik, turun, stabil, atau kosong (otomatis).")
    if name in YES_OR_NO and value not in ("", "ya"):
        raise KinerjaError("Pilihan ini hanya boleh 'ya' atau kosong.")
    if name == PEMBANDING and not (value in ("", TANPA) or (value.isdigit() and len(value) < 19)):
        raise KinerjaError("Pembanding tahun lalu tidak dikenal; muat ulang halaman lalu pilih lagi.")
    return value


def check_edit(asli: Dokumen, edits: dict[Key, str], key: Key, value: str) -> str | None:
    """The value to save for an edit, or None when it equals what was extracted (the edit is dropped).
    KinerjaError, in words for the user, when the key or the value cannot be taken."""
    s, i, name = key
    if name not in _allowed(asli, edits, s, i):
        raise KinerjaError("Isian yang diubah tidak dikenal; muat ulang halaman lalu coba lagi.")
    gone = (edits.get((s, i, DIHAPUS)), edits.get((s, SASARAN_ITSELF, DIHAPUS)))
    if name != DIHAPUS and s >= 0 and "ya" in gone:
        raise KinerjaError("Baris ini sudah dihapus (mungkin dari tab atau komputer lain); muat ulang halaman.")
    value = _clean(name, value)
    if s == ANGGARAN:
        return value  # kept even when empty: an emptied box must not bring back the uploaded sheet's figure
    return None if value == field_value(asli, key) else value


def new_indicator(asli: Dokumen, edits: dict[Key, str], s: int, uraian: str, target: str) -> list[tuple[Key, str]]:
    """The edits that add an indicator, with its text and target, to sasaran `s`."""
    if not 0 <= s < len(asli.sasaran):
        raise KinerjaError("Sasaran ini tidak dikenal; muat ulang halaman lalu coba lagi.")
    added = added_indices(asli, edits, s)
    if len(added) >= MAX_ADDED:
        raise MelebihiBatas(f"Paling banyak {MAX_ADDED} indikator dapat ditambahkan pada satu sasaran.")
    i = max([len(asli.sasaran[s].indikator) - 1, *added]) + 1
    out = [((s, i, "uraian"), _clean("uraian", uraian))]
    if _clean("target", target):
        out.append(((s, i, "target"), _clean("target", target)))
    return out


def corrections(asli: Dokumen, edits: dict[Key, str]) -> dict[tuple[int, int], dict[str, str]]:
    """For each corrected extracted sasaran or indicator, the extracted text of each field corrected."""
    out: dict[tuple[int, int], dict[str, str]] = {}
    for key in edits:
        s, i, name = key
        extracted = 0 <= s < len(asli.sasaran) and i < len(asli.sasaran[s].indikator)
        if extracted and name in ("uraian", "target"):
            out.setdefault((s, i), {})[name] = field_value(asli, key)
    return out


def tracks_quarters(edits: dict[Key, str]) -> bool:
    return edits.get((DOKUMEN, -1, "triwulan")) == "ya"


def latest_quarter(kolom: Mapping[str, str]) -> tuple[int, str] | None:
    """The last triwulan with a realisasi (1-4) and its value."""
    for n in range(4, 0, -1):
        value = kolom.get(TRIWULAN[n - 1], "").strip()
        if value:
            return n, value
    return None


def export_dict(asli: Dokumen, edits: dict[Key, str], parts: list[Bagian]) -> dict[str, Any]:
    """The corrected document (`parts` from `susunan`) as JSON data. A corrected record carries `asli` (what
    was extracted), an added indicator `ditambahkan`, and deleted records are listed under `dihapus`."""
    data = asli.to_dict()
    fixes = corrections(asli, edits)
    removed: list[dict[str, Any]] = []
    sasaran_out = []
    for part in parts:
        if part.dihapus:
            removed.append({"sasaran": part.sasaran.to_dict()})
            continue
        record = part.sasaran.to_dict()
        if (part.s, SASARAN_ITSELF) in fixes:
            record["asli"] = fixes[(part.s, SASARAN_ITSELF)]
        for row, out in zip(part.kept, record["indikator"]):
            if (part.s, row.i) in fixes:
                out["asli"] = fixes[(part.s, row.i)]
            if row.ditambahkan:
                out["ditambahkan"] = True
        removed += [
            {"sasaran_nomor": part.sasaran.nomor, "indikator": row.indikator.to_dict()}
            for row in part.baris
            if row.dihapus
        ]
        sasaran_out.append(record)
    data["sasaran"] = sasaran_out
    if removed:
        data["dihapus"] = removed
    for (s, i, name), value in edits.items():
        if s == ANGGARAN and name == "realisasi":
            data["anggaran"][i]["realisasi"] = value
    return data
