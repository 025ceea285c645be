"""What a span means, in a sentence a student understands: for the hover card and the
presentation caption ("The spokesman confirmed this; the writer retells it in their own
words.").

The engine's `why` ("cue 'confirmed' → subject 'spokesman', content from its object") is
for checking the rules; these sentences are for reading the article. Plain Python, no Qt:
each function takes `tr`, the translation function of the caller (identity by default),
so the window can pass QCoreApplication.translate (`tr_vocabulary` for the vocabulary's
own explanations, which are in its "Vocabulary" context).
"""

from __future__ import annotations

from collections.abc import Callable

from reader.vocabulary import FRAMING_LABELS, QT_TRANSLATE_NOOP

Translate = Callable[[str], str]
# The context of these sentences in the translations: callers pass a `tr` that translates
# in it (scripts/update_translations.py reads the tr(...) calls below with it).
TRANSLATION_CONTEXT = "PlainLanguage"


def _same(text: str) -> str:
    return text


# A framing span: the writer's words, then what that kind of framing does, in the one
# explanation per label of reader/vocabulary.py (FRAMING_LABELS).
FRAMING_SENTENCE = QT_TRANSLATE_NOOP("PlainLanguage",
                                     "The writer's own words “{words}”, not a source's. {explanation}")
FRAMING_DEFAULT = QT_TRANSLATE_NOOP("PlainLanguage",
                                    "The writer's own wording (“{words}”), not a source's.")

# Cue words that read well as "X <cue> this" (a verb in the past or present tense).
_VERB_ENDINGS = ("ed", "es", "ys", "ts", "ds", "ns", "ks", "ms", "ls", "rs")
_IRREGULAR_VERBS = {"said", "told", "wrote", "thought", "thinks", "felt", "feels", "knew",
                    "knows", "saw", "sees", "held", "holds", "put", "puts", "says", "spoke",
                    "understood", "understands", "argued", "argues"}


def _sentence_start(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _reads_as_verb(cue: str) -> bool:
    word = cue.strip().lower()
    return (" " not in word and word.isalpha()
            and (word in _IRREGULAR_VERBS or word.endswith(_VERB_ENDINGS)))


def explain(kind: str, *, label: str | None = None, who: str | None = None,
            cue: str | None = None, words: str = "", tr: Translate = _same,
            tr_vocabulary: Translate = _same, mixed: bool = False) -> str:
    """One sentence: what this span is and whose voice it is.

    `who`: the source's name as the article gives it (None: nobody named); `cue`: the
    words that attribute it ("confirmed", "according to"); `words`: the span's own text
    (used for framing, shortened by the caller); `mixed`: the span is the retold part of a
    claim that quotes some of its words ("accused the majority of “hiding …”"), which a
    second sentence says."""
    sentence = _explain(kind, label, who, cue, words, tr, tr_vocabulary)
    if mixed and kind == "paraphrase":
        sentence += " " + tr("The words in quotation marks are quoted exactly.")
    return sentence


def _explain(kind: str, label: str | None, who: str | None, cue: str | None, words: str,
             tr: Translate, tr_vocabulary: Translate) -> str:
    cue = " ".join(cue.split()) if cue else None
    if kind == "framing":
        framing = FRAMING_LABELS.get(label or "")
        if framing is None:
            return tr(FRAMING_DEFAULT).format(words=words)
        return tr(FRAMING_SENTENCE).format(words=words,
                                           explanation=tr_vocabulary(framing.explanation))
    if kind == "quote" and label == "block-quote":
        # Paragraphs after a lead-in ("read a statement:") or a <blockquote>: no marks.
        if who and cue and _reads_as_verb(cue):
            return tr("{who} {cue} this, and these are their exact words, set apart from the "
                      "writer's text as a block quote.").format(who=_sentence_start(who), cue=cue)
        if who:
            return tr("The exact words of {who}, set apart from the writer's text as a block "
                      "quote.").format(who=who)
        return tr("Someone's exact words, set apart from the writer's text as a block quote, "
                  "but the article does not say whose.")
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


def not_english_notice(language_name: str | None, tr: Translate = _same,
                       corrected: bool = False) -> str:
    """What the reader is told when an article is not analysed because it is not English
    (`language_name`: the language's name, or py3langid's code for a rare one);
    `corrected`: the reader has marked spans of it, which are coloured."""
    if language_name and corrected:
        return tr("This article appears to be in {language}. Provenance Reader reads "
                  "English only, so nothing is coloured but your own corrections."
                  ).format(language=language_name)
    if language_name:
        return tr("This article appears to be in {language}. Provenance Reader reads "
                  "English only, so nothing is coloured.").format(language=language_name)
    if corrected:
        return tr("This article does not appear to be in English. Provenance Reader reads "
                  "English only, so nothing is coloured but your own corrections.")
    return tr("This article does not appear to be in English. Provenance Reader reads "
              "English only, so nothing is coloured.")


def language_notice(analysis, tr: Translate = _same) -> str | None:
    """What the reader is told about the analysis's language (reader.provenance.language),
    or None for an English text (or an analysis with no decision): not analysed, or
    analysed with the English rules at the reader's request."""
    decision = getattr(analysis, "language", None)
    if decision is None or decision.english:
        return None
    if not decision.analysed:
        # Its only spans are the reader's own corrections (Mark the Selection As …).
        return not_english_notice(decision.name, tr, corrected=bool(analysis.spans))
    if decision.name:
        return tr("This article appears to be in {language}. It was analysed with the "
                  "English rules at your request, so the colours may be wrong."
                  ).format(language=decision.name)
    return tr("This article does not appear to be in English. It was analysed with the "
              "English rules at your request, so the colours may be wrong.")
