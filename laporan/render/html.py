"""The report as HTML from the Jinja templates, in a sandboxed environment with autoescaping on."""

from __future__ import annotations

import base64
import datetime as dt
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from markdown_it import MarkdownIt
from markupsafe import Markup

from inti import templat
from inti.errors import TemplatRusak

from ..daftar import grafik, tabel
from ..view import Laporan
from . import chart

TEMPLATES = templat.folder()
HTML_TEMPLATE = "laporan.html.j2"
CSS = "laporan.css"
_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False})


def markdown(text: str) -> Markup:
    """Markdown the office wrote, with raw HTML off: tags are printed as text."""
    return Markup(_MARKDOWN.render(text or ""))


def environment(folder: Path) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=FileSystemLoader(str(folder)), autoescape=True, undefined=StrictUndefined, trim_blocks=True
    )
    env.filters["markdown"] = markdown
    return env


def data_uri(data: bytes, kind: str) -> str:
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def charts(laporan: Laporan, fmt: str) -> dict[str, bytes]:
    """The report's charts by their anchor in `daftar.grafik` (svg for HTML/PDF, png for DOCX)."""
    wanted = grafik(laporan)
    out: dict[str, bytes] = {}
    if "g-predikat" in wanted:
        names = [name for name, _ in laporan.predikat_jumlah]
        counts = [count for _, count in laporan.predikat_jumlah]
        out["g-predikat"] = chart.jumlah_predikat(names, counts, fmt)
        labels = [f"{s.label}. {s.uraian}" for s in laporan.sasaran]
        values = [float(s.nilai) if s.nilai is not None else None for s in laporan.sasaran]
        out["g-sasaran"] = chart.capaian_sasaran(labels, values, fmt)
    years = [str(y) for y in laporan.tahun_riwayat] + [str(laporan.tahun or "tahun ini")]
    for n in range(1, len(laporan.sasaran) + 1):
        if f"g-s{n}-tahun" in wanted:
            hasil = laporan.hasil.sasaran[n - 1]
            values = [float(v) if v is not None else None for v in reversed(hasil.riwayat)]
            values.append(float(hasil.nilai) if hasil.nilai is not None else None)
            out[f"g-s{n}-tahun"] = chart.capaian_tahunan(years, values, fmt)
    return out


def render_html(laporan: Laporan, folder: Path = TEMPLATES, dibuat: dt.datetime | None = None) -> str:
    """The whole report as one HTML document (CSS inline, charts and logo as data URIs)."""
    try:
        env = environment(folder)
        template = env.get_template(HTML_TEMPLATE)
        css = (folder / CSS).read_text(encoding="utf-8")
    except (OSError, TemplateError) as exc:
        raise TemplatRusak(
            f"Templat laporan di '{folder}' tidak dapat dibaca ({exc}); salin ulang dengan --salin-templat."
        ) from exc
    images = {name: data_uri(svg, "image/svg+xml") for name, svg in charts(laporan, "svg").items()}
    profil = laporan.profil
    logo = data_uri(profil.logo, profil.logo_jenis) if profil.logo else ""
    created = (dibuat or dt.datetime.now()).strftime("%Y-%m-%d")
    names = {"tabel": tabel(laporan), "grafik": grafik(laporan)}
    try:
        return template.render(l=laporan, css=Markup(css), logo=logo, dibuat=created, gambar=images, **names)
    except TemplateError as exc:
        raise TemplatRusak(f"Templat laporan gagal diisi: {exc}. Periksa salinan templat Anda.") from exc
