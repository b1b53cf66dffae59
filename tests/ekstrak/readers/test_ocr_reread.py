"""A number OCR read wrong with confidence is caught by reading it a second time from its own crop: the
two readings' digits differ, so the word loses its confidence (and its record gets a warning); a number
read right in both readings keeps its confidence."""

from __future__ import annotations

import io

from realcorpus import rendering
from scans import degrade, pages_of

from ekstrak.readers import ocr
from ekstrak.readers.raster import render_image_page
from ekstrak.readers.reread import DOUBTED, NUMBER_RE, reread_numbers
from ekstrak.readers.rules import find_rules
from ekstrak.readers.straighten import straighten

SLUG = "iku_pemkab_kulon_progo_2011_2016"


def _page() -> bytes:
    (page,) = pages_of(rendering(SLUG, ".pdf"), dpi=200)
    buffer = io.BytesIO()
    degrade(page, seed=3, tilt=0.5).save(buffer, "PNG")
    return buffer.getvalue()


def _digits(text: str | None) -> str:
    return "".join(c for c in text or "" if c.isdigit())


def _misread(text: str) -> str:
    """The number with its first digit read as another (7 as 1, 1 as 7, any other as 8)."""
    index = next(i for i, c in enumerate(text) if c.isdigit())
    wrong = {"7": "1", "1": "7"}.get(text[index], "8" if text[index] != "8" else "3")
    return text[:index] + wrong + text[index + 1 :]


def test_a_confident_misreading_of_a_number_is_doubted_and_a_right_one_is_not():
    png = _page()
    (page,) = ocr.read_pages(ocr.image_renderer(png), [0])
    numbers = [w for w in page.words if NUMBER_RE.match(w["text"])]
    assert len(numbers) >= 10
    assert all("reread" not in w for w in numbers), [(w["text"], w["reread"]) for w in numbers if "reread" in w]

    text_api, _ = ocr._engines(ocr.check_ocr())
    gray, scale = render_image_page(png, 0)
    _, clean = find_rules(straighten(gray), scale)
    sure = [dict(w, conf=0.98) for w in numbers]
    wrong = [dict(w, text=_misread(w["text"])) for w in sure[::3]]
    right = sure[1::3]
    reread_numbers(clean, scale, text_api, wrong + right, ocr.PAGE_MODE)
    missed = [w["text"] for w in wrong if w["conf"] > DOUBTED]
    assert len(missed) <= len(wrong) // 10, missed
    truth = {id(w): t["text"] for w, t in zip(wrong, sure[::3], strict=True)}
    digits = [(w.get("reread"), truth[id(w)]) for w in wrong if w["conf"] <= DOUBTED]
    assert sum(_digits(again) == _digits(meant) for again, meant in digits) >= len(digits) * 0.9, digits
    assert all(w["conf"] == 0.98 for w in right), [(w["text"], w.get("reread")) for w in right if "reread" in w]
