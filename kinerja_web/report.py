"""From a saved document to the report's inputs, its figures (laporan.hasil) and the figures the page shows and
updates as realisasi is typed (`angka`, read from those figures, never from the report's wording)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from ekstrak import Dokumen, Indikator
from inti.numbers import format_number, money_value
from laporan.capaian import RUMUS_TURUN, SCALES, Aturan
from laporan.hasil import HasilIndikator, HasilKinerja, hitung_hasil
from laporan.load import BarisAnggaran, Masukan, pasangkan_tahun_lalu
from laporan.profil import Profil, jenis_logo
from laporan.view import Laporan, capaian_teks, catatan_teks, lalu_capaian_teks, predikat_teks, susun

from .edits import ANGGARAN, Bagian, from_parts, kept_keys, latest_quarter, susunan, tracks_quarters
from .store import Simpanan, Tersimpan

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

    @property
    def keys(self) -> list[tuple[int, list[int]]]:
        return kept_keys(self.bagian)


def keadaan(store: Simpanan, rec: Tersimpan, with_last_year: bool = True) -> Keadaan:
    asli = Dokumen.from_dict(rec.asli)
    edits = store.suntingan(rec.id)
    parts = susunan(asli, edits)
    lalu_id = store.terbaru(rec.tahun - 1) if with_last_year else None
    lalu = store.ambil(lalu_id) if lalu_id is not None else None
    return Keadaan(rec, asli, edits, parts, from_parts(asli, parts), lalu)


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
    latest = latest_quarter(ind.kolom_lain)
    if ind.kolom_lain.get("realisasi") or latest is None:
        return ind
    n, value = latest
    note = f"Realisasi s.d. triwulan {['I', 'II', 'III', 'IV'][n - 1]}"
    old = ind.kolom_lain.get("keterangan", "")
    lain = ind.kolom_lain.dengan(realisasi=value, keterangan=f"{note}; {old}" if old else note)
    return replace(ind, kolom_lain=lain)


def _for_report(doc: Dokumen, quarters: bool) -> Dokumen:
    """Where quarters are tracked and the year's realisasi is blank, the latest triwulan stands in, said so."""
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
    for (s, i, field), value in state.edits.items():
        if s == ANGGARAN and field == "realisasi":
            out[i] = value
    return out


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
        out.lalu = [pasangkan_tahun_lalu(doc, last, state.lalu.tahun)]
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
    """The figures of the document's report (capaian, predikat, counts), as the page shows them."""
    return hitung_hasil(masukan(state, store), aturan(state.simpanan.profil))


def laporan(state: Keadaan, store: Simpanan) -> Laporan:
    """The document's report, figures and wording, as it is downloaded."""
    return susun(masukan(state, store), _office(state), aturan(state.simpanan.profil))


BELUM = "belum diisi"


def shown(row: HasilIndikator) -> str:
    """An indicator's capaian on the page: before any realisasi it is not "tidak diukur" yet, only not filled."""
    return BELUM if not row.diisi and row.nilai is None else capaian_teks(row)


def shown_overall(figures: HasilKinerja) -> str:
    return "belum ada realisasi" if figures.diukur == 0 and not figures.ada_realisasi else capaian_teks(figures)


def angka(figures: HasilKinerja, keys: list[tuple[int, list[int]]]) -> dict[str, Any]:
    """The figures the page shows beside the inputs, keyed as the page's rows are (`keys`, from kept_keys)."""
    rows: dict[str, dict[str, str]] = {}
    sasaran: dict[str, dict[str, str]] = {}
    for (si, kept), s in zip(keys, figures.sasaran):
        sasaran[str(si)] = {"capaian": capaian_teks(s) if s.diisi else BELUM, "predikat": predikat_teks(s)}
        for ii, row in zip(kept, s.indikator):
            rows[f"{si}-{ii}"] = {
                "capaian": shown(row),
                "predikat": predikat_teks(row),
                "catatan": catatan_teks(row),
                "polaritas": row.polaritas,
                "lalu": lalu_capaian_teks(row),
            }
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
