"""Scanned documents read by OCR, as a user meets them: corpus PDFs printed and scanned the way offices do
(200 dpi grey, tilted, noised, stamped, JPEG) are read right or warned about, records say they came from
OCR and how sure it was, a damaged digit is warned about, and the limits and options hold."""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from conftest import run_command
from PIL import ImageDraw
from realcorpus import expected, rendering, score
from scans import office_scan, pages_of, to_pdf

import ekstrak
from ekstrak.formats import render
from ekstrak.formats.csvfile import read_csv_text
from ekstrak.formats.xlsxfile import read_workbook
from ekstrak.readers import ocr
from inti.errors import MelebihiBatas, PerluOCR, PerluProgram
from inti.limits import Batas

SCHEMA = json.loads((Path(ekstrak.__file__).parent / "schema" / "dokumen.schema.json").read_text(encoding="utf-8"))
# One-page corpus documents of several offices, scanned; the whole corpus is in benchmarks/bench_ocr.py.
SCANNED = ("iku_kanwil_djp_bendahara_2021", "iku_pemkab_kulon_progo_2011_2016", "pk_pn_pekanbaru_2016")
# Indicators read exactly of the SCANNED documents (29 in all) when this was written: may only go up.
FLOOR = 29


@functools.cache
def _scan(slug: str, tilt: float = 0.8) -> bytes:
    return office_scan(rendering(slug, ".pdf"), seed=len(slug), tilt=tilt)


@functools.cache
def _read(slug: str) -> ekstrak.Dokumen:
    return ekstrak.extract_bytes(_scan(slug), slug)


@pytest.mark.parametrize("slug", SCANNED)
def test_a_scan_is_read_right_or_warned_about(slug):
    doc = _read(slug)
    result = score(doc.to_dict(), expected(slug))
    assert result.exact or doc.peringatan, "\n".join(result.salah[:5])


def test_how_many_scanned_indicators_are_read_exactly_never_goes_down():
    right = sum(score(_read(slug).to_dict(), expected(slug)).benar for slug in SCANNED)
    assert right >= FLOOR


def test_a_clean_scan_read_exactly_does_not_drown_in_warnings():
    for slug in SCANNED:
        doc = _read(slug)
        if score(doc.to_dict(), expected(slug)).exact:
            assert len(doc.peringatan) <= doc.jumlah_indikator() / 10, [str(p) for p in doc.peringatan]


def test_records_read_by_ocr_say_so_with_their_confidence_and_keep_it_through_the_sheets():
    doc = _read(SCANNED[1])
    data = doc.to_dict()
    jsonschema.validate(data, SCHEMA)
    for sasaran in data["sasaran"]:
        assert sasaran["sumber"] == "ocr"
        for indikator in sasaran["indikator"]:
            assert indikator["sumber"] == "ocr"
            assert 0 < indikator["keyakinan"]["uraian"] <= 1
            sure = indikator["keyakinan"]["target"]
            assert (0 < sure <= 1) if indikator["target"] else sure is None
        targets = [i["keyakinan"]["target"] for i in sasaran["indikator"] if i["keyakinan"]["target"] is not None]
        assert sasaran["keyakinan"]["target"] == min(targets, default=None)
    csv_back = read_csv_text(render(doc, "csv").decode("utf-8-sig"))
    assert csv_back.sasaran == doc.sasaran
    assert read_workbook(render(doc, "xlsx")).sasaran == doc.sasaran
    header = render(doc, "csv").decode("utf-8-sig").splitlines()[0]
    assert all(name in header for name in ("sumber", "keyakinan_uraian", "keyakinan_target"))


def test_a_text_pdf_is_not_read_by_ocr_and_its_sheet_has_no_ocr_columns():
    doc = ekstrak.extract(rendering(SCANNED[0], ".pdf"))
    assert all(s.sumber is None and all(i.sumber is None for i in s.indikator) for s in doc.sasaran)
    assert "keyakinan" not in render(doc, "csv").decode("utf-8-sig").splitlines()[0]


def _first_target_box(data: bytes) -> tuple[float, float, float, float]:
    """The box (points) of the first data row's last "100%" (indicator 1's target, column Y) as OCR reads it."""
    (page,) = ocr.read_pages(ocr.pdf_renderer(data, None), [0])
    found = [w for w in page.words if w["text"] == "100%"]
    top = min(w["top"] for w in found)
    word = max((w for w in found if abs(w["top"] - top) < 3), key=lambda w: w["x0"])
    return word["x0"], word["top"], word["x1"], word["bottom"]


def test_a_damaged_digit_is_read_with_less_confidence_and_warned_about():
    slug = SCANNED[0]
    (page,) = pages_of(rendering(slug, ".pdf"), dpi=200)
    clean_scan = to_pdf([page])
    clean = ekstrak.extract_bytes(clean_scan, slug).sasaran[0].indikator[0]
    assert clean.target.teks == "100%"
    # A scratch through the middle of the target's digits (a fold, a dry toner streak).
    x0, top, x1, bottom = (v * 200 / 72 for v in _first_target_box(clean_scan))
    damaged = page.copy()
    ImageDraw.Draw(damaged).line((x0, (top + bottom) / 2, x1, (top + bottom) / 2), fill=255, width=2)
    read = ekstrak.extract_bytes(to_pdf([damaged]), slug)
    again = next(i for s in read.sasaran for i in s.indikator if i.baris == clean.baris)
    assert again.keyakinan.target < clean.keyakinan.target
    warned = [p for p in read.peringatan if p.indikator == again.nomor and p.baris == clean.baris]
    assert any(f'"{again.target.teks}"' in p.pesan for p in warned), [str(p) for p in read.peringatan]


def test_an_image_file_and_a_sideways_page_are_read(tmp_path):
    (page,) = pages_of(rendering(SCANNED[0], ".pdf"), dpi=200)
    photo = tmp_path / "halaman.png"
    page.rotate(90, expand=True).save(photo)
    result = run_command("ekstrak", str(photo), "-o", str(tmp_path / "iku.json"))
    assert result.returncode == 0, result.stderr.decode()
    got = json.loads((tmp_path / "iku.json").read_text(encoding="utf-8"))
    assert score(got, expected(SCANNED[0])).benar >= 4


def test_a_pdf_of_text_pages_and_scanned_pages_reads_both(tmp_path):
    text_page = rendering("pk_ditjen_hubla_2012", ".pdf")
    first = tmp_path / "halaman1.pdf"
    subprocess.run(["pdfseparate", "-f", "1", "-l", "1", str(text_page), str(first)], check=True)
    rest = tmp_path / "pindaian.pdf"
    rest.write_bytes(to_pdf(pages_of(text_page, dpi=200, first=2, last=3)))
    mixed = tmp_path / "campuran.pdf"
    subprocess.run(["pdfunite", str(first), str(rest), str(mixed)], check=True)
    doc = ekstrak.extract(mixed)
    read = [(i.halaman, i.sumber) for s in doc.sasaran for i in s.indikator]
    # Page 1's rows from its text layer (its last one runs on into page 2), pages 2 and 3 by OCR.
    assert read[0] == (1, None) and sum(1 for page, _ in read if page == 1) > 10
    assert {sumber for page, sumber in read if page > 1} == {"ocr"}
    with pytest.raises(PerluOCR, match="Halaman 2, 3 PDF ini hasil pindaian"):  # not read without its scanned pages
        ekstrak.extract(mixed, ocr="tidak")


def test_ocr_can_be_forced_on_a_text_pdf_and_turned_off(tmp_path):
    out = tmp_path / "iku.json"
    result = run_command("ekstrak", str(rendering(SCANNED[0], ".pdf")), "--ocr", "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    forced = json.loads(out.read_text(encoding="utf-8"))
    assert forced["sasaran"] and all(s["sumber"] == "ocr" for s in forced["sasaran"])
    scan = tmp_path / "pindaian.pdf"
    scan.write_bytes(_scan(SCANNED[0]))
    with pytest.raises(PerluOCR, match="tanpa-ocr"):
        ekstrak.extract(scan, ocr="tidak")
    result = run_command("ekstrak", str(scan), "--tanpa-ocr")
    assert result.returncode == 2 and b"Traceback" not in result.stderr and "OCR" in result.stderr.decode()


def test_the_time_limit_grows_with_the_pages_read_by_ocr_and_the_pages_are_counted(tmp_path):
    scan = tmp_path / "pindaian.pdf"
    scan.write_bytes(_scan(SCANNED[0]))
    short = Batas(detik=0.5, detik_ocr=120.0)
    heard: list[tuple[int, int]] = []
    assert ekstrak.extract_guarded(scan, batas=short, ocr="otomatis", progress=lambda *p: heard.append(p)).sasaran
    assert heard == [(0, 1), (1, 1)]
    with pytest.raises(MelebihiBatas, match="batas waktu"):
        ekstrak.extract_guarded(scan, batas=Batas(detik=0.5, detik_ocr=0.0), ocr="otomatis")


def test_without_tesseract_the_message_names_the_packages(monkeypatch, tmp_path):
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    monkeypatch.setattr(ocr.glob, "glob", lambda pattern: [])
    with pytest.raises(PerluProgram, match="tesseract-ocr-ind"):
        ocr.check_ocr()


def test_each_page_worker_keeps_to_its_memory_limit(tmp_path):
    # A limit smaller than one page's image (A4 at 300 dpi is 8.7 MB of grey): the scan is refused with a
    # sentence naming the limit, whatever the library that ran out (Tesseract aborts, OpenCV raises). In a
    # fresh process, as a command starts: a limit on address space lets a long-running one reuse its
    # freed memory.
    two = tmp_path / "dua.pdf"
    two.write_bytes(office_scan(rendering("pk_ditjen_hubud_2013", ".pdf")))  # two pages: two workers
    code = (
        "import sys, ekstrak\n"
        "from inti.limits import Batas, MiB\n"
        "try:\n"
        "    ekstrak.extract_guarded(sys.argv[1], batas=Batas(memori_ocr=4 * MiB), ocr='otomatis')\n"
        "except ekstrak.KinerjaError as exc:\n"
        "    print(type(exc).__name__, exc.pesan)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(two)], capture_output=True, text=True, timeout=120)
    assert "MelebihiBatas Membaca satu halaman pindaian memerlukan lebih dari 4 MiB" in result.stdout, result.stderr
