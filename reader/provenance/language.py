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
from dataclasses import dataclass
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
    return decide(text).english


# The common languages by py3langid's code (ISO 639-1), to name them to the reader
# offline; any other language is named by its code.
NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan",
    "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek",
    "en": "English", "eo": "Esperanto", "es": "Spanish", "et": "Estonian", "eu": "Basque",
    "fa": "Persian", "fi": "Finnish", "fr": "French", "ga": "Irish", "gl": "Galician",
    "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian",
    "is": "Icelandic", "it": "Italian", "ja": "Japanese", "ko": "Korean", "la": "Latin",
    "lt": "Lithuanian", "lv": "Latvian", "ms": "Malay", "mt": "Maltese", "nb": "Norwegian",
    "nl": "Dutch", "nn": "Norwegian", "no": "Norwegian", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sq": "Albanian",
    "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "th": "Thai",
    "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
    "zh": "Chinese",
}


def name_of(code: str | None) -> str | None:
    """The language's English name when it is in NAMES, else its code (None stays None)."""
    if code is None:
        return None
    return NAMES.get(code, code)


@dataclass(frozen=True)
class LanguageDecision:
    """What the analysis took the text's language to be, and whether it ran its English
    rules on it (`analysed`: the text is English, or the reader asked for the English
    analysis anyway)."""

    code: str | None  # py3langid's most likely language; None when too short to tell
    english: bool  # English, or too short to tell
    analysed: bool

    @property
    def name(self) -> str | None:
        return name_of(self.code)

    def to_dict(self) -> dict:
        return {"code": self.code, "name": self.name, "english": self.english,
                "analysed": self.analysed}

    @classmethod
    def from_dict(cls, record: dict) -> LanguageDecision:
        return cls(code=record.get("code"), english=bool(record.get("english", True)),
                   analysed=bool(record.get("analysed", True)))

    def forced(self) -> LanguageDecision:
        """The same decision, with the English analysis run anyway."""
        return LanguageDecision(self.code, self.english, analysed=True)


def decide(text: str, force: bool = False) -> LanguageDecision:
    """The language of the start of `text`; with `force`, the English analysis runs
    whatever the language."""
    sample = text.strip()
    if len(sample) < MIN_CHARS:
        return LanguageDecision(code=None, english=True, analysed=True)
    ranked = _identifier().rank(sample[:READ_CHARS])
    english = dict(ranked).get("en", 0.0) >= MIN_ENGLISH_PROBABILITY
    code = "en" if english else ranked[0][0]
    return LanguageDecision(code=code, english=english, analysed=english or force)
