"""From a saved document to the report's inputs, its figures (laporan.hasil) and the figures the page shows and
updates as realisasi is typed (`angka`, read from those figures, never from the report's wording)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from ekstrak import Dokumen, Indikator, Sasaran
from inti.numbers import format_number, money_value
from laporan.capaian import RUMUS_TURUN, SCALES, Aturan
from laporan.hasil import (
    HasilAnggaran,
    HasilIndikator,
    HasilKinerja,
    HasilSasaran,
    hasil_anggaran,
    lalu_sasaran,
    rangkum,
)
from laporan.load import BarisAnggaran, Masukan, TahunLalu, match_tahun_lalu
from laporan.profil import Profil, jenis_logo
from laporan.view import Laporan, capaian_teks, catatan_teks, lalu_capaian_teks, predikat_teks, susun

from . import bukti_data, terkini
from .edits import (
    ANGGARAN,
    DOKUMEN,
    PEMBANDING,
    TANPA,
    Bagian,
    kept_keys,
    tracks_quarters,
)
from .store import Ringkas, Simpanan, Tersimpan
from .triwulan import tahunan
from .waktu import zona

BATAS_PILIHAN = {"120": Decimal(120), "100": Decimal(100), "": None}
PROFIL_TEKS = ("instansi", "kota", "kepala_jabatan", "kepala_nama", "kepala_nip", "kata_pengantar", "bab1", "bab4")


@dataclass
class Keadaan:
    """A saved document as it stands now: the rows with every edit, the corrected records, last year's."""

    simpanan: Tersimpan
    asli: Dokumen
    edits: dict
    bagian: list[Bagian]
    dokumen: Dokumen
    lalu: Tersimpan | None
    pilihan_lalu: list[Ringkas] = field(default_factory=list)

    @functools.cached_property
    def keys(self) -> list[tuple[int, list[int]]]:
        return kept_keys(self.bagian)


def keadaan(
    store: Simpanan, rec: Tersimpan, with_last_year: bool = True, pilihan: bool = False, versi: int | None = None
) -> Keadaan:
    """The document as it stood when `rec` was read, or at save count `versi` (laid out once per save,
    terkini.py); with `pilihan`, last year's documents to choose the comparison from, as the page lists them."""
    now = terkini.tersusun(store, rec, rec.versi if versi is None else versi)
    ids = store.tahun_id(rec.tahun - 1, rec.instansi) if with_last_year else []
    lalu_id = last_year(ids, now.edits.get((DOKUMEN, -1, PEMBANDING), ""))
    lalu = store.ambil(lalu_id) if lalu_id is not None else None
    choices = store.tahun(rec.tahun - 1, rec.instansi) if pilihan else []
    return Keadaan(rec, now.asli, now.edits, list(now.bagian), now.dokumen, lalu, choices)


def last_year(ids: list[int], chosen: str) -> int | None:
    """The comparison: the document chosen, else the only one of last year; with several and none chosen,
    none (the page asks which)."""
    if chosen.isdigit() and int(chosen) in ids:
        return int(chosen)
    return ids[0] if len(ids) == 1 and chosen != TANPA else None


def aturan(profil: dict[str, Any]) -> Aturan:
    chosen = profil.get("aturan") or {}
    skala = chosen.get("skala") if chosen.get("skala") in SCALES else "lkjip"
    rumus = chosen.get("rumus_turun") if chosen.get("rumus_turun") in RUMUS_TURUN else RUMUS_TURUN[0]
    batas = BATAS_PILIHAN.get(str(chosen.get("batas", "120")), Decimal(120))
    return Aturan(batas=batas, rumus_turun=rumus, skala=skala)


def profil(rec: Tersimpan) -> Profil:
    data = rec.profil
    out = Profil(**{name: str(data.get(name, "")) for name in PROFIL_TEKS})
    out.analisis = {str(k): str(v) for k, v in (data.get("analisis") or {}).items() if str(v).strip()}
    if data.get("tanggal"):
        out.tanggal = dt.date.fromisoformat(data["tanggal"])
    if rec.logo:
        out.logo, out.logo_jenis = rec.logo, jenis_logo(rec.logo)
    return out


def _quarter_stands_in(ind: Indikator) -> Indikator:
    found = tahunan(ind)
    if ind.kolom_lain.get("realisasi") or found is None:
        return ind
    value, note = found
    old = ind.kolom_lain.get("keterangan", "")
    lain = ind.kolom_lain.dengan(realisasi=value, keterangan=f"{note}; {old}" if old else note)
    return replace(ind, kolom_lain=lain)


def _for_report(doc: Dokumen, quarters: bool) -> Dokumen:
    """Where quarters are tracked and the year's realisasi is blank, the quarters make it (triwulan.py), said so."""
    if not quarters:
        return doc
    sasaran = (replace(s, indikator=tuple(map(_quarter_stands_in, s.indikator))) for s in doc.sasaran)
    return replace(doc, sasaran=tuple(sasaran))


def realisasi_anggaran(state: Keadaan) -> dict[int, str]:
    """What was spent per budget row: as typed on the page, else as the uploaded sheet said."""
    out = {}
    for n, row in enumerate(state.simpanan.asli.get("anggaran", [])):
        if row.get("realisasi") is not None:
            out[n] = format_number(row["realisasi"])
    for (s, i, name), value in state.edits.items():
        if s == ANGGARAN and name == "realisasi":
            out[i] = value
    return out


# Each sasaran's number with its indicators' numbers and texts.
Wording = tuple[tuple[int, tuple[tuple[int, str], ...]], ...]


_WORDED: dict[int, tuple[Sasaran, tuple[int, tuple[tuple[int, str], ...]]]] = {}  # by id(): a save keeps the rest


def _worded(s: Sasaran) -> tuple[int, tuple[tuple[int, str], ...]]:
    known = _WORDED.get(id(s))
    if known is not None and known[0] is s:
        return known[1]
    if len(_WORDED) > 10_000:
        _WORDED.clear()
    out = (s.nomor, tuple((i.nomor, i.uraian) for i in s.indikator))
    _WORDED[id(s)] = (s, out)
    return out


def _wording(doc: Dokumen) -> Wording:
    return tuple(map(_worded, doc.sasaran))


@functools.lru_cache(maxsize=256)
def _pairs(this: Wording, last: Wording) -> tuple[dict[tuple[int, int], tuple[int, int]], tuple[str, ...]]:
    """laporan's matching of this year's indicators to last year's, by positions. It compares every wording with
    every other, and depends on the wordings alone: worked out once, not again at each realisasi saved."""

    def made(wording: Wording) -> Dokumen:
        sasaran = tuple(Sasaran(n, None, "", tuple(Indikator(m, text) for m, text in rows)) for n, rows in wording)
        return Dokumen(None, None, None, sasaran)

    last_doc = made(last)
    where = {id(ind): (s, i) for s, sas in enumerate(last_doc.sasaran) for i, ind in enumerate(sas.indikator)}
    found, missing = match_tahun_lalu(made(this), last_doc)
    return {key: where[id(ind)] for key, ind in found.items()}, tuple(missing)


_MATCHED: dict[tuple[int, int], tuple[Any, Dokumen, dict[tuple[int, int], Indikator]]] = {}  # by id()s


def matched(doc: Dokumen, last: Dokumen) -> tuple[dict[tuple[int, int], Indikator], list[str]]:
    """`match_tahun_lalu(doc, last)`, its pairs remembered while the wordings stay the same (the pairs with
    last year's indicators too, while last year's document is the same)."""
    pairs, missing = _pairs(_wording(doc), _wording(last))
    known = _MATCHED.get((id(pairs), id(last)))
    if known is None or known[0] is not pairs or known[1] is not last:
        if len(_MATCHED) > 256:
            _MATCHED.clear()
        known = (pairs, last, {key: last.sasaran[s].indikator[i] for key, (s, i) in pairs.items()})
        _MATCHED[(id(pairs), id(last))] = known
    return known[2], list(missing)


def masukan(state: Keadaan, store: Simpanan) -> Masukan:
    """The report's inputs; last year's saved document is the comparison."""
    doc = _for_report(state.dokumen, tracks_quarters(state.edits))
    spent = realisasi_anggaran(state)
    out = Masukan(
        doc,
        anggaran=[
            BarisAnggaran(a.uraian, a.teks, a.nilai, money_value(spent.get(n, ""))) for n, a in enumerate(doc.anggaran)
        ],
    )
    if state.lalu is not None:
        lalu = keadaan(store, state.lalu, with_last_year=False)
        last = _for_report(lalu.dokumen, tracks_quarters(lalu.edits))
        pasangan, missing = matched(doc, last)
        tahun = state.lalu.tahun if state.lalu.tahun is not None else last.tahun
        out.lalu = [TahunLalu(tahun, last, pasangan, missing)]
    return out


def _office(state: Keadaan) -> Profil:
    """The profile as the report uses it: the analyses numbered as the report numbers its sasaran."""
    office = profil(state.simpanan)
    # The analyses are kept per sasaran as uploaded (its key + 1); the report numbers the sasaran it keeps.
    office.analisis = {
        str(n): office.analisis[str(s + 1)]
        for n, (s, _) in enumerate(state.keys, start=1)
        if str(s + 1) in office.analisis
    }
    return office


def hasil(state: Keadaan, store: Simpanan) -> HasilKinerja:
    """The figures of the document's report (capaian, predikat, counts), as the page shows them: those of
    `hitung_hasil`, each sasaran's computed again only when its own inputs changed (terkini.py)."""
    inputs, rules = masukan(state, store), aturan(state.simpanan.profil)
    anggaran = hasil_anggaran(inputs.anggaran)
    sasaran = _per_sasaran(state, store, inputs, anggaran[0], rules)
    return rangkum(tuple(sasaran.values()), inputs, anggaran, rules)


def _per_sasaran(
    state: Keadaan,
    store: Simpanan,
    inputs: Masukan,
    anggaran: tuple[HasilAnggaran, ...],
    rules: Aturan,
    only: int | None = None,
) -> dict[int, HasilSasaran]:
    """Each kept sasaran's figures by its key, in order (with `only`, that one sasaran's)."""
    out = {}
    for si, ((s, _), sasaran) in enumerate(zip(state.keys, inputs.dokumen.sasaran)):
        if only is None or s == only:
            lalu = lalu_sasaran(inputs.lalu, si, sasaran)
            out[s] = terkini.hasil(store, state.simpanan.id, s, sasaran, lalu, anggaran, rules)
    return out


def angka_sasaran(state: Keadaan, store: Simpanan, s: int) -> dict[str, Any]:
    """The figures of one sasaran and its indicators (`angka` without the whole document's): what a save in it
    changes. The page asks for the whole document's figures afterwards."""
    inputs, rules = masukan(state, store), aturan(state.simpanan.profil)
    figures = _per_sasaran(state, store, inputs, hasil_anggaran(inputs.anggaran)[0], rules, only=s)
    rows, sasaran = _angka_rows([(part, kept) for part, kept in state.keys if part == s], figures.values())
    return {"indikator": rows, "sasaran": sasaran, "keseluruhan": None}


def laporan(state: Keadaan, store: Simpanan) -> Laporan:
    """The document's report, figures and wording, with its evidence in the appendix, as it is downloaded."""
    inputs = masukan(state, store)
    inputs.bukti = bukti_data.untuk_laporan(store, state.simpanan.id, state.keys, zona(state.simpanan.profil))
    return susun(inputs, _office(state), aturan(state.simpanan.profil))


BELUM = "belum diisi"


def shown(row: HasilIndikator) -> str:
    """An indicator's capaian on the page: before any realisasi it is not "tidak diukur" yet, only not filled."""
    return BELUM if not row.diisi and row.nilai is None else capaian_teks(row)


def shown_overall(figures: HasilKinerja) -> str:
    return "belum ada realisasi" if figures.diukur == 0 and not figures.ada_realisasi else capaian_teks(figures)


def _angka_rows(
    keys: list[tuple[int, list[int]]], figures: Iterable[HasilSasaran]
) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    rows: dict[str, dict[str, str]] = {}
    sasaran: dict[str, dict[str, str]] = {}
    for (si, kept), s in zip(keys, figures):
        sasaran[str(si)] = {"capaian": capaian_teks(s) if s.diisi else BELUM, "predikat": predikat_teks(s)}
        for ii, row in zip(kept, s.indikator):
            rows[f"{si}-{ii}"] = {
                "capaian": shown(row),
                "predikat": predikat_teks(row),
                "catatan": catatan_teks(row),
                "polaritas": row.polaritas,
                "lalu": lalu_capaian_teks(row),
            }
    return rows, sasaran


def angka(figures: HasilKinerja, keys: list[tuple[int, list[int]]]) -> dict[str, Any]:
    """The figures the page shows beside the inputs, keyed as the page's rows are (`keys`, from kept_keys)."""
    rows, sasaran = _angka_rows(keys, figures.sasaran)
    return {
        "indikator": rows,
        "sasaran": sasaran,
        "keseluruhan": {
            "capaian": shown_overall(figures),
            "predikat": predikat_teks(figures),
            "diukur": figures.diukur,
            "jumlah": figures.jumlah_indikator,
        },
    }
