"""Renderers: the report's view into HTML, PDF (WeasyPrint), DOCX (docxtpl) and charts (matplotlib)."""
