"""The report as DOCX: the Word template in templates/ filled by docxtpl, autoescaped, in the sandbox."""

from __future__ import annotations

import io
from pathlib import Path

from markdown_it import MarkdownIt

from inti.errors import TemplatRusak

from .. import daftar
from ..view import Laporan
from . import docx_daftar as daftar_halaman
from .html import TEMPLATES, charts, environment

DOCX_TEMPLATE = "laporan.docx"
_MARKDOWN = MarkdownIt("commonmark", {"html": False})


def paragraphs(markdown_text: str) -> list[str]:
    """The office's Markdown as plain paragraphs for Word: list items as bullets, markup dropped."""
    out: list[str] = []
    in_list = 0
    for token in _MARKDOWN.parse(markdown_text or ""):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            in_list += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            in_list -= 1
        elif token.type == "inline":
            text = "".join(child.content for child in token.children or [] if child.type in ("text", "code_inline"))
            text = text or token.content
            out.append(("• " if in_list else "") + text)
    return out


def _ikhtisar(doc, lap: Laporan, tabel: dict, grafik: dict, png: dict[str, bytes]) -> None:
    """The Ikhtisar's tables: the summary, capaian per year, indicators per predikat with its chart."""
    from . import docx_isi as isi

    t = isi.Tabel(doc, [isi.Kolom("Uraian"), isi.Kolom("Nilai", isi.RUPIAH, True)], judul=tabel["t-ringkas"])
    rows = [
        ("Jumlah sasaran", str(len(lap.sasaran))),
        ("Jumlah indikator", str(lap.jumlah_indikator)),
        ("Indikator yang diukur", str(lap.diukur)),
        ("Indikator tidak diukur / tidak dapat dihitung", f"{lap.tidak_diukur} / {lap.tidak_dapat}"),
        ("Rata-rata capaian kinerja", lap.capaian),
        ("Predikat", lap.predikat),
    ]
    if lap.anggaran_total and lap.ada_realisasi_anggaran:
        rows.append(("Penyerapan anggaran", lap.anggaran_total.serapan))
    for row in rows:
        t.baris(list(row), tetap=True)
    if lap.tahun_riwayat:
        years = [str(y) for y in lap.tahun_riwayat] + [str(lap.tahun or "")]
        kolom = [isi.Kolom("Uraian")] + [isi.Kolom(y, isi.NUMBER, True) for y in years]
        t = isi.Tabel(doc, kolom, judul=tabel["t-tahunan"])
        t.baris(["Rata-rata capaian kinerja", *lap.capaian_riwayat, lap.capaian])
        if lap.tahun_ditebak:
            doc.add_paragraph(lap.tahun_ditebak)
    if lap.diukur:
        kolom = [isi.Kolom(name, None, True) for name, _ in lap.predikat_jumlah]
        t = isi.Tabel(doc, kolom, judul=tabel["t-predikat"])
        t.baris([str(count) for _, count in lap.predikat_jumlah])
        isi.gambar(doc, png.get("g-predikat"), grafik.get("g-predikat"))


def _subdocs(template, lap: Laporan) -> dict:
    """The DOCX's tables and Bab III's sasaran parts as subdocuments the template places."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from . import docx_isi as isi

    tabel, grafik = daftar.tabel(lap), daftar.grafik(lap)
    png = charts(lap, "png")
    parts: dict = {}

    def part(name: str):
        parts[name] = template.new_subdoc()
        return parts[name].subdocx

    _ikhtisar(part("ringkas"), lap, tabel, grafik, png)
    isi.tabel_pk(part("pk"), lap, tabel["t-pk"])
    isi.tabel_pk(part("lampiran_pk"), lap, tabel["t-lampiran-pk"])
    if lap.anggaran:
        isi.tabel_anggaran(part("pagu"), lap, tabel["t-pagu"], realisasi=False)
        isi.tabel_anggaran(part("lampiran_pagu"), lap, None, realisasi=False)
    if lap.anggaran and lap.ada_realisasi_anggaran:
        doc = part("anggaran")
        isi.tabel_anggaran(doc, lap, tabel["t-anggaran"], realisasi=True)
        if lap.efisiensi:
            doc.add_paragraph(lap.efisiensi).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if "t-efisiensi" in tabel:
            isi.tabel_efisiensi(doc, lap, tabel["t-efisiensi"])
    doc = part("metode")
    for jenis, cara in lap.rumus:
        para = doc.add_paragraph(style="List Bullet")
        para.add_run(jenis + ": ").bold = True
        para.add_run(cara + ".")
    doc.add_paragraph(
        "Capaian sasaran adalah rata-rata capaian indikatornya yang diukur; capaian organisasi adalah rata-rata "
        "capaian sasaran. Indikator yang tidak diukur tidak masuk rata-rata. Predikat ditetapkan menurut "
        f"{lap.skala_nama}:"
    ).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    t = isi.Tabel(doc, [isi.Kolom("Predikat", 4), isi.Kolom("Capaian", 5)], 9, tabel["t-skala"])
    for name, band in lap.skala_pita:
        t.baris([name, band], tetap=True)
    isi.gambar(doc, png.get("g-sasaran"), grafik.get("g-sasaran"))
    isi.tabel_ukur(part("ukur"), lap, tabel["t-ukur"])
    doc = part("sasaran")
    for n, s in enumerate(lap.sasaran, start=1):
        isi.sasaran(doc, lap, s, n, tabel, grafik, png)
    for name, entries in (("daftar_tabel", tabel), ("daftar_grafik", grafik)):
        doc = part(name)
        daftar_halaman.daftar(doc, entries, daftar_halaman.PLACEHOLDER)
        if not entries:
            doc.add_paragraph("Belum ada grafik: realisasi belum diisi.")
    for sub in parts.values():
        isi.kunci(sub.subdocx)
    return parts


def render_docx(laporan: Laporan, folder: Path = TEMPLATES) -> bytes:
    """DOCX bytes of the report from the user's (or our) Word template."""
    import datetime as dt

    from docx.shared import Mm
    from docxtpl import DocxTemplate, InlineImage, RichText

    def placeholder(what: str) -> RichText:
        return RichText(f"[Diisi oleh instansi: {what}]", italic=True, highlight="FFF2CC")

    def prosa(text: str, what: str) -> list[RichText]:
        found = [RichText(para) for para in paragraphs(text)]
        return found if found else [placeholder(what)]

    def given(text: str, what: str) -> RichText:
        return RichText(text) if text else placeholder(what)

    try:
        template = DocxTemplate(str(folder / DOCX_TEMPLATE))
        template.init_docx()
    except Exception as exc:  # python-docx raises many kinds for a broken template
        raise TemplatRusak(
            f"Templat Word '{folder / DOCX_TEMPLATE}' tidak dapat dibuka; salin ulang dengan --salin-templat."
        ) from exc
    profil = laporan.profil

    def tempat(kota: str, tanggal: str, apa: str) -> RichText:
        out = RichText()
        for n, (part, what) in enumerate(((kota, f"kota{apa}"), (tanggal, f"tanggal{apa}"))):
            if n:
                out.add(", ")
            if part:
                out.add(part)
            else:
                out.add(f"[Diisi oleh instansi: {what}]", italic=True, highlight="FFF2CC")
        return out

    context = {
        "l": laporan,
        "logo": InlineImage(template, io.BytesIO(profil.logo), height=Mm(35)) if profil.logo else "",
        "prosa": {
            "kata_pengantar": prosa(profil.kata_pengantar, "kata pengantar"),
            "bab1": prosa(profil.bab1, "gambaran organisasi, tugas dan fungsi, struktur organisasi, isu strategis"),
            "bab4": prosa(profil.bab4, "kesimpulan, permasalahan dan langkah ke depan"),
        },
        "ttd": {
            "tempat": tempat(laporan.kota, laporan.tanggal, ""),
            "jabatan": given(laporan.kepala_jabatan, "jabatan kepala"),
            "nama": given(laporan.kepala_nama, "nama kepala"),
            "nip": given(laporan.kepala_nip, "NIP"),
        },
        "pk": {
            "tempat": tempat(laporan.pk_kota, laporan.pk_tanggal, " penandatanganan PK"),
            "jabatan": given(laporan.pihak_kedua_jabatan, "jabatan atasan"),
            "nama": given(laporan.pihak_kedua_nama, "nama atasan"),
            "nip": given(laporan.pihak_kedua_nip, "NIP atasan"),
        },
        "anggaran_isian": placeholder("realisasi anggaran per program/kegiatan (kolom realisasi lembar Anggaran)"),
        "pagu_isian": placeholder("pagu anggaran per program/kegiatan (lembar Anggaran atau --anggaran)"),
        "bagian": _subdocs(template, laporan),
    }
    try:
        template.render(context, jinja_env=environment(folder), autoescape=True)
    except Exception as exc:  # Jinja or docxtpl errors in a user's template copy
        raise TemplatRusak(
            f"Templat Word gagal diisi ({type(exc).__name__}: {exc}); periksa salinan templat Anda."
        ) from exc
    from .docx_bukti import daftar_bukti

    daftar_bukti(template.docx, laporan)  # before the lists are filled: it is an entry of the Daftar Isi
    daftar_halaman.isi_toc(template.docx, daftar_halaman.PLACEHOLDER)
    daftar_halaman.halaman(template.docx, template.save)
    properties = template.docx.core_properties
    properties.title = f"Laporan Kinerja {laporan.tahun or ''} {laporan.instansi}".strip()
    properties.author = laporan.instansi or "Kinerja"
    properties.created = properties.modified = dt.datetime.now(dt.UTC).replace(microsecond=0)
    properties.keywords = "LKjIP, laporan kinerja" + (", DRAF" if laporan.draf else "")
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()
