"""Scans made the way offices make them: a printed PDF rasterised in grey, tilted, noised, a stamp over the
signature, JPEG-compressed and wrapped as an image-only PDF (no text layer)."""

from __future__ import annotations

import io
import random
import subprocess
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter


def pages_of(pdf: Path, dpi: int = 200, first: int | None = None, last: int | None = None) -> list[Image.Image]:
    """The PDF's pages as grey images, as a scanner at `dpi` sees them (poppler renders them)."""
    with tempfile.TemporaryDirectory() as folder:
        pages = ["-f", str(first)] if first else []
        pages += ["-l", str(last)] if last else []
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", *pages, str(pdf), f"{folder}/p"], check=True)
        return [Image.open(p).copy() for p in sorted(Path(folder).glob("p*.png"))]


def stamp(page: Image.Image, seed: int) -> Image.Image:
    """A round office stamp pressed over the lower right part of the page (over a signature, if any)."""
    rng = random.Random(seed)
    out = page.copy()
    draw = ImageDraw.Draw(out)
    w, h = out.size
    r = w // 12
    cx, cy = int(w * rng.uniform(0.6, 0.75)), int(h * rng.uniform(0.82, 0.9))
    for ring in (r, r - 6, r // 2):
        draw.ellipse((cx - ring, cy - ring, cx + ring, cy + ring), outline=110, width=4)
    draw.line((cx - r, cy + r // 3, cx + r // 2, cy - r // 2), fill=90, width=3)  # a pen stroke: the signature
    return out


def degrade(page: Image.Image, seed: int, tilt: float = 1.0, noise: int = 14) -> Image.Image:
    """A grey page tilted by `tilt` degrees, a little blurred, with speckle noise (deterministic by seed)."""
    rng = random.Random(seed)
    turned = page.convert("L").rotate(tilt, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    soft = turned.filter(ImageFilter.GaussianBlur(0.6))
    pixels = soft.load()
    w, h = soft.size
    for _ in range(w * h // 400):
        x, y = rng.randrange(w), rng.randrange(h)
        pixels[x, y] = max(0, min(255, pixels[x, y] + rng.randint(-noise * 6, noise * 6)))
    return soft.point(lambda v: max(0, min(255, v - 12)))  # greyed paper, darker toner


def jpeg(page: Image.Image, quality: int = 60) -> Image.Image:
    buffer = io.BytesIO()
    page.save(buffer, "JPEG", quality=quality)
    buffer.seek(0)
    return Image.open(buffer)


def to_pdf(pages: list[Image.Image], dpi: int = 200) -> bytes:
    """Pages as an image-only PDF, each page its JPEG at `dpi` (what a scanner's 'scan to PDF' writes)."""
    buffer = io.BytesIO()
    first, *rest = [jpeg(p) for p in pages]
    first.save(buffer, "PDF", resolution=dpi, save_all=True, append_images=rest)
    return buffer.getvalue()


def office_scan(pdf: Path, seed: int = 1, tilt: float = 0.8, dpi: int = 200, last: int | None = None) -> bytes:
    """A printed PDF scanned as an office does: grey, tilted, noised, stamped on its last page, JPEG."""
    pages = pages_of(pdf, dpi, last=last)
    pages[-1] = stamp(pages[-1], seed)
    sign = 1 if seed % 2 else -1
    return to_pdf([degrade(p, seed + i, sign * tilt) for i, p in enumerate(pages)], dpi)


def photo(page: Image.Image, seed: int = 1, slant: float = 0.08) -> Image.Image:
    """A page photographed at an angle on a dark desk: the paper a quadrilateral (its far edge narrower by
    `slant` of its width on each side, corners jittered), the light falling off across it, grey, JPEG."""
    import numpy as np

    rng = random.Random(seed)
    w, h = page.size
    margin = int(w * 0.12)
    desk = Image.new("L", (w + 2 * margin, h + 2 * margin), 55)
    width, height = desk.size

    def jitter() -> float:
        return rng.uniform(-0.01, 0.01) * w

    # Where the page's corners land on the desk (top left, top right, bottom right, bottom left).
    quad = [
        (margin + slant * w + jitter(), margin + jitter()),
        (margin + w - slant * w + jitter(), margin + jitter()),
        (margin + w + jitter(), margin + h + jitter()),
        (margin + jitter(), margin + h + jitter()),
    ]
    # PIL's perspective transform maps each output pixel back to the page: solve for those coefficients.
    rows, rhs = [], []
    for (x, y), (u, v) in zip(quad, [(0, 0), (w, 0), (w, h), (0, h)], strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs += [u, v]
    coefficients = np.linalg.solve(np.array(rows, float), np.array(rhs, float))
    paper = page.convert("L").transform(
        (width, height), Image.Transform.PERSPECTIVE, tuple(coefficients), Image.Resampling.BICUBIC, fillcolor=0
    )
    mask = Image.new("L", page.size, 255).transform(
        (width, height), Image.Transform.PERSPECTIVE, tuple(coefficients), Image.Resampling.BILINEAR, fillcolor=0
    )
    desk.paste(paper, (0, 0), mask)
    light = np.linspace(0.65, 1.0, width)[None, :] * np.linspace(0.85, 1.0, height)[:, None]
    lit = Image.fromarray((np.asarray(desk, float) * light).clip(0, 255).astype("uint8"))
    return jpeg(lit.filter(ImageFilter.GaussianBlur(0.7)), quality=80)
