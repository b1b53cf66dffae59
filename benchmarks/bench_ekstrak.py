"""Time `ekstrak` on the seed and on a generated 50-page document, as text, PDF and DOCX; run by hand.

    .venv/bin/python benchmarks/bench_ekstrak.py [--repeat N] [--files N]

Baselines in the same run: for PDFs, pdfplumber's plain `extract_tables()` on the same file; for
text and DOCX, the least a reader must do (split the lines into cells; python-docx opening the file
and reading every cell). Ratios are medians of paired runs (ours / baseline, lower is faster). Peak
memory is the whole `ekstrak` process's (ru_maxrss). The folder figure is files per second on all
cores over files per second on one. Making the long PDF needs LibreOffice (soffice).
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))

import ekstrak  # noqa: E402
from ekstrak.batch import run_folder  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
SEED = ROOT / "samples" / "iku_kanwil_sulbar_2022.txt"
_SPLIT = re.compile(r"\t| {2,}")


def text_baseline(path: Path) -> None:
    for line in path.read_text(encoding="utf-8").splitlines():
        _SPLIT.split(line)


def pdf_baseline(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()


def docx_baseline(path: Path) -> None:
    import docx

    document = docx.Document(io.BytesIO(path.read_bytes()))
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                _ = cell.text


BASELINES = {
    ".txt": ("split lines", text_baseline),
    ".pdf": ("pdfplumber extract_tables", pdf_baseline),
    ".docx": ("python-docx cells", docx_baseline),
}


def paired(path: Path, repeat: int) -> tuple[float, float, float]:
    _, baseline = BASELINES[path.suffix]
    ekstrak.extract(path)
    baseline(path)
    ours, base, ratios = [], [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        ekstrak.extract(path)
        t1 = time.perf_counter()
        baseline(path)
        t2 = time.perf_counter()
        ours.append(t1 - t0)
        base.append(t2 - t1)
        ratios.append((t1 - t0) / (t2 - t1))
    return statistics.median(ours), statistics.median(base), statistics.median(ratios)


def peak_mib(path: Path) -> float:
    """Peak resident memory of one `ekstrak` run on `path`, in MiB (measured from a fresh parent)."""
    ekstrak_bin = str(Path(sys.executable).parent / "ekstrak")
    probe = (
        "import resource, subprocess, sys; "
        "subprocess.run([sys.argv[1], sys.argv[2], '-q'], stdout=subprocess.DEVNULL, check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", probe, ekstrak_bin, str(path)], capture_output=True, check=True)
    return int(out.stdout) / 1024


def long_documents(folder: Path, copies: int) -> list[Path]:
    """The seed's rows repeated `copies` times as DOCX, its PDF (LibreOffice), and pdftotext text."""
    from make_fixtures import make_docx

    docx = folder / f"panjang_{copies}x.docx"
    make_docx(docx, "word", copies)
    made = [docx]
    if shutil.which("soffice"):
        subprocess.run(
            [
                "soffice",
                "--headless",
                f"-env:UserInstallation=file://{folder}/profil",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                str(docx),
            ],
            check=True,
            capture_output=True,
        )
        pdf = docx.with_suffix(".pdf")
        made.append(pdf)
        if shutil.which("pdftotext"):
            text = docx.with_suffix(".txt")
            subprocess.run(["pdftotext", "-layout", str(pdf), str(text)], check=True)
            made.append(text)
    return made


def pages(path: Path) -> str:
    if path.suffix != ".pdf":
        return ""
    from pdfminer.pdfpage import PDFPage

    with open(path, "rb") as stream:
        return str(sum(1 for _ in PDFPage.get_pages(stream)))


def folder_speedup(folder: Path, files: int) -> tuple[float, float]:
    source = folder / "arsip"
    source.mkdir()
    kinds = [SEED, FIXTURES / "sulbar_word.pdf", FIXTURES / "sulbar_word.docx", FIXTURES / "sulbar.xlsx"]
    for index in range(files):
        original = kinds[index % len(kinds)]
        shutil.copy(original, source / f"{index:03d}{original.suffix}")
    rates = []
    for workers in (1, os.cpu_count() or 1):
        out = folder / f"hasil_{workers}"
        t0 = time.perf_counter()
        outcomes = run_folder(source, out, workers=workers)
        rates.append(len(outcomes) / (time.perf_counter() - t0))
        assert all(o.clean for o in outcomes)
    return rates[0], rates[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--files", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = [
            ("seed, text (tabs)", SEED),
            ("seed, pdftotext -layout", FIXTURES / "sulbar_word_layout.txt"),
            ("seed, PDF", FIXTURES / "sulbar_word.pdf"),
            ("seed, DOCX", FIXTURES / "sulbar_word.docx"),
        ]
        for path in long_documents(folder, 21):
            cases.append((f"generated, {path.suffix.lstrip('.').upper()}", path))
        print(
            f"{'document':26} {'pages':>5} {'ekstrak ms':>11} {'baseline':>26} {'ms':>8} {'ratio':>6} {'peak MiB':>9}"
        )
        for name, path in cases:
            ours, base, ratio = paired(path, args.repeat)
            label = BASELINES[path.suffix][0]
            print(
                f"{name:26} {pages(path):>5} {ours * 1000:11.1f} {label:>26} {base * 1000:8.1f} {ratio:6.2f} "
                f"{peak_mib(path):9.1f}"
            )
        one, many = folder_speedup(folder, args.files)
        print(
            f"\nfolder of {args.files} files: {one:.1f} files/s on 1 core, {many:.1f} files/s on "
            f"{os.cpu_count()} cores: {many / one:.2f}x"
        )


if __name__ == "__main__":
    main()
