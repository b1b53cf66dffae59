"""The report as DOCX: the Word template in templates/ filled by docxtpl, autoescaped, in the sandbox."""

from __future__ import annotations

import io
from pathlib import Path

from markdown_it import MarkdownIt

from inti.errors import TemplatRusak

from ..view import Laporan
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


def render_docx(laporan: Laporan, folder: Path = TEMPLATES) -> bytes:
    """DOCX bytes of the report from the user's (or our) Word template."""
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
    images = {
        name: InlineImage(template, io.BytesIO(png), width=Mm(150)) for name, png in charts(laporan, "png").items()
    }
    tempat = RichText()
    for part, what in ((laporan.kota, "kota"), (laporan.tanggal, "tanggal")):
        if tempat.xml:
            tempat.add(", ")
        if part:
            tempat.add(part)
        else:
            tempat.add(f"[Diisi oleh instansi: {what}]", italic=True, highlight="FFF2CC")
    context = {
        "l": laporan,
        "logo": InlineImage(template, io.BytesIO(profil.logo), height=Mm(35)) if profil.logo else "",
        "prosa": {
            "kata_pengantar": prosa(profil.kata_pengantar, "kata pengantar"),
            "bab1": prosa(profil.bab1, "gambaran organisasi, tugas dan fungsi, struktur organisasi, isu strategis"),
            "bab4": prosa(profil.bab4, "kesimpulan, permasalahan dan langkah ke depan"),
        },
        "analisis": [
            prosa(s.analisis, f"penyebab keberhasilan atau kegagalan, solusi, dan program pendukung sasaran {s.nomor}")
            for s in laporan.sasaran
        ],
        "ttd": {
            "tempat": tempat,
            "jabatan": given(laporan.kepala_jabatan, "jabatan kepala"),
            "nama": given(laporan.kepala_nama, "nama kepala"),
            "nip": given(laporan.kepala_nip, "NIP"),
        },
        "anggaran_catatan": RichText(laporan.efisiensi)
        if laporan.ada_realisasi_anggaran
        else placeholder("realisasi anggaran per program/kegiatan (kolom realisasi lembar Anggaran)"),
        **images,
    }
    try:
        template.render(context, jinja_env=environment(folder), autoescape=True)
    except Exception as exc:  # Jinja or docxtpl errors in a user's template copy
        raise TemplatRusak(
            f"Templat Word gagal diisi ({type(exc).__name__}: {exc}); periksa salinan templat Anda."
        ) from exc
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()
