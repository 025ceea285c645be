"""What a span means, in a sentence a student understands: for the hover card, the
presentation caption and the legend ("The spokesman confirmed this; the writer retells it
in their own words.").

The engine's `why` ("cue 'confirmed' → subject 'spokesman', content from its object") is
for checking the rules; these sentences are for reading the article. Plain Python, no Qt:
each function takes `tr`, the translation function of the caller (identity by default),
so the window can pass QCoreApplication.translate. One place for the wording, to fold into
the shared vocabulary module (kinds, source types, rules).
"""

from __future__ import annotations

from collections.abc import Callable

Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


# One line per kind, for the legend's tooltips and the projector legend.
KIND_MEANINGS = {
    "quote": "A source's exact words, inside quotation marks.",
    "paraphrase": "A source's claim, retold by the writer in the writer's own words.",
    "framing": "The writer's own slanted wording: nobody is quoted, the writer chose it.",
}
# Shorter, for a legend that is always on screen.
KIND_SHORT_MEANINGS = {
    "quote": "their exact words",
    "paraphrase": "retold by the writer",
    "framing": "the writer's own slant",
}

# Framing labels (reader/provenance/framing.py, headline.py) -> a sentence with {words}.
FRAMING_SENTENCES = {
    "loaded-label": "The writer's own label “{words}”: a word that takes a side, not "
                    "something a source said.",
    "characterisation": "The writer describes someone as “{words}”: the writer's judgement, "
                        "not a source's.",
    "hedge": "The writer's hedging word “{words}” makes the claim sound less certain.",
    "distancing-verb": "The writer chose “{words}”, a word that casts doubt on what was said.",
    "evaluative-verb": "The writer's verb “{words}” judges what was said, instead of just "
                       "reporting it.",
    "insinuation": "The writer hints at something (“{words}”) without saying it outright or "
                   "naming who says it.",
    "scare-quote": "Quotation marks the writer put around “{words}” to keep a distance from "
                   "the word: nobody is being quoted.",
    "intensifier": "The writer's emphasis (“{words}”) makes this sound bigger or more "
                   "surprising.",
    "headline-assertion": "The headline states this as a fact, while the article itself "
                          "says a source claims it.",
}
FRAMING_DEFAULT = "The writer's own wording (“{words}”), not a source's."

# Cue words that read well as "X <cue> this" (a verb in the past or present tense).
_VERB_ENDINGS = ("ed", "es", "ys", "ts", "ds", "ns", "ks", "ms", "ls", "rs")
_IRREGULAR_VERBS = {"said", "told", "wrote", "thought", "thinks", "felt", "feels", "knew",
                    "knows", "saw", "sees", "held", "holds", "put", "puts", "says", "told",
                    "spoke", "understood", "understands", "argued", "argues"}


def _sentence_start(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _reads_as_verb(cue: str) -> bool:
    word = cue.strip().lower()
    return (" " not in word and word.isalpha()
            and (word in _IRREGULAR_VERBS or word.endswith(_VERB_ENDINGS)))


def explain(kind: str, *, label: str | None = None, who: str | None = None,
            cue: str | None = None, words: str = "", tr: Translate = _same) -> str:
    """One sentence: what this span is and whose voice it is.

    `who`: the source's name as the article gives it (None: nobody named); `cue`: the
    words that attribute it ("confirmed", "according to"); `words`: the span's own text
    (used for framing, shortened by the caller)."""
    cue = " ".join(cue.split()) if cue else None
    if kind == "framing":
        template = FRAMING_SENTENCES.get(label or "", FRAMING_DEFAULT)
        return tr(template).format(words=words)
    if kind == "quote":
        if who and cue and _reads_as_verb(cue):
            return tr("{who} {cue} this, and these are their exact words, inside quotation "
                      "marks.").format(who=_sentence_start(who), cue=cue)
        if who:
            return tr("The exact words of {who}, inside quotation marks.").format(who=who)
        return tr("Someone's exact words, inside quotation marks, but the article does not "
                  "say whose.")
    # A paraphrase: a claim retold.
    if label == "according-to" and who:
        return tr("The writer passes this on from {who} (“{cue}”), in the writer's own "
                  "words, not {who}'s.").format(who=who, cue=cue or "according to")
    if not who:
        if cue:
            return tr("Something said or alleged (“{cue}”), but nobody is named as its "
                      "source: the writer retells it without saying who claims it."
                      ).format(cue=cue)
        return tr("A claim the writer retells, but the article does not say who makes it.")
    if cue and _reads_as_verb(cue):
        return tr("{who} {cue} this; the writer retells it in their own words.").format(
            who=_sentence_start(who), cue=cue)
    if cue:
        return tr("{who} is the source (“{cue}”); the writer retells it in their own "
                  "words.").format(who=_sentence_start(who), cue=cue)
    return tr("{who} is the source; the writer retells it in their own words.").format(
        who=_sentence_start(who))


def kind_meaning(kind: str, tr: Translate = _same) -> str:
    return tr(KIND_MEANINGS[kind])


def short_meaning(kind: str, tr: Translate = _same) -> str:
    return tr(KIND_SHORT_MEANINGS[kind])
