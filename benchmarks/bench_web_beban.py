"""kinerja-web under an office's load, through the real server on loopback; run by hand (not a timed test).

    .venv/bin/python benchmarks/bench_web_beban.py [--operators 50] [--saves 20] [--db sqlite|postgresql|ALAMAT]

A document of 1000 indicators in 50 units (kelompok), uploaded by the perencana. Baseline: the same number of
realisasi saved one at a time by one signed-in person, on a document of its own. Load: 50 operators, each a
process of its own signed in through the server, start together and each save 20 realisasi of their unit;
afterwards the database must hold exactly those 1000 values and 1000 lines of history. Conflicts: 50 pairs
write the same field at once, each from the value they loaded: one of each pair must be accepted and the other
refused with the winner's value. Printed per database: p50, p95 and max latency and saves per second.

`ukur(alamat)` measures the new, empty database at `alamat` (what `kinerja-web --db` takes: an SQLite file or a
postgresql:// address) and returns the figures. `--db` (repeatable) names one, or `sqlite` (a temporary file) or
`postgresql` (a server of the benchmark's own, started as the tests start one (tests/pg.py) but writing to disk
at each commit as a real server does); by default both. Each person keeps one connection open, as a browser does.
"""

from __future__ import annotations

import argparse
import http.client
import http.cookies
import json
import multiprocessing
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import ekstrak  # noqa: E402
from kinerja_web import pengguna, postgres  # noqa: E402
from kinerja_web.store import Simpanan  # noqa: E402

sys.path.insert(0, str(ROOT / "tests"))
from pg import Cluster  # noqa: E402

BIN = Path(sys.executable).parent
FORM = "application/x-www-form-urlencoded"
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
    """One person's browser: one kept-alive connection (as a browser keeps it), the session cookie, the page's
    token, signed in."""

    def __init__(self, base: str, nama: str) -> None:
        address = urllib.parse.urlparse(base)
        self.connection = http.client.HTTPConnection(address.hostname, address.port, timeout=120)
        self.cookies: dict[str, str] = {}
        self.token = self._token("/masuk")
        form = {"csrf_token": self.token, "nama": nama, "sandi": SANDI, "lanjut": "/"}
        status, _, _ = self.request("POST", "/masuk", urllib.parse.urlencode(form).encode(), FORM)
        if status != 303:
            raise SystemExit(f"{nama} tidak dapat masuk (HTTP {status})")
        self.token = self._token("/")

    def request(self, method: str, path: str, body: bytes | None = None, kind: str = "") -> tuple[int, dict, bytes]:
        """One request on the kept connection: status, headers, body (redirects are not followed)."""
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        if kind:
            headers["Content-Type"] = kind
        if method == "POST" and self.token:
            headers["X-CSRFToken"] = self.token
        self.connection.request(method, path, body, headers)
        answer = self.connection.getresponse()
        data = answer.read()
        for line in answer.headers.get_all("Set-Cookie") or []:
            morsel = http.cookies.SimpleCookie(line)
            self.cookies.update({name: m.value for name, m in morsel.items()})
        return answer.status, dict(answer.headers), data

    def _token(self, path: str) -> str:
        page = self.request("GET", path)[2].decode()
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
        status, headers, _ = self.request("POST", "/unggah", body, f"multipart/form-data; boundary={boundary}")
        if status != 303:
            raise SystemExit(f"unggahan {name} ditolak (HTTP {status})")
        return urllib.parse.urlparse(headers["Location"]).path

    def save(self, url: str, s: int, i: int, bidang: str, nilai: str, lama: str) -> tuple[float, int, dict]:
        """One save as the page sends it: seconds taken, status, answer."""
        body = json.dumps({"s": s, "i": i, "bidang": bidang, "nilai": nilai, "lama": lama}).encode()
        started = time.perf_counter()
        status, _, data = self.request("POST", url + "/sunting", body, "application/json")
        return time.perf_counter() - started, status, json.loads(data)


def operator(base: str, nama: str, url: str, unit: int, saves: int, start, out) -> None:
    """A process: one operator signs in, waits for the others, saves `saves` realisasi of their unit."""
    sesi = Sesi(base, nama)
    start.wait()
    out.put([sesi.save(url, unit, i, "realisasi", f"{70 + i}%", "")[:2] for i in range(saves)])


def pair(base: str, nama: str, url: str, field: int, value: str, start, out) -> None:
    """A process: one of a pair signs in, waits for all, writes the field its pair writes too."""
    sesi = Sesi(base, nama)
    sesi.connection.close()  # reopened at the save: 100 people waiting would hold all the server's connections
    start.wait()
    _, status, data = sesi.save(url, field, 0, "keterangan", value, "")
    out.put((field, value, status, data.get("bentrok", {}).get("nilai")))


@dataclass(frozen=True)
class Angka:
    """Latencies of saves (ms) and how many were saved per second of the wall clock."""

    simpan: int
    p50: float
    p95: float
    maks: float
    per_detik: float

    def __str__(self) -> str:
        return (
            f"p50 {self.p50:6.0f} ms   p95 {self.p95:6.0f} ms   max {self.maks:6.0f} ms   "
            f"{self.per_detik:6.1f} simpan/detik"
        )


def angka(seconds: list[float], wall: float) -> Angka:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[max(0, round(0.95 * len(ms)) - 1)]
    return Angka(len(ms), statistics.median(ms), p95, ms[-1], len(ms) / wall)


@dataclass(frozen=True)
class Hasil:
    """The figures of one database: one at a time, all together, and what the database holds afterwards."""

    satu_per_satu: Angka
    bersamaan: Angka
    ditolak: int  # saves of the load refused (none should be)
    nilai: int  # realisasi values the database holds afterwards
    riwayat: int  # lines of history it holds
    pasangan: int  # pairs resolved: one accepted, the other refused and shown the winner's value
    cpu_satu: float | None = None  # the server's CPU ms per save, one at a time (None: not known here)
    cpu_bersamaan: float | None = None  # and under the load: what the machine's other work does not change


def cpu_seconds(pid: int) -> float | None:
    """The CPU time a process has used (Linux's /proc), or None where it cannot be read."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_ms(pid: int, before: float | None, saves: int) -> float | None:
    after = cpu_seconds(pid)
    return None if before is None or after is None else (after - before) * 1000 / saves


def buka(alamat: str, data: Path) -> Simpanan:
    """The store at a database address: an SQLite file, or PostgreSQL (its other data in `data`)."""
    if postgres.is_url(alamat):
        return Simpanan(data, alamat)
    path = Path(alamat)
    return Simpanan(path.parent, path.name)


def ukur(alamat: str, n: int = 50, k: int = 20) -> Hasil:
    """Start kinerja-web on the new, empty database at `alamat` and measure it: `n` operators saving `k` each."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        store = buka(alamat, data)
        pengguna.tambah(store, "perencana", "perencana", SANDI, INSTANSI)
        for u in range(n):
            pengguna.tambah(store, f"op{u + 1:02d}", "operator", SANDI, INSTANSI, [f"Unit {u + 1:02d}"])
        store.tutup()  # no connection of this process is carried into the operators' processes
        folder = ["--data", str(data)] if postgres.is_url(alamat) else []
        server = subprocess.Popen(
            [str(BIN / "kinerja-web"), "--port", "0", *folder, "--db", alamat, "--tanpa-peramban"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            base = re.search(r"http://127\.0\.0\.1:\d+", server.stdout.readline()).group(0)  # type: ignore[union-attr]
            return run(base, n, k, lambda: buka(alamat, data), server.pid)
        finally:
            server.terminate()
            _, log = server.communicate(timeout=30)
            if "Traceback" in log or "WARNING" in log:
                print(log[-3000:])
            store.tutup()


def together(context, target, jobs: list[tuple], pid: int) -> tuple[list, float, float | None]:
    """Start one process per job, let them all go at once (each signed in by then); their answers, the seconds
    until the last, and the server's CPU time at the start."""
    start, out = context.Barrier(len(jobs) + 1), context.Queue()
    workers = [context.Process(target=target, args=(*job, start, out)) for job in jobs]
    for worker in workers:
        worker.start()
    start.wait()
    began, cpu = time.perf_counter(), cpu_seconds(pid)
    answers = [out.get(timeout=600) for _ in workers]
    wall = time.perf_counter() - began
    for worker in workers:
        worker.join()
    return answers, wall, cpu


def run(base: str, n: int, k: int, opened: Callable[[], Simpanan], pid: int) -> Hasil:
    """The three measurements; `opened` gives a store on the database, to count what it holds afterwards."""
    planner = Sesi(base, "perencana")
    payload = document(n, k)
    alone_url = planner.upload(payload, "sendiri.json")
    load_url = planner.upload(payload.replace(b'"tahun": 2024', b'"tahun": 2025'), "beban.json")

    started, cpu = time.perf_counter(), cpu_seconds(pid)
    alone = [planner.save(alone_url, u, i, "realisasi", f"{70 + i}%", "")[0] for u in range(n) for i in range(k)]
    satu, cpu_satu = angka(alone, time.perf_counter() - started), cpu_ms(pid, cpu, n * k)
    planner.connection.close()  # the server serves a limited number of connections at once

    context = multiprocessing.get_context("fork")  # separate processes, started from this one
    jobs = [(base, f"op{u + 1:02d}", load_url, u, k) for u in range(n)]
    results, wall, cpu = together(context, operator, jobs, pid)
    cpu_load = cpu_ms(pid, cpu, n * k)
    seconds = [s for result in results for s, _ in result]
    refused = sum(status != 200 for result in results for _, status in result)

    dokumen_id = int(load_url.rsplit("/", 1)[1])
    store = opened()  # its own connections: none of this process's was carried into the operators'
    with store.koneksi() as db:
        values = db.execute(
            "SELECT count(*) FROM suntingan WHERE dokumen_id = ? AND bidang = 'realisasi'", (dokumen_id,)
        ).fetchone()[0]
        history = db.execute("SELECT count(*) FROM riwayat WHERE dokumen_id = ?", (dokumen_id,)).fetchone()[0]
    store.tutup()

    jobs = [(base, who, load_url, u, f"{who} menulis") for u in range(n) for who in (f"op{u + 1:02d}", "perencana")]
    answers, _, _ = together(context, pair, jobs, pid)
    resolved = 0
    for u in range(n):
        mine = [a for a in answers if a[0] == u]
        won = [a for a in mine if a[2] == 200]
        lost = [a for a in mine if a[2] == 409]
        resolved += len(won) == 1 and len(lost) == 1 and lost[0][3] == won[0][1]
    return Hasil(satu, angka(seconds, wall), refused, values, history, resolved, cpu_satu, cpu_load)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--operators", type=int, default=50)
    parser.add_argument("--saves", type=int, default=20)
    parser.add_argument(
        "--db", action="append", default=[], metavar="ALAMAT", help="sqlite, postgresql or a new, empty database"
    )
    args = parser.parse_args()
    n, k = args.operators, args.saves
    for wanted in args.db or ["sqlite", "postgresql"]:
        with tempfile.TemporaryDirectory() as tmp:
            cluster = Cluster(durable=True) if wanted == "postgresql" else None
            try:
                alamat = {"sqlite": str(Path(tmp) / "kinerja.sqlite")}.get(wanted, wanted)
                alamat = cluster.database() if cluster is not None else alamat
                laporkan(alamat, n, k)
            finally:
                if cluster is not None:
                    cluster.stop()


def laporkan(alamat: str, n: int, k: int) -> None:
    """Measure one database and print its figures."""
    print(f"Dokumen {n * k} indikator dalam {n} unit; {alamat}; {multiprocessing.cpu_count()} inti.", flush=True)
    hasil = ukur(alamat, n, k)
    print(f"  satu per satu        ({n * k} simpan): {hasil.satu_per_satu}")
    print(f"  {n} operator bersamaan ({n * k} simpan): {hasil.bersamaan}   ditolak {hasil.ditolak}")
    print(f"  rasio p50 bersamaan / satu per satu: {hasil.bersamaan.p50 / hasil.satu_per_satu.p50:.1f}")
    if hasil.cpu_satu is not None and hasil.cpu_bersamaan is not None:
        print(f"  CPU server per simpan: {hasil.cpu_satu:.1f} ms satu per satu, {hasil.cpu_bersamaan:.1f} ms bersamaan")
    held = f"{hasil.nilai} nilai realisasi, {hasil.riwayat} baris riwayat"
    print(f"  basis data: {held} (harus {n * k} dan {n * k})")
    print(
        f"  {n} pasangan menulis isian yang sama: {hasil.pasangan} diselesaikan (satu diterima, satu "
        "ditolak dan diberi nilai pemenangnya)",
        flush=True,
    )


if __name__ == "__main__":
    main()
