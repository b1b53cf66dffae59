"""What a report shows: every figure formatted the Indonesian way and every sentence, from the inputs.

Templates only place these; no number is computed or formatted in a template."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ekstrak import Indikator, Target
from ekstrak.targets import parse_target
from inti.numbers import format_number

from .capaian import (
    POLARITAS,
    SCALES,
    TURUN,
    Aturan,
    Capaian,
    Nilai,
    hitung,
    predikat,
    rata_rata,
    simpulkan_polaritas,
)
from .load import Masukan, isian
from .profil import Profil, tanggal_indonesia


def persen(value: Decimal | float | None) -> str:
    """`104,84%` (two decimals, half up); an empty string for no value."""
    return "" if value is None else format_number(Decimal(str(value)), 2) + "%"


def rupiah(value: float | int | None) -> str:
    return "" if value is None else "Rp " + format_number(round(value), None)


def _dec(value: float | int | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def nilai_target(target: Target | None) -> Nilai:
    if target is None:
        return Nilai()
    return Nilai(_dec(target.nilai), _dec(target.batas_bawah), _dec(target.batas_atas), target.teks)


def nilai_realisasi(text: str) -> Nilai:
    """A realisasi as people write it: `85%`, `3,25`, `12 Permohonan`, `WTP`, `38% (Semester I)`."""
    text = " ".join(text.split())
    if not text or text in ("-", "–"):
        return Nilai()
    read = parse_target(text)
    return Nilai(_dec(read.nilai), _dec(read.batas_bawah), _dec(read.batas_atas), text)


@dataclass
class BarisIndikator:
    nomor: int
    uraian: str
    target: str
    realisasi: str
    polaritas: str
    capaian: str
    capaian_mentah: str
    predikat: str
    catatan: str
    kalimat: str
    nilai: Decimal | None
    renstra: str = ""
    lalu_realisasi: str = ""
    lalu_capaian: str = ""
    keterangan: str = ""


@dataclass
class BarisSasaran:
    nomor: int
    kelompok: str
    uraian: str
    indikator: list[BarisIndikator]
    capaian: str
    predikat: str
    nilai: Decimal | None
    analisis: str = ""
    label: str = ""


@dataclass
class Kelompok:
    nama: str
    sasaran: list[BarisSasaran] = field(default_factory=list)


@dataclass
class BarisAnggaranView:
    uraian: str
    pagu: str
    realisasi: str
    serapan: str


@dataclass
class Laporan:
    """The report's content; every field a template places."""

    judul: str
    instansi: str
    tahun: int | None
    kota: str
    tanggal: str
    kepala_jabatan: str
    kepala_nama: str
    kepala_nip: str
    ada_realisasi: bool
    kelompok: list[Kelompok]
    sasaran: list[BarisSasaran]
    capaian: str
    predikat: str
    skala: str
    predikat_jumlah: list[tuple[str, int]]
    diukur: int
    tidak_diukur: int
    tidak_dapat: int
    jumlah_indikator: int
    batas: str
    anggaran: list[BarisAnggaranView]
    anggaran_total: BarisAnggaranView | None
    ada_realisasi_anggaran: bool
    efisiensi: str
    tanpa_pasangan: list[str]
    tahun_lalu: int | None
    profil: Profil
    peringatan: list[str]
    ringkasan_kalimat: str


def _polaritas(ind: Indikator) -> str:
    chosen = isian(ind, "polaritas").lower()
    if chosen in POLARITAS:
        return chosen
    target = ind.target
    return simpulkan_polaritas(
        target.teks if target else "", target.pembanding if target else None, _dec(target.nilai) if target else None
    )


def _kalimat(ind: Indikator, row: BarisIndikator, hasil: Capaian, tahun: int | None) -> str:
    name = f"Indikator “{ind.uraian}”"
    year = f" tahun {tahun}" if tahun else ""
    if hasil.status == "tidak diukur":
        return f"{name} tidak diukur{year}, sehingga tidak dihitung dalam rata-rata capaian."
    if hasil.nilai is None:
        reason = "; ".join(hasil.catatan) or hasil.status
        return f"Capaian {name[0].lower()}{name[1:]} tidak dapat dihitung ({reason}); mohon diperiksa."
    if hasil.nilai > 100:
        arah = "melampaui target"
    elif hasil.nilai == 100:
        arah = "sesuai target"
    else:
        arah = "belum mencapai target"
    lower = " (semakin kecil semakin baik)" if row.polaritas == TURUN else ""
    text = (
        f"{name}{year} terealisasi {row.realisasi} dari target {row.target}{lower}, "
        f"capaian {row.capaian} ({row.predikat}): {arah}."
    )
    if hasil.mentah is not None and hasil.mentah != hasil.nilai:
        text += f" Capaian sebenarnya {persen(hasil.mentah)}, dibatasi menjadi {row.capaian}."
    return text


def _lalu(ind_lalu: Indikator | None, polaritas: str, aturan: Aturan) -> tuple[str, str, Decimal | None]:
    if ind_lalu is None:
        return "", "", None
    realisasi = isian(ind_lalu, "realisasi")
    hasil = hitung(nilai_target(ind_lalu.target), nilai_realisasi(realisasi), polaritas, aturan)
    return realisasi or "tidak diukur", persen(hasil.nilai) if hasil.nilai is not None else "", hasil.nilai


def susun(masukan: Masukan, profil: Profil, aturan: Aturan | None = None) -> Laporan:
    """Compute every capaian and write every figure and sentence of the report."""
    aturan = aturan or Aturan()
    doc = masukan.dokumen
    tahun = doc.tahun
    tahun_lalu = (tahun - 1) if tahun else None
    groups: list[Kelompok] = []
    all_sasaran: list[BarisSasaran] = []
    counts = {name: 0 for _, _, name in SCALES[aturan.skala]}
    diukur = tidak_diukur = tidak_dapat = 0
    for si, s in enumerate(doc.sasaran):
        rows: list[BarisIndikator] = []
        for ii, ind in enumerate(s.indikator):
            polaritas = _polaritas(ind)
            realisasi_teks = isian(ind, "realisasi")
            hasil = hitung(nilai_target(ind.target), nilai_realisasi(realisasi_teks), polaritas, aturan)
            name = predikat(hasil.nilai, aturan.skala)
            if hasil.nilai is not None:
                diukur += 1
                counts[name or ""] = counts.get(name or "", 0) + 1
            elif hasil.status == "tidak diukur":
                tidak_diukur += 1
            else:
                tidak_dapat += 1
            shown = persen(hasil.nilai) if hasil.nilai is not None else hasil.status
            row = BarisIndikator(
                nomor=ind.nomor,
                uraian=ind.uraian,
                target=ind.target.teks if ind.target else "-",
                realisasi=realisasi_teks or "-",
                polaritas=polaritas,
                capaian=shown,
                capaian_mentah=persen(hasil.mentah) if hasil.mentah != hasil.nilai else "",
                predikat=name or "-",
                catatan="; ".join(
                    f"capaian sebenarnya {persen(hasil.mentah)}, {note}" if note.startswith("dibatasi") else note
                    for note in hasil.catatan
                ),
                kalimat="",
                nilai=hasil.nilai,
                renstra=isian(ind, "target_renstra"),
                keterangan=isian(ind, "keterangan"),
            )
            lalu = masukan.tahun_lalu.get((si, ii))
            row.lalu_realisasi, row.lalu_capaian, lalu_nilai = _lalu(lalu, polaritas, aturan)
            row.kalimat = _kalimat(ind, row, hasil, tahun)
            if lalu_nilai is not None and hasil.nilai is not None:
                change = hasil.nilai - lalu_nilai
                word = "naik" if change > 0 else "turun" if change < 0 else "tetap"
                row.kalimat += f" Dibanding tahun {tahun_lalu} (capaian {row.lalu_capaian}), capaian {word}" + (
                    f" {format_number(abs(change), 2)} poin." if change else "."
                )
            if row.renstra:
                row.kalimat += f" Target akhir Renstra: {row.renstra}."
            if row.keterangan:
                row.kalimat += f" Keterangan: {row.keterangan}."
            rows.append(row)
        mean = rata_rata([r.nilai for r in rows])
        sasaran = BarisSasaran(
            nomor=s.nomor,
            kelompok=s.kelompok or "",
            uraian=s.uraian,
            indikator=rows,
            capaian=persen(mean) if mean is not None else "tidak diukur",
            predikat=predikat(mean, aturan.skala) or "-",
            nilai=mean,
            analisis=profil.analisis.get(str(si + 1), ""),
            label=f"S{si + 1}",
        )
        all_sasaran.append(sasaran)
        if not groups or groups[-1].nama != sasaran.kelompok:
            groups.append(Kelompok(sasaran.kelompok))
        groups[-1].sasaran.append(sasaran)
    overall = rata_rata([s.nilai for s in all_sasaran])
    anggaran, total, efisiensi, with_realisasi = _anggaran(masukan, overall)
    ringkasan = _ringkasan(overall, predikat(overall, aturan.skala), diukur, tidak_diukur + tidak_dapat, tahun)
    return Laporan(
        judul="Laporan Kinerja",
        instansi=profil.instansi or doc.instansi or "",
        tahun=tahun,
        kota=profil.kota,
        tanggal=tanggal_indonesia(profil.tanggal) if profil.tanggal else "",
        kepala_jabatan=profil.kepala_jabatan,
        kepala_nama=profil.kepala_nama,
        kepala_nip=profil.kepala_nip,
        ada_realisasi=masukan.ada_realisasi,
        kelompok=groups,
        sasaran=all_sasaran,
        capaian=persen(overall) if overall is not None else "tidak diukur",
        predikat=predikat(overall, aturan.skala) or "-",
        skala=aturan.skala,
        predikat_jumlah=list(counts.items()),
        diukur=diukur,
        tidak_diukur=tidak_diukur,
        tidak_dapat=tidak_dapat,
        jumlah_indikator=sum(len(s.indikator) for s in all_sasaran),
        batas=f"{aturan.batas}%" if aturan.batas is not None else "",
        anggaran=anggaran,
        anggaran_total=total,
        ada_realisasi_anggaran=with_realisasi,
        efisiensi=efisiensi,
        tanpa_pasangan=masukan.tanpa_pasangan,
        tahun_lalu=tahun_lalu if masukan.tahun_lalu_dokumen is not None else None,
        profil=profil,
        peringatan=masukan.peringatan + [str(p) for p in masukan.dokumen.peringatan],
        ringkasan_kalimat=ringkasan,
    )


def _ringkasan(overall: Decimal | None, name: str | None, diukur: int, lain: int, tahun: int | None) -> str:
    year = f" tahun {tahun}" if tahun else ""
    if overall is None:
        return f"Realisasi kinerja{year} belum diisi; laporan ini memuat target saja."
    text = (
        f"Rata-rata capaian kinerja{year} adalah {persen(overall)} dengan predikat {name}, "
        f"dari {diukur} indikator yang diukur."
    )
    if lain:
        text += f" {lain} indikator tidak diukur atau tidak dapat dihitung dan tidak masuk rata-rata."
    return text


def _anggaran(
    masukan: Masukan, overall: Decimal | None
) -> tuple[list[BarisAnggaranView], BarisAnggaranView | None, str, bool]:
    rows = []
    with_realisasi = any(r.realisasi is not None for r in masukan.anggaran)
    for r in masukan.anggaran:
        serapan = (
            persen(Decimal(str(r.realisasi)) / Decimal(str(r.pagu)) * 100) if r.realisasi is not None and r.pagu else ""
        )
        rows.append(BarisAnggaranView(r.uraian, rupiah(r.pagu) or r.pagu_teks, rupiah(r.realisasi), serapan))
    if not rows:
        return [], None, "", False
    pagu = sum((r.pagu or 0) for r in masukan.anggaran)
    spent = sum((r.realisasi or 0) for r in masukan.anggaran) if with_realisasi else None
    total_serapan = Decimal(str(spent)) / Decimal(str(pagu)) * 100 if spent is not None and pagu else None
    total = BarisAnggaranView("Jumlah", rupiah(pagu), rupiah(spent), persen(total_serapan))
    efisiensi = ""
    if total_serapan is not None and overall is not None:
        gap = overall - total_serapan
        efisiensi = (
            f"Rata-rata capaian kinerja {persen(overall)} dicapai dengan penyerapan anggaran {persen(total_serapan)}"
            + (
                f"; capaian melampaui serapan {format_number(gap, 2)} poin, "
                "menunjukkan penggunaan anggaran yang efisien."
                if gap >= 0
                else f"; capaian {format_number(-gap, 2)} poin di bawah serapan, perlu ditelaah efisiensinya."
            )
        )
    return rows, total, efisiensi, with_realisasi


__all__ = ["Laporan", "persen", "rupiah", "susun"]
