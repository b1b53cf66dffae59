"""kinerja-web for a whole office in Debian's headless Chromium (Playwright), each person in a browser of their
own against the real server: an operator cannot touch another kelompok's indicator (and the server refuses
the page's own script when it tries), two operators save at once and nothing is lost, a save made on a stale
value is refused and the other value shown, and a year is submitted, returned, approved and reopened."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from conftest import SEED, run_command
from playwright.sync_api import Browser, Page, expect
from test_web_e2e import Server, _page, _shots
from test_web_e2e import browser as browser  # Debian's chromium (a fixture)

SANDI = "sandi-yang-panjang"
KANWIL = "KANTOR WILAYAH KEMENTERIAN HUKUM DAN HAM SULAWESI BARAT"
ACCOUNTS = [
    ("admin", "admin", []),
    ("rina", "perencana", []),
    ("oki", "operator", ["Divisi Administrasi"]),  # indicator 1.1
    ("ima", "operator", ["Divisi Keimigrasian"]),  # indicators 10.1 and 10.2
    ("kepala", "pimpinan", []),
]


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> Iterator[Server]:
    """The real server (on 127.0.0.1), with the office's accounts made by the command."""
    data = tmp_path_factory.mktemp("kantor") / "data"
    for nama, peran, units in ACCOUNTS:
        office_args = [] if peran == "admin" else ["--instansi", KANWIL]
        unit_args = [arg for unit in units for arg in ("--unit", unit)]
        done = run_command(
            "kinerja-web",
            "pengguna",
            "tambah",
            nama,
            "--peran",
            peran,
            *office_args,
            *unit_args,
            "--sandi-stdin",
            "--data",
            str(data),
            stdin=f"{SANDI}\n".encode(),
        )
        assert done.returncode == 0, done.stderr
    server = Server(data)
    try:
        yield server
    finally:
        log = server.stop()
        assert "Traceback" not in log, log


def sign_in(browser: Browser, server: Server, nama: str, messages: list[str], path: str = "") -> Page:
    page = _page(browser, messages)
    page.goto(server.url + path.lstrip("/"))
    expect(page.get_by_role("heading", name="Masuk ke Kinerja")).to_be_visible()
    page.get_by_label("Nama pengguna").fill(nama)
    page.get_by_label("Kata sandi").fill(SANDI)
    page.get_by_role("button", name="Masuk").click()
    expect(page.locator("form.akun")).to_contain_text(nama)
    return page


@pytest.fixture(scope="module")
def document(browser: Browser, office) -> str:
    server = office
    messages: list[str] = []
    page = sign_in(browser, server, "rina", messages)
    page.set_input_files("input[name=berkas]", SEED)
    page.get_by_role("button", name="Unggah dan baca").click()
    page.wait_for_url(re.compile(r"/dokumen/\d+$"))
    path = "/" + page.url.split("/", 3)[3]
    page.context.close()
    return path


def _type(page: Page, label: str, value: str) -> None:
    box = page.get_by_label(label)
    box.fill(value)
    box.press("Tab")


def test_an_operator_cannot_touch_another_kelompoks_indicator(browser: Browser, office, document: str, tmp_path):
    server = office
    messages: list[str] = []
    page = sign_in(browser, server, "oki", messages, document)
    expect(page.locator("tr.baris-indikator")).to_have_count(53)
    _type(page, "Realisasi indikator 1.1", "3,1")
    expect(page.locator("#status")).to_contain_text("Tersimpan")
    expect(page.locator("#cap-0-0")).to_have_text("100,00%")

    other = page.get_by_label("Realisasi indikator 10.1")
    expect(other).to_have_attribute("readonly", "")
    other.click()
    page.keyboard.type("99")
    expect(other).to_have_value("")
    expect(page.get_by_label("Uraian indikator 1.1")).to_have_attribute("readonly", "")
    expect(page.get_by_role("button", name="Hapus dokumen ini")).to_have_count(0)

    # The page's own script, sent by hand for the other kelompok's indicator: the server refuses it.
    answer = page.evaluate(
        """async () => {
          const token = document.querySelector('meta[name="csrf-token"]').content;
          const response = await fetch(location.pathname + "/sunting", {method: "POST",
            headers: {"Content-Type": "application/json", "X-CSRFToken": token},
            body: JSON.stringify({s: 9, i: 0, bidang: "realisasi", nilai: "99"})});
          return [response.status, (await response.json()).pesan];
        }"""
    )
    assert answer[0] == 403 and "tidak berhak" in answer[1]
    page.reload()
    expect(page.get_by_label("Realisasi indikator 10.1")).to_have_value("")
    page.get_by_label("Realisasi indikator 10.1").scroll_into_view_if_needed()
    page.screenshot(path=str(_shots(tmp_path) / "web_operator.png"))
    page.context.close()
    refused = "error: Failed to load resource: the server responded with a status of 403 (FORBIDDEN)"
    assert [m for m in messages if m.startswith("error")] == [refused], messages  # the crafted request only


def test_two_operators_save_at_once_and_nothing_is_lost(browser: Browser, office, document: str) -> None:
    server = office
    messages: list[str] = []
    oki = sign_in(browser, server, "oki", messages, document)
    ima = sign_in(browser, server, "ima", messages, document)
    oki.get_by_label("Keterangan indikator 1.1").fill("survei triwulan IV")
    ima.get_by_label("Realisasi indikator 10.1").fill("95%")
    ima.get_by_label("Realisasi indikator 10.2").fill("12 Laporan")
    # Both leave their boxes in the same moment (one clock, the browser's): the saves reach the server together.
    at = oki.evaluate("Date.now() + 400")
    for page, label in ((oki, "Keterangan indikator 1.1"), (ima, "Realisasi indikator 10.2")):
        page.get_by_label(label).evaluate("(el, at) => setTimeout(() => el.blur(), at - Date.now())", at)
    for page in (oki, ima):
        expect(page.locator("#status")).to_contain_text("Tersimpan")
    ima.get_by_label("Realisasi indikator 10.1").focus()
    ima.keyboard.press("Tab")
    checker = sign_in(browser, server, "rina", messages, document)
    expect(checker.get_by_label("Keterangan indikator 1.1")).to_have_value("survei triwulan IV")
    expect(checker.get_by_label("Realisasi indikator 10.1")).to_have_value("95%")
    expect(checker.get_by_label("Realisasi indikator 10.2")).to_have_value("12 Laporan")
    for page in (oki, ima, checker):
        page.context.close()


def test_a_stale_save_is_refused_and_the_other_value_shown(browser: Browser, office, document: str, tmp_path):
    server = office
    messages: list[str] = []
    rina = sign_in(browser, server, "rina", messages, document)  # loaded before oki's save
    oki = sign_in(browser, server, "oki", messages, document)
    _type(oki, "Realisasi indikator 1.1", "3,3")
    expect(oki.locator("#status")).to_contain_text("Tersimpan")

    _type(rina, "Realisasi indikator 1.1", "2,9")
    expect(rina.locator("#status")).to_contain_text("sudah diubah oleh oki")
    expect(rina.locator("#status")).to_contain_text("'3,3'")
    note = rina.locator("#bentrok-0-0-realisasi")
    expect(note).to_contain_text("Tersimpan oleh oki")
    expect(note).to_contain_text('"3,3"')
    expect(rina.get_by_label("Realisasi indikator 1.1")).to_have_value("2,9")  # what was typed stays
    expect(rina.get_by_label("Realisasi indikator 1.1")).to_have_attribute("aria-invalid", "true")
    rina.get_by_label("Realisasi indikator 1.1").scroll_into_view_if_needed()
    rina.screenshot(path=str(_shots(tmp_path) / "web_bentrok.png"))

    # Saved again knowingly, on the value now shown: taken, and the note goes.
    _type(rina, "Realisasi indikator 1.1", "3,0")
    expect(rina.locator("#status")).to_contain_text("Tersimpan")
    expect(note).to_have_count(0)
    oki.reload()
    expect(oki.get_by_label("Realisasi indikator 1.1")).to_have_value("3,0")
    for page in (rina, oki):
        page.context.close()


def test_a_year_is_submitted_returned_approved_and_reopened(browser: Browser, office, document: str, tmp_path):
    server = office
    messages: list[str] = []
    rina = sign_in(browser, server, "rina", messages, document)
    rina.on("dialog", lambda dialog: dialog.accept())
    rina.get_by_role("button", name="Ajukan untuk disahkan").click()
    expect(rina.locator("#status-dokumen")).to_have_text("Diajukan")
    expect(rina.get_by_label("Realisasi indikator 1.1")).to_have_attribute("readonly", "")
    expect(rina.locator("h1 .kunci")).to_be_visible()

    kepala = sign_in(browser, server, "kepala", messages, document)
    kepala.get_by_label("Alasan pengembalian").fill("Keterangan IKM belum dilampiri survei")
    kepala.get_by_role("button", name="Kembalikan ke perencana").click()
    expect(kepala.locator("#status-dokumen")).to_have_text("Draf")

    rina.reload()
    expect(rina.get_by_role("note").filter(has_text="Dikembalikan oleh kepala")).to_contain_text("belum dilampiri")
    _type(rina, "Keterangan indikator 1.1", "survei terlampir")
    expect(rina.locator("#status")).to_contain_text("Tersimpan")
    rina.get_by_role("button", name="Ajukan untuk disahkan").click()
    expect(rina.locator("#status-dokumen")).to_have_text("Diajukan")

    kepala.reload()
    kepala.get_by_role("button", name="Sahkan").click()
    expect(kepala.locator("#status-dokumen")).to_have_text("Disahkan")
    expect(kepala.get_by_role("button", name="Buka lagi sebagai draf")).to_have_count(0)
    kepala.screenshot(path=str(_shots(tmp_path) / "web_disahkan.png"))
    kepala.goto(server.url)
    expect(kepala.locator(".daftar .kunci")).to_have_count(1)

    admin = sign_in(browser, server, "admin", messages, document)
    admin.get_by_role("button", name="Buka lagi sebagai draf").click()
    expect(admin.locator("#status-dokumen")).to_have_text("Draf")
    rina.reload()
    expect(rina.get_by_label("Realisasi indikator 1.1")).not_to_have_attribute("readonly", "")
    for page in (rina, kepala, admin):
        page.context.close()
    assert [m for m in messages if m.startswith("error")] == [], messages


def test_the_table_works_as_a_spreadsheet(browser: Browser, office, document: str, tmp_path) -> None:
    server = office
    messages: list[str] = []
    page = sign_in(browser, server, "rina", messages, document)
    # Enter moves down the column and saves what was typed.
    box = page.get_by_label("Realisasi indikator 3.1")
    box.fill("60%")
    box.press("Enter")
    expect(page.get_by_label("Realisasi indikator 3.2")).to_be_focused()
    expect(page.locator("#cap-2-0")).not_to_have_text("belum diisi")
    # Tab goes from one box to the next, past the row's delete button.
    page.get_by_label("Keterangan indikator 3.1").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused == "Uraian indikator 3.2", focused
    # An indicator's whole text is shown, not its first two lines.
    long = page.get_by_label("Uraian indikator 9.3")
    assert long.evaluate("el => el.scrollHeight <= el.clientHeight + 2")
    # The header stays in view while the table scrolls.
    page.get_by_label("Realisasi indikator 12.1").scroll_into_view_if_needed()
    header = page.locator("#tabel-iku thead th").first.bounding_box()
    assert header is not None and 0 <= header["y"] < 60, header
    # Only one kelompok shown.
    page.get_by_label("Tampilkan kelompok").select_option("DIVISI KEIMIGRASIAN")
    expect(page.locator("tbody.sasaran:visible")).to_have_count(1)
    expect(page.get_by_label("Realisasi indikator 10.1")).to_be_visible()
    page.screenshot(path=str(_shots(tmp_path) / "web_saring.png"))
    page.get_by_label("Tampilkan kelompok").select_option("")
    expect(page.locator("tbody.sasaran:visible")).to_have_count(21)
    # The print of the table: the table alone, its boxes as text.
    page.emulate_media(media="print")
    expect(page.locator("header.kepala")).to_be_hidden()
    expect(page.get_by_role("button", name="Cetak tabel")).to_be_hidden()
    expect(page.locator("#tabel-iku")).to_be_visible()
    page.pdf(path=str(_shots(tmp_path) / "tabel.pdf"))
    page.context.close()
