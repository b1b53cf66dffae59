"""The web application as a user starts it: the command, and its pages end to end in Debian's headless
Chromium driven by Playwright (upload the seed PDF, correct, fill realisasi, restart, download the report).
With KINERJA_GAMBAR=<folder> the screenshots are kept there (`make gambar` puts the README's in docs/gambar)."""

from __future__ import annotations

import os
import re
import select
import socket
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pytest
from conftest import BIN, ROOT, run_command
from playwright.sync_api import Browser, Page, expect, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--lang=id-ID",
]
SEED_PDF = ROOT / "samples" / "iku_kanwil_sulbar_2022.pdf"
CORRECTED = "Jumlah narapidana yang mengikuti pendidikan tinggi melalui Universitas Terbuka"
# (label of the indicator, realisasi typed, capaian and predikat expected): targets 81%, 80% and 30 orang.
REALISASI = [
    ("2.1", "85%", "104,94%", "Sangat Baik"),
    ("3.2", "72%", "90,00%", "Baik"),
    ("4.8", "33 orang", "110,00%", "Sangat Baik"),
]
OVERALL = "101,65%"  # the mean of the three sasaran, each with one indicator measured


class Server:
    """`kinerja-web` as a user starts it, on a free port, with its own data folder."""

    def __init__(self, data: Path) -> None:
        self.process = subprocess.Popen(
            [str(BIN / "kinerja-web"), "--port", "0", "--data", str(data), "--tanpa-peramban"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        ready, _, _ = select.select([self.process.stdout], [], [], 30)
        line = self.process.stdout.readline() if ready else ""  # type: ignore[union-attr]
        found = re.search(r"http://127\.0\.0\.1:\d+/", line)
        if found is None:
            self.stop()
            raise AssertionError(f"kinerja-web did not start: {line!r} {self.process.stderr.read()!r}")  # type: ignore[union-attr]
        self.url = found.group(0)

    def stop(self) -> str:
        self.process.terminate()
        _, err = self.process.communicate(timeout=30)
        return err


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.exists(), "Debian's chromium is needed: apt-get install chromium (make test does it as root)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("KINERJA_GAMBAR") or tmp_path / "gambar")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _page(browser: Browser, messages: list[str], width: int = 1366, height: int = 860) -> Page:
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True, locale="id-ID")
    page = context.new_page()
    page.on("console", lambda m: messages.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: messages.append(f"error: {e}"))
    return page


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.juga_postgresql  # the whole flow on a PostgreSQL server too
def test_upload_correct_fill_restart_download(browser: Browser, tmp_path: Path) -> None:
    shots = _shots(tmp_path)
    messages: list[str] = []
    server = Server(tmp_path / "data")
    try:
        page = _page(browser, messages)
        page.goto(server.url)
        expect(page.get_by_role("heading", name="Dokumen IKU dan Perjanjian Kinerja")).to_be_visible()
        page.set_input_files("input[name=berkas]", SEED_PDF)
        page.get_by_role("button", name="Unggah dan baca").click()
        page.wait_for_url(re.compile(r"/dokumen/\d+$"))
        document_url = page.url
        expect(page.locator("tr.baris-indikator")).to_have_count(53)
        expect(page.locator("#capaian-keseluruhan")).to_have_text("belum ada realisasi")

        # Correct one indicator with the keyboard: type over it, leave with Tab.
        uraian = page.get_by_label("Uraian indikator 4.8")
        original = uraian.input_value()
        assert original == "Jumlah Narapidana yang mengikuti Pendidikan tinggi"
        uraian.focus()
        page.keyboard.press("Control+A")
        page.keyboard.type(CORRECTED)
        page.keyboard.press("Tab")
        expect(page.locator("#status")).to_contain_text("Tersimpan")
        expect(page.locator("#asli-3-7-uraian")).to_be_visible()

        for label, realisasi, capaian, predikat in REALISASI:
            box = page.get_by_label(f"Realisasi indikator {label}")
            box.fill(realisasi)
            box.press("Tab")
            s, i = (int(n) - 1 for n in label.split("."))
            expect(page.locator(f"#cap-{s}-{i}")).to_have_text(capaian)
            expect(page.locator(f"#pred-{s}-{i}")).to_have_text(predikat)
        expect(page.locator("#capaian-keseluruhan")).to_have_text(OVERALL)
        expect(page.locator("#diukur")).to_have_text("3")
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(shots / "web_tabel.png"))
        page.locator("#asli-3-7-uraian summary").click()
        expect(page.locator("#asli-3-7-uraian .teks-asli")).to_have_text(original)
        page.locator("#ind-3-7").scroll_into_view_if_needed()
        page.screenshot(path=str(shots / "web_koreksi.png"))
    finally:
        log = server.stop()
    assert "Traceback" not in log

    # Closing the command loses nothing: a new one on another port shows every edit.
    server = Server(tmp_path / "data")
    try:
        page = _page(browser, messages)
        page.goto(server.url)
        page.get_by_role("link", name=re.compile("INDIKATOR KINERJA UTAMA")).click()
        assert page.url.removeprefix(server.url) == document_url.split("/", 3)[3]
        expect(page.get_by_label("Uraian indikator 4.8")).to_have_value(CORRECTED)
        for label, realisasi, capaian, _ in REALISASI:
            expect(page.get_by_label(f"Realisasi indikator {label}")).to_have_value(realisasi)
            s, i = (int(n) - 1 for n in label.split("."))
            expect(page.locator(f"#cap-{s}-{i}")).to_have_text(capaian)
        expect(page.locator("#capaian-keseluruhan")).to_have_text(OVERALL)

        started = time.monotonic()
        with page.expect_download(timeout=120_000) as download:
            page.get_by_role("link", name="PDF").click()
        pdf_path = tmp_path / "laporan.pdf"
        download.value.save_as(pdf_path)
        assert download.value.suggested_filename == "LAKIP_2022_iku_kanwil_sulbar_2022.pdf"
        print(f"PDF report downloaded in {time.monotonic() - started:.1f} s")
        with pdfplumber.open(pdf_path) as pdf:
            text = _words("\n".join(p.extract_text() or "" for p in pdf.pages))
        assert CORRECTED in text
        assert original not in text
        assert f"Rata-rata capaian kinerja tahun 2022 adalah {OVERALL}" in text
        for _, realisasi, capaian, predikat in REALISASI:
            assert f"terealisasi {realisasi}" in text
            assert f"capaian {capaian} ({predikat})" in text

        page.goto(server.url)
        page.screenshot(path=str(shots / "web_beranda.png"))
        page.goto(document_url.replace(document_url.split("/", 3)[2], server.url.split("/")[2]) + "/profil")
        page.get_by_label("Kota").fill("Mamuju")
        page.get_by_role("button", name="Simpan profil").click()
        expect(page.get_by_text("Profil tersimpan.")).to_be_visible()
        expect(page.get_by_label("Kota")).to_have_value("Mamuju")
        page.screenshot(path=str(shots / "web_profil.png"))

        phone = _page(browser, messages, 390, 844)
        phone.goto(page.url.removesuffix("/profil"))
        phone.locator("#ind-1-0").scroll_into_view_if_needed()
        phone.screenshot(path=str(shots / "web_ponsel.png"))
    finally:
        log = server.stop()
    assert "Traceback" not in log
    assert [m for m in messages if m.startswith(("error", "warning"))] == []


def test_quarters_revert_and_profile_save_themselves_in_the_browser(browser: Browser, tmp_path: Path) -> None:
    messages: list[str] = []
    server = Server(tmp_path / "data")
    try:
        page = _page(browser, messages)
        page.goto(server.url)
        page.set_input_files("input[name=berkas]", ROOT / "samples" / "iku_kanwil_sulbar_2022.docx")
        page.get_by_role("button", name="Unggah dan baca").click()
        page.wait_for_url(re.compile(r"/dokumen/\d+$"))
        document_url = page.url

        tw2 = page.get_by_label("Realisasi triwulan 2 indikator 2.1")
        expect(tw2).to_be_hidden()
        page.get_by_label("Catat realisasi per triwulan").check()
        expect(tw2).to_be_visible()
        tw2.fill("40,5%")  # saved while typing, without leaving the box
        expect(page.locator("#cap-1-0")).to_have_text("50,00%")
        expect(page.locator("#status")).to_contain_text("Tersimpan")

        target = page.get_by_label("Target indikator 1.1")
        target.fill("3,5 Indeks")
        target.press("Tab")
        expect(page.locator("#baca-0-0")).to_have_text("nilai 3,5, satuan Indeks")
        page.locator("#asli-0-0-target summary").click()
        page.locator("#asli-0-0-target").get_by_role("button", name="Kembalikan teks asli").click()
        expect(target).to_have_value("3,1 Indeks")
        expect(page.locator("#asli-0-0-target")).to_be_hidden()
        expect(page.locator("#baca-0-0")).to_have_text("nilai 3,1, satuan Indeks")

        page.get_by_label("Polaritas indikator 1.1").select_option("turun")
        expect(page.locator("#status")).to_contain_text("Tersimpan")

        # A row read wrongly is deleted (after a question), restored, and a missing one added.
        page.once("dialog", lambda dialog: dialog.accept())
        page.get_by_role("button", name="Hapus indikator 3.1").click()
        expect(page.locator("tr.baris-indikator")).to_have_count(52)
        expect(page.get_by_label("Uraian indikator 3.1")).to_have_value(
            "Persentase Tahanan yang memperoleh Layanan Penyuluhan Hukum"
        )
        page.locator("#ind-2-0").get_by_role("button", name="Pulihkan").click()
        expect(page.locator("tr.baris-indikator")).to_have_count(53)
        page.get_by_text("Tambah indikator pada sasaran 1", exact=True).click()
        page.locator("#sasaran-0 form.tambah-indikator textarea").fill("Indeks kepuasan masyarakat")
        page.locator("#sasaran-0 form.tambah-indikator input[name=target]").fill("3,5 Indeks")
        page.locator("#sasaran-0").get_by_role("button", name="Tambahkan").click()
        expect(page.locator("tr.baris-indikator")).to_have_count(54)
        expect(page.get_by_label("Uraian indikator 1.2")).to_be_focused()
        expect(page.get_by_label("Target indikator 1.2")).to_have_value("3,5 Indeks")

        # Typed and, without leaving the box, straight to a download: the report has it.
        page.get_by_label("Realisasi indikator 4.8").fill("36 orang")
        with page.expect_download() as download:
            page.get_by_role("link", name="HTML").click()
        html = Path(download.value.path()).read_text(encoding="utf-8")
        assert "terealisasi 36 orang dari target 30 orang, capaian 120,00%" in html

        page.goto(document_url + "/profil")
        page.get_by_label("Bab IV Penutup").fill("Target tahun ini tercapai.")
        expect(page.locator("#status")).to_contain_text("Tersimpan", timeout=10_000)
        page.reload()
        expect(page.get_by_label("Bab IV Penutup")).to_have_value("Target tahun ini tercapai.")

        page.goto(document_url)
        expect(page.get_by_label("Catat realisasi per triwulan")).to_be_checked()
        expect(page.get_by_label("Realisasi triwulan 2 indikator 2.1")).to_have_value("40,5%")
        expect(page.get_by_label("Polaritas indikator 1.1")).to_have_value("turun")
        expect(page.get_by_label("Target indikator 1.1")).to_have_value("3,1 Indeks")
    finally:
        log = server.stop()
    assert "Traceback" not in log
    assert [m for m in messages if m.startswith(("error", "warning"))] == []


def test_the_command_says_what_to_do_when_it_cannot_start(tmp_path: Path) -> None:
    for args, words in [
        (["--port", "70000"], "--port harus antara 0 dan 65535"),
        (["--batas-waktu", "0"], "--batas-waktu harus lebih dari 0"),
        (["--pelabuhan", "1"], "argumen tidak dikenal"),
    ]:
        done = run_command("kinerja-web", *args, "--data", str(tmp_path), "--tanpa-peramban")
        assert done.returncode == 2 and words in done.stderr.decode(), args
        assert b"Traceback" not in done.stderr
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = str(other.getsockname()[1])
        done = run_command("kinerja-web", "--port", port, "--data", str(tmp_path), "--tanpa-peramban")
    assert done.returncode == 2 and f"port {port} sedang dipakai program lain" in done.stderr.decode()


def test_a_second_start_finds_the_first(tmp_path: Path) -> None:
    server = Server(tmp_path / "data")
    try:
        port = server.url.rsplit(":", 1)[1].strip("/")
        done = run_command("kinerja-web", "--port", port, "--data", str(tmp_path / "lain"), "--tanpa-peramban")
        assert done.returncode == 0 and f"Kinerja sudah berjalan di {server.url}" in done.stdout.decode()
    finally:
        server.stop()


def test_a_database_it_cannot_use_is_named_and_left_alone(tmp_path: Path) -> None:
    newer = tmp_path / "baru"
    newer.mkdir()
    with sqlite3.connect(newer / "kinerja.sqlite") as db:
        db.execute("PRAGMA user_version = 99")
    broken = tmp_path / "rusak"
    broken.mkdir()
    (broken / "kinerja.sqlite").write_bytes(b"bukan basis data " * 100)
    for folder, words in [(newer, "versi yang lebih baru"), (broken, "tidak dapat dibuka")]:
        before = (folder / "kinerja.sqlite").read_bytes()
        done = run_command("kinerja-web", "--port", "0", "--data", str(folder), "--tanpa-peramban")
        assert done.returncode == 2 and words in done.stderr.decode() and b"Traceback" not in done.stderr
        assert (folder / "kinerja.sqlite").read_bytes() == before
