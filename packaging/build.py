"""Build the one-folder application with PyInstaller.

    python packaging/build.py [--dist DIR] [--work DIR]

PyInstaller (GPL with an exception that allows bundling) is a build tool, not a dependency
of the reader: install it in the build environment only (`pip install pyinstaller`), beside
the reader's own dependencies. The result is DIST/provenance-reader/ (and, on macOS,
DIST/Provenance Reader.app).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "provenance-reader.spec"


def build(dist: Path, work: Path) -> Path:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
               "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work),
               str(SPEC)]
    subprocess.run(command, check=True, cwd=ROOT)
    return dist / "provenance-reader"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("build: PyInstaller is not installed here: pip install pyinstaller",
              file=sys.stderr)
        return 2
    folder = build(args.dist.resolve(), args.work.resolve())
    print(f"built {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
