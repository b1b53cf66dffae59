"""OCR of scans: speed of a 3-page scan against Tesseract's own command, and accuracy on the whole corpus.

    .venv/bin/python benchmarks/bench_ocr.py [--repeat N]      speed (a 3-page scan)
    .venv/bin/python benchmarks/bench_ocr.py --korpus          accuracy on every corpus document scanned

Speed baseline in the same run: `pdftoppm -r 300 -gray` then `tesseract PAGE - -l ind tsv` on each page,
one after another; ours is `ekstrak.extract` on the same image-only PDF (rasterise, straighten, rules,
OCR on all cores, records). Ratio = median of paired runs, ours / baseline (at most 1.5 is the aim).
Accuracy: every corpus PDF printed (LibreOffice rendering), scanned at 200 dpi grey, tilted up to 1°,
noised, stamped, JPEG-compressed; indicators read exactly (sasaran, text, value, unit), and documents
read wrong without a warning. Held-out-like variations: --seed (other noise and stamps), --dpi 150/300,
--tilt (a factor), --form _tanpa_garis.pdf (the borderless print), --fonts FOLDER (renderings in another
font); --rinci lists every wrong indicator with its target's confidence and whether a warning names it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from realcorpus import expected, indicator_rows, rendering, score, slugs  # noqa: E402
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


def _flat(doc: dict) -> list[tuple[dict, dict]]:
    return [(s, i) for s in doc.get("sasaran", []) for i in s.get("indikator", [])]


def _named(warnings: list[dict], sasaran: dict, indikator: dict) -> bool:
    return any(
        w.get("sasaran") == sasaran.get("nomor") and w.get("indikator") == indikator.get("nomor") for w in warnings
    )


def _details(got: dict, want: dict) -> list[str]:
    """Every wrong indicator: what it should be, what was read, the target's confidence, and whether a
    warning names it."""
    have = _flat(got)
    out = []
    for index, row in enumerate(indicator_rows(want)):
        read = have[index] if index < len(have) else None
        got_row = indicator_rows({"sasaran": [{**read[0], "indikator": [read[1]]}]})[0] if read else None
        if got_row == row:
            continue
        sure = (read[1].get("keyakinan") or {}).get("target") if read else None
        named = "diperingatkan" if read and _named(got.get("peringatan", []), *read) else "TANPA peringatan"
        out.append(f"#{index + 1} [{sure}] {named}\n      ingin {row!r}\n      dapat {got_row!r}")
    return out


def korpus(args: argparse.Namespace) -> None:
    right = total = silent = warned_right = 0
    names = [s for s in slugs() if not args.only or s in args.only]
    for index, slug in enumerate(names):
        seed = index + args.seed
        tilt = (0.4 + (index % 4) * 0.2) * args.tilt
        scan = office_scan(rendering(slug, args.form, args.fonts), seed=seed, tilt=tilt, dpi=args.dpi)
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
        warned_right += max(warnings, 0) if result.exact else 0
        mark = "SALAH TANPA PERINGATAN" if wrong_silently else ""
        seconds = time.perf_counter() - start
        print(f"  {slug}: {result.benar}/{result.jumlah} tepat, {warnings} peringatan, {seconds:.1f} s {mark}")
        lines = _details(got, expected(slug)) if args.rinci else result.salah[:3]
        for line in lines:
            print(f"      {line}")
        if args.simpan:
            args.simpan.mkdir(parents=True, exist_ok=True)
            (args.simpan / f"{slug}.json").write_text(json.dumps(got, ensure_ascii=False, indent=1), encoding="utf-8")
    share = 100 * right / max(total, 1)
    print(f"korpus pindaian: {right}/{total} indikator tepat ({share:.1f}%), {silent} dokumen salah tanpa peringatan")
    print(f"peringatan pada dokumen yang terbaca tepat: {warned_right}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--korpus", action="store_true")
    parser.add_argument("--seed", type=int, default=0, help="added to each document's scan seed")
    parser.add_argument("--dpi", type=int, default=200, help="the scan's resolution")
    parser.add_argument("--tilt", type=float, default=1.0, help="tilts times this")
    parser.add_argument("--form", default=".pdf", help="the rendering scanned: .pdf or _tanpa_garis.pdf")
    parser.add_argument("--fonts", type=Path, default=None, help="a folder of renderings in other fonts")
    parser.add_argument("--only", nargs="*", default=[], help="these documents only")
    parser.add_argument("--rinci", action="store_true", help="every wrong indicator, with confidence")
    parser.add_argument("--simpan", type=Path, default=None, help="write what was read here")
    args = parser.parse_args()
    korpus(args) if args.korpus else speed(args.repeat)


if __name__ == "__main__":
    main()
