"""Whether a text is written in English, for the parts of the analysis that only know
English words.

The framing layer's word lists and its learned tagger are English: on a German page they
mark the article "die" as a loaded word, on a Portuguese or Indonesian one whatever word
happens to be spelled like an English one. The language is told by py3langid (BSD-3-Clause;
a naive Bayes model over byte n-grams of 140 languages, shipped inside the package, so it
runs offline), from the start of the text. A text is taken as English unless it is long
enough to tell and English is all but ruled out: a short text (a headline, one sentence)
gives too few n-grams, and on the BABE sentences English fell as low as 0.04 on a
47-character sentence of plain English. On the saved pages of the real-page dev set the
two groups stand far apart: every non-English page gives English 0.0000, every English
page 0.76 or more (a page of sports scores, the lowest), PTC's articles 0.9997 or more.
"""

from __future__ import annotations

import threading
from functools import cache

# Shorter texts are taken as English: too few n-grams to tell.
MIN_CHARS = 200
# The leading characters read: enough to tell a page's language, and about 2 ms.
READ_CHARS = 2000
# The least probability of English (normalised over the languages) of an English text.
MIN_ENGLISH_PROBABILITY = 0.01


_LOADING = threading.Lock()


@cache
def _load():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _identifier():
    """The language identifier, loaded once (0.3 to 1 s: its model is unpacked from xz)."""
    with _LOADING:
        return _load()


def preload() -> None:
    """Start loading the identifier in a background thread, so that the first analysis
    need not wait for it: the unpacking runs beside the loading of the spaCy pipeline
    (Python's lzma releases the GIL while it decompresses)."""
    threading.Thread(target=_identifier, name="language-identifier", daemon=True).start()


def english_probability(text: str) -> float:
    """The identifier's probability that the start of `text` is English."""
    return dict(_identifier().rank(text[:READ_CHARS])).get("en", 0.0)


def is_english(text: str) -> bool:
    """Whether `text` is English, or too short to tell (then it is taken as English)."""
    sample = text.strip()
    if len(sample) < MIN_CHARS:
        return True
    return english_probability(sample) >= MIN_ENGLISH_PROBABILITY
