"""What a report shows: every figure of hasil.py formatted the Indonesian way, and every sentence.

The figures are computed first (hasil.py, pure); this module only words them. Templates only place what
it writes; no number is computed or formatted in a template."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ekstrak import Target, parse_target
from inti.numbers import format_number

from .capaian import JUMLAH, TIDAK_DIUKUR, TURUN, Aturan
from .hasil import (
    CapaianLalu,
    HasilAnggaran,
    HasilIndikator,
    HasilKinerja,
    HasilSasaran,
    hitung_hasil,
    nilai_realisasi,
    sejauh_renstra,
)
from .load import BuktiDukung, Masukan, isian
from .metode import pita, rumus
from .profil import PENANDA_TANGAN, Profil, tanggal_indonesia

NAMA_SKALA = {
    "lkjip": "skala yang lazim dipakai dalam LKjIP",
    "permenpan-6-2022": "skala PermenPANRB Nomor 6 Tahun 2022",
    "biner": "skala tercapai / belum tercapai",
}
# One word for one state, in every format and on the web page: a capaian that could not be measured (no
# realisasi) is TIDAK_DIUKUR, one that could not be computed says why (`tidak dapat dihitung`), and a box with
# nothing to show (no realisasi written, no matching indicator that year, no predikat, no Renstra target) is
# KOSONG_TAMPIL.
KOSONG_TAMPIL = "-"
_NUMBER = re.compile(r"\d[\d.,]*")
_COMPARATOR = re.compile(r"^\s*(?:≥|≤|>|<|=|min(?:imal)?\.?|maks(?:imal)?\.?|paling (?:sedikit|banyak))\s*", re.I)


def persen(value: Decimal | float | None) -> str:
    """`104,84%` (two decimals, half up); an empty string for no value."""
    return "" if value is None else format_number(Decimal(str(value)), 2) + "%"


def rupiah(value: float | int | None) -> str:
    return "" if value is None else "Rp " + format_number(round(value), None)


def poin(value: Decimal) -> str:
    """A difference of two capaian, `14,85` (two decimals, half up, without its sign)."""
    return format_number(abs(value), 2)


def batas_teks(aturan: Aturan) -> str:
    """The cap as the report names it, `120%`; empty without a cap."""
    return f"{aturan.batas}%" if aturan.batas is not None else ""


def capaian_teks(row: HasilIndikator | HasilSasaran | HasilKinerja) -> str:
    """A capaian as shown: `104,85%`, or why there is none (`tidak diukur`, `tidak dapat dihitung`)."""
    if row.nilai is not None:
        return persen(row.nilai)
    return row.capaian.status if isinstance(row, HasilIndikator) else TIDAK_DIUKUR


def predikat_teks(row: HasilIndikator | HasilSasaran | HasilKinerja) -> str:
    return row.predikat or KOSONG_TAMPIL


def catatan_teks(row: HasilIndikator) -> str:
    """The notes on a capaian, a capped one with its uncapped value."""
    capaian = row.capaian
    return "; ".join(
        f"capaian sebenarnya {persen(capaian.mentah)}, {note}" if note.startswith("dibatasi") else note
        for note in capaian.catatan
    )


def lalu_capaian_teks(row: HasilIndikator) -> str:
    """The latest earlier year's capaian as shown (`tidak diukur` when not measured, `-` without a matching
    indicator); empty when the report compares with no earlier year."""
    return riwayat_teks(row.riwayat[0])[1] if row.riwayat else ""


def riwayat_teks(lalu: CapaianLalu) -> tuple[str, str]:
    """An earlier year's realisasi and capaian as shown; `-` without a matching indicator."""
    if lalu.capaian is None:
        return KOSONG_TAMPIL, KOSONG_TAMPIL
    shown = lalu.capaian.status if lalu.capaian.nilai is None else persen(lalu.capaian.nilai)
    return (realisasi_tampil(lalu.target, lalu.realisasi) if lalu.realisasi else KOSONG_TAMPIL), shown


def realisasi_tampil(target: Target | None, text: str) -> str:
    """A realisasi written like its target (`83,63 %` next to `81%` shows `83,63%`, `11 Skala` next to
    `Skala 7` shows `Skala 11`); as written when it is no plain number in the target's unit."""
    if target is None or target.nilai is None or target.batas_bawah is not None:
        return text
    unit = parse_target(text).satuan
    if unit and (unit or "").lower() != (target.satuan or "").lower():
        return text
    read = nilai_realisasi(text, target.satuan)
    numbers = _NUMBER.findall(target.teks)
    written = _NUMBER.findall(text)
    if read.angka is None or len(numbers) != 1 or not written:
        return text
    return _COMPARATOR.sub("", target.teks).replace(numbers[0], written[0].rstrip(".,"), 1)


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
    riwayat: list[tuple[str, str]] = field(default_factory=list)  # (realisasi, capaian) per earlier year, oldest first
    renstra_sejauh: str = ""  # the realisasi so far (hasil.sejauh_renstra)
    renstra_persen: str = ""  # the realisasi so far as a percent of the Renstra target
    renstra_cara: str = ""  # how it was taken: `jumlah 2020–2022`, `tahun 2022`


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
    riwayat: list[str] = field(default_factory=list)  # capaian per earlier year, oldest first
    serapan: str = ""  # absorption of the budget rows that serve it; empty when the sheet names none
    kegiatan: list[str] = field(default_factory=list)  # those rows' names
    renstra_catatan: str = ""  # the Renstra table's note: which realisasi so far each indicator shows
    # the seven analysis items: (title, what the figures say, what the office wrote, what it is asked to write)
    analisis_butir: list[tuple[str, ...]] = field(default_factory=list)


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
class DaftarBukti:
    """An indicator's evidence as the appendix lists it: `1.2`, its wording, and each piece."""

    nomor: str
    uraian: str
    bukti: list[BuktiDukung]


@dataclass
class Laporan:
    """The report's content; every field a template places."""

    judul: str
    instansi: str
    tahun: int | None
    kota: str
    tanggal: str
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
    hasil: HasilKinerja  # the figures all of the above words
    tahun_riwayat: list[int | None] = field(default_factory=list)  # earlier years, oldest first
    capaian_riwayat: list[str] = field(default_factory=list)  # the organisation's capaian in those years
    tahun_ditebak: str = ""  # the sentence naming files whose year was inferred
    skala_nama: str = ""
    skala_pita: list[tuple[str, str]] = field(default_factory=list)  # (predikat, its band)
    rumus: list[tuple[str, str]] = field(default_factory=list)  # (kind of indicator, its capaian formula)
    draf: bool = False  # an unapproved year: "DRAF" on every page
    bukti: list[DaftarBukti] = field(default_factory=list)  # the appendix's Daftar Bukti Dukung

    def __getattr__(self, name: str) -> str:
        """Who signs the report and the Perjanjian Kinerja, and where: the profile's fields, by their names."""
        if name in PENANDA_TANGAN:
            return getattr(self.profil, name)
        raise AttributeError(name)

    @property
    def pk_tanggal(self) -> str:
        return tanggal_indonesia(self.profil.pk_tanggal) if self.profil.pk_tanggal else ""

    @property
    def efisiensi_sasaran(self) -> bool:
        """Whether the budget names the sasaran its rows serve (then efficiency is shown per sasaran)."""
        return any(s.kegiatan for s in self.sasaran)

    @property
    def ada_catatan(self) -> bool:
        """Whether any indicator carries a note (the measurement table's Catatan column shows only then)."""
        return any(i.catatan for s in self.sasaran for i in s.indikator)


def _kalimat(row: HasilIndikator, shown: BarisIndikator, tahun: int | None) -> str:
    """The sentence on one indicator's capaian, from its figures."""
    ind, capaian = row.indikator, row.capaian
    name = f"Indikator “{ind.uraian}”"
    year = f" tahun {tahun}" if tahun else ""
    if capaian.status == TIDAK_DIUKUR:
        return f"{name} tidak diukur{year}, sehingga tidak dihitung dalam rata-rata capaian."
    if capaian.nilai is None:
        reason = "; ".join(capaian.catatan) or capaian.status
        return f"Capaian {name[0].lower()}{name[1:]} tidak dapat dihitung ({reason}); mohon diperiksa."
    if capaian.nilai > 100:
        arah = "melampaui target"
    elif capaian.nilai == 100:
        arah = "tepat sesuai target"
    else:
        arah = "belum mencapai target"
    lower = " (semakin kecil semakin baik)" if row.polaritas == TURUN else ""
    text = (
        f"{name}{year} terealisasi {shown.realisasi} dari target {shown.target}{lower}, "
        f"capaian {shown.capaian} ({shown.predikat}); realisasi {arah}."
    )
    if capaian.mentah is not None and capaian.mentah != capaian.nilai:
        text += f" Capaian sebenarnya {persen(capaian.mentah)}, dibatasi menjadi {shown.capaian}."
    return text


def _perbandingan(row: HasilIndikator, tahun_lalu: int | None) -> str:
    """The sentence comparing the capaian with last year's; empty unless both were measured."""
    change = row.perubahan
    if change is None:
        return ""
    word = "naik" if change > 0 else "turun" if change < 0 else "tetap"
    return f" Dibanding tahun {tahun_lalu} (capaian {lalu_capaian_teks(row)}), capaian {word}" + (
        f" {poin(change)} poin." if change else "."
    )


def baris_indikator(row: HasilIndikator, tahun: int | None) -> BarisIndikator:
    """One indicator's figures and sentence as the report shows them."""
    ind, capaian = row.indikator, row.capaian
    realisasi = realisasi_tampil(ind.target, row.realisasi) if row.realisasi else KOSONG_TAMPIL
    shown = BarisIndikator(
        nomor=ind.nomor,
        uraian=ind.uraian,
        target=ind.target.teks if ind.target else KOSONG_TAMPIL,
        realisasi=realisasi,
        polaritas=row.polaritas,
        capaian=capaian_teks(row),
        capaian_mentah=persen(capaian.mentah) if capaian.mentah != capaian.nilai else "",
        predikat=predikat_teks(row),
        catatan="; ".join(
            x
            for x in (
                f"ditulis: {row.realisasi}" if realisasi != row.realisasi and row.realisasi else "",
                catatan_teks(row),
            )
            if x
        ),
        kalimat="",
        nilai=capaian.nilai,
        renstra=isian(ind, "target_renstra"),
        keterangan=isian(ind, "keterangan"),
    )
    if row.riwayat:
        shown.lalu_realisasi, shown.lalu_capaian = riwayat_teks(row.riwayat[0])
    shown.riwayat = [riwayat_teks(lalu) for lalu in reversed(row.riwayat)]
    if shown.renstra:
        _renstra(shown, row, tahun)
    latest = row.riwayat[0].tahun if row.riwayat else None
    shown.kalimat = _kalimat(row, shown, tahun) + _perbandingan(row, latest)
    if shown.renstra:
        shown.kalimat += f" Target akhir Renstra: {shown.renstra}."
    if shown.keterangan:
        shown.kalimat += f" Keterangan: {shown.keterangan.rstrip('.')}."
    return shown


def tahun_teks(years: tuple[int | None, ...]) -> str:
    """`2022`, `2020–2022` for consecutive years, `2020 dan 2022` otherwise."""
    named = [str(y) for y in years if y is not None]
    if len(named) > 2 and [int(y) for y in named] == list(range(int(named[0]), int(named[-1]) + 1)):
        return f"{named[0]}–{named[-1]}"
    return ", ".join(named[:-1]) + (" dan " if len(named) > 1 else "") + named[-1] if named else ""


def _renstra(shown: BarisIndikator, row: HasilIndikator, tahun: int | None) -> None:
    """The realisasi so far beside the Renstra end target, its percent of it (R / T akhir x 100), and how it
    was taken; `-` when no year gives one."""
    so_far = sejauh_renstra(row, tahun)
    target = row.indikator.target
    if so_far.cara == JUMLAH:
        unit = f" {target.satuan}" if target and target.satuan else ""
        shown.renstra_sejauh = f"{format_number(so_far.nilai)}{unit}" if so_far.nilai is not None else KOSONG_TAMPIL
        shown.renstra_cara = f"jumlah {tahun_teks(so_far.tahun)}" if so_far.tahun else ""
    else:
        shown.renstra_sejauh = realisasi_tampil(target, so_far.teks) if so_far.teks else KOSONG_TAMPIL
        shown.renstra_cara = f"tahun {tahun_teks(so_far.tahun)}" if so_far.tahun else ""
    end = nilai_realisasi(shown.renstra).angka
    if so_far.nilai is not None and end:
        shown.renstra_persen = persen(so_far.nilai / end * 100)


def catatan_renstra(indikator: list[BarisIndikator]) -> str:
    """Which realisasi so far each indicator of a Renstra table shows."""
    counted = [str(i.nomor) for i in indikator if i.renstra and i.renstra_cara.startswith("jumlah")]
    latest = [str(i.nomor) for i in indikator if i.renstra and i.renstra_cara.startswith("tahun")]
    parts = []
    if counted:
        parts.append(
            f"indikator {', '.join(counted)} dicapai per tahun, maka realisasinya dijumlahkan dari tahun ke tahun"
        )
    if latest:
        parts.append(
            f"indikator {', '.join(latest)} berupa tingkat atau persentase, maka yang dipakai realisasi tahun terakhir"
        )
    return ("Realisasi s.d. tahun ini: " + "; ".join(parts) + ".") if parts else ""


def baris_sasaran(row: HasilSasaran, si: int, profil: Profil, tahun: int | None) -> BarisSasaran:
    """The `si`-th sasaran (from 0) as the report shows it, with the office's analysis of it."""
    s = row.sasaran
    shown = BarisSasaran(
        nomor=s.nomor,
        kelompok=s.kelompok or "",
        uraian=s.uraian,
        indikator=[baris_indikator(ind, tahun) for ind in row.indikator],
        capaian=capaian_teks(row),
        predikat=predikat_teks(row),
        nilai=row.nilai,
        analisis=profil.analisis.get(str(si + 1), ""),
        label=f"S{si + 1}",
        riwayat=[persen(v) if v is not None else TIDAK_DIUKUR for v in reversed(row.riwayat)],
        serapan=persen(row.serapan),
        kegiatan=[a.uraian for a in row.anggaran],
    )
    shown.renstra_catatan = catatan_renstra(shown.indikator)
    return shown


def _kelompok(sasaran: list[BarisSasaran]) -> list[Kelompok]:
    """Consecutive sasaran of the same kelompok, together."""
    groups: list[Kelompok] = []
    for s in sasaran:
        if not groups or groups[-1].nama != s.kelompok:
            groups.append(Kelompok(s.kelompok))
        groups[-1].sasaran.append(s)
    return groups


def susun(masukan: Masukan, profil: Profil, aturan: Aturan | None = None) -> Laporan:
    """Compute every figure (hasil.py), then write every figure and sentence of the report."""
    return tulis(hitung_hasil(masukan, aturan), masukan, profil)


def tulis(hasil: HasilKinerja, masukan: Masukan, profil: Profil) -> Laporan:
    """The report's content from its figures (`hasil`, computed from `masukan`) and the office's profile."""
    from .analisis import butir_analisis

    doc = masukan.dokumen
    tahun = doc.tahun
    sasaran = [baris_sasaran(s, si, profil, tahun) for si, s in enumerate(hasil.sasaran)]
    years = list(reversed(hasil.tahun_lalu))
    for si, s in enumerate(sasaran):
        s.analisis_butir = butir_analisis(s, years, tahun, profil.analisis_butir.get(str(si + 1), {}))
    anggaran, total = _anggaran(hasil)
    lain = hasil.tidak_diukur + hasil.tidak_dapat
    return Laporan(
        judul="Laporan Kinerja",
        instansi=profil.instansi or doc.instansi or "",
        tahun=tahun,
        kota=profil.kota,
        tanggal=tanggal_indonesia(profil.tanggal) if profil.tanggal else "",
        ada_realisasi=hasil.ada_realisasi,
        kelompok=_kelompok(sasaran),
        sasaran=sasaran,
        capaian=capaian_teks(hasil),
        predikat=predikat_teks(hasil),
        skala=hasil.aturan.skala,
        predikat_jumlah=list(hasil.predikat_jumlah),
        diukur=hasil.diukur,
        tidak_diukur=hasil.tidak_diukur,
        tidak_dapat=hasil.tidak_dapat,
        jumlah_indikator=hasil.jumlah_indikator,
        batas=batas_teks(hasil.aturan),
        anggaran=anggaran,
        anggaran_total=total,
        ada_realisasi_anggaran=hasil.ada_realisasi_anggaran,
        efisiensi=_efisiensi(hasil),
        tanpa_pasangan=masukan.lalu[0].tanpa_pasangan if masukan.lalu else [],
        tahun_lalu=hasil.tahun_lalu[0] if hasil.tahun_lalu else None,
        profil=profil,
        peringatan=masukan.peringatan + [str(p) for p in doc.peringatan],
        ringkasan_kalimat=_ringkasan(hasil.nilai, hasil.predikat, hasil.diukur, lain, tahun),
        hasil=hasil,
        tahun_riwayat=list(reversed(hasil.tahun_lalu)),
        capaian_riwayat=[persen(v) if v is not None else TIDAK_DIUKUR for v in reversed(hasil.riwayat)],
        tahun_ditebak=_ditebak(masukan),
        skala_nama=NAMA_SKALA.get(hasil.aturan.skala, hasil.aturan.skala),
        skala_pita=pita(hasil.aturan.skala),
        rumus=rumus(hasil.aturan),
        bukti=_bukti(masukan),
    )


def _bukti(masukan: Masukan) -> list[DaftarBukti]:
    """Each indicator with evidence, in the document's order."""
    return [
        DaftarBukti(f"{s.nomor}.{ind.nomor}", ind.uraian, masukan.bukti[(si, ii)])
        for si, s in enumerate(masukan.dokumen.sasaran)
        for ii, ind in enumerate(s.indikator)
        if masukan.bukti.get((si, ii))
    ]


def _ditebak(masukan: Masukan) -> str:
    """The sentence naming the earlier files whose year was inferred; empty when each named its own."""
    years = [str(t.tahun) for t in masukan.lalu if t.tahun_ditebak]
    if not years:
        return ""
    return (
        f"Berkas pembanding tahun {', '.join(years)} tidak mencantumkan tahunnya; tahunnya ditetapkan sebagai "
        "tahun sebelum berkas pembanding yang disebut sebelumnya."
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


def _baris_anggaran(row: HasilAnggaran) -> BarisAnggaranView:
    return BarisAnggaranView(row.uraian, rupiah(row.pagu) or row.pagu_teks, rupiah(row.realisasi), persen(row.serapan))


def _anggaran(hasil: HasilKinerja) -> tuple[list[BarisAnggaranView], BarisAnggaranView | None]:
    """The budget rows and their total as shown (the total None without rows)."""
    rows, total = [_baris_anggaran(r) for r in hasil.anggaran], hasil.anggaran_total
    if total is None:
        return rows, None
    return rows, BarisAnggaranView("Jumlah", rupiah(total.pagu), rupiah(total.realisasi), persen(total.serapan))


def _efisiensi(hasil: HasilKinerja) -> str:
    """The sentence comparing the capaian with the budget's absorption; empty unless both are known."""
    gap = hasil.selisih_serapan
    if gap is None:
        return ""
    serapan = hasil.anggaran_total.serapan if hasil.anggaran_total else None
    return f"Rata-rata capaian kinerja {persen(hasil.nilai)} dicapai dengan penyerapan anggaran {persen(serapan)}" + (
        f"; capaian melampaui serapan {poin(gap)} poin, menunjukkan penggunaan anggaran yang efisien."
        if gap >= 0
        else f"; capaian {poin(gap)} poin di bawah serapan, perlu ditelaah efisiensinya."
    )


__all__ = ["KOSONG_TAMPIL", "Laporan", "persen", "rupiah", "susun", "tulis"]
