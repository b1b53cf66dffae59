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
    """The report's charts (svg for HTML/PDF, png for DOCX)."""
    names = [name for name, _ in laporan.predikat_jumlah]
    counts = [count for _, count in laporan.predikat_jumlah]
    values = [float(s.nilai) if s.nilai is not None else None for s in laporan.sasaran]
    return {
        "grafik_sasaran": chart.capaian_sasaran([s.label for s in laporan.sasaran], values, fmt),
        "grafik_predikat": chart.jumlah_predikat(names, counts, fmt),
    }


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
    try:
        return template.render(l=laporan, css=Markup(css), logo=logo, dibuat=created, **images)
    except TemplateError as exc:
        raise TemplatRusak(f"Templat laporan gagal diisi: {exc}. Periksa salinan templat Anda.") from exc
