"""The records are immutable: a step that changes one makes a new one, so nothing leaks between records."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

import ekstrak
from ekstrak import Dokumen, Indikator, Kolom, Sasaran, Target


def test_records_cannot_be_changed_in_place():
    target = Target("80", 80)
    ind = Indikator(1, "Persentase", target, kolom_lain={"penanggung jawab": "Sekretaris"})
    sasaran = Sasaran(1, None, "Meningkatnya", [ind])
    doc = Dokumen(sasaran=[sasaran])
    with pytest.raises(dataclasses.FrozenInstanceError):
        target.satuan = "%"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        ind.uraian = "lain"  # type: ignore[misc]
    with pytest.raises(TypeError):
        ind.kolom_lain["realisasi"] = "80"  # type: ignore[index]
    with pytest.raises(AttributeError):
        sasaran.indikator.append(ind)  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        doc.peringatan.append(None)  # type: ignore[attr-defined]
    assert isinstance(sasaran.indikator, tuple) and isinstance(ind.kolom_lain, Kolom)


def test_records_survive_pickle_and_json():
    ind = Indikator(1, "Persentase", Target("80%", 80, "%"), kolom_lain={"realisasi": "81"}, kode="IKU 1")
    doc = Dokumen("IKU", None, 2024, [Sasaran(1, "A", "S", [ind], kode="SS.1")])
    assert pickle.loads(pickle.dumps(doc)) == doc
    assert Dokumen.from_dict(doc.to_dict()) == doc
    assert doc.to_dict()["sasaran"][0]["kode"] == "SS.1"
    assert doc.to_dict()["sasaran"][0]["indikator"][0]["kode"] == "IKU 1"


def test_kolom_dengan_makes_a_copy():
    lain = Kolom({"a": "1"})
    assert lain.dengan(b="2", a=None) == {"b": "2"}
    assert lain == {"a": "1"}


def test_same_target_text_under_two_unit_columns_keeps_each_unit():
    # Regression: the cached split of `80 90` handed back the same Target objects to both sasaran, and the
    # SATUAN column of the first wrote its unit into them (both came out `Orang`).
    text = (
        "NO\tSASARAN\tINDIKATOR KINERJA\tTARGET\tSATUAN\n"
        "1\tMeningkatnya layanan\t1. Jumlah peserta 2. Jumlah pelatihan\t80 90\tOrang\n"
        "2\tMeningkatnya tata kelola\t1. Jumlah laporan 2. Jumlah kajian\t80 90\tDokumen\n"
    )
    doc = ekstrak.extract_text(text)
    units = [[i.target.satuan for i in s.indikator] for s in doc.sasaran]
    assert units == [["Orang", "Orang"], ["Dokumen", "Dokumen"]]
    again = ekstrak.extract_text(text)
    assert [[i.target.satuan for i in s.indikator] for s in again.sasaran] == units
