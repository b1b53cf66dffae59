"""Time `laporan` on the sample and on a generated 500-indicator report; run by hand.

    .venv/bin/python benchmarks/bench_laporan.py [--repeat N]

The baseline in the same run is WeasyPrint rendering the very same HTML alone: the report pipeline
(reading the sheets, capaian, view, charts, templates, PDF) may take at most 1.2 times as long, on the
three-year sample (a trend chart per sasaran) and on the 500-indicator report. DOCX times are shown
beside. Medians of paired runs.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import ekstrak  # noqa: E402
from laporan.buat import buat_laporan  # noqa: E402
from laporan.load import muat  # noqa: E402
from laporan.profil import Profil  # noqa: E402
from laporan.render.html import TEMPLATES, render_html  # noqa: E402
from laporan.view import susun  # noqa: E402

SAMPLE = ROOT / "samples" / "isian_2022_CONTOH.xlsx"
EARLIER = [ROOT / "samples" / "isian_2021_CONTOH.xlsx", ROOT / "samples" / "isian_2020_CONTOH.xlsx"]
LIMIT = 1.2


def generated(folder: Path, indicators: int) -> Path:
    """A filled sheet with `indicators` indicators, five per sasaran, in four groups."""
    rng = random.Random(500)
    units = [("%", 80), ("Dokumen", 12), ("Indeks", 3.5), ("orang", 30)]
    sasaran = []
    for number in range(1, indicators // 5 + 1):
        rows = []
        for i in range(1, 6):
            unit, value = units[(number + i) % 4]
            target = ekstrak.Target(f"{value} {unit}".replace(".", ","), value, unit)
            realisasi = f"{round(value * rng.uniform(0.7, 1.3), 2)} {unit}".replace(".", ",")
            uraian = f"Persentase capaian layanan {number}.{i} yang diselesaikan tepat waktu"
            rows.append(ekstrak.Indikator(i, uraian, target, kolom_lain={"realisasi": realisasi}))
        kelompok = f"KELOMPOK {1 + number // 25}"
        sasaran.append(ekstrak.Sasaran(number, kelompok, f"Meningkatnya kualitas layanan nomor {number}", tuple(rows)))
    doc = ekstrak.Dokumen(judul="INDIKATOR KINERJA UTAMA", instansi="INSTANSI UJI", tahun=2024, sasaran=tuple(sasaran))
    path = folder / f"isian_{indicators}.xlsx"
    ekstrak.save(doc, path, "xlsx")
    return path


def _pages(pdf: bytes) -> int:
    import io

    from pdfminer.pdfpage import PDFPage

    return sum(1 for _ in PDFPage.get_pages(io.BytesIO(pdf)))


def weasyprint_alone(html: str) -> None:
    from laporan.render.pdf import render_pdf

    render_pdf(html, TEMPLATES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cases = [
            ("sample, 3 years, 53 ind.", SAMPLE, EARLIER),
            ("generated, 500 indicators", generated(Path(tmp), 500), []),
        ]
        print(f"{'report':28} {'pages':>5} {'laporan PDF s':>14} {'WeasyPrint alone s':>19} {'ratio':>7} {'DOCX s':>7}")
        worst = 0.0
        for name, path, earlier in cases:
            html = render_html(susun(muat(path, tahun_lalu=earlier), Profil()))
            buat_laporan(path, ["pdf"], tahun_lalu=earlier)
            ours, base, docx_times = [], [], []
            for run in range(args.repeat):
                # Alternate which goes first, so warm caches and memory favour neither.
                if run % 2:
                    t0 = time.perf_counter()
                    weasyprint_alone(html)
                    t1 = time.perf_counter()
                    result = buat_laporan(path, ["pdf"], tahun_lalu=earlier)
                    t2 = time.perf_counter()
                    base.append(t1 - t0)
                    ours.append(t2 - t1)
                else:
                    t0 = time.perf_counter()
                    result = buat_laporan(path, ["pdf"], tahun_lalu=earlier)
                    t1 = time.perf_counter()
                    weasyprint_alone(html)
                    t2 = time.perf_counter()
                    ours.append(t1 - t0)
                    base.append(t2 - t1)
                t3 = time.perf_counter()
                buat_laporan(path, ["docx"], tahun_lalu=earlier)
                docx_times.append(time.perf_counter() - t3)
            pages = _pages(result.berkas["pdf"])
            ours_s, base_s = statistics.median(ours), statistics.median(base)
            worst = max(worst, ours_s / base_s)
            print(
                f"{name:28} {pages or '':>5} {ours_s:14.2f} {base_s:19.2f} {ours_s / base_s:6.2f}x "
                f"{statistics.median(docx_times):7.2f}"
            )
        verdict = "within" if worst <= LIMIT else "OVER"
        print(f"highest ratio {worst:.2f}x: {verdict} the {LIMIT}x limit")


if __name__ == "__main__":
    main()
