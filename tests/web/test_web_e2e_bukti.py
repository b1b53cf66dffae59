"""Evidence in Debian's headless Chromium (Playwright) against the real server: an operator attaches a PDF to
their own indicator, the perencana sees it, and the report's appendix (the PDF read back) lists it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pdfplumber
from playwright.sync_api import Browser, expect
from test_web_e2e import SEED_PDF, _shots, _words
from test_web_e2e_kantor import browser as browser  # Debian's chromium (a fixture)
from test_web_e2e_kantor import document as document  # SEED uploaded by the perencana (a fixture)
from test_web_e2e_kantor import office as office  # the real server with the office's accounts (a fixture)
from test_web_e2e_kantor import sign_in

NAMA = "Notulen survei kepuasan Desember.pdf"


def test_an_operators_pdf_is_seen_by_the_perencana_and_listed_in_the_reports_appendix(
    browser: Browser, office, document: str, tmp_path: Path
) -> None:
    server = office
    messages: list[str] = []
    evidence = tmp_path / NAMA
    shutil.copy(SEED_PDF, evidence)

    page = sign_in(browser, server, "oki", messages, document)
    page.get_by_label("Bukti dukung indikator 1.1").click()
    expect(page.get_by_role("heading", name=re.compile("Indikator 1.1"))).to_be_visible()
    expect(page.get_by_text("Tambah bukti indikator")).to_have_count(1)  # only oki's own indicator
    page.set_input_files("input[name=berkas]", evidence)
    page.get_by_role("button", name="Tambahkan").click()
    expect(page.locator(".kabar")).to_contain_text(f"Bukti dukung '{NAMA}' ditambahkan.")
    expect(page.get_by_role("link", name=NAMA)).to_be_visible()
    page.goto(server.url + document.lstrip("/"))
    expect(page.get_by_label("Bukti dukung indikator 1.1")).to_have_text("bukti (1)")
    expect(page.get_by_label("Bukti dukung indikator 10.1")).to_have_text("bukti")
    page.screenshot(path=str(_shots(tmp_path) / "web_bukti_operator.png"))
    page.context.close()

    rina = sign_in(browser, server, "rina", messages, document + "/bukti")
    item = rina.locator("#bukti-0-0 li")
    expect(item).to_contain_text(NAMA)
    expect(item).to_contain_text("ditambahkan oleh oki")
    with rina.expect_download() as download:
        rina.get_by_role("link", name=NAMA).click()
    assert download.value.suggested_filename == NAMA
    assert Path(download.value.path()).read_bytes() == SEED_PDF.read_bytes()
    rina.screenshot(path=str(_shots(tmp_path) / "web_bukti.png"))

    rina.goto(server.url + document.lstrip("/"))
    with rina.expect_download(timeout=120_000) as download:
        rina.get_by_role("link", name="PDF").click()
    report = tmp_path / "laporan.pdf"
    download.value.save_as(report)
    with pdfplumber.open(report) as pdf:
        pages = [(_words(p.extract_text() or ""), p.extract_tables()) for p in pdf.pages]
    at = max(n for n, (text, _) in enumerate(pages) if "Daftar Bukti Dukung" in text)  # not the contents
    assert at > next(n for n, (text, _) in enumerate(pages) if "PERJANJIAN KINERJA TAHUN" in text)  # the appendix
    table = next(t for t in pages[at][1] if t and _words(t[0][2] or "") == "Berkas / tautan")
    rows = [[_words(cell or "") for cell in row] for row in table[1:]]
    assert [row[:4] for row in rows] == [
        ["1.1", "Indeks kepuasan layanan internal di lingkungan Kantor Wilayah", NAMA, "oki"]
    ]
    rina.context.close()
    assert not [m for m in messages if m.startswith("error")], messages
