"""The records checked against themselves before they are handed out: whatever looks doubtful becomes a
warning that names the record (kelompok, sasaran, indikator, page, row). A document read exactly gets
none, so that 0 warnings can mean the records are right."""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Iterator

from .model import Dokumen, Indikator, Peringatan, Sasaran
from .printed import DIFFERS, printed_capaian

# Text of a record that is only a number or a code was a column taken for the wrong one.
_ONLY_CODE_RE = re.compile(r"^[\W\d_]*$|^[A-Za-z]{0,5}[ .-]?\d{1,3}(?:[.\-][0-9A-Za-z]{1,3}){0,4}[.)]?$")
# Words of a table header, a signature block or page furniture.
_HEADER_RE = re.compile(
    r"^(?:NO\.?|SASARAN(?:\s+STRATEGIS|\s+PROGRAM|\s+KEGIATAN)?|INDIKATOR(?:\s+KINERJA(?:\s+UTAMA)?)?|TARGET"
    r"|SATUAN|URAIAN|DESKRIPSI|KETERANGAN|PROGRAM|KEGIATAN)$",
    re.IGNORECASE,
)
_SIGNATURE_RE = re.compile(
    r"\bNIP\.?\s*[:.]?\s*\d|\b(?:PIHAK\s+(?:PERTAMA|KEDUA)|Mengetahui|Menyetujui|Ditetapkan\s+di)\b"
    r"|^[A-Z][a-zA-Z]+(?:\s[A-Z][a-zA-Z]+)?,\s*\d{1,2}\s+[A-Za-z]+\s+\d{4}$"
    r"|\b(?:S\.H|S\.E|S\.Sos|S\.Kom|S\.T|M\.Si|M\.M|M\.H|M\.Kes|M\.Pd|S\.Pd|Dr|Ir|dr)\.?,?\s*$",
)
_COLUMN_NUMBER_RE = re.compile(r"\s\(\d{1,2}\)$|\s\(\d{1,2}\)\s+[A-Z]")
# A second sasaran run on after the first: the words a sasaran opens with, capitalised, mid-text.
_SASARAN_LEADS_RE = re.compile(
    r"(?<=\S) (?:Meningkatnya|Terwujudnya|Tersedianya|Terselenggaranya|Menurunnya|Terlaksananya|Tercapainya"
    r"|Terpenuhinya|Terkendalinya|Optimalnya|Menguatnya)\b"
)
# A second indicator run on after the first: an opening word in capitals right after a lower-case word.
_LEADS = r"(?:Persentase|Prosentase|Jumlah|Indeks|Tingkat|Rasio|Angka|Cakupan|Proporsi|Rata-rata|Capaian|Nilai)"
_RUN_TOGETHER_RE = re.compile(rf"(?<=[a-z)]) {_LEADS} [a-z]|(?<=\S) \d{{1,2}}[.)]? {_LEADS}\b")
# List numbers one after another inside a text (`… penduduk 3. 4. 5.`): another column's numbers run in.
_LIST_NUMBERS_RE = re.compile(r"(?:^|\s)\d{1,2}\s?[.)]\s+\d{1,2}\s?[.)](?:\s|$)")
# A list number inside a text (`… Inklusi 0. Pendidikan …`) or left at its start (`1 Angka …`): the number
# column's text run into the indicator's.
_INNER_NUMBER_RE = re.compile(r"(?<=[a-z]) \d{1,2}[.)] [A-Z]")
_LEADING_NUMBER_RE = re.compile(r"^\d{1,2}[.)]? [A-Z]")
_FURNITURE_RE = re.compile(r"^(?:halaman\s+\d+(?:\s+dari\s+\d+)?|page\s+\d+)$", re.IGNORECASE)
NO_TARGET = "indikator tanpa target, padahal indikator lain bertarget; periksa barisnya"
_SASARAN_WORD_RE = re.compile(r"\bsasaran\b")
SASARAN_ELSEWHERE = (
    'tidak ada sasaran yang beruraian, padahal kolom "{}" terbaca sebagai kolom lain; judul kolomnya '
    "mungkin tergabung dengan kolom di sebelahnya, periksa pembagian sasaran dan indikatornya"
)
# A sasaran holding this many times its neighbours' usual number of indicators (and at least MANY).
MANY = 12
TIMES = 3


def _where(s: Sasaran, ind: Indikator | None = None) -> dict:
    source = ind if ind is not None else s
    return {
        "sasaran": s.nomor,
        "indikator": ind.nomor if ind is not None else None,
        "kelompok": s.kelompok,
        "halaman": source.halaman,
        "baris": source.baris,
    }


def _odd_text(text: str) -> str | None:
    """Why a sasaran's or an indicator's text looks like no such text, or None."""
    folded = " ".join(text.split())
    if not folded:
        return "uraiannya kosong"
    if _ONLY_CODE_RE.match(folded):
        return f'uraiannya hanya "{folded}" (nomor atau kode)'
    if _HEADER_RE.match(folded):
        return f'uraiannya "{folded}" seperti judul kolom'
    if _SIGNATURE_RE.search(folded):
        return f'uraiannya "{folded[:60]}" seperti bagian tanda tangan'
    if _FURNITURE_RE.match(folded):
        return f'uraiannya "{folded}" seperti nomor halaman'
    if _COLUMN_NUMBER_RE.search(folded):
        return f'uraiannya "{folded[-40:]}" berakhir dengan nomor kolom'
    if _LIST_NUMBERS_RE.search(folded):
        return f'uraiannya "{folded[:60]} …" memuat nomor-nomor urut dari kolom lain'
    if _RUN_TOGETHER_RE.search(folded):
        return f'uraiannya "{folded[:60]} …" tampak memuat dua indikator yang tergabung'
    if _INNER_NUMBER_RE.search(folded) or _LEADING_NUMBER_RE.match(folded):
        return f'uraiannya "{folded[:60]} …" memuat nomor urut yang masuk dari kolom nomor'
    return None


_JOINING = {"dan", "serta", "melalui", "dengan", "untuk", "yang", "guna", "dalam", "atau", "dan/atau", "demi"}


def _sasaran_run_together(text: str) -> bool:
    """A sasaran's opening word, capitalised, after a word that does not join it to what comes before."""
    for found in _SASARAN_LEADS_RE.finditer(text):
        before = text[: found.start()].split()
        if before and before[-1].lower() not in _JOINING:
            return True
    return False


def _texts(doc: Dokumen) -> Iterator[Peringatan]:
    for s in doc.sasaran:
        why = _odd_text(s.uraian) if s.uraian or s.indikator else None
        if why is None and s.uraian[:1].islower():
            why = f'uraiannya "{s.uraian[:40]} …" dimulai huruf kecil, seperti lanjutan baris di atasnya'
        if why is None and _sasaran_run_together(s.uraian):
            why = f'uraiannya "{s.uraian[:60]} …" tampak memuat dua sasaran yang tergabung'
        if why and s.uraian:
            yield Peringatan(f"sasaran: {why}; periksa barisnya", **_where(s))
        for ind in s.indikator:
            why = _odd_text(ind.uraian)
            if why:
                yield Peringatan(f"indikator: {why}; periksa barisnya", **_where(s, ind))


def _missing_targets(doc: Dokumen) -> Iterator[Peringatan]:
    """An indicator without a target where most of the document's indicators have one."""
    indicators = [(s, i) for s in doc.sasaran for i in s.indikator]
    with_target = sum(1 for _, i in indicators if i.target is not None)
    if not with_target or with_target * 3 < len(indicators):
        return
    for s, ind in indicators:
        if ind.target is None and not s.target_mentah:
            yield Peringatan(
                "indikator tanpa target, padahal indikator lain bertarget; periksa barisnya", **_where(s, ind)
            )


def _empty_rows(doc: Dokumen) -> Iterator[Peringatan]:
    """An indicator with nothing in any of its columns where most indicators have figures in theirs (a row
    cut in two: its text's rest read as an indicator of its own)."""
    indicators = [(s, i) for s in doc.sasaran for i in s.indikator]
    with_figures = sum(1 for _, i in indicators if any(re.search(r"\d", v or "") for v in i.kolom_lain.values()))
    if len(indicators) < 3 or with_figures * 3 < len(indicators) * 2:
        return
    for s, ind in indicators:
        if ind.target is None and not any((v or "").strip() for v in ind.kolom_lain.values()):
            yield Peringatan(
                "indikator tanpa isi di kolom-kolom lainnya, padahal indikator lain berisi angka; mungkin lanjutan "
                "uraian indikator di atasnya; periksa barisnya",
                **_where(s, ind),
            )


_RATIO_RE = re.compile(r"^\d+(?:[.,]\d+)?\s?:\s?\d")


def _unread_targets(doc: Dokumen) -> Iterator[Peringatan]:
    """A target holding a number that was not read as its value (other text ran into its cell)."""
    for s in doc.sasaran:
        for ind in s.indikator:
            target = ind.target
            if target is None or target.nilai is not None or target.batas_bawah is not None:
                continue
            if re.search(r"\d", target.teks) and not _RATIO_RE.match(target.teks):
                yield Peringatan(
                    f'target "{target.teks}" tidak terbaca sebagai nilai; periksa barisnya', **_where(s, ind)
                )


def _numbering(doc: Dokumen) -> Iterator[Peringatan]:
    """Sasaran numbers within a group that repeat or skip (a row lost or read twice)."""
    groups: dict[str | None, list[Sasaran]] = {}
    for s in doc.sasaran:
        groups.setdefault(s.kelompok, []).append(s)
    for members in groups.values():
        for before, after in itertools.pairwise(members):
            if after.nomor == before.nomor:
                yield Peringatan(f"nomor sasaran {after.nomor} muncul dua kali; periksa barisnya", **_where(after))
            elif after.nomor > before.nomor + 1 and after.nomor != 1:
                yield Peringatan(
                    f"nomor sasaran melompat dari {before.nomor} ke {after.nomor}; mungkin ada baris yang terlewat",
                    **_where(after),
                )


def _crowded(doc: Dokumen) -> Iterator[Peringatan]:
    """A sasaran with far more indicators than the others (sasaran run together)."""
    counts = [len(s.indikator) for s in doc.sasaran]
    if len(counts) < 2:
        if counts and counts[0] > 3 * MANY:
            yield Peringatan(f"satu sasaran dengan {counts[0]} indikator; periksa pembagian sasarannya")
        return
    usual = statistics.median(counts)
    length = statistics.median(len(s.uraian) for s in doc.sasaran)
    for s in doc.sasaran:
        # a sasaran that swallowed its neighbours also took their text, unless it is far out of scale
        swallowed = len(s.uraian) > 2 * length or len(s.indikator) >= 3 * MANY
        if len(s.indikator) >= MANY and len(s.indikator) > TIMES * usual and swallowed:
            yield Peringatan(
                f"sasaran ini memuat {len(s.indikator)} indikator, jauh lebih banyak dari yang lain; "
                "mungkin beberapa sasaran tergabung",
                **_where(s),
            )


def _sasaran_elsewhere(doc: Dokumen) -> Iterator[Peringatan]:
    """No sasaran has a text while a column named for sasaran was read as another column (its header ran
    together with its neighbour's: `NO TUJUAN / SASARAN /PROGRAM`): the sasaran are in that column."""
    if not doc.sasaran or any(s.uraian.strip() for s in doc.sasaran):
        return
    for s in doc.sasaran:
        for ind in s.indikator:
            named = next((name for name in ind.kolom_lain if _SASARAN_WORD_RE.search(name)), None)
            if named is not None:
                yield Peringatan(SASARAN_ELSEWHERE.format(named), **_where(s))
                return


def _located(doc: Dokumen, warning: Peringatan) -> Peringatan:
    """A warning that names only a page and row, given the sasaran and indicator standing there."""
    if warning.sasaran is not None or warning.halaman is None:
        return warning
    best = None
    for s in doc.sasaran:
        for record, ind in [(s, None), *[(i, i) for i in s.indikator]]:
            if record.halaman == warning.halaman and record.baris is not None and record.baris <= (warning.baris or 0):
                best = (s, ind)
    if best is None:
        return warning
    where = _where(*best)
    return Peringatan(warning.pesan, **{**where, "halaman": warning.halaman, "baris": warning.baris})


_UNIT_WORDS = 5
_LONE_NUMBER_RE = re.compile(r"(?:^|\s)\d+(?:[.,]\d+)*(?:\s|$)")
_HEADER_WORD_RE = re.compile(r"\b(?:ANGGARAN|TARGET|SATUAN|REALISASI|INDIKATOR|SASARAN)\b")


def _odd_units(doc: Dokumen) -> Iterator[Peringatan]:
    """A unit that cannot be one: long, holding a number of its own or a column's name (other columns'
    text run into the SATUAN cell)."""
    for s in doc.sasaran:
        for ind in s.indikator:
            unit = ind.target.satuan if ind.target is not None else None
            if unit and (
                len(unit.split()) > _UNIT_WORDS or _LONE_NUMBER_RE.search(unit) or _HEADER_WORD_RE.search(unit)
            ):
                yield Peringatan(f'satuan "{unit}" tampak tercampur isi kolom lain; periksa barisnya', **_where(s, ind))


def is_document_fact(warning: Peringatan) -> bool:
    """A warning about the document itself, not about how it was read: a JUMLAH that does not add up, a
    printed capaian the figures beside it do not give. A document read exactly may carry these."""
    return warning.pesan.startswith(DIFFERS.split("{", 1)[0]) or "tidak sama dengan jumlah rinciannya" in warning.pesan


def audit(doc: Dokumen) -> list[Peringatan]:
    """The document's own warnings, each named by its record, and every doubt the checks find."""
    found = [_located(doc, w) for w in doc.peringatan]
    for check in (
        _texts,
        _missing_targets,
        _empty_rows,
        _unread_targets,
        _odd_units,
        printed_capaian,
        _numbering,
        _crowded,
        _sasaran_elsewhere,
    ):
        found.extend(check(doc))
    return found
