"""Time a scan uploaded to kinerja-web, from the upload to its table, against the command's own reading of the
same scan; run by hand.

    .venv/bin/python benchmarks/bench_web_ocr.py [--repeat N] [--dpi D]

The web's path is the upload (its text layer tried first, then queued), the queue's worker reading it by OCR in
a guarded child, and the save. The baseline in the same run is `ekstrak.extract_guarded` of the same scan with
OCR (what `ekstrak` does). Medians of alternating runs; one-page scans of the OCR tests' corpus documents.
"""

from __future__ import annotations

import argparse
import io
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from realcorpus import rendering  # noqa: E402
from scans import office_scan  # noqa: E402

from ekstrak import extract_guarded  # noqa: E402
from ekstrak.readers.scan import OTOMATIS  # noqa: E402
from kinerja_web.app import create_app  # noqa: E402

SLUGS = ("pk_pn_pekanbaru_2016", "iku_kanwil_djp_bendahara_2021")


def through_the_web(client, token: str, data: bytes, name: str) -> None:
    upload = {"berkas": (io.BytesIO(data), name), "csrf_token": token}
    job = client.post("/unggah", data=upload, content_type="multipart/form-data").headers["Location"]
    while client.get(f"{job}/keadaan").json["keadaan"] in ("menunggu", "membaca"):
        time.sleep(0.02)
    assert client.get(job).status_code == 303


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dpi", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        client = create_app(Path(tmp) / "data").test_client()
        token = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/").text).group(1)
        print(f"{'scan (1 page)':32} {'web s':>7} {'ekstrak s':>10} {'ratio':>6}")
        for slug in SLUGS:
            data = office_scan(rendering(slug, ".pdf"), seed=3, dpi=args.dpi, last=1)
            path = Path(tmp) / f"{slug}.pdf"
            path.write_bytes(data)
            web, alone = [], []
            for _ in range(args.repeat):
                started = time.perf_counter()
                extract_guarded(path, ocr=OTOMATIS)
                alone.append(time.perf_counter() - started)
                started = time.perf_counter()
                through_the_web(client, token, data, path.name)
                web.append(time.perf_counter() - started)
            ratio = statistics.median(web) / statistics.median(alone)
            print(f"{slug:32} {statistics.median(web):7.2f} {statistics.median(alone):10.2f} {ratio:6.2f}")


if __name__ == "__main__":
    main()
