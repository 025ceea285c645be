"""Doubt, exaggeration and emphasis in the writer's voice: phrase patterns and a few
sentence rules.

Doubt: the writer casts doubt without saying why ("failed to mention", "conveniently",
"the so-called reform",
"Perhaps the city will hire someone who actually reads the reports", a question that
expects no answer: "Wouldn't he have said so?", "Do they really think so?").
Exaggeration and minimisation: absolutes and superlatives ("absolutely no evidence", "one
of the most corrupt", "the worst mayor in the city's history", "no two people are more
responsible", "only a handful"). Emphasis: a lone word in capitals in a sentence written in
lower case ("violating NO gun laws"), an intensifier. The phrases are word lists (doubt_phrases.txt,
exaggeration_phrases.txt); the rules here need the parse. Callers keep only what stands in
the writer's voice (framing.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.attrs import IS_UPPER
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from reader.provenance import lexicons

DOUBT, EXAGGERATION, INTENSIFIER = "doubt", "exaggeration", "intensifier"

_NEGATED_STARTS = ("n't", "n’t", "not")
# Words after a superlative that make it total: "the worst ... ever", "... in history".
_TOTAL_AFTER = ("ever", "history", "time")


def phrase_patterns(nlp, name: str) -> list[list[dict]]:
    """Token patterns for spaCy's Matcher from a word list of `name`: a plain word
    matches the word in any case (split as running text is: "so-called" is three tokens),
    <word> its lemma, {pos} a part of speech, [tag] a fine tag."""
    patterns = []
    for line in sorted(lexicons.load(name)):
        pattern: list[dict] = []
        for word in line.split():
            if word.startswith("<") and word.endswith(">"):
                pattern.append({"LEMMA": word[1:-1]})
            elif word.startswith("{") and word.endswith("}"):
                pattern.append({"POS": word[1:-1].upper()})
            elif word.startswith("[") and word.endswith("]"):
                pattern.append({"TAG": word[1:-1].upper()})
            else:
                pattern.extend({"LOWER": t.lower_} for t in nlp.make_doc(word))
        patterns.append(pattern)
    return patterns


class PatternFinder:
    """Doubt and exaggeration phrases for one vocabulary."""

    def __init__(self, nlp):
        # Patterns on the words alone run on every pipeline; those on lemmas, parts of
        # speech and tags only where the pipeline tags (a rules-only pipeline does not).
        self.words = Matcher(nlp.vocab)
        self.tagged = Matcher(nlp.vocab)
        for label, name in ((DOUBT, "doubt_phrases"), (EXAGGERATION, "exaggeration_phrases")):
            patterns = phrase_patterns(nlp, name)
            plain = [p for p in patterns if all(set(t) == {"LOWER"} for t in p)]
            self.words.add(label, plain)
            self.tagged.add(label, [p for p in patterns if p not in plain])

    def find(self, doc: Doc, headings: Sequence[tuple[int, int]] = ()
             ) -> Iterator[tuple[int, int, str, str]]:
        """(start, end, label, why) of every candidate, in characters; callers filter
        them by voice. A question that is a heading (`headings`: the character ranges the
        document marks as headings) announces what the next paragraphs answer ("Don't
        tariffs produce revenue?" over an explainer's section): it is no doubt."""
        parsed = all(doc.has_annotation(a) for a in ("TAG", "POS", "LEMMA", "DEP"))
        matches = self.words(doc) + (self.tagged(doc) if parsed else [])
        for match_id, start, end in matches:
            span = doc[start:end]
            label = doc.vocab.strings[match_id]
            what = "casts doubt" if label == DOUBT else "exaggerates"
            yield (span.start_char, span.end_char, label,
                   f"'{span.text}' {what} in the writer's voice")
        if not parsed:
            return
        upper = doc.to_array([IS_UPPER])  # most sentences have no word in capitals
        for sentence in doc.sents:
            question = _doubting_question(sentence)
            if question is not None and not any(
                    s <= sentence.start_char < e for s, e in headings):
                yield (sentence.start_char, _trimmed_end(sentence), DOUBT,
                       f"a question that expects no answer ({question})")
            elif _sarcastic_perhaps(sentence):
                yield (sentence.start_char, _trimmed_end(sentence), DOUBT,
                       "'perhaps ... actually': the writer doubts it will happen")
            for start, end, why in _total_superlatives(sentence):
                yield start, end, EXAGGERATION, why
            if not upper[sentence.start:sentence.end].any():
                continue
            for token in _shouted_words(sentence):
                yield (token.idx, token.idx + len(token), INTENSIFIER,
                       f"'{token.text}' in capitals for emphasis")


def _words(sentence: Span) -> list[Token]:
    return [t for t in sentence if not t.is_punct and not t.is_space]


def _trimmed_end(sentence: Span) -> int:
    text = sentence.text.rstrip()
    return sentence.start_char + len(text)


# Parts of speech a word in capitals takes when it is emphasis, not an acronym ("NO gun
# laws", "he was NOT a Democrat", "it is CRUCIAL that"; not "ICE officers", "WHO said").
_SHOUTED_POS = ("DET", "PART", "ADJ")
_SHOUTED_PRONOUNS = ("all", "everyone", "everybody", "everything", "nothing", "nobody", "none")
_LOWERCASE_SHARE = 0.6


def _shouted_words(sentence: Span) -> Iterator[Token]:
    """Single words in capitals in a sentence otherwise written in lower case: the
    writer raising the voice ("violating NO gun laws", "You should be OUTRAGED"), not a
    heading, an acronym or a run of capitals ("JUST WATCHED")."""
    words = [t for t in sentence if t.is_alpha]
    if not words or sum(t.is_lower for t in words) < _LOWERCASE_SHARE * len(words):
        return
    for n, token in enumerate(words):
        if not (token.is_upper and len(token) >= 2):
            continue
        if token.lower_ == "ok" or token.pos_ not in _SHOUTED_POS and not (
                token.pos_ == "PRON" and token.lower_ in _SHOUTED_PRONOUNS):
            continue
        if token.ent_type_ or any(w.is_upper for w in words[max(0, n - 1):n] + words[n + 1:n + 2]):
            continue
        yield token


def _doubting_question(sentence: Span) -> str | None:
    """A question in the writer's voice that answers itself: it opens with a negated
    auxiliary ("Wouldn't he have eased sanctions?", "Isn't that the point?") or leans on
    "really" ("Do they really think so?")."""
    if not sentence.text.rstrip().endswith("?"):
        return None
    words = _words(sentence)
    if len(words) < 3:
        return None
    if words[0].pos_ == "AUX" and words[1].lower_ in _NEGATED_STARTS:
        return f"'{words[0].text}{words[1].text_with_ws.strip()} ...?'"
    if any(t.lower_ == "really" and t.dep_ == "advmod" for t in words):
        return "'really ...?'"
    return None


def _sarcastic_perhaps(sentence: Span) -> bool:
    """"Perhaps the board will hire someone who actually reads the budget": a sentence that
    opens with "perhaps" or "maybe" and wishes for what should go without saying."""
    words = _words(sentence)
    return (len(words) > 3 and words[0].lower_ in ("perhaps", "maybe")
            and any(t.lower_ == "actually" for t in words[1:]))


def _total_superlatives(sentence: Span) -> Iterator[tuple[int, int, str]]:
    """"the worst president in American history", "the most dangerous idea ever", "no
    two people are more responsible"."""
    words = _words(sentence)
    for i, token in enumerate(words):
        superlative = token.tag_ in ("JJS", "RBS") and token.lower_ not in ("least",)
        if token.lower_ == "most" and i + 1 < len(words) and words[i + 1].pos_ == "ADJ":
            superlative = True
        if superlative and token.lower_ != "most" and i > 0 and words[i - 1].lower_ == "most":
            continue  # "most" already started it
        if superlative:
            for j in range(i + 1, min(i + 8, len(words))):
                word = words[j].lower_
                if word == "ever" or (word == "history" and any(
                        w.lower_ == "in" for w in words[i + 1:j])) or (
                        word == "time" and words[j - 1].lower_ == "all"):
                    yield (token.idx, words[j].idx + len(words[j]),
                           f"superlative '{token.text} ... {words[j].text}' in the "
                           "writer's voice")
                    break
        if token.lower_ == "no" and token.dep_ == "det":
            comparative = _comparative_after(words, i)
            if comparative is not None:
                yield (token.idx, comparative.idx + len(comparative),
                       f"'{token.text} ... {comparative.text}': nobody compares, says "
                       "the writer")


def _comparative_after(words: list[Token], i: int) -> Token | None:
    """"no two people are more responsible": "no" on a subject, a verb of being, then a
    comparative, within a few words."""
    seen_verb = False
    for token in words[i + 1:i + 7]:
        if token.pos_ == "AUX" or token.lemma_ == "be":
            seen_verb = True
            continue
        if seen_verb and (token.tag_ in ("JJR", "RBR") or token.lower_ in ("more", "less")):
            after = token.nbor(1) if token.i + 1 < len(token.doc) else None
            if token.lower_ in ("more", "less") and after is not None and after.pos_ in (
                    "ADJ", "ADV"):
                return after  # "more responsible"
            return token
        if seen_verb:
            return None
    return None
