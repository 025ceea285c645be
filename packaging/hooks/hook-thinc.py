"""Replaces pyinstaller-hooks-contrib's hook for thinc: the same data files and submodules,
less the test suite, which the app never imports (and the spec excludes)."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules


def _not_a_test(name: str) -> bool:
    return ".tests" not in name


datas = collect_data_files("thinc", excludes=["**/tests/**"])
hiddenimports = collect_submodules("thinc", filter=_not_a_test)
