"""A scan uploaded to the real kinerja-web in Debian's headless Chromium (Playwright): its page shows the pages
read as they are read and opens the table, whose OCR-read cells are marked until a row is checked; with the
script turned off the page still gets there by itself. Scans are one page at 150 dpi."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Browser, Page, expect
from test_web_e2e import Server, _page, _shots, browser  # noqa: F401 (browser: Debian's Chromium, a fixture)
from test_web_pindaian import DJP_BENDAHARA, PN_PEKANBARU, scan

READ = 300_000  # ms a scan may take to be read on a loaded machine: a bound, not a measurement


def upload(page: Page, server: Server, path: Path) -> None:
    page.goto(server.url)
    page.set_input_files("input[name=berkas]", path)
    page.get_by_role("button", name="Unggah dan baca").click()
    page.wait_for_url(re.compile(r"/pindaian/[\w-]+$"))
    expect(page.get_by_role("heading", name=re.compile("Membaca pindaian"))).to_be_visible()


def test_a_scan_shows_its_pages_read_then_its_table_with_the_ocr_cells_marked(browser: Browser, tmp_path: Path):  # noqa: F811
    shots = _shots(tmp_path)
    messages: list[str] = []
    pdf = tmp_path / "pk_pindaian.pdf"
    pdf.write_bytes(scan(PN_PEKANBARU))
    server = Server(tmp_path / "data")
    try:
        page = _page(browser, messages)
        upload(page, server, pdf)
        expect(page.locator("#kabar-pindaian")).to_have_text(re.compile(r"Membaca dengan OCR: 0 dari 1 halaman"))
        expect(page.locator("#kemajuan")).to_have_attribute("max", "1")
        page.screenshot(path=str(shots / "web_pindaian.png"))

        page.wait_for_url(re.compile(r"/dokumen/\d+$"), timeout=READ)
        expect(page.locator("#legenda-ocr")).to_be_visible()
        rows = page.locator("tr.baris-indikator")
        expect(rows).to_have_count(13)
        marked = page.locator("tr.baris-indikator td.ocr")
        expect(marked).to_have_count(26)  # each indicator's text and target
        first = page.locator("#ind-0-0")
        expect(first.locator("td.ocr").first).to_have_attribute(
            "title", re.compile(r"^dibaca dari pindaian; keyakinan \d+%: periksa dengan dokumen asli$")
        )
        expect(first.locator(".tanda-ocr").first).to_have_text(re.compile(r"dari pindaian, keyakinan \d+%"))
        page.evaluate("window.scrollTo(0, document.getElementById('legenda-ocr').offsetTop - 12)")
        page.screenshot(path=str(shots / "web_tabel_pindaian.png"))

        first.get_by_role("button", name="Indikator 1.1 sudah diperiksa dengan dokumen asli").click()
        page.wait_for_load_state("load")
        expect(marked).to_have_count(24)
        expect(page.locator("#ind-0-0 td.ocr")).to_have_count(0)
        expect(page.locator("#ind-0-0").get_by_role("button", name=re.compile("sudah diperiksa"))).to_have_count(0)
        page.get_by_role("link", name="Riwayat perubahan", exact=True).click()
        expect(page.get_by_text("sudah diperiksa dengan pindaian")).to_be_visible()
    finally:
        log = server.stop()
    assert "Traceback" not in log
    assert [m for m in messages if m.startswith(("error", "warning"))] == []


def test_without_a_script_the_page_of_a_scan_reloads_itself_until_the_table_opens(browser: Browser, tmp_path: Path):  # noqa: F811
    pdf = tmp_path / "halaman.pdf"
    pdf.write_bytes(scan(DJP_BENDAHARA))
    server = Server(tmp_path / "data")
    try:
        context = browser.new_context(java_script_enabled=False, locale="id-ID")
        page = context.new_page()
        upload(page, server, pdf)
        expect(page.get_by_role("link", name="Muat ulang halaman ini")).to_be_visible()
        page.wait_for_url(re.compile(r"/dokumen/\d+$"), timeout=READ)
        expect(page.locator("tr.baris-indikator td.ocr").first).to_be_visible()
    finally:
        log = server.stop()
    assert "Traceback" not in log
