"""A small analysed article built by hand, with its "Who speaks" numbers counted by hand.

Words (\\w+ with inner hyphens/apostrophes), counted per block:
  heading "Council shuts library"                                   3 writer
  ¶ "Mayor Ann Ortiz said [the branch costs too much]. [“We cannot keep it open,”] she said."
     16 words: 5 paraphrase + 5 quote (Ortiz), 6 writer
  ¶ "Critics called [the plan a disgrace]. The {so-called} [savings are tiny], reportedly."
     12 words: 4 paraphrase (critics), 3 paraphrase (unattributed), 5 writer, 1 of them framing
  caption "Photo: Sam Lee <Courier>"                                 not counted
Total 31; writer 14; Ortiz 5 quote + 5 paraphrase; critics 4; unattributed 3; 1 unattributed claim.
"""

from __future__ import annotations

from reader.document.model import Article, Block
from reader.provenance.model import Analysis, Claim, Source, VoiceSpan

HEADING = "Council shuts library"
P1 = "Mayor Ann Ortiz said the branch costs too much. “We cannot keep it open,” she said."
P2 = "Critics called the plan a disgrace. The so-called savings are tiny, reportedly."
CAPTION = "Photo: Sam Lee <Courier>"
TEXT = f"{HEADING}\n\n{P1}\n\n{P2}\n\n{CAPTION}\n"


def at(phrase: str, after: int = 0) -> tuple[int, int]:
    start = TEXT.index(phrase, after)
    return start, start + len(phrase)


def make_article() -> Article:
    blocks = []
    for kind, part in (("heading", HEADING), ("paragraph", P1), ("paragraph", P2),
                       ("caption", CAPTION)):
        start, end = at(part)
        blocks.append(Block(kind, start, end))
    return Article(TEXT, blocks, title="Council <shuts> “library” & more",
                   byline="Jo Reporter", date="2026-11-26", publisher="The Courier",
                   url="https://example.org/a?b=1&c=2", path="/tmp/council.txt")


def make_analysis() -> Analysis:
    p2 = TEXT.index(P2)
    spans = [
        VoiceSpan("s1", "paraphrase", *at("the branch costs too much"), claim="c1",
             label="reported-speech", why="cue 'said' → subject 'Ortiz'", confidence=0.85),
        VoiceSpan("s2", "quote", *at("“We cannot keep it open,”"), claim="c2",
             label="direct-quote", why="quote with cue 'said' → 'she'", confidence=0.9),
        VoiceSpan("s3", "paraphrase", *at("the plan a disgrace"), claim="c3",
             label="reported-speech", why="cue 'called' → subject 'Critics'", confidence=0.8),
        VoiceSpan("s4", "framing", *at("so-called"), label="insinuation",
             why="hedge 'so-called' in the writer's voice <b>", confidence=0.7),
        VoiceSpan("s5", "paraphrase", *at("savings are tiny"), claim="c4",
             label="hearsay", why="hearsay marker 'reportedly'", confidence=0.6),
    ]
    claims = [
        Claim("c1", "src1", at("Mayor Ann Ortiz"), at("said"), [at("the branch costs too much")],
              "paraphrase"),
        Claim("c2", "src1", at("she"), at("said", TEXT.index("she")),
              [at("“We cannot keep it open,”")], "quote"),
        Claim("c3", "src2", at("Critics"), at("called", p2), [at("the plan a disgrace")],
              "paraphrase"),
        Claim("c4", None, None, at("reportedly"), [at("savings are tiny")], "paraphrase"),
    ]
    sources = [
        Source("src1", "Ann Ortiz", "person", "Mayor", [at("Mayor Ann Ortiz"), at("she")],
               ["c1", "c2"]),
        Source("src2", "critics", "group", None, [at("Critics")], ["c3"]),
    ]
    return Analysis(spans, claims, sources, model="handmade 1.0")
