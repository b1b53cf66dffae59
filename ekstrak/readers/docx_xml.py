"""A Word body as Word shows it: tracked changes accepted, content controls and custom markup unwrapped,
layout tables (a table holding the real one in a cell) told apart from data tables."""

from __future__ import annotations

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Wrappers whose content Word shows in place: content controls, custom XML, smart tags, and tracked
# insertions (accepted).
_WRAPPERS = {f"{W}customXml", f"{W}smartTag", f"{W}ins", f"{W}moveTo"}
# Tracked deletions (accepted: gone).
_DELETED = {f"{W}del", f"{W}moveFrom"}


def _unwrap(node) -> None:
    """Put the element's shown content where the element stands."""
    content = node.find(f"{W}sdtContent") if node.tag == f"{W}sdt" else node
    parent = node.getparent()
    index = parent.index(node)
    children = list(content) if content is not None else []
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    parent.remove(node)


def _deleted_row(node) -> bool:
    properties = node.find(f"{W}trPr")
    return properties is not None and properties.find(f"{W}del") is not None


def as_shown(body) -> None:
    """Rewrite `body` in place into what Word shows with every tracked change accepted."""
    for node in list(body.iter(f"{W}tr")):
        if _deleted_row(node):
            node.getparent().remove(node)
    for node in list(body.iter(*_DELETED)):
        if node.getparent() is not None and node.getparent().tag != f"{W}rPr" and node.getparent().tag != f"{W}trPr":
            node.getparent().remove(node)
    # Innermost first, so that a wrapper inside a wrapper is already open when its parent moves it.
    for node in reversed(list(body.iter(f"{W}sdt", *_WRAPPERS))):
        if node.getparent() is not None and node.getparent().tag not in (f"{W}rPr", f"{W}trPr", f"{W}pPr"):
            _unwrap(node)


def _size(table) -> int:
    rows = table.findall(f"{W}tr")
    return len(rows) * max((len(row.findall(f"{W}tc")) for row in rows), default=0)


def layout_tables(body) -> set:
    """Tables that only lay out the page: one of their cells holds a table larger than themselves (a PK
    table put inside a one-cell frame, beside the logo or above the signatures)."""
    found = set()
    for table in body.iter(f"{W}tbl"):
        inner = [t for t in table.iter(f"{W}tbl") if t is not table]
        if inner and max(_size(t) for t in inner) >= _size(table):
            found.add(table)
    return found
