"""Replaces pyinstaller-hooks-contrib's hook for spacy: the same data files and submodules,
less the test suite, which the app never imports (and the spec excludes)."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules


def _not_a_test(name: str) -> bool:
    return ".tests" not in name


datas = collect_data_files("spacy", excludes=["**/tests/**"])
hiddenimports = collect_submodules("spacy", filter=_not_a_test)
