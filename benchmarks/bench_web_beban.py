"""kinerja-web under an office's load, through the real server on loopback; run by hand (not a timed test).

    .venv/bin/python benchmarks/bench_web_beban.py [--operators 50] [--saves 20] [--db sqlite] [--db postgresql]

A document of 1000 indicators in 50 units (kelompok), uploaded by the perencana. Baseline: the same number of
realisasi saved one at a time by one signed-in person, on a document of its own. Load: 50 operators, each a
process of its own signed in through the server, start together and each save 20 realisasi of their unit;
afterwards the database must hold exactly those 1000 values and 1000 lines of history. Conflicts: 50 pairs
write the same field at once, each from the value they loaded: one of each pair must be accepted and the other
refused with the winner's value. Printed: p50, p95 and max latency and saves per second, per database: SQLite (a
file in the data folder) and PostgreSQL (a server of the benchmark's own, as the tests start it (tests/pg.py), but
writing to disk at each commit as a real server does; or the one --postgresql names).
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import multiprocessing
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import ekstrak  # noqa: E402
from kinerja_web import pengguna  # noqa: E402
from kinerja_web.store import DATABASE, Simpanan  # noqa: E402

sys.path.append(str(ROOT / "tests"))  # after the checkout: tests/ekstrak is no package of ours
from pg import Cluster  # noqa: E402

BIN = Path(sys.executable).parent
SANDI = "sandi-uji-beban-panjang"
INSTANSI = "INSTANSI UJI BEBAN"


def document(units: int, per_unit: int) -> bytes:
    """Kinerja's JSON of a document: one sasaran of `per_unit` indicators (target 80%) per unit."""
    sasaran = []
    for u in range(units):
        rows = tuple(
            ekstrak.Indikator(i + 1, f"Persentase layanan {u + 1}.{i + 1} tepat waktu", ekstrak.parse_target("80%"))
            for i in range(per_unit)
        )
        sasaran.append(ekstrak.Sasaran(u + 1, f"Unit {u + 1:02d}", f"Meningkatnya layanan unit {u + 1}", rows))
    doc = ekstrak.Dokumen("INDIKATOR KINERJA UTAMA", INSTANSI, 2024, tuple(sasaran))
    return ekstrak.render(doc, "json")


class Sesi:
    """One person's browser: a cookie jar, the page's token, signed in."""

    def __init__(self, base: str, nama: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.token = self._token("/masuk")
        form = {"csrf_token": self.token, "nama": nama, "sandi": SANDI, "lanjut": "/"}
        self.opener.open(self.base + "/masuk", urllib.parse.urlencode(form).encode(), timeout=60)
        self.token = self._token("/")

    def _token(self, path: str) -> str:
        page = self.opener.open(self.base + path, timeout=60).read().decode()
        return re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)  # type: ignore[union-attr]

    def upload(self, data: bytes, name: str) -> str:
        boundary = "kinerjabatas"
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{self.token}\r\n'
                f'--{boundary}\r\nContent-Disposition: form-data; name="berkas"; filename="{name}"\r\n'
                "Content-Type: application/json\r\n\r\n"
            ).encode()
            + data
            + f"\r\n--{boundary}--\r\n".encode()
        )
        request = urllib.request.Request(self.base + "/unggah", body, method="POST")
        request.add_header("Content-Type", f"multipart/form-data; boundary={boundary}")
        with self.opener.open(request, timeout=120) as answer:
            return urllib.parse.urlparse(answer.url).path

    def save(self, url: str, s: int, i: int, bidang: str, nilai: str, lama: str) -> tuple[float, int, dict]:
        """One save as the page sends it: seconds taken, status, answer."""
        body = json.dumps({"s": s, "i": i, "bidang": bidang, "nilai": nilai, "lama": lama}).encode()
        request = urllib.request.Request(self.base + url + "/sunting", body, method="POST")
        request.add_header("Content-Type", "application/json")
        request.add_header("X-CSRFToken", self.token)
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=120) as answer:
                status, data = answer.status, json.loads(answer.read())
        except urllib.error.HTTPError as refused:
            status, data = refused.code, json.loads(refused.read())
        return time.perf_counter() - started, status, data


def operator(base: str, nama: str, url: str, unit: int, saves: int, start, out) -> None:
    """A process: one operator signs in, waits for the others, saves `saves` realisasi of their unit."""
    sesi = Sesi(base, nama)
    start.wait()
    out.put([sesi.save(url, unit, i, "realisasi", f"{70 + i}%", "")[:2] for i in range(saves)])


def pair(base: str, nama: str, url: str, field: int, value: str, start, out) -> None:
    sesi = Sesi(base, nama)
    start.wait()
    _, status, data = sesi.save(url, field, 0, "keterangan", value, "")
    out.put((field, value, status, data.get("bentrok", {}).get("nilai")))


def figures(seconds: list[float], wall: float) -> str:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[max(0, round(0.95 * len(ms)) - 1)]
    return (
        f"p50 {statistics.median(ms):6.0f} ms   p95 {p95:6.0f} ms   max {ms[-1]:6.0f} ms   "
        f"{len(ms) / wall:6.1f} simpan/detik"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--operators", type=int, default=50)
    parser.add_argument("--saves", type=int, default=20)
    parser.add_argument("--db", action="append", choices=("sqlite", "postgresql"), help="default: both")
    parser.add_argument("--postgresql", metavar="URL", help="an empty database to use (default: a server of its own)")
    args = parser.parse_args()
    for kind in args.db or ("sqlite", "postgresql"):
        if kind == "sqlite":
            bench(DATABASE, "SQLite", args.operators, args.saves)
        elif args.postgresql:
            bench(args.postgresql, "PostgreSQL", args.operators, args.saves)
        else:
            cluster = Cluster(durable=True)
            try:
                bench(cluster.database(), "PostgreSQL", args.operators, args.saves)
            finally:
                cluster.stop()


def bench(db: str, name: str, n: int, k: int) -> None:
    """The three measurements on one database: `db` a file name in the data folder or a PostgreSQL address."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        store = Simpanan(data, db)
        pengguna.tambah(store, "perencana", "perencana", SANDI, INSTANSI)
        for u in range(n):
            pengguna.tambah(store, f"op{u + 1:02d}", "operator", SANDI, INSTANSI, [f"Unit {u + 1:02d}"])
        store.tutup()  # no connection of this process is carried into the operators' processes
        server = subprocess.Popen(
            [
                str(BIN / "kinerja-web"),
                "--port",
                "0",
                "--data",
                str(data),
                "--db",
                str(data / db) if db == DATABASE else db,
                "--tanpa-peramban",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            base = re.search(r"http://127\.0\.0\.1:\d+", server.stdout.readline()).group(0)  # type: ignore[union-attr]
            run(base, n, k, (data, db), name)
        finally:
            server.terminate()
            _, log = server.communicate(timeout=30)
            if "Traceback" in log or "WARNING" in log:
                print(log[-3000:])


def run(base: str, n: int, k: int, database: tuple[Path, str], name: str) -> None:
    planner = Sesi(base, "perencana")
    payload = document(n, k)
    alone_url = planner.upload(payload, "sendiri.json")
    load_url = planner.upload(payload.replace(b'"tahun": 2024', b'"tahun": 2025'), "beban.json")
    print(f"Dokumen {n * k} indikator dalam {n} unit; {name}; {multiprocessing.cpu_count()} inti.", flush=True)

    started = time.perf_counter()
    alone = [planner.save(alone_url, u, i, "realisasi", f"{70 + i}%", "")[0] for u in range(n) for i in range(k)]
    print(f"satu per satu     ({n * k} simpan):  {figures(alone, time.perf_counter() - started)}", flush=True)

    context = multiprocessing.get_context("fork")  # separate processes, started from this one
    start, out = context.Barrier(n + 1), context.Queue()
    workers = [
        context.Process(target=operator, args=(base, f"op{u + 1:02d}", load_url, u, k, start, out)) for u in range(n)
    ]
    for worker in workers:
        worker.start()
    start.wait()
    began = time.perf_counter()
    results = [out.get(timeout=600) for _ in workers]
    wall = time.perf_counter() - began
    for worker in workers:
        worker.join()
    seconds = [s for result in results for s, _ in result]
    refused = sum(status != 200 for result in results for _, status in result)
    print(f"{n} operator bersamaan ({n * k} simpan): {figures(seconds, wall)}   ditolak {refused}", flush=True)

    dokumen_id = int(load_url.rsplit("/", 1)[1])
    store = Simpanan(*database)
    with store.koneksi() as db:
        values = db.execute(
            "SELECT count(*) FROM suntingan WHERE dokumen_id = ? AND bidang = 'realisasi'", (dokumen_id,)
        ).fetchone()[0]
        history = db.execute("SELECT count(*) FROM riwayat WHERE dokumen_id = ?", (dokumen_id,)).fetchone()[0]
    store.tutup()
    print(f"  basis data: {values} nilai realisasi, {history} baris riwayat (harus {n * k} dan {n * k})")

    start, out = context.Barrier(2 * n + 1), context.Queue()
    pairs = [
        context.Process(target=pair, args=(base, who, load_url, u, f"{who} menulis", start, out))
        for u in range(n)
        for who in (f"op{u + 1:02d}", "perencana")
    ]
    for worker in pairs:
        worker.start()
    start.wait()
    answers = [out.get(timeout=600) for _ in pairs]
    for worker in pairs:
        worker.join()
    resolved = 0
    for u in range(n):
        mine = [a for a in answers if a[0] == u]
        won = [a for a in mine if a[2] == 200]
        lost = [a for a in mine if a[2] == 409]
        resolved += len(won) == 1 and len(lost) == 1 and lost[0][3] == won[0][1]
    print(
        f"  {n} pasangan menulis isian yang sama: {resolved} diselesaikan (satu diterima, satu ditolak "
        "dan diberi nilai pemenangnya)"
    )


if __name__ == "__main__":
    main()
