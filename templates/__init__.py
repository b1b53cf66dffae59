"""Kinerja's report and web templates, fonts and the Word template (installed as `kinerja_templates`)."""
