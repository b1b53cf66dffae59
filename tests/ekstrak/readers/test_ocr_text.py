"""Text a scan prints is read as printed, to its small marks: no space put after a comma that has none
("TK,KB,TPA"), a comma or full stop at a word's end not lost ("bermutu,", "Rp."), a small letter shaped as
its capital not read as the capital ("AvLOS"), an item's letter not read twice ("c." as "Cc.")."""

from __future__ import annotations

import json

import pytest
from realcorpus import expected, rendering, score
from scans import office_scan

import ekstrak

# Documents and what in each the scan used to misread.
PRINTED = {
    "pk_kemdikbud_2011": "(TK,KB,TPA,SPS)",
    "renstra_pps_unud_2015_2019": "bermutu, relevan",
    "pk_rsud_banjarnegara_bid_penunjang_2019": "AvLOS",
    "pk_pn_pekanbaru_2016": '"persentase penyampaian pemberitahuan relaas',  # its "c." was read "Cc."
}


@pytest.mark.parametrize(("slug", "printed"), PRINTED.items())
def test_a_scan_is_read_to_its_small_marks(slug, printed):
    doc = ekstrak.extract_bytes(office_scan(rendering(slug, ".pdf"), seed=len(slug), tilt=0.8), slug)
    result = score(doc.to_dict(), expected(slug))
    assert result.exact, "\n".join(result.salah[:3])
    assert printed in json.dumps(doc.to_dict(), ensure_ascii=False)
