"""The report as PDF: the HTML through WeasyPrint, fetching nothing but the template folder's own files."""

from __future__ import annotations

import logging
import urllib.parse
from pathlib import Path

from inti.errors import TemplatRusak

from .html import TEMPLATES


def url_fetcher(folder: Path):
    """WeasyPrint may load data URIs (our charts and logo) and files inside the template folder; any
    other URL (another file://, the network) is refused, so document text can never embed anything."""
    from weasyprint.urls import URLFetcher

    root = folder.resolve()

    class TemplateOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urllib.parse.urlparse(url)
            if parsed.scheme == "file":
                path = Path(urllib.parse.unquote(parsed.path)).resolve()
                if not path.is_relative_to(root):
                    raise ValueError(f"alamat tidak diizinkan dalam laporan: {url[:80]}")
            return super().fetch(url, headers)

    return TemplateOnly(allowed_protocols={"file", "data"}, allow_redirects=False, timeout=5)


def render_pdf(html: str, folder: Path = TEMPLATES) -> bytes:
    """PDF bytes of the report's HTML, fonts from the template folder embedded."""
    from weasyprint import HTML

    logging.getLogger("fontTools").setLevel(logging.ERROR)
    try:
        document = HTML(string=html, base_url=str(folder.resolve()) + "/", url_fetcher=url_fetcher(folder))
        return document.write_pdf()
    except Exception as exc:  # WeasyPrint raises many kinds on a broken template
        raise TemplatRusak(f"PDF laporan gagal dibuat ({type(exc).__name__}); periksa templat laporan.") from exc
