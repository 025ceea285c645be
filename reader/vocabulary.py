"""The analysis's vocabulary, declared once: kinds, claim kinds, source types, the rules that
find claims, and the framing labels, each with the words that explain it.

Kinds and types are `StrEnum`s, so they compare equal to (and serialise as) the plain
strings of the analyze contract (docs/design.md §3). The rule table is the one place that
ranks the rules and explains them; asking it for a name it does not know raises, so a
misspelt rule fails at once instead of quietly losing every tie.

No Qt and no spaCy here. Titles a window shows are marked for translation with
`QT_TRANSLATE_NOOP` (a no-op here; Qt's lupdate finds the calls by name).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # Qt's name, which lupdate looks for
    return text


class Kind(StrEnum):
    """Whose voice a coloured span is in."""

    QUOTE = "quote"
    PARAPHRASE = "paraphrase"
    FRAMING = "framing"


class ClaimKind(StrEnum):
    """What a claim's content is made of."""

    QUOTE = "quote"
    PARAPHRASE = "paraphrase"
    MIXED = "mixed"


class SourceType(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    DOCUMENT = "document"
    GROUP = "group"
    ANONYMOUS = "anonymous"


KINDS: tuple[Kind, ...] = tuple(Kind)
CLAIM_KINDS: tuple[ClaimKind, ...] = tuple(ClaimKind)
SOURCE_TYPES: tuple[SourceType, ...] = tuple(SourceType)

# Singular titles (the hover card, the exports) and plural ones (the sources panel).
SOURCE_TYPE_TITLES: dict[SourceType, str] = {
    SourceType.PERSON: QT_TRANSLATE_NOOP("SpanCard", "person"),
    SourceType.ORGANIZATION: QT_TRANSLATE_NOOP("SpanCard", "organisation"),
    SourceType.DOCUMENT: QT_TRANSLATE_NOOP("SpanCard", "document"),
    SourceType.GROUP: QT_TRANSLATE_NOOP("SpanCard", "group"),
    SourceType.ANONYMOUS: QT_TRANSLATE_NOOP("SpanCard", "anonymous source"),
}
SOURCE_TYPE_PLURALS: dict[SourceType, str] = {
    SourceType.PERSON: QT_TRANSLATE_NOOP("SourcesPanel", "People"),
    SourceType.ORGANIZATION: QT_TRANSLATE_NOOP("SourcesPanel", "Organisations"),
    SourceType.DOCUMENT: QT_TRANSLATE_NOOP("SourcesPanel", "Documents"),
    SourceType.GROUP: QT_TRANSLATE_NOOP("SourcesPanel", "Groups"),
    SourceType.ANONYMOUS: QT_TRANSLATE_NOOP("SourcesPanel", "Anonymous sources"),
}


class SpanLabel(StrEnum):
    """The label of a quote or paraphrase span: which reading produced it."""

    DIRECT_QUOTE = "direct-quote"
    BLOCK_QUOTE = "block-quote"
    PARTIAL_QUOTE = "partial-quote"  # quoted words inside a paraphrase
    REPORTED_SPEECH = "reported-speech"
    POSITION = "position"
    ACCORDING_TO = "according-to"
    HEARSAY = "hearsay"
    READER = "reader"  # added by the reader's correction


QUOTE_LABELS = frozenset({SpanLabel.DIRECT_QUOTE, SpanLabel.BLOCK_QUOTE, SpanLabel.PARTIAL_QUOTE})


class RuleName(StrEnum):
    BLOCK_QUOTE = "block-quote"
    QUOTE_CUE = "quote-cue"
    QUOTE_LEAD_IN = "quote-lead-in"
    COMPLEMENT = "complement"
    INVERTED = "inverted"
    PARENTHETICAL = "parenthetical"
    HEARSAY = "hearsay"
    ACCORDING_TO = "according-to"
    SPEAKER_LABEL = "speaker-label"
    QUOTE_FOLLOW_ON = "quote-follow-on"
    POSITION = "position"
    OBJECT = "object"
    NOUN_CUE = "noun-cue"
    QUOTE_UNATTRIBUTED = "quote-unattributed"
    DASH_BYLINE = "dash-byline"
    PASSIVE_UNATTRIBUTED = "passive-unattributed"
    NESTED_ALLEGATION = "nested-allegation"
    LEARNED = "learned"


@dataclass(frozen=True)
class Rule:
    """One way the analysis finds a claim.

    `rank` decides which reading wins when two claim the same words (lower wins: quotes
    with a speaker first, then clause-level reported speech, then weaker readings).
    `confidence` is the rule's confidence when it finds its speaker; where a rule is less
    sure (no speaker found, a looser construction) the place that applies it says so.
    `explanation` says in plain words what the rule looks for."""

    name: RuleName
    rank: int
    label: SpanLabel
    confidence: float
    explanation: str


_RULE_LIST = (
    Rule(RuleName.BLOCK_QUOTE, 0, SpanLabel.BLOCK_QUOTE, 0.85,
         "A passage set off on its own (a block quote, or the paragraphs after a line such "
         "as \"said in a statement:\") is someone's exact words."),
    Rule(RuleName.QUOTE_CUE, 1, SpanLabel.DIRECT_QUOTE, 0.9,
         "Words in quotation marks next to a verb of speaking (\"said\", \"told\") are the "
         "exact words of whoever does the speaking."),
    Rule(RuleName.QUOTE_LEAD_IN, 1, SpanLabel.DIRECT_QUOTE, 0.85,
         "A quotation after a lead-in ending in a colon (\"Ortiz said:\") belongs to the "
         "speaker named in the lead-in."),
    Rule(RuleName.COMPLEMENT, 2, SpanLabel.REPORTED_SPEECH, 0.85,
         "\"X said (that) ...\": what follows the verb of speaking is X's claim, retold in "
         "the writer's words."),
    Rule(RuleName.INVERTED, 2, SpanLabel.REPORTED_SPEECH, 0.85,
         "\"..., X said.\": the claim comes first and the speaker after it."),
    Rule(RuleName.PARENTHETICAL, 2, SpanLabel.REPORTED_SPEECH, 0.8,
         "\"The calls, he said, were routine\": the speaker interrupts the sentence that "
         "holds the claim."),
    Rule(RuleName.HEARSAY, 3, SpanLabel.HEARSAY, 0.7,
         "\"allegedly\", \"reportedly\", \"is said to\": the writer passes on a claim "
         "without saying who made it."),
    Rule(RuleName.ACCORDING_TO, 3, SpanLabel.ACCORDING_TO, 0.85,
         "\"according to X\": the rest of the sentence is X's claim."),
    Rule(RuleName.SPEAKER_LABEL, 3, SpanLabel.REPORTED_SPEECH, 0.7,
         "A name and a colon at the start of a line (\"TAPPER: ...\", as in a transcript) "
         "introduces that person's words."),
    Rule(RuleName.QUOTE_FOLLOW_ON, 4, SpanLabel.DIRECT_QUOTE, 0.6,
         "A quotation that opens a paragraph right after someone's quote is taken as the "
         "same person still speaking."),
    Rule(RuleName.POSITION, 5, SpanLabel.POSITION, 0.7,
         "\"X wants Y to resign\", \"X is calling for ...\": what X wants or demands, "
         "retold by the writer."),
    Rule(RuleName.OBJECT, 6, SpanLabel.REPORTED_SPEECH, 0.6,
         "\"X confirmed the calls\", \"first reported by X\": the thing X confirmed, denied "
         "or reported is X's claim."),
    Rule(RuleName.NOUN_CUE, 7, SpanLabel.REPORTED_SPEECH, 0.55,
         "\"X's claim that ...\", \"his comments on ...\": a word for something said, with "
         "its owner, points to that owner's claim; with a \"that\" clause it needs no owner "
         "(\"a New York Times report that ...\": the name compounded with it, the agent after "
         "by/from, the subject of the verb it is the object of, or no source), and a cue verb "
         "the tagger took for a noun (\"Trump claims that ...\") speaks for the name before it."),
    Rule(RuleName.QUOTE_UNATTRIBUTED, 8, SpanLabel.DIRECT_QUOTE, 0.5,
         "Words in quotation marks with no speaker found nearby: somebody's words, but the "
         "article does not say whose."),
    Rule(RuleName.DASH_BYLINE, 1, SpanLabel.DIRECT_QUOTE, 0.85,
         "A quotation followed by a dash and a name (\"… ” ― Maria Okafor\") is signed by "
         "that person."),
    Rule(RuleName.PASSIVE_UNATTRIBUTED, 8, SpanLabel.REPORTED_SPEECH, 0.55,
         "\"A curfew was announced\": something was announced or reported, but the article "
         "does not say by whom."),
    Rule(RuleName.NESTED_ALLEGATION, 7, SpanLabel.REPORTED_SPEECH, 0.6,
         "\"allegations in a new book that ...\": what follows is the book's own claim, inside "
         "the claim of whoever confirms or denies it."),
    Rule(RuleName.LEARNED, 9, SpanLabel.REPORTED_SPEECH, 0.5,
         "Found by the learned tagger (trained on the PolNeAR news corpus) where no rule "
         "found a claim; the number is how sure it was."),
)
RULES: dict[RuleName, Rule] = {rule.name: rule for rule in _RULE_LIST}


def rule(name: str) -> Rule:
    """The rule called `name`; a name that is not in the table raises ValueError."""
    try:
        return RULES[RuleName(name)]
    except ValueError:
        raise ValueError(f"unknown rule {name!r}; the rules are {', '.join(RULES)}") from None


@dataclass(frozen=True)
class FramingLabel:
    """A kind of framing the analysis marks, with a title and a one-sentence explanation a
    student understands."""

    name: str
    title: str
    explanation: str


_FRAMING_LIST = (
    FramingLabel("loaded-label", QT_TRANSLATE_NOOP("Vocabulary", "loaded label"),
                 QT_TRANSLATE_NOOP("Vocabulary",
                                   "A name for someone or something that already carries a "
                                   "judgement (\"a China hawk\", \"cronies\").")),
    FramingLabel("name-calling", QT_TRANSLATE_NOOP("Vocabulary", "name calling"),
                 QT_TRANSLATE_NOOP("Vocabulary",
                                   "The writer's own word for them; it judges rather than "
                                   "describes (\"thugs\", \"a smear\").")),
    FramingLabel("loaded-word", QT_TRANSLATE_NOOP("Vocabulary", "loaded word"),
                 QT_TRANSLATE_NOOP("Vocabulary",
                                   "A word with a strong feeling built in, where a plain word "
                                   "would do (\"disastrous\", \"ridiculous\").")),
    FramingLabel("exaggeration", QT_TRANSLATE_NOOP("Vocabulary", "exaggeration"),
                 QT_TRANSLATE_NOOP("Vocabulary",
                                   "The writer makes something sound bigger, smaller or more "
                                   "total than the facts show (\"the worst ever\", "
                                   "\"never\").")),
    FramingLabel("characterisation", QT_TRANSLATE_NOOP("Vocabulary", "characterisation"),
                 QT_TRANSLATE_NOOP("Vocabulary",
                                   "A description that tells you what to think of something "
                                   "(\"a shocking decision\") instead of just saying what happened.")),
    FramingLabel("distancing-verb", QT_TRANSLATE_NOOP("Vocabulary", "distancing verb"),
                 QT_TRANSLATE_NOOP("Vocabulary",
                                   "A verb for reporting speech that hints the claim may not be "
                                   "true (\"claimed\", \"insisted\").")),
    FramingLabel("evaluative-verb", QT_TRANSLATE_NOOP("Vocabulary", "evaluative verb"),
                 QT_TRANSLATE_NOOP("Vocabulary",
                                   "A verb for reporting speech that judges how it was said "
                                   "(\"slammed\", \"boasted\").")),
    FramingLabel("hedge", QT_TRANSLATE_NOOP("Vocabulary", "hedge"),
                 QT_TRANSLATE_NOOP("Vocabulary",
                                   "A word that makes a statement vaguer so the writer need not "
                                   "stand behind it.")),
    FramingLabel("insinuation", QT_TRANSLATE_NOOP("Vocabulary", "insinuation"),
                 QT_TRANSLATE_NOOP("Vocabulary",
                                   "The writer hints at a conclusion without stating it "
                                   "(\"suggesting that ...\").")),
    FramingLabel("doubt", QT_TRANSLATE_NOOP("Vocabulary", "doubt"),
                 QT_TRANSLATE_NOOP("Vocabulary",
                                   "The writer casts doubt on something without showing why "
                                   "it is doubtful (\"conveniently\", \"failed to mention\", "
                                   "a question that expects no answer).")),
    FramingLabel("intensifier", QT_TRANSLATE_NOOP("Vocabulary", "intensifier"),
                 QT_TRANSLATE_NOOP("Vocabulary",
                                   "A word that makes something sound bigger or worse "
                                   "(\"even\", \"utterly\").")),
    FramingLabel("scare-quote", QT_TRANSLATE_NOOP("Vocabulary", "scare quote"),
                 QT_TRANSLATE_NOOP("Vocabulary",
                                   "Quotation marks around a few words that nobody is quoted "
                                   "as saying, to make the words look doubtful.")),
    FramingLabel("headline-assertion", QT_TRANSLATE_NOOP("Vocabulary", "headline assertion"),
                 QT_TRANSLATE_NOOP("Vocabulary",
                                   "The headline states as fact what the article itself only "
                                   "reports someone as claiming.")),
)
FRAMING_LABELS: dict[str, FramingLabel] = {label.name: label for label in _FRAMING_LIST}


def framing_label(name: str) -> FramingLabel:
    """The framing label called `name`; a name that is not in the table raises ValueError."""
    try:
        return FRAMING_LABELS[name]
    except KeyError:
        raise ValueError(f"unknown framing label {name!r}; the labels are "
                         f"{', '.join(FRAMING_LABELS)}") from None
