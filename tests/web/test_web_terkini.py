"""The figures a save answers with and the page's /angka, kept and recomputed per sasaran in the server's process
(terkini.py), equal those computed from nothing after any sequence of saves, from the page or another process."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import ekstrak
from kinerja_web import report
from kinerja_web.app import create_app
from kinerja_web.edits import from_parts, susunan
from kinerja_web.store import DATABASE, Simpanan
from laporan.hasil import hitung_hasil

TARGETS = ("80%", "≤ 5 hari", "100 Orang", "WTP", "3,5")
INDICATORS = 3


def document(tahun: int) -> dict[str, Any]:
    """Three sasaran of three indicators with targets of every kind (percent, lower is better, count, word)."""
    sasaran = []
    for s in range(3):
        rows = tuple(
            ekstrak.Indikator(i + 1, f"Indikator {s + 1}.{i + 1}", ekstrak.parse_target(TARGETS[(s + i) % 5]))
            for i in range(INDICATORS)
        )
        sasaran.append(ekstrak.Sasaran(s + 1, f"Unit {s + 1}", f"Sasaran {s + 1}", rows))
    return ekstrak.Dokumen("IKU", "INSTANSI", tahun, tuple(sasaran)).to_dict()


def same_database(folder: Path) -> Simpanan:
    """Another store on the database the application uses (KINERJA_DB names it on PostgreSQL)."""
    return Simpanan(folder, os.environ.get("KINERJA_DB", DATABASE))


def from_nothing(folder: Path, dokumen_id: int) -> dict[str, Any]:
    """The page's figures computed from the database alone: a store of its own (nothing kept), every edit laid
    over the records again (`susunan`) and the whole document's figures by `hitung_hasil`."""
    store = same_database(folder)
    rec = store.ambil(dokumen_id)
    assert rec is not None
    asli, edits = store.dokumen_asli(rec), store.suntingan(dokumen_id)
    parts = susunan(asli, edits)
    kept = report.keadaan(store, rec)  # for last year's document only
    state = report.Keadaan(rec, asli, edits, parts, from_parts(asli, parts), kept.lalu)
    figures = hitung_hasil(report.masukan(state, store), report.aturan(rec.profil))
    return report.angka(figures, state.keys)


VALUES = st.sampled_from(["", "-", "70%", "85", "100%", "4 hari", "120 Orang", "WTP", "tidak ada"])
ROW = st.tuples(st.integers(0, 2), st.integers(0, INDICATORS - 1))
EDIT = st.one_of(
    st.tuples(ROW, st.sampled_from(["realisasi", "realisasi_tw1", "realisasi_tw3", "target"]), VALUES),
    st.tuples(ROW, st.just("polaritas"), st.sampled_from(["", "naik", "turun", "stabil"])),
    st.tuples(ROW, st.just("dihapus"), st.sampled_from(["", "ya"])),
    st.tuples(ROW, st.just("uraian"), st.sampled_from(["Indikator 1.1", "Indikator baru", "Indikator 2.3"])),
    st.tuples(st.tuples(st.integers(0, 2), st.just(-1)), st.just("dihapus"), st.sampled_from(["", "ya"])),
    st.tuples(st.just((-1, -1)), st.just("triwulan"), st.sampled_from(["", "ya"])),
    st.tuples(st.just((-1, -1)), st.just("pembanding"), st.sampled_from(["", "tidak"])),
)
# Which document (this year's or last year's), who saves (the page, or another process on the same database),
# and whether the page then asks for the whole document's figures.
STEP = st.tuples(st.sampled_from(["ini", "lalu"]), st.sampled_from(["halaman", "proses lain"]), EDIT, st.booleans())


@settings(max_examples=int(os.environ.get("KINERJA_EXAMPLES", "40")))
@given(steps=st.lists(STEP, min_size=1, max_size=12))
def test_the_kept_figures_equal_the_figures_computed_from_nothing_after_any_saves(steps: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        app = create_app(folder)
        store: Simpanan = app.extensions["kinerja_store"]
        client = app.test_client()
        token = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/").text).group(1)  # type: ignore[union-attr]
        ids = {"lalu": store.tambah(2023, "lalu.json", document(2023), {}, None)}
        ids["ini"] = store.tambah(2024, "ini.json", document(2024), {}, None)
        other = same_database(folder)  # another process: its saves reach the server through the database only
        client.get(f"/dokumen/{ids['ini']}/angka")  # the server keeps both documents from here on
        for which, who, ((s, i), bidang, nilai), look in steps:
            if who == "proses lain":
                other.sunting(ids[which], (s, i, bidang), nilai or None)
            else:
                body = {"s": s, "i": i, "bidang": bidang, "nilai": nilai}
                answer = client.post(f"/dokumen/{ids[which]}/sunting", json=body, headers={"X-CSRFToken": token})
                assert answer.status_code in (200, 400), answer.text  # 400: a row deleted meanwhile
                if answer.status_code == 200 and which == "ini" and s >= 0:
                    expected = from_nothing(folder, ids["ini"])
                    shown = answer.json["angka"]
                    assert shown["sasaran"] == {k: v for k, v in expected["sasaran"].items() if k == str(s)}
                    mine = {k: v for k, v in expected["indikator"].items() if k.split("-")[0] == str(s)}
                    assert shown["indikator"] == mine
            if look:
                same_as_from_nothing(client, store, ids)
        same_as_from_nothing(client, store, ids)


def same_as_from_nothing(client: Any, store: Simpanan, ids: dict[str, int]) -> None:
    """The page's figures and the rows the server keeps (what the table and the downloads show) are those
    computed from nothing."""
    for name, dokumen_id in ids.items():
        whole = client.get(f"/dokumen/{dokumen_id}/angka").json["angka"]
        assert whole == from_nothing(store.folder, dokumen_id), name
        rec = store.ambil(dokumen_id)
        assert rec is not None
        kept = report.keadaan(store, rec)
        assert kept.bagian == susunan(kept.asli, store.suntingan(dokumen_id)), name
        assert kept.dokumen == from_parts(kept.asli, kept.bagian), name


def test_a_save_answers_with_its_sasaran_and_the_page_then_with_the_whole_document(tmp_path: Path) -> None:
    app = create_app(tmp_path / "data")
    store: Simpanan = app.extensions["kinerja_store"]
    client = app.test_client()
    token = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/").text).group(1)  # type: ignore[union-attr]
    dokumen_id = store.tambah(2024, "ini.json", document(2024), {}, None)
    url = f"/dokumen/{dokumen_id}"
    before = store.ambil(dokumen_id).versi
    body = {"s": 1, "i": 0, "bidang": "realisasi", "nilai": "4 hari"}
    answer = client.post(f"{url}/sunting", json=body, headers={"X-CSRFToken": token}).json
    assert store.ambil(dokumen_id).versi == before + 1
    assert answer["angka"]["keseluruhan"] is None and set(answer["angka"]["sasaran"]) == {"1"}
    assert answer["angka"]["indikator"]["1-0"] == client.get(f"{url}/angka").json["angka"]["indikator"]["1-0"]
    other = same_database(tmp_path / "data")  # another process on the same database
    other.sunting(dokumen_id, (1, 0, "realisasi"), None)
    assert client.get(f"{url}/angka").json["angka"]["indikator"]["1-0"]["capaian"] == "belum diisi"
    # Another process saves, then the page saves in the same sasaran before anything was read again: the
    # page's answer has both.
    other.sunting(dokumen_id, (1, 0, "realisasi"), "4 hari")
    body = {"s": 1, "i": 1, "bidang": "realisasi", "nilai": "120 Orang"}
    shown = client.post(f"{url}/sunting", json=body, headers={"X-CSRFToken": token}).json["angka"]["indikator"]
    assert shown["1-0"] == answer["angka"]["indikator"]["1-0"] and shown["1-0"]["capaian"] != "belum diisi"
    assert shown["1-1"]["capaian"] == "120,00%"
    # A row deleted: the rows after it are numbered again, and stay so when one of them is saved.
    for body in (
        {"s": 2, "i": 0, "bidang": "dihapus", "nilai": "ya"},
        {"s": 2, "i": 2, "bidang": "realisasi", "nilai": "3"},
    ):
        assert client.post(f"{url}/sunting", json=body, headers={"X-CSRFToken": token}).status_code == 200
    rec = store.ambil(dokumen_id)
    assert rec is not None
    kept = report.keadaan(store, rec)
    assert [row.indikator.nomor for row in kept.bagian[2].kept] == [1, 2]
    assert kept.bagian == susunan(kept.asli, store.suntingan(dokumen_id))
