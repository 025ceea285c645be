"""Many void Qt calls must not exhaust None's reference count (PySide6 6.12, Python 3.11)."""

import subprocess
import sys
from pathlib import Path

SCRIPT = """
from reader.ui.app import create_application
from PySide6.QtGui import QTextCharFormat
app = create_application()
fmt = QTextCharFormat()
for _ in range(200_000):
    fmt.setFontWeight(700)  # a void method
print("ok")
"""


def test_void_calls_do_not_crash_the_interpreter():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            timeout=120, cwd=Path(__file__).resolve().parents[2],
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"
