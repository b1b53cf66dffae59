"""audit.py: doubtful records become warnings that name them; a clean document gets none."""

from __future__ import annotations

import ekstrak
from ekstrak import Dokumen, Indikator, Sasaran, Target
from ekstrak.audit import audit


def _doc(*sasaran: Sasaran) -> Dokumen:
    return Dokumen(sasaran=sasaran)


def _ind(n: int, text: str, target: str | None = "80%") -> Indikator:
    return Indikator(n, text, Target(target, 80, "%") if target else None, 1, 10 + n)


def test_a_clean_document_gets_no_warning():
    doc = _doc(Sasaran(1, None, "Meningkatnya layanan", [_ind(1, "Persentase layanan"), _ind(2, "Indeks kepuasan")]))
    assert audit(doc) == []


def test_each_doubt_names_its_record():
    doc = _doc(
        Sasaran(1, "DIVISI A", "Meningkatnya layanan", [_ind(1, "Persentase layanan"), _ind(2, "2.")]),
        Sasaran(1, "DIVISI A", "SASARAN STRATEGIS", [_ind(1, "Indeks kepuasan", None)]),
        Sasaran(4, "DIVISI A", "Meningkatnya tata kelola", [_ind(1, "Nilai SAKIP dan Persentase realisasi anggaran")]),
    )
    found = {(w.sasaran, w.indikator, w.pesan.split(";")[0]) for w in audit(doc)}
    assert (1, 2, 'indikator: uraiannya hanya "2." (nomor atau kode)') in found
    assert (1, None, 'sasaran: uraiannya "SASARAN STRATEGIS" seperti judul kolom') in found
    assert (1, 1, "indikator tanpa target, padahal indikator lain bertarget") in found
    assert (1, None, "nomor sasaran 1 muncul dua kali") in found
    assert any(w[0] == 4 and "melompat" in w[2] for w in found)
    assert all(w.kelompok == "DIVISI A" for w in audit(doc))


def test_two_indicators_run_together_and_a_signature_are_doubts():
    doc = _doc(
        Sasaran(1, None, "Meningkatnya layanan", [_ind(1, "Jumlah dokumen yang disahkan Persentase laporan tepat")]),
        Sasaran(2, None, "Meningkatnya mutu", [_ind(1, "Drs. Ahmad, M.Si"), _ind(2, "Halaman 2 dari 5")]),
    )
    texts = " ".join(w.pesan for w in audit(doc))
    assert "dua indikator" in texts and "tanda tangan" in texts and "nomor halaman" in texts


def test_a_sasaran_far_longer_than_the_others_is_a_doubt():
    many = [_ind(n, f"Persentase layanan {n}") for n in range(1, 40)]
    doc = _doc(
        Sasaran(1, None, "A", many), Sasaran(2, None, "B", [_ind(1, "X a")]), Sasaran(3, None, "C", [_ind(1, "Y b")])
    )
    assert any("jauh lebih banyak" in w.pesan and w.sasaran == 1 for w in audit(doc))


def test_a_unit_column_that_disagrees_with_the_target_is_named():
    text = "NO\tSASARAN\tINDIKATOR KINERJA\tTARGET\tSATUAN\n1\tMeningkatnya layanan\tJumlah peserta\t80%\tOrang\n"
    warnings = ekstrak.extract_text(text).peringatan
    assert [(w.sasaran, w.indikator) for w in warnings] == [(1, 1)] and "Orang" in warnings[0].pesan


def test_a_sasaran_with_many_indicators_and_text_twice_as_long_is_a_doubt_and_a_large_one_alone_is_not():
    many = [_ind(n, f"Persentase layanan {n}") for n in range(1, 14)]
    few = [Sasaran(n, None, f"Meningkatnya mutu layanan {n}", [_ind(1, "Jumlah X a")]) for n in range(2, 6)]
    large = _doc(Sasaran(1, None, "Meningkatnya mutu layanan publik", many), *few)
    assert not any("jauh lebih banyak" in w.pesan for w in audit(large))
    joined = _doc(Sasaran(1, None, "Meningkatnya mutu layanan publik Meningkatnya tata kelola keuangan", many), *few)
    assert any("jauh lebih banyak" in w.pesan and w.sasaran == 1 for w in audit(joined))


def test_a_list_number_inside_an_indicator_is_two_indicators_run_together():
    ind = _ind(1, "Angka Partisipasi Kasar SD/MI 4. Angka Partisipasi")
    doc = _doc(Sasaran(1, None, "Meningkatnya pendidikan", [ind]))
    assert any("dua indikator" in w.pesan for w in audit(doc))


def test_a_unit_holding_a_number_or_a_column_name_is_a_doubt():
    text = "NO\tSASARAN\tINDIKATOR KINERJA\tSATUAN\tTARGET\n1\tMeningkatnya layanan\tJumlah sertifikat\t{}\t134\n"
    for unit in ("Sertifikat Sertifikat 245", "Sertifikat ANGGARAN (Rp)"):
        doc = ekstrak.extract_text(text.format(unit))
        assert [w.pesan for w in doc.peringatan if "tercampur isi kolom lain" in w.pesan], unit
    assert ekstrak.extract_text(text.format("Sertifikat")).peringatan == ()


def test_two_sasaran_run_together_and_a_column_number_inside_are_doubts():
    joined = _doc(
        Sasaran(
            1, None, "Meningkatnya Kualitas Layanan Administrasi (1) Meningkatnya Kualitas Kinerja", [_ind(1, "X a")]
        )
    )
    assert any("dua sasaran" in w.pesan or "nomor kolom" in w.pesan for w in audit(joined))
    plain = _doc(Sasaran(1, None, "Meningkatkan Kesadaran Hukum serta Terpenuhinya Akses Keadilan", [_ind(1, "X a")]))
    assert audit(plain) == []


def test_a_header_cell_naming_two_data_columns_is_a_doubt():
    text = (
        "NO\tSASARAN\tINDIKATOR KINERJA\tTARGETSATUAN\n1\tMeningkatnya layanan\tPersentase layanan tepat waktu\t80 %\n"
    )
    doc = ekstrak.extract_text(text)
    assert any("menggabungkan dua kolom" in w.pesan for w in doc.peringatan)


def test_list_numbers_of_another_column_run_into_a_sasaran_are_a_doubt():
    # Kulon Progo's IKU laid out by pdftotext in Liberation Sans with 1 cm margins, read by rows that start at
    # the NO column: the indicators' numbers ran into the sasaran, the eleven indicators into one
    text = "Meningkatnya tingkat 1. pendidikan dan keterampilan 2. penduduk 3. 4. 5. 6. 7. 8. 9. 10 . 11 ."
    doc = _doc(Sasaran(1, None, text, [_ind(1, "Angka Partisipasi Murni PAUD Angka Partisipasi Kasar PAUD")]))
    assert any("nomor-nomor urut" in w.pesan and w.sasaran == 1 for w in audit(doc))
    clean = _doc(Sasaran(1, None, "Meningkatnya mutu 2 jenjang pendidikan", [_ind(1, "Persentase sekolah")]))
    assert audit(clean) == []


def test_sasaran_left_in_a_column_read_as_another_are_a_doubt():
    """DPMPTSP Banyuwangi's borderless Renstra scanned: `NO` and `TUJUAN / SASARAN /PROGRAM` ran together into
    one column, read as another column; every sasaran came out empty, every indicator cut at its lines."""
    named = {"no tujuan / sasaran /program tujuan": "1 Meningkatnya"}
    lines = [Indikator(1, "Laju Pertumbuhan", None, 1, 7, named), Indikator(2, "Investasi", None, 1, 8, named)]
    found = audit(_doc(Sasaran(1, None, "", lines)))
    assert [w.sasaran for w in found] == [1] and "no tujuan / sasaran /program" in found[0].pesan
    # An IKT without sasaran text, whose other columns name no sasaran, is no doubt.
    other = [Indikator(1, "Menjadi lembaga pelayanan publik", None, 1, 7, {"capaian": "86"})]
    assert audit(_doc(Sasaran(1, None, "", other))) == []


def test_a_word_ocr_read_one_letter_off_the_same_word_elsewhere_is_named():
    """BPBD Situbondo's borderless Renstra scanned: `Pascabencana` read `Pascabencan` (a letter lost, sure of
    itself) in one indicator while another writes `pascabencana`; the document had a warning elsewhere only."""
    from ekstrak.keyakinan import OCR, ocr_warnings

    def ind(n: int, text: str) -> Indikator:
        return Indikator(n, text, Target("3", 3, None), 1, n, sumber=OCR)

    texts = ["Jumlah kegiatan pascabencana", "Rencana Rekontruksi Pascabencan (R3P) di SMPLB", "Jumlah SMLB"]
    found = ocr_warnings(_doc(Sasaran(1, None, "Meningkatnya layanan", [ind(n, t) for n, t in enumerate(texts, 1)])))
    # Neither word is in the word list, so either may be the misread one: both are named.
    assert [(w.indikator, w.pesan.split(";")[0]) for w in found] == [
        (1, 'kata "pascabencana" di uraian tidak dikenal, padahal di tempat lain tertulis "pascabencan"'),
        (2, 'kata "Pascabencan" di uraian tidak dikenal, padahal di tempat lain tertulis "pascabencana"'),
    ]


def test_an_indonesian_word_with_a_letter_ocr_confuses_is_named():
    """Ditjen Hubud's PK scanned at 150 dpi: `terlarang` read `teriarang`, sure of itself, written once: in an
    indicator's text and (here) in a sasaran's, each named."""
    from ekstrak.keyakinan import OCR, ocr_warnings

    ind = Indikator(1, "Jumlah lolosnya barang teriarang (prohibited item)", Target("8", 8, None), 1, 5, sumber=OCR)
    doc = _doc(Sasaran(1, None, "Meningkatnya keamanan", [ind], sumber=OCR))
    assert [(w.sasaran, w.indikator, w.pesan.split(";")[0]) for w in ocr_warnings(doc)] == [
        (1, 1, 'kata "teriarang" di uraian tidak dikenal'),
    ]
    doc = _doc(Sasaran(1, None, "Meningkatnya keamanan barang teriarang", [], sumber=OCR))
    assert [(w.sasaran, w.indikator) for w in ocr_warnings(doc)] == [(1, None)]


def test_a_list_number_run_into_an_indicators_text_is_a_doubt():
    """Kulon Progo's IKU in a Word table ruled only across, saved as PDF: a header spanning the number and
    the text columns let the broken `10.` into the text (`1 Angka Partisipasi Murni Inklusi 0. Pendidikan …`)."""
    for text in ("1 Angka Partisipasi Murni Inklusi 0. Pendidikan Dasar", "Angka Partisipasi Kasar 1. Pendidikan"):
        found = audit(_doc(Sasaran(1, None, "Meningkatnya pendidikan", [_ind(1, text)])))
        assert [(w.sasaran, w.indikator) for w in found] == [(1, 1)] and "nomor urut" in found[0].pesan
    clean = ["Persentase sekolah terakreditasi A", "Rasio guru 1:20 di SD", "Indeks 2.0 layanan", "Angka Harapan Hidup"]
    assert audit(_doc(Sasaran(1, None, "Meningkatnya pendidikan", [_ind(n, t) for n, t in enumerate(clean, 1)]))) == []


def test_an_indicator_with_nothing_in_its_columns_among_rows_of_figures_is_a_doubt():
    """A Renstra whose yearly targets are other columns: an indicator's text cut in two by a row boundary
    leaves its rest as an indicator with no figure in any column."""

    def ind(n: int, text: str, years: dict) -> Indikator:
        return Indikator(n, text, None, 1, 10 + n, years)

    figures = {"2026": "10", "2027": "12"}
    rows = [ind(1, "Jumlah warga yang dilatih", figures), ind(2, "Kabupaten/Kota yang mengikuti", {"2026": ""})]
    rows += [ind(3, "Jumlah dokumen rencana", figures), ind(4, "Jumlah laporan", figures)]
    found = audit(_doc(Sasaran(1, None, "Terlaksananya pelayanan", rows)))
    assert [(w.sasaran, w.indikator) for w in found] == [(1, 2)]
    rows[1] = ind(2, "Jumlah keluarga terlatih", figures)
    assert audit(_doc(Sasaran(1, None, "Terlaksananya pelayanan", rows))) == []
