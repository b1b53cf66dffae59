"""ocr.py: words read across a wiped ruling line, and a cell's lone letters (Sumedang's Renstra scanned: its
narrow code columns' `5 | 0 | 0 | 2` read `5002`, the `s` of `kapabilitas` and the `i` of `Teknologi`,
each alone on its line in a narrow column, dropped or read `|`)."""

from __future__ import annotations

from ekstrak.readers import ocr
from ekstrak.readers.lattice import Segment


def _word(text: str, x0: float, top: float, conf: float = 0.95, width: float = 5.0) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + width * len(text), "top": top, "bottom": top + 7.0, "conf": conf}


def test_a_word_read_across_a_vertical_ruling_line_is_left_to_the_cells_reading():
    rule = Segment(False, 140.0, 100.0, 400.0)
    across, inside = _word("5002", 128.0, 290.0), _word("01", 150.0, 290.0)
    below = _word("5002", 128.0, 450.0)  # where the line does not reach
    assert ocr.across_rules([across, inside, below], [rule, Segment(True, 100.0, 0.0, 300.0)]) == [inside, below]


def test_a_lone_small_letter_on_the_line_its_cell_leaves_for_it_is_a_letter():
    cell = [_word("kapa", 92.6, 210.5), _word("bilita", 92.6, 222.0), _word("inter", 92.6, 245.0)]
    assert ocr._on_missing_line(_word("s", 92.4, 233.6, 0.65), cell)
    assert not ocr._on_missing_line(_word("s", 110.0, 233.6, 0.65), cell)  # not where the lines start
    assert not ocr._on_missing_line(_word("s", 92.4, 222.2, 0.65), cell)  # on a line already read
    assert not ocr._on_missing_line(_word("2", 92.4, 233.6, 0.65), cell)  # a digit: a speck as often


class _Api:
    """Tesserocr's engine, as far as read_missed calls it (its words come from `_collect`)."""

    def SetPageSegMode(self, mode):
        pass

    def SetRectangle(self, *box):
        pass

    def Recognize(self):
        pass


def test_a_letter_the_page_reading_took_for_a_mark_is_read_from_its_cell(monkeypatch):
    page = [_word("Teknolog", 224.6, 210.5), {**_word("|", 225.1, 222.0, 0.74), "x1": 226.0}]
    monkeypatch.setattr(ocr, "_collect", lambda api, scale: [_word("i", 225.1, 222.0, 0.93)])
    found, replaced = ocr.read_missed(0.24, _Api(), [(220.0, 200.0, 272.0, 240.0)], page)
    assert [w["text"] for w in found] == ["i"] and replaced == [page[1]]
