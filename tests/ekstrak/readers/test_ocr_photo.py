"""A page photographed at an angle on a desk (a quadrilateral, its light falling off across it) is warped
flat and read like a scan; a scan, all paper, is left as it is."""

from __future__ import annotations

import numpy as np
from realcorpus import expected, rendering, score
from scans import degrade, pages_of, photo

import ekstrak
from ekstrak.readers.perspective import page_corners

SLUG = "iku_kanwil_djp_bendahara_2021"


def test_a_page_photographed_at_an_angle_is_read_exactly(tmp_path):
    (page,) = pages_of(rendering(SLUG, ".pdf"), dpi=200)
    picture = tmp_path / "foto.jpg"
    photo(page, seed=2).save(picture)
    doc = ekstrak.extract(picture)
    result = score(doc.to_dict(), expected(SLUG))
    assert result.exact, "\n".join(result.salah[:3])
    assert not doc.peringatan, [str(p) for p in doc.peringatan]


def test_a_scan_is_not_taken_for_a_photo():
    (page,) = pages_of(rendering(SLUG, ".pdf"), dpi=200)
    assert page_corners(np.asarray(degrade(page, seed=1))) is None
    assert page_corners(np.asarray(photo(page, seed=1))) is not None
