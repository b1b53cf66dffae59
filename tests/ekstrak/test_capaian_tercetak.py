"""ekstrak/printed.py: an LKjIP measurement table's printed capaian checked by the project's own rules."""

from __future__ import annotations

import ekstrak
from ekstrak.audit import is_document_fact

HEADER = "NO\tSASARAN\tINDIKATOR KINERJA\tTARGET\tREALISASI\tCAPAIAN\n"


def _read(*rows: str) -> ekstrak.Dokumen:
    return ekstrak.extract_text(HEADER + "".join(rows))


def test_a_capaian_rounded_or_cut_as_offices_print_it_is_no_doubt():
    doc = _read(
        "1\tTerwujudnya peradilan\tPersentase perkara perdata selesai\t94\t100\t106\n",
        "\t\tPersentase perkara tanpa banding\t85\t79\t92\n",  # 92,94 cut to 92
        "\t\tIndeks kepuasan\t3,5\t3,75\t107,14%\n",
        "\t\tNilai SAKIP\t70\t100\t142,86%\n",  # no cap: the office prints it
    )
    assert doc.peringatan == ()
    assert doc.sasaran[0].indikator[0].kolom_lain["capaian"] == "106"


def test_a_printed_capaian_its_figures_do_not_give_is_named():
    doc = _read(
        "1\tTerwujudnya peradilan\tPersentase perkara selesai\t85%\t94,11%\t110,5%\n",
        "\t\tPersentase perkara tepat waktu\t90%\t90%\t100%\n",
    )
    (warning,) = doc.peringatan
    assert warning.indikator == 1 and warning.sasaran == 1
    assert '"110,5%"' in warning.pesan and "110,72%" in warning.pesan
    assert is_document_fact(warning), "a fact about the document, not a doubt about the reading"


def test_a_turun_indicator_is_checked_by_the_turun_formula():
    # without a cue in the target the office's polarity is unknown: either formula's capaian stands
    assert _read("1\tMenurunnya pelanggaran\tJumlah pelanggaran\t10\t8\t120\n").peringatan == ()  # 2 - 8/10
    assert _read("1\tMenurunnya pelanggaran\tJumlah pelanggaran\t10\t8\t80\n").peringatan == ()  # 8/10
    wrong = _read("1\tMenurunnya pelanggaran\tJumlah pelanggaran\t10\t8\t95\n")
    assert [w.indikator for w in wrong.peringatan] == [1]
    # a target that says maks is turun: the naik figure is then no capaian of it
    capped = _read("1\tMenurunnya pelanggaran\tJumlah pelanggaran\tmaks 10\t8\t80\n")
    assert [w.indikator for w in capped.peringatan] == [1]
