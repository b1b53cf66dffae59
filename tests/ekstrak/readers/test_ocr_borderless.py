"""A borderless table printed and scanned is read by the words' alignment as its PDF is, a lone short
word (a target "1" alone in its column, which the page reading loses) included."""

from __future__ import annotations

from realcorpus import expected, rendering, score
from scans import office_scan

import ekstrak

SLUG = "lkjip_pn_bireuen_2022"


def test_a_borderless_scan_is_read_exactly_with_its_lone_short_target():
    doc = ekstrak.extract_bytes(office_scan(rendering(SLUG, "_tanpa_garis.pdf"), seed=3, tilt=0.6), SLUG)
    result = score(doc.to_dict(), expected(SLUG))
    assert result.exact, "\n".join(result.salah[:3])
    assert "1" in [i.target.teks for s in doc.sasaran for i in s.indikator if i.target]
    assert not doc.peringatan, [str(p) for p in doc.peringatan]
