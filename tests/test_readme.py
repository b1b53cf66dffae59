"""The README tells the truth: every option documented, the output it shows is what the command prints."""

from __future__ import annotations

import re

from conftest import ROOT, SEED, run_command

from ekstrak.cli import build_parser

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_option_is_documented():
    from kinerja_web.cli import parser as web_parser
    from laporan.cli import build_parser as laporan_parser

    for parser in (build_parser(), laporan_parser(), web_parser()):
        for action in parser._actions:
            for option in action.option_strings:
                assert f"`{option}`" in README, f"{parser.prog} {option} is not in the README"


def test_readme_pictures_exist():
    for picture in re.findall(r"\]\((docs/gambar/[^)]+)\)", README):
        assert (ROOT / picture).exists(), picture


def test_readme_shows_real_output():
    block = re.search(r"\$ ekstrak samples/iku_kanwil_sulbar_2022.txt \| head -24\n(.*?)```", README, re.S)
    assert block
    shown = block.group(1)
    actual = run_command("ekstrak", str(SEED)).stdout.decode()
    assert "\n".join(actual.splitlines()[:24]) + "\n" == shown


def test_readme_names_the_two_commands():
    assert "make demo" in README and "make test" in README


def test_readme_names_the_web_command_as_installed():
    import tomllib

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    for name in scripts:
        assert f"`{name}`" in README, name
