"""The README's two commands are the ones the project actually runs."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", readme, flags=re.S)


def test_readme_starts_with_install_and_run():
    first = _commands()[0]
    assert "pip install ." in first and first.rstrip().endswith("provenance-reader")


def test_ci_runs_exactly_the_readme_test_command():
    test_command = _commands()[1].strip()
    ci_lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
    assert ci_lines[-1] == test_command


def test_readme_lists_every_keyboard_shortcut():
    from reader.ui.shortcuts import SHORTCUTS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for shortcut in SHORTCUTS:
        assert f"| {' or '.join(shortcut.keys)} | {shortcut.description} |" in readme
