"""Time what a person waits for in kinerja-web: one edit answered with fresh figures, and the table page;
run by hand.

    .venv/bin/python benchmarks/bench_web.py [--repeat N]

An edit is saved to SQLite and answered with its sasaran's figures: only the edited row is laid out again and
only its indicator's capaian computed again, the rest kept from the saves before (kinerja_web/terkini.py). The
baseline in the same run is what each edit used to compute: the report's figures (`hitung_hasil`) of the whole
document, on the same, already corrected, document. Medians of alternating runs.
"""

from __future__ import annotations

import argparse
import io
import re
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_laporan import generated  # noqa: E402

from kinerja_web import report  # noqa: E402
from kinerja_web.app import create_app  # noqa: E402
from laporan.hasil import hitung_hasil  # noqa: E402

SEED = ROOT / "samples" / "iku_kanwil_sulbar_2022.txt"


def _ms(seconds: list[float]) -> str:
    return f"{statistics.median(seconds) * 1000:8.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(Path(tmp) / "data")
        client = app.test_client()
        token = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/").text).group(1)
        store = app.extensions["kinerja_store"]
        cases = [("seed, 53 indicators", SEED), ("generated, 500 indicators", generated(Path(tmp), 500))]
        print(f"{'document':27} {'edit ms':>8} {'figures alone ms':>17} {'ratio':>6} {'table page ms':>14}")
        for name, path in cases:
            upload = {"berkas": (io.BytesIO(path.read_bytes()), path.name), "csrf_token": token}
            url = client.post("/unggah", data=upload, content_type="multipart/form-data").headers["Location"]
            for s in range(0, 20):  # a document with some edits, as in real use
                note = {"s": s, "i": 0, "bidang": "keterangan", "nilai": f"catatan {s}"}
                client.post(f"{url}/sunting", json=note, headers={"X-CSRFToken": token})
            state = report.keadaan(store, store.ambil(int(url.rsplit("/", 1)[1])))
            inputs, rules = report.masukan(state, store), report.aturan({})
            edit, alone, page = [], [], []
            for run in range(args.repeat):
                body = {"s": 1, "i": 0, "bidang": "realisasi", "nilai": f"{80 + run % 7}%"}
                steps = [
                    (edit, partial(client.post, f"{url}/sunting", json=body, headers={"X-CSRFToken": token})),
                    (alone, partial(hitung_hasil, inputs, rules)),
                ]
                for times, step in steps if run % 2 else reversed(steps):
                    started = time.perf_counter()
                    step()
                    times.append(time.perf_counter() - started)
                started = time.perf_counter()
                client.get(url)
                page.append(time.perf_counter() - started)
            ratio = statistics.median(edit) / statistics.median(alone)
            print(f"{name:27} {_ms(edit)} {_ms(alone):>17} {ratio:6.2f} {_ms(page):>14}")


if __name__ == "__main__":
    main()
