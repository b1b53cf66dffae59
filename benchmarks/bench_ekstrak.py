"""Time `ekstrak` on the seed's shapes and on a generated long document; run by hand.

    .venv/bin/python benchmarks/bench_ekstrak.py [--repeat N]

The baseline in the same run is the least any reader must do: read the file and split its lines into
cells (tab or two-space runs). Ratios are the median of paired runs; peak memory is tracemalloc's.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import ekstrak  # noqa: E402

SEED = ROOT / "samples" / "iku_kanwil_sulbar_2022.txt"
FIXTURES = ROOT / "tests" / "fixtures"
_SPLIT = re.compile(r"\t| {2,}")


def baseline(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    return sum(len(_SPLIT.split(line)) for line in text.splitlines())


def generated(pages: int, folder: Path) -> Path:
    """The seed's layout text repeated page after page, numbered on: a long pdftotext -layout document."""
    layout = (FIXTURES / "sulbar_word_layout.txt").read_text(encoding="utf-8")
    head, _, body = layout.partition("DIVISI ADMINISTRASI")
    chunks = [head]
    for copy in range(pages // 4 + 1):
        chunks.append("\f" + "DIVISI ADMINISTRASI" + body if copy else "DIVISI ADMINISTRASI" + body)
    path = folder / f"generated_{pages}.txt"
    path.write_text("".join(chunks), encoding="utf-8")
    return path


def measure(path: Path, repeat: int) -> tuple[float, float, float]:
    ratios, ours, base = [], [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        ekstrak.extract(path)
        t1 = time.perf_counter()
        baseline(path)
        t2 = time.perf_counter()
        ours.append(t1 - t0)
        base.append(t2 - t1)
        ratios.append((t1 - t0) / max(t2 - t1, 1e-9))
    return statistics.median(ours), statistics.median(base), statistics.median(ratios)


def peak_mib(path: Path) -> float:
    tracemalloc.start()
    ekstrak.extract(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cases = [
            ("seed, tabs", SEED),
            ("seed, pdftotext -layout", FIXTURES / "sulbar_word_layout.txt"),
            ("generated ~50 pages, layout", generated(50, Path(tmp))),
        ]
        print(f"{'document':32} {'lines':>7} {'ekstrak ms':>11} {'baseline ms':>12} {'ratio':>8} {'peak MiB':>9}")
        for name, path in cases:
            lines = len(path.read_text(encoding="utf-8").splitlines())
            ours, base, ratio = measure(path, args.repeat)
            print(f"{name:32} {lines:7d} {ours * 1000:11.1f} {base * 1000:12.2f} {ratio:8.0f} {peak_mib(path):9.1f}")


if __name__ == "__main__":
    main()
