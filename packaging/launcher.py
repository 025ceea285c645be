"""The frozen application's entry point (PyInstaller runs a script, not a console_script)."""

import multiprocessing
import sys

from reader.cli import main

if __name__ == "__main__":
    # A frozen program that starts worker processes must call this first (Windows, macOS).
    multiprocessing.freeze_support()
    sys.exit(main())
