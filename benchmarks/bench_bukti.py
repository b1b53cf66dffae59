"""Time what evidence costs in kinerja-web; run by hand.

    .venv/bin/python benchmarks/bench_bukti.py [--repeat N] [--mib M]

Adding one M MiB PDF as evidence (read, judged by content, hashed, written, recorded), against the baseline in
the same run of hashing the same bytes and writing them to a file; the year's ZIP of 53 indicators × 3 files,
against zipping the same files with zipfile alone; and the table page with that evidence, against the same page
of a document without any. Medians of alternating runs.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import re
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from werkzeug.datastructures import FileStorage  # noqa: E402
from werkzeug.test import encode_multipart  # noqa: E402

from kinerja_web.app import create_app  # noqa: E402

SEED = ROOT / "samples" / "iku_kanwil_sulbar_2022.txt"
PDF = ROOT / "samples" / "iku_kanwil_sulbar_2022.pdf"


def _median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--mib", type=int, default=20)
    args = parser.parse_args()
    big = PDF.read_bytes() + b"%" + b"x" * (args.mib * 1024 * 1024)
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(Path(tmp) / "data")
        client = app.test_client()
        token = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/").text).group(1)

        def upload(data: bytes, name: str) -> str:
            boundary, body = encode_multipart(
                {"berkas": FileStorage(io.BytesIO(data), filename=name), "csrf_token": token}
            )
            answer = client.post("/unggah", data=body, content_type=f"multipart/form-data; boundary={boundary}")
            return answer.headers["Location"]

        def add(url: str, baris: str, data: bytes, name: str) -> None:
            fields = {"berkas": FileStorage(io.BytesIO(data), filename=name), "csrf_token": token, "baris": baris}
            boundary, body = encode_multipart(fields)
            answer = client.post(f"{url}/bukti", data=body, content_type=f"multipart/form-data; boundary={boundary}")
            assert answer.status_code == 303, answer.text[:300]

        with_evidence, without = upload(SEED.read_bytes(), "iku.txt"), upload(SEED.read_bytes(), "kosong.txt")
        adding, baseline = [], []
        for n in range(args.repeat):
            data = big + str(n).encode()  # a new file each time: nothing already kept under its hash
            started = time.perf_counter()
            add(with_evidence, "0_0", data, f"besar{n}.pdf")
            adding.append(time.perf_counter() - started)
            started = time.perf_counter()
            (Path(tmp) / hashlib.sha256(data).hexdigest()).write_bytes(data)
            baseline.append(time.perf_counter() - started)
        print(
            f"add a {args.mib} MiB PDF: {_median_ms(adding):.1f} ms; hash and write alone {_median_ms(baseline):.1f} ms"
            f" (ratio {statistics.median(adding) / statistics.median(baseline):.2f})"
        )

        small = PDF.read_bytes()
        doc = client.get(f"{with_evidence}/unduh/json").json
        rows = [(s, i) for s, sasaran in enumerate(doc["sasaran"]) for i in range(len(sasaran["indikator"]))]
        for s, i in rows:
            for k in range(3):
                add(with_evidence, f"{s}_{i}", small + f"{s}-{i}-{k}".encode(), f"bukti {k}.pdf")
        zipping, plain, page, bare = [], [], [], []
        files = sorted((Path(tmp) / "data" / "bukti").glob("??/*"))
        for _ in range(args.repeat):
            started = time.perf_counter()
            with client.get(f"{with_evidence}/bukti.zip") as answer:
                assert answer.status_code == 200
                _ = answer.data
            zipping.append(time.perf_counter() - started)
            started = time.perf_counter()
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
                for path in files:
                    package.write(path, path.name)
            plain.append(time.perf_counter() - started)
            started = time.perf_counter()
            client.get(with_evidence)
            page.append(time.perf_counter() - started)
            started = time.perf_counter()
            client.get(without)
            bare.append(time.perf_counter() - started)
        print(
            f"the year's ZIP ({len(files)} files): {_median_ms(zipping):.1f} ms; zipfile alone "
            f"{_median_ms(plain):.1f} ms (ratio {statistics.median(zipping) / statistics.median(plain):.2f})"
        )
        print(
            f"table page with {len(rows) * 3 + args.repeat} pieces of evidence: {_median_ms(page):.1f} ms; "
            f"without any {_median_ms(bare):.1f} ms (ratio {statistics.median(page) / statistics.median(bare):.2f})"
        )


if __name__ == "__main__":
    main()
