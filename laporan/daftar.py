"""The report's numbered tables and charts (`Tabel 3.2`, `Grafik 3.1`), for their captions and the lists."""

from __future__ import annotations

from dataclasses import dataclass

from .capaian import TIDAK_DIUKUR
from .view import Laporan


@dataclass(frozen=True)
class Judul:
    """A numbered table or chart: its anchor, its number (`Tabel 3.2`) and its title."""

    id: str
    nomor: str
    judul: str

    @property
    def teks(self) -> str:
        return f"{self.nomor}. {self.judul}"


def _numbered(kind: str, items: list[tuple[str, str, str]]) -> dict[str, Judul]:
    """Number `(chapter, id, title)` items in order, from 1 within each chapter."""
    out: dict[str, Judul] = {}
    counts: dict[str, int] = {}
    for chapter, anchor, title in items:
        counts[chapter] = counts.get(chapter, 0) + 1
        out[anchor] = Judul(anchor, f"{kind} {chapter}.{counts[chapter]}", title)
    return out


def tabel(lap: Laporan) -> dict[str, Judul]:
    """Every table of the report, in the order it appears, keyed by its anchor."""
    year = f" Tahun {lap.tahun}" if lap.tahun else ""
    items = [("I", "t-ringkas", "Ringkasan capaian kinerja" + year)]
    if lap.tahun_riwayat:
        items.append(("I", "t-tahunan", "Capaian kinerja organisasi per tahun"))
    if lap.diukur:
        items.append(("I", "t-predikat", "Jumlah indikator menurut predikat"))
    items.append(("2", "t-pk", "Perjanjian Kinerja" + year))
    if lap.anggaran:
        items.append(("2", "t-pagu", "Pagu anggaran" + year))
    items += [("3", "t-skala", "Skala predikat capaian"), ("3", "t-ukur", "Pengukuran kinerja" + year)]
    for n, s in enumerate(lap.sasaran, start=1):
        items.append(("3", f"t-s{n}", f"Capaian Sasaran {s.nomor}"))
        if lap.tahun_riwayat:
            items.append(("3", f"t-s{n}-tahun", f"Realisasi dan capaian Sasaran {s.nomor} per tahun"))
        if any(i.renstra for i in s.indikator):
            items.append(("3", f"t-s{n}-renstra", f"Capaian Sasaran {s.nomor} terhadap target akhir Renstra"))
    if lap.anggaran and lap.ada_realisasi_anggaran:
        items.append(("3", "t-anggaran", "Realisasi anggaran" + year))
        if lap.efisiensi_sasaran:
            items.append(("3", "t-efisiensi", "Capaian dan penyerapan anggaran per sasaran"))
    items.append(("L", "t-lampiran-pk", "Perjanjian Kinerja" + year))
    return _numbered("Tabel", items)


def grafik(lap: Laporan) -> dict[str, Judul]:
    """Every chart of the report, in the order it appears, keyed by its anchor."""
    items = []
    if lap.diukur:
        items.append(("I", "g-predikat", "Jumlah indikator menurut predikat"))
        items.append(("3", "g-sasaran", "Capaian per sasaran terhadap garis 100%"))
    if lap.tahun_riwayat:
        items += [
            ("3", f"g-s{n}-tahun", f"Capaian Sasaran {s.nomor} per tahun")
            for n, s in enumerate(lap.sasaran, start=1)
            if s.nilai is not None or any(c != TIDAK_DIUKUR for c in s.riwayat)
        ]
    return _numbered("Grafik", items)
