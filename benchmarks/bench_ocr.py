"""OCR of scans: speed of a 3-page scan against Tesseract's own command, and accuracy on the whole corpus.

    .venv/bin/python benchmarks/bench_ocr.py [--repeat N]      speed (a 3-page scan)
    .venv/bin/python benchmarks/bench_ocr.py --korpus          accuracy on every corpus document scanned

Speed baseline in the same run: `pdftoppm -r 300 -gray` then `tesseract PAGE - -l ind tsv` on each page,
one after another; ours is `ekstrak.extract` on the same image-only PDF (rasterise, straighten, rules,
OCR on all cores, records). Ratio = median of paired runs, ours / baseline (at most 1.5 is the aim).
Accuracy: every corpus PDF printed (LibreOffice rendering), scanned at 200 dpi grey, tilted up to 1°,
noised, stamped, JPEG-compressed; indicators read exactly (sasaran, text, value, unit), and documents
read wrong without a warning.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from realcorpus import expected, rendering, score, slugs  # noqa: E402
from scans import office_scan  # noqa: E402

import ekstrak  # noqa: E402

THREE_PAGES = "pk_ditjen_hubla_2012"


def baseline(pdf: Path, folder: Path) -> None:
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", str(pdf), str(folder / "p")], check=True)
    for page in sorted(folder.glob("p*.png")):
        subprocess.run(["tesseract", str(page), "-", "-l", "ind", "tsv"], check=True, capture_output=True)


def speed(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        scan = Path(folder) / "pindaian.pdf"
        scan.write_bytes(office_scan(rendering(THREE_PAGES, ".pdf")))
        ratios = []
        for run in range(repeat):
            work = Path(folder) / f"r{run}"
            work.mkdir()
            start = time.perf_counter()
            baseline(scan, work)
            base = time.perf_counter() - start
            start = time.perf_counter()
            ekstrak.extract(scan)
            ours = time.perf_counter() - start
            ratios.append(ours / base)
            print(f"  putaran {run + 1}: ekstrak {ours:.2f} s, baseline {base:.2f} s, rasio {ours / base:.2f}")
    print(f"pindaian 3 halaman: rasio median {statistics.median(ratios):.2f} (sasaran <= 1,50)".replace(".", ","))


def korpus() -> None:
    right = total = silent = 0
    for index, slug in enumerate(slugs()):
        scan = office_scan(rendering(slug, ".pdf"), seed=index, tilt=0.4 + (index % 4) * 0.2)
        start = time.perf_counter()
        try:
            doc = ekstrak.extract_bytes(scan, slug)
            got, warnings = doc.to_dict(), len(doc.peringatan)
        except ekstrak.KinerjaError as exc:
            got, warnings = {}, -1
            print(f"  {slug}: ditolak: {exc.pesan}")
        result = score(got, expected(slug))
        right, total = right + result.benar, total + result.jumlah
        wrong_silently = not result.exact and warnings == 0
        silent += wrong_silently
        mark = "SALAH TANPA PERINGATAN" if wrong_silently else ""
        seconds = time.perf_counter() - start
        print(f"  {slug}: {result.benar}/{result.jumlah} tepat, {warnings} peringatan, {seconds:.1f} s {mark}")
        for line in result.salah[:3]:
            print(f"      {line}")
    share = 100 * right / max(total, 1)
    print(f"korpus pindaian: {right}/{total} indikator tepat ({share:.1f}%), {silent} dokumen salah tanpa peringatan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--korpus", action="store_true")
    args = parser.parse_args()
    korpus() if args.korpus else speed(args.repeat)


if __name__ == "__main__":
    main()
