"""Scanned pages as grey images at the resolution OCR wants: PDF pages rendered by PDFium, image files
(PNG, JPEG, TIFF, a phone photo) scaled to about that resolution."""

from __future__ import annotations

import io
import warnings

import numpy as np

from inti.errors import BerkasRusak, MelebihiBatas

# Tesseract reads body text best at about 300 dpi.
DPI = 300
# An A4 page's longer side in inches: an image without a trusted resolution is taken as an A4 page.
A4_LONG = 11.69
# Larger images than this (pixels) are refused before they are decoded: a hostile file, not a scan.
MAX_PIXELS = 80_000_000
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
TOO_BIG = "Gambar ini terlalu besar untuk dibaca; pindai halamannya pada 200–300 dpi."
DAMAGED_IMAGE = "Berkas gambar ini rusak atau terpotong dan tidak dapat dibaca; pindai atau potret ulang halamannya."


def render_pdf_page(data: bytes, index: int, password: str | None) -> tuple[np.ndarray, float]:
    """Page `index` (from 0) of a PDF as a grey image at DPI, and the points each pixel covers."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data, password=password)
    try:
        page = document[index]
        width, height = page.get_size()
        if width * height * (DPI / 72) ** 2 > MAX_PIXELS:
            raise MelebihiBatas("Halaman PDF ini terlalu besar untuk dibaca dengan OCR; pindai ulang pada ukuran A4.")
        bitmap = page.render(scale=DPI / 72, grayscale=True)
        gray = np.array(bitmap.to_pil().convert("L"))
    finally:
        document.close()
    return gray, 72 / DPI


def image_pages(data: bytes) -> int:
    """How many pages (frames) an image file holds; a clear error for a damaged or huge image."""
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                if image.width * image.height > MAX_PIXELS:
                    raise MelebihiBatas(TOO_BIG)
                return getattr(image, "n_frames", 1)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise MelebihiBatas(TOO_BIG) from exc
        except (OSError, SyntaxError, ValueError) as exc:
            raise BerkasRusak(DAMAGED_IMAGE) from exc


def render_image_page(data: bytes, index: int) -> tuple[np.ndarray, float]:
    """Frame `index` of an image file as a grey image near DPI, and the points each pixel covers
    (a page is taken as A4 when the file states no resolution)."""
    import cv2
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.seek(index)
            gray = np.array(ImageOps.exif_transpose(image).convert("L"))
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise BerkasRusak(DAMAGED_IMAGE) from exc
    dpi = max(gray.shape) / A4_LONG
    scale = DPI / dpi
    if abs(scale - 1) > 0.15:
        gray = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    return gray, 72 / DPI
