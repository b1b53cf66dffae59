"""Each golden says what its document's source says: the rows tests/fixtures/make_fixtures.py renders from
(the seed, DINAS_ROWS, NARROW_ROWS) or, for the one fixture written by hand, the text itself. Sasaran,
indicator texts and targets are read from the source here, with small readers of its own (not ekstrak's),
so a golden cannot drift from its document."""

from __future__ import annotations

import copy
import importlib.util
import re
from typing import Any

import pytest
from conftest import FIXTURES, GOLDEN, load_json

_spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
assert _spec and _spec.loader
make_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_fixtures)

Record = dict[str, Any]
_COMPARED = ("≥", "maks.")
_MARKER = re.compile(r"^(?:\d{1,2}|[a-z])[.)]\s+")


def _plain(text: str) -> int | float:
    value = float(text.replace(",", "."))
    return int(value) if value.is_integer() else value


def _target(teks: str, satuan: str | None = None) -> Record:
    """What a fixture's target says: `95` (its unit in the SATUAN column), `3,1 Indeks`, `≥ 90`, `maks. 5`,
    `75-85`, or a grade (`WTP`, `B`)."""
    satuan = None if satuan in (None, "", "-") else satuan
    if m := re.fullmatch(r"(\d+)-(\d+)", teks):
        return {"teks": teks, "nilai": None, "satuan": satuan, "batas_bawah": _plain(m[1]), "batas_atas": _plain(m[2])}
    if m := re.fullmatch(r"(≥|maks\.)\s*(\d+(?:,\d+)?)", teks):
        pembanding = "≥" if m[1] == "≥" else "≤"
        return {"teks": teks, "nilai": _plain(m[2]), "satuan": satuan, "pembanding": pembanding}
    if m := re.fullmatch(r"(\d+(?:,\d+)?)\s*(.*)", teks):
        return {"teks": teks, "nilai": _plain(m[1]), "satuan": m[2] or satuan}
    assert re.fullmatch(r"[A-Z]{1,3}", teks), f"a target shape this test does not know: {teks!r}"
    return {"teks": teks, "nilai": None, "satuan": None}


def _sasaran(nomor: str, kelompok: str | None, uraian: str, indikator: list[tuple[str, Record]]) -> Record:
    return {
        "nomor": int(nomor),
        "kelompok": kelompok,
        "uraian": uraian,
        "indikator": [{"nomor": n, "uraian": u, "target": t} for n, (u, t) in enumerate(indikator, 1)],
    }


def seed_source() -> list[Record]:
    """The seed (samples/iku_kanwil_sulbar_2022.txt) as make_fixtures reads it to render its shapes."""
    found, kelompok = [], None
    for kind, cells in make_fixtures.seed_rows()[1]:
        if kind == "group":
            kelompok = cells[0]
            continue
        nomor, uraian, indikator, target = cells
        parts = make_fixtures.split_numbered(indikator)
        targets = make_fixtures.split_targets(target, len(parts)) if len(parts) > 1 else [target]
        found.append(_sasaran(nomor, kelompok, uraian, [(p, _target(t)) for p, t in zip(parts, targets, strict=True)]))
    return found


def dinas_source() -> list[Record]:
    """DINAS_ROWS: group rows, and rows of NO, SASARAN, indicators (typed `1)`/`a.`), targets, units, PJ."""
    found, kelompok = [], None
    for row in make_fixtures.DINAS_ROWS:
        if len(row) == 1:
            kelompok = row[0]
            continue
        nomor, uraian, indikator, target, satuan, _pj = row
        parts = [_MARKER.sub("", text) for text in indikator]
        pairs = [(p, _target(t, s)) for p, t, s in zip(parts, target, satuan, strict=True)]
        found.append(_sasaran(nomor, kelompok, uraian, pairs))
    return found


def narrow_source() -> list[Record]:
    return [_sasaran(no, None, uraian, [(ind, _target(t))]) for no, uraian, ind, t in make_fixtures.NARROW_ROWS]


def _numbered(text: str) -> list[str]:
    """`a. x b. y`, `1) x 2) y`, `1. x 2. y` into [x, y]: each next label in turn, so `PK (level 1)` stays."""
    first = re.match(r"([a-z1])([.)])\s", text)
    if not first:
        return [text]
    label, close, rest, parts = first[1], first[2], text[first.end() :], []
    while True:
        label = chr(ord(label) + 1) if label.isalpha() else str(int(label) + 1)
        m = re.search(rf"\s{re.escape(label + close)}\s", rest)
        if not m:
            return [*parts, rest.strip()]
        parts.append(rest[: m.start()].strip())
        rest = rest[m.end() :]


def pk_source() -> list[Record]:
    """pk_pengadilan_satuan.txt, written by hand: its rows of NO, SASARAN, INDIKATOR, TARGET, SATUAN; a row
    with NO empty adds an indicator to the sasaran above; targets and units split at spaces, one unit for all."""
    text = (FIXTURES / "pk_pengadilan_satuan.txt").read_text(encoding="utf-8")
    table = text.split("NO\tSASARAN STRATEGIS", 1)[1].split("Program/Kegiatan", 1)[0]
    rows: list[tuple[str, str, list[tuple[str, Record]]]] = []
    for line in table.splitlines()[1:]:
        cells = [*line.split("\t"), "", "", "", "", ""][:5]
        nomor, uraian, indikator, target, satuan = (c.strip() for c in cells)
        if not indikator or nomor.startswith("("):
            continue
        parts = _numbered(indikator)
        targets = target.split() if len(parts) > 1 else [target]
        units = satuan.split() if len(satuan.split()) > 1 else [satuan] * len(parts)
        pairs = [(p, _target(t, s)) for p, t, s in zip(parts, targets, units, strict=True)]
        if nomor:
            rows.append((nomor, uraian, pairs))
        else:
            rows[-1][2].extend(pairs)
    return [_sasaran(nomor, None, uraian, pairs) for nomor, uraian, pairs in rows]


SOURCES = {
    "iku_kanwil_sulbar_2022.json": seed_source,
    "iku_dinas_landscape.docx.json": dinas_source,
    "iku_dinas_landscape.pdf.json": dinas_source,
    "iku_dinas_landscape_layout.txt.json": dinas_source,
    "kolom_sempit.docx.json": narrow_source,
    "kolom_sempit.pdf.json": narrow_source,
    "pk_pengadilan_satuan.txt.json": pk_source,
}


def differences(golden: Record, source: list[Record]) -> list[tuple[int, str, Any, Any]]:
    """Where a golden's sasaran differ from the source's: (sasaran index, what, in the golden, in the source)."""
    found = []
    if len(golden["sasaran"]) != len(source):
        found.append((-1, "jumlah sasaran", len(golden["sasaran"]), len(source)))
    for index, (got, want) in enumerate(zip(golden["sasaran"], source)):
        for key in ("nomor", "kelompok", "uraian"):
            if got[key] != want[key]:
                found.append((index, key, got[key], want[key]))
        if len(got["indikator"]) != len(want["indikator"]):
            found.append((index, "jumlah indikator", len(got["indikator"]), len(want["indikator"])))
        for one, other in zip(got["indikator"], want["indikator"]):
            for key in ("nomor", "uraian", "target"):
                if one[key] != other[key]:
                    found.append((index, f"indikator {other['nomor']} {key}", one[key], other[key]))
    return found


def unexplained(golden_name: str, golden: Record) -> list[tuple[int, str, Any, Any]]:
    """Where the golden differs from its source."""
    return list(differences(golden, SOURCES[golden_name]()))


def test_every_golden_has_its_source():
    assert {p.name for p in GOLDEN.glob("*.json")} == set(SOURCES)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_the_golden_says_what_its_source_says(name):
    golden = load_json(GOLDEN / name)
    assert unexplained(name, golden) == []
    assert sum(len(s["indikator"]) for s in golden["sasaran"]) >= 2


def test_a_golden_drifting_from_its_source_is_caught():
    golden = load_json(GOLDEN / "iku_dinas_landscape.pdf.json")
    drifted = copy.deepcopy(golden)
    drifted["sasaran"][2]["indikator"][0]["uraian"] = "Jumlah aplikasi layanan publik yang"
    drifted["sasaran"][3]["indikator"][0]["target"]["nilai"] = 9
    drifted["sasaran"][4]["kelompok"] = None
    assert unexplained("iku_dinas_landscape.pdf.json", drifted) == [
        (
            2,
            "indikator 1 uraian",
            "Jumlah aplikasi layanan publik yang",
            "Jumlah aplikasi layanan publik yang terintegrasi",
        ),
        (
            3,
            "indikator 1 target",
            {**golden["sasaran"][3]["indikator"][0]["target"], "nilai": 9},
            golden["sasaran"][3]["indikator"][0]["target"],
        ),
        (4, "kelompok", None, "BIDANG PERSANDIAN DAN STATISTIK"),
    ]
    drifted["sasaran"].pop()
    assert (-1, "jumlah sasaran", 4, 5) in unexplained("iku_dinas_landscape.pdf.json", drifted)
