"""The export's colours and non-colour cues, as plain data.

Keep in sync with the "light" palette of reader/ui/palette.py (KIND_STYLES, SURFACES);
that module imports Qt, which the HTML export must not need. A test compares the two.
"""

from __future__ import annotations

KINDS = ("quote", "paraphrase", "framing")

# kind -> (fill or None, line colour): reader/ui/palette.py KIND_STYLES[kind].colours["light"]
KIND_COLOURS: dict[str, tuple[str | None, str]] = {
    "quote": ("#ffe29a", "#a87400"),
    "paraphrase": ("#e3f3e1", "#2e7d32"),
    "framing": (None, "#c62828"),
}

KIND_TITLES = {"quote": "Direct quote", "paraphrase": "Paraphrase", "framing": "Writer's framing"}
KIND_PLURALS = {"quote": "Quotes", "paraphrase": "Paraphrases", "framing": "Framing"}
# What survives greyscale printing and colour-blindness, in words for the legend.
KIND_CUES = {
    "quote": "filled background",
    "paraphrase": "dashed underline",
    "framing": "wavy underline, bold",
}
KIND_MEANINGS = {
    "quote": "a source's exact words",
    "paraphrase": "a source's words retold by the writer",
    "framing": "the writer's own evaluative word choice",
}

SOURCE_TYPE_TITLES = {
    "person": "person", "organization": "organisation", "document": "document",
    "group": "group", "anonymous": "anonymous source",
}

# reader/ui/palette.py SURFACES["light"]: background, text, muted
SURFACE = {"background": "#fffdf8", "text": "#1d1d1d", "muted": "#666666"}
WRITER = "#9e9e9e"  # the writer's own share in the "Who speaks" bars
CORRECTED_MARK = "✎"
