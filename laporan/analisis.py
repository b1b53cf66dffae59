"""The seven analysis items of each sasaran (PermenPANRB 53/2014), pre-filled with what the figures say."""

from __future__ import annotations

from .view import KOSONG_TAMPIL, BarisSasaran

ANALISIS = (
    ("target", "Capaian dibanding target tahun ini", "penjelasan capaian dibanding target"),
    ("tahun_lalu", "Capaian dibanding tahun-tahun sebelumnya", "perbandingan dengan tahun-tahun sebelumnya"),
    ("renstra", "Capaian dibanding target akhir Renstra", "target akhir Renstra dan kemajuan menuju target itu"),
    ("nasional", "Capaian dibanding standar nasional", "standar nasional, bila ada, dan perbandingannya"),
    ("penyebab", "Penyebab keberhasilan atau kegagalan dan solusinya", "penyebab dan solusi yang ditempuh"),
    ("efisiensi", "Efisiensi penggunaan sumber daya", "efisiensi penggunaan anggaran dan sumber daya"),
    ("program", "Program dan kegiatan yang mendukung", "program/kegiatan yang mendukung pencapaian sasaran"),
)


def butir_analisis(
    s: BarisSasaran, years: list[int | None], tahun: int | None, office: dict[str, str]
) -> list[tuple[str, ...]]:
    """The seven analysis items of a sasaran (PermenPANRB 53/2014): title, what the figures say, and what the
    office wrote (its `[analisis."N"]` key; the plain `analisis."N"` text is its causes and solutions)."""
    said = {
        "target": f"Capaian sasaran ini {s.capaian}"
        + (f", predikat {s.predikat}." if s.predikat != KOSONG_TAMPIL else "."),
        "tahun_lalu": "Capaian sasaran ini "
        + "; ".join(f"tahun {y}: {c}" for y, c in zip(years, s.riwayat))
        + f"; tahun {tahun or 'ini'}: {s.capaian}."
        if years
        else "",
        "efisiensi": f"Capaian sasaran ini {s.capaian} dengan penyerapan anggaran program/kegiatan pendukungnya "
        f"{s.serapan}."
        if s.serapan
        else "",
        "program": "Program/kegiatan yang mendukung: " + "; ".join(s.kegiatan) + "." if s.kegiatan else "",
        "renstra": " ".join(
            f"Indikator {i.nomor}: realisasi s.d. tahun ini ({i.renstra_cara}) {i.renstra_sejauh} = "
            f"{i.renstra_persen} dari target akhir Renstra {i.renstra}."
            for i in s.indikator
            if i.renstra_persen
        ),
    }
    written = dict(office)
    if s.analisis and not written.get("penyebab"):
        written["penyebab"] = s.analisis
    return [(title, said.get(key, ""), written.get(key, ""), apa) for key, title, apa in ANALISIS]
