"""The README tells the truth: every console block is run and every line it shows compared with what the
command prints; the Python example runs and prints what it says; every option is documented and every
documented option is run by some test."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import BIN, FIXTURES, ROOT, SEED, contract, load_json

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _console_blocks() -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """Each ```console block as (its first command, [(command, the lines shown after it)])."""
    blocks = []
    for body in re.findall(r"```console\n(.*?)```", README, re.S):
        commands: list[tuple[str, list[str]]] = []
        lines = body.splitlines()
        index = 0
        while index < len(lines):
            line = lines[index]
            assert line.startswith("$ "), f"a console block starts with a command: {line!r}"
            command = line[2:]
            while command.endswith("\\"):
                index += 1
                command = command[:-1].rstrip() + " " + lines[index].strip()
            index += 1
            shown = []
            while index < len(lines) and not lines[index].startswith("$ "):
                shown.append(lines[index])
                index += 1
            commands.append((command, shown))
        blocks.append((commands[0][0], commands))
    return blocks


BLOCKS = _console_blocks()


def _workspace(tmp_path: Path) -> Path:
    """A folder to run the README's commands in, where its relative paths (samples/, tests/) exist."""
    for name in ("samples", "tests"):
        (tmp_path / name).symlink_to(ROOT / name)
    archive = tmp_path / "arsip"  # for `ekstrak arsip/ -o hasil/ -f xlsx`
    (archive / "2022").mkdir(parents=True)
    shutil.copy(ROOT / "samples" / "iku_kanwil_sulbar_2022.pdf", archive / "2022" / "iku.pdf")
    shutil.copy(ROOT / "samples" / "iku_kanwil_sulbar_2022.docx", archive / "2022" / "iku.docx")
    shutil.copy(FIXTURES / "pk_pengadilan_satuan.txt", archive / "pk.txt")
    return tmp_path


def _shell(command: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", PYTHONWARNINGS="error", COLUMNS="100")
    return subprocess.run(
        ["bash", "-o", "pipefail", "-c", command + " 2>&1"],
        cwd=cwd,
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_there_are_console_blocks_and_each_shows_its_output():
    firsts = [first for first, _ in BLOCKS]
    assert len(BLOCKS) >= 5, firsts
    assert any(first.startswith("laporan ") for first in firsts)


@pytest.mark.parametrize("commands", [c for _, c in BLOCKS], ids=[first for first, _ in BLOCKS])
def test_every_console_block_prints_what_it_shows(tmp_path, commands, seed_expected):
    cwd = _workspace(tmp_path)
    for command, shown in commands:
        result = _shell(command, cwd)
        # A terminal shows nothing for the byte-order mark CSV files start with (so Excel reads UTF-8).
        printed = result.stdout.decode().replace("\ufeff", "").splitlines()
        # `head` may end the pipe early; any other failure is the command's.
        assert result.returncode in (0, 141) if "| head" in command else result.returncode == 0, printed
        if shown:
            assert printed == shown, command
        elif command.startswith("ekstrak arsip/"):
            # The README then says how the outputs are named: arsip/2022/iku.pdf → hasil/2022/iku.pdf.xlsx.
            written = sorted(str(p.relative_to(cwd / "hasil")) for p in (cwd / "hasil").rglob("*") if p.is_file())
            assert written == ["2022/iku.docx.xlsx", "2022/iku.pdf.xlsx", "pk.txt.xlsx"]
            back = subprocess.run([str(BIN / "ekstrak"), "hasil/2022/iku.pdf.xlsx"], cwd=cwd, capture_output=True)
            assert contract(json.loads(back.stdout))["sasaran"] == seed_expected["sasaran"]
        else:
            raise AssertionError(f"a console block shows no output for {command!r}")


def test_the_files_the_console_blocks_write(tmp_path):
    cwd = _workspace(tmp_path)
    for _, commands in BLOCKS:
        for command, _ in commands:
            _shell(command, cwd)
    assert (cwd / "pk.csv").read_bytes().startswith(b"\xef\xbb\xbfkelompok;no_sasaran;sasaran")
    dinas = load_json(cwd / "dinas.json")
    assert len(dinas["sasaran"]) == 5 and len(dinas["peringatan"]) == 1
    assert (cwd / "lakip.pdf").read_bytes().startswith(b"%PDF-")
    assert (cwd / "lakip.docx").read_bytes().startswith(b"PK\x03\x04")
    assert "100,18%" in (cwd / "lakip.html").read_text(encoding="utf-8")


def _python_example() -> str:
    block = re.search(r"## Dari Python\n\n```python\n(.*?)```", README, re.S)
    assert block, "the README's Python example"
    return block.group(1)


def test_the_python_example_runs_and_prints_what_it_says(tmp_path, seed_expected):
    cwd = _workspace(tmp_path)
    env = dict(os.environ, PYTHONWARNINGS="error")
    result = subprocess.run(
        [sys.executable, "-c", _python_example()], cwd=cwd, capture_output=True, env=env, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""
    printed = result.stdout.decode().splitlines()
    expected = [
        f"{s['nomor']} {i['nomor']} {i['uraian']} {i['target']['nilai'] if i['target'] else None}"
        for s in seed_expected["sasaran"]
        for i in s["indikator"]
    ]
    assert printed[:-1] == expected
    assert printed[0] == "1 1 Indeks kepuasan layanan internal di lingkungan Kantor Wilayah 3.1"
    assert printed[-1] == "100,18% Sangat Baik"  # as its comment says
    back = subprocess.run([str(BIN / "ekstrak"), "iku.xlsx"], cwd=cwd, capture_output=True)
    assert contract(json.loads(back.stdout)) == seed_expected


def test_errors_from_python_are_kinerja_errors_in_indonesian(tmp_path):
    import ekstrak

    assert "`ekstrak.KinerjaError`" in README and "(`.pesan`)" in README
    with pytest.raises(ekstrak.KinerjaError) as caught:
        ekstrak.extract(tmp_path / "tidak_ada.txt")
    assert caught.value.pesan == f"Berkas '{tmp_path / 'tidak_ada.txt'}' tidak ditemukan; periksa nama dan foldernya."


def _parsers():
    from ekstrak.cli import build_parser as ekstrak_parser
    from kinerja_web.cli import parser as web_parser
    from laporan.cli import build_parser as laporan_parser

    return [ekstrak_parser(), laporan_parser(), web_parser()]


def test_every_command_option_is_documented():
    for parser in _parsers():
        for action in parser._actions:
            for option in action.option_strings:
                assert f"`{option}`" in README, f"{parser.prog} {option} is not in the README"


def _documented_options() -> dict[str, set[str]]:
    """The options in the README's table under each command's heading."""
    sections = {
        "ekstrak": README.split("## `ekstrak`", 1)[1].split("\n## ", 1)[0],
        "laporan": README.split("## `laporan`", 1)[1].split("\n## ", 1)[0],
        "kinerja-web": README.split("## `kinerja-web`", 1)[1].split("\n## ", 1)[0],
    }
    return {
        prog: {option for row in re.findall(r"^\| (`-.*?) \|", text, re.M) for option in re.findall(r"`(-[\w-]+)", row)}
        for prog, text in sections.items()
    }


def test_every_documented_option_is_run_by_some_test():
    """Each option of each README table appears as an argument in some test (not counting this file)."""
    documented = _documented_options()
    assert {"-o", "--keluaran", "--ketat"} <= documented["ekstrak"]
    assert {"--batas-capaian", "--rumus-turun", "--salin-templat"} <= documented["laporan"]
    assert {"--port", "--data", "--tanpa-peramban", "--batas-waktu", "--batas-memori"} <= documented["kinerja-web"]
    tests = [p for p in (ROOT / "tests").rglob("test_*.py") if p.name != "test_readme.py"]
    sources = {p: p.read_text(encoding="utf-8") for p in tests}
    for prog, options in documented.items():
        runs = "\n".join(text for text in sources.values() if f'"{prog}"' in text or f"'{prog}'" in text)
        for option in options:
            assert re.search(rf"[\"']{re.escape(option)}[\"']", runs), f"{prog} {option} is run by no test"


def test_readme_pictures_exist():
    for picture in re.findall(r"\]\((docs/gambar/[^)]+)\)", README):
        assert (ROOT / picture).exists(), picture


def test_readme_names_the_two_commands():
    assert "make demo" in README and "make test" in README


def test_readme_names_the_web_command_as_installed():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    for name in scripts:
        assert f"`{name}`" in README, name


def test_the_seed_is_the_sample_the_readme_shows():
    assert SEED.relative_to(ROOT).as_posix() in README


def test_the_developers_map_names_every_module():
    """The README's "Untuk pengembang" map is the layout's truth: a module it does not name is undocumented."""
    section = README[README.index("Untuk pengembang") :]
    mapped = "\n".join(re.findall(r"```text\n(.*?)```", section, re.S))
    unnamed = [
        path.as_posix()
        for package in ("inti", "ekstrak", "laporan", "kinerja_web", "templates")
        for path in sorted((ROOT / package).rglob("*.py"))
        if path.name != "__init__.py" and not re.search(rf"\b{re.escape(path.name)}\b", mapped)
    ]
    assert unnamed == []
