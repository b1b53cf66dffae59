"""`make mutasi`: mutmut over the modules where a silent bug costs most, one group at a time, each against
the test files that test it (tests/MUTASI.md). Ends with `mutasi: K/N terbunuh (P%)`.

    .venv/bin/python tests/mutasi.py                 every group, from scratch
    .venv/bin/python tests/mutasi.py web capaian     only these groups, from scratch
    .venv/bin/python tests/mutasi.py --hidup         the survivors again, against the tests as they are now

Each group runs in build/mutasi/<group>/ (a copy of the checkout with [tool.mutmut] narrowed to the group)
under `nice -n 19` with one mutmut child, so a shared machine keeps its other cores. Survivors are listed in
build/mutasi/hidup.txt.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "mutasi"
BIN = Path(sys.executable).parent
COPIED = ["inti", "ekstrak", "laporan", "kinerja_web", "tests", "samples", "docs", "README.md", "pyproject.toml"]
# mutmut's exit codes (mutmut.stats): a failing test (1, 3), a timeout (24, 36, 152, 255, -24) or a crash (-9, -11)
# caught the mutant; 0 is a survivor, 33 a mutant no selected test reaches; None and 34 were not run.
KILLED = {1, 3, 24, -24, 36, 152, 255, -9, -11}
NOT_RUN = {None, 34}


@dataclass(frozen=True)
class Kelompok:
    """Modules mutated together, the mutants taken from them, the test files run against them, and the tests
    left out of them that only start another program (it imports the checkout, never a mutant)."""

    modules: tuple[str, ...]
    mutants: tuple[str, ...]
    tests: tuple[str, ...]
    deselect: tuple[str, ...] = ()


INTERPRET_SPLITTING = ("_markers", "numbered_parts", "_dotted_parts", "_strip_marker", "_by_bullets")
INTERPRET_TARGETS = ("match_targets", "_target_lines")
GROUPS = {
    "angka": Kelompok(("inti/numbers.py",), ("inti.numbers.*",), ("tests/inti/",)),
    "target": Kelompok(
        ("ekstrak/targets.py",),
        ("ekstrak.targets.*",),
        (
            "tests/ekstrak/test_targets.py",
            "tests/ekstrak/test_ekstrak_kuat.py",
            "tests/ekstrak/test_subindikator_kuat.py",
            "tests/ekstrak/test_mutasi_target.py",
        ),
    ),
    "subindikator": Kelompok(
        ("ekstrak/interpret.py",),
        tuple(f"ekstrak.interpret.x_{name}*" for name in INTERPRET_SPLITTING + INTERPRET_TARGETS),
        (
            "tests/ekstrak/test_interpret.py",
            "tests/ekstrak/test_subindikator_kuat.py",
            "tests/ekstrak/test_mutasi_subindikator.py",
        ),
    ),
    "capaian": Kelompok(
        ("inti/capaian.py",),
        ("inti.capaian.*",),
        (
            "tests/laporan/test_capaian.py",
            "tests/laporan/test_capaian_kuat.py",
            "tests/ekstrak/test_capaian_tercetak.py",
        ),
    ),
    "batas": Kelompok(
        ("inti/limits.py", "inti/files.py"),
        ("inti.limits.*", "inti.files.*"),
        ("tests/inti/", "tests/test_bermusuhan.py"),
    ),
    "web": Kelompok(
        ("kinerja_web/errors.py", "kinerja_web/app.py", "kinerja_web/downloads.py"),
        ("kinerja_web.errors.*", "kinerja_web.app.*", "kinerja_web.downloads.*"),
        (
            "tests/web/test_web.py",
            "tests/web/test_web_kuat.py",
            "tests/web/test_helpers.py",
        ),
        (
            "tests/web/test_web_kuat.py::test_port_data_and_a_time_limit_for_uploads",
            "tests/web/test_web_kuat.py::test_a_memory_limit_for_uploads_and_the_data_folder_from_the_environment",
            "tests/web/test_web_kuat.py::test_options_that_make_no_sense_are_refused",
        ),
    ),
}


def _toml_list(values: list[str] | tuple[str, ...]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def _narrowed_config(pyproject: str, group: Kelompok, tests: list[str]) -> str:
    """The checkout's pyproject.toml with [tool.mutmut] mutating only this group, selecting only its tests."""
    section = re.search(r"^\[tool\.mutmut\]\n(?:(?!^\[).*\n?)*", pyproject, flags=re.M)
    assert section, "pyproject.toml has no [tool.mutmut]"
    kept = re.sub(r"^only_mutate = \[[^\]]*\]\n", "", section.group(0), flags=re.M)
    narrowed = (
        kept.rstrip("\n")
        + f"\nonly_mutate = {_toml_list(group.modules)}\n"
        + f"pytest_add_cli_args_test_selection = {_toml_list(tests)}\n"
    )
    return pyproject[: section.start()] + narrowed + pyproject[section.end() :]


def _env(folder: Path) -> dict[str, str]:
    # Hypothesis tests keep their examples few: each mutant runs them again, and the explicit cases carry the kill.
    return dict(os.environ, PYTHONPATH=str(folder), KINERJA_EXAMPLES=os.environ.get("KINERJA_EXAMPLES", "40"))


def _copy_tests(folder: Path) -> None:
    shutil.rmtree(folder / "tests", ignore_errors=True)
    shutil.copytree(ROOT / "tests", folder / "tests", ignore=shutil.ignore_patterns("__pycache__"))


def _prepare(name: str, group: Kelompok) -> Path:
    folder = BUILD / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for item in COPIED:
        source = ROOT / item
        if source.is_dir():
            shutil.copytree(source, folder / item, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, folder / item)
    shutil.copytree(ROOT / "templates", folder / "kinerja_templates", ignore=shutil.ignore_patterns("__pycache__"))
    _write_config(folder, group)
    return folder


def _write_config(folder: Path, group: Kelompok) -> None:
    """The group's narrowed config; a test file added to a group changes it (mutmut then runs the group again)."""
    tests = [t for t in group.tests if (ROOT / t).exists()] + [f"--deselect={t}" for t in group.deselect]
    config = _narrowed_config((ROOT / "pyproject.toml").read_text(encoding="utf-8"), group, tests)
    (folder / "pyproject.toml").write_text(config, encoding="utf-8")


def _mutmut(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = ["nice", "-n", "19", str(BIN / "mutmut"), *args]
    return subprocess.run(command, cwd=folder, env=_env(folder), capture_output=True, text=True)


def _run(folder: Path, mutants: list[str] | tuple[str, ...]) -> bool:
    """mutmut over `mutants` in `folder`; False (its output's end printed) when mutmut itself failed."""
    done = _mutmut(folder, "run", "--max-children", "1", *mutants)
    (folder / "mutmut.log").write_text(done.stdout + done.stderr, encoding="utf-8")
    if done.returncode != 0:
        print((done.stdout + done.stderr)[-4000:])
        print(f"mutasi: mutmut gagal di {folder.name} (kode {done.returncode}); lihat {folder}/mutmut.log")
    return done.returncode == 0


def exit_codes(folder: Path) -> dict[str, dict[str, int | None]]:
    """Each mutated module's mutants and their exit codes, as mutmut saved them."""
    found = {}
    for meta in sorted((folder / "mutants").rglob("*.py.meta")):
        module = str(meta.relative_to(folder / "mutants")).removesuffix(".meta")
        found[module] = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    return found


def survivors(folder: Path) -> list[str]:
    return sorted(k for codes in exit_codes(folder).values() for k, c in codes.items() if c not in NOT_RUN | KILLED)


def _figure(killed: int, total: int) -> str:
    return f"{killed}/{total} terbunuh ({100 * killed / max(total, 1):.1f}%)".replace(".", ",")


def report(names: list[str]) -> None:
    """Per module and in total: mutants killed of those run; every survivor into build/mutasi/hidup.txt."""
    killed_all = total_all = 0
    lines = []
    for name in names:
        folder = BUILD / name
        for module, codes in exit_codes(folder).items():
            run = [c for c in codes.values() if c not in NOT_RUN]
            if not run:
                continue
            killed = sum(c in KILLED for c in run)
            killed_all, total_all = killed_all + killed, total_all + len(run)
            print(f"  {module}: {_figure(killed, len(run))}")
        for key in survivors(folder):
            code = next(c[key] for c in exit_codes(folder).values() if key in c)
            lines.append(f"{name}\t{key}\t{code}")
    (BUILD / "hidup.txt").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"mutasi: {_figure(killed_all, total_all)}")


def main(argv: list[str]) -> None:
    again = "--hidup" in argv
    names = [a for a in argv if not a.startswith("-")] or list(GROUPS)
    unknown = sorted(set(names) - set(GROUPS))
    if unknown:
        raise SystemExit(f"mutasi: kelompok tidak dikenal: {', '.join(unknown)} (ada: {', '.join(GROUPS)})")
    failed = []
    for name in names:
        group = GROUPS[name]
        if again:
            folder = BUILD / name
            _copy_tests(folder)
            _write_config(folder, group)
            left = survivors(folder)
            print(f"{name}: {len(left)} yang hidup dijalankan lagi", flush=True)
            ok = not left or _run(folder, left)
        else:
            print(f"{name}: {', '.join(group.modules)}", flush=True)
            ok = _run(_prepare(name, group), group.mutants)
        if not ok:
            failed.append(name)  # the other groups still run; the figure below leaves this one out
    report([n for n in GROUPS if (BUILD / n / "mutants").exists() and n not in failed])
    if failed:
        raise SystemExit(f"mutasi: gagal di {', '.join(failed)}")


if __name__ == "__main__":
    main(sys.argv[1:])
