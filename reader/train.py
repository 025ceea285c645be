"""Train the learned attribution tagger on PolNeAR train: `python -m reader.train CORPUS`.

    python -m reader.train PATH/TO/polnear
    python -m reader.train PATH/TO/polnear --epochs 1 --limit 40 --output /tmp/t.bin
    python -m reader.train PATH/TO/polnear --max-minutes 40   # a time budget
    python -m reader.train PATH/TO/polnear --linker    # the learned source linker

CORPUS is PolNeAR's data folder (holding `train/` and `dev/`, brat stand-off, read by
reader.evaluation.brat). Only `train` is fitted; `dev` is tagged after each epoch and
its token figures are printed, for checking, never for choosing weights (the weights
written are those of the last step, whatever dev says).

The texts are parsed once by the whole default pipeline (with the paragraph splitter, as
in the app), since the tagger reads the parser's TAG, DEP and heads, the lemmas and the
entities; the parsed train texts are kept in
a DocBin under the user cache folder (never in the project, never shipped). Weights are
written to `resources/models/attribution_tagger.bin` (shipped in the wheel) every
`--checkpoint-every` steps and at the end, atomically, so an interrupted run still leaves
usable weights; `attribution_tagger.json` beside them records how they were made.
`--linker` fits the learned source linker (reader.provenance.linker) instead, on the gold
cues and sources of the same parsed train texts, and writes `resources/models/
source_linker.json` (deterministic: full-batch gradient descent, threshold chosen on train).
`--context` adds context features to the tagger's input (reader.provenance.tagger_context:
entity type, head and grandparent, quotation, children's labels; `--context-features`
chooses others), `--vectors` the shipped static word vectors instead (both measured, not
shipped: see the README). Reproducible: a fixed seed (`--seed`, 13), a fixed number of steps (`--epochs`,
`--max-steps`), batches in a seeded order; the defaults give the shipped weights.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

from reader.evaluation.brat import SplitNotFound, read_split

# The shipped weights: 650 steps of 4 texts (three epochs of the 840 train texts and 20
# steps of a fourth), seed 13.
DEFAULTS = {"epochs": 4, "max_steps": 650, "seed": 13, "batch_docs": 4, "dropout": 0.1,
            "learn_rate": 0.001, "checkpoint_every": 25,
            "rows": [5000, 1000, 2500, 1000, 200, 200], "depth": 6, "window": 1,
            "vectors": False, "context": False}

# What the parsed texts keep (the tagger's features and its context features read these).
PARSED_ATTRS = ["TAG", "POS", "MORPH", "DEP", "HEAD", "SENT_START", "NORM", "LEMMA",
                "ENT_IOB", "ENT_TYPE", "SPACY"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m reader.train",
                                     description="Train the attribution tagger on PolNeAR train.")
    parser.add_argument("corpus", metavar="CORPUS", help="PolNeAR data folder (train/, dev/)")
    parser.add_argument("--output", default=None, metavar="FILE",
                        help="weights file (default: the package's resources/models)")
    parser.add_argument("--epochs", type=int, default=DEFAULTS["epochs"])
    parser.add_argument("--seed", type=int, default=DEFAULTS["seed"])
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="train on the first N train articles only (a timing run)")
    parser.add_argument("--dev-limit", type=int, default=None, metavar="N")
    parser.add_argument("--max-steps", type=int, default=DEFAULTS["max_steps"], metavar="N",
                        help="stop after N updates (0: run every epoch)")
    parser.add_argument("--max-minutes", type=float, default=None,
                        help="stop after this many minutes of training (the last checkpoint stays)")
    parser.add_argument("--checkpoint-every", type=int, default=DEFAULTS["checkpoint_every"],
                        metavar="STEPS")
    parser.add_argument("--rows", default=",".join(map(str, DEFAULTS["rows"])), metavar="N,N,...",
                        help="hash-table rows per feature (NORM, PREFIX, SUFFIX, SHAPE, TAG, DEP)")
    parser.add_argument("--depth", type=int, default=DEFAULTS["depth"])
    parser.add_argument("--window", type=int, default=DEFAULTS["window"])
    parser.add_argument("--vectors", action=argparse.BooleanOptionalAction,
                        default=DEFAULTS["vectors"],
                        help="also read the shipped static word vectors "
                             "(resources/models/framing_vectors.npz)")
    parser.add_argument("--context", action=argparse.BooleanOptionalAction,
                        default=DEFAULTS["context"],
                        help="also read context features: entity type, head and grandparent, "
                             "word-list membership, quotation, children's labels "
                             "(reader.provenance.tagger_context)")
    parser.add_argument("--context-features", default=None, metavar="NAME,NAME,...",
                        help="with --context, which features (reader.provenance.tagger_context"
                             ".FEATURE_ROWS; default CONTEXT_FEATURES)")
    parser.add_argument("--context-width", type=int, default=48)
    parser.add_argument("--linker", action="store_true",
                        help="train the learned source linker instead (resources/models/"
                             "source_linker.json; reader.provenance.linker)")
    parser.add_argument("--cache", default=None, metavar="DIR",
                        help="where parsed texts are kept (default: the user cache folder)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    corpus = Path(args.corpus)
    try:
        train = read_split(corpus / "train", args.limit)
    except SplitNotFound:
        print(f"PolNeAR train split not found under {corpus}; nothing to train.")
        return 0
    try:
        dev = read_split(corpus / "dev", args.dev_limit)
    except SplitNotFound:
        dev = []
    from reader.provenance.tagger import bundled_weights

    if args.linker:
        from reader.resources_path import resource

        output = Path(args.output) if args.output else resource("models", "source_linker.json")
        LinkerTrainer(args, output).run(train, dev)
        return 0
    output = Path(args.output) if args.output else _checkout_weights(bundled_weights())
    trainer = Trainer(args, output)
    trainer.run(train, dev)
    return 0


def _checkout_weights(installed: Path) -> Path:
    return installed


def bio_labels(doc, attributions) -> list[str]:
    """One BIO label per token of `doc` from gold attributions (character ranges); a
    token takes a role when it shares a character with that role's range."""
    labels = ["O"] * len(doc)
    starts = [t.idx for t in doc]
    ends = [t.idx + len(t) for t in doc]
    import bisect

    for attribution in attributions:
        for role, ranges in (("CONTENT", attribution.content), ("CUE", attribution.cue),
                             ("SOURCE", attribution.source)):
            for start, end in ranges:
                i = bisect.bisect_right(ends, start)
                first = True
                while i < len(doc) and starts[i] < end:
                    if not doc[i].is_space:
                        labels[i] = f"{'B' if first else 'I'}-{role}"
                        first = False
                    elif not first:
                        labels[i] = f"I-{role}"
                    i += 1
    return labels


class Trainer:
    def __init__(self, args, output: Path):
        self.args = args
        self.output = output

    def _pipeline(self):
        import spacy

        import reader.provenance.components  # noqa: F401  (registers the factories)
        from reader.provenance.pipelines import DEFAULT_MODEL

        # The whole pipeline, as the app runs it: the tagger's context features read the
        # lemmatizer's lemmas and the ner's entities.
        nlp = spacy.load(DEFAULT_MODEL)
        nlp.add_pipe("provenance_paragraphs", before="parser")
        return nlp

    def _parsed(self, nlp, name: str, documents) -> list:
        """The documents parsed by `nlp`, from the cache when it holds exactly them."""
        from spacy.tokens import DocBin

        cache = self._cache_dir() / f"{name}.spacy"
        names = [d.name for d in documents]
        index = cache.with_suffix(".json")
        key = {"names": names, "model": nlp.meta["version"], "attrs": PARSED_ATTRS,
               "pipes": nlp.pipe_names}
        if cache.is_file() and index.is_file():
            if json.loads(index.read_text(encoding="utf-8")) == key:
                return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        started = time.monotonic()
        docs = list(nlp.pipe((d.text for d in documents), batch_size=8))
        print(f"parsed {len(docs)} {name} texts in {time.monotonic() - started:.0f} s", flush=True)
        cache.parent.mkdir(parents=True, exist_ok=True)
        DocBin(attrs=PARSED_ATTRS, docs=docs).to_disk(cache)
        index.write_text(json.dumps(key), encoding="utf-8")
        return docs

    def _cache_dir(self) -> Path:
        if self.args.cache:
            return Path(self.args.cache)
        import platformdirs

        return Path(platformdirs.user_cache_dir("provenance-reader")) / "train"

    def run(self, train, dev) -> None:
        from spacy.tokens import Doc
        from spacy.training import Example
        from spacy.util import fix_random_seed
        from thinc.api import Adam

        args = self.args
        nlp = self._pipeline()
        train_docs = self._parsed(nlp, "train" if args.limit is None else f"train{args.limit}",
                                  train)
        dev_docs = self._parsed(nlp, "dev" if args.dev_limit is None else f"dev{args.dev_limit}",
                                dev) if dev else []

        def examples(docs, documents):
            out = []
            for doc, gold in zip(docs, documents):
                reference = Doc(doc.vocab, words=[t.text for t in doc],
                                spaces=[bool(t.whitespace_) for t in doc],
                                tags=bio_labels(doc, gold.attributions))
                out.append(Example(doc, reference))
            return out

        train_examples = examples(train_docs, train)
        dev_examples = examples(dev_docs, dev)
        fix_random_seed(args.seed)
        from reader.provenance.tagger import model_config

        rows = [int(n) for n in str(args.rows).split(",")]
        tagger = nlp.add_pipe("provenance_tagger",
                              config={"weights": "", "model": model_config(
                                  rows, depth=args.depth, window=args.window,
                                  vectors=args.vectors,
                                  context=args.context and not args.vectors,
                                  **_context_options(args))})
        tagger.initialize(lambda: train_examples, nlp=nlp)
        optimizer = Adam(DEFAULTS["learn_rate"])
        rng = random.Random(args.seed)
        started = time.monotonic()
        step = 0
        tokens = sum(len(e.predicted) for e in train_examples)
        print(f"training on {len(train_examples)} texts ({tokens} tokens), "
              f"{args.epochs} epochs, seed {args.seed}", flush=True)
        stopped = False
        for epoch in range(1, args.epochs + 1):
            order = list(train_examples)
            rng.shuffle(order)
            losses: dict = {}
            for i in range(0, len(order), DEFAULTS["batch_docs"]):
                batch = order[i:i + DEFAULTS["batch_docs"]]
                tagger.update(batch, drop=DEFAULTS["dropout"], sgd=optimizer, losses=losses)
                step += 1
                if args.max_steps and step >= args.max_steps:
                    stopped = True
                    break
                if step % args.checkpoint_every == 0:
                    minutes = (time.monotonic() - started) / 60
                    self._save(tagger, epoch, step, minutes, losses, None, len(train_examples))
                    print(f"epoch {epoch} step {step} loss {losses.get(tagger.name, 0):.0f} "
                          f"{minutes:.1f} min", flush=True)
                    if args.max_minutes and minutes > args.max_minutes:
                        stopped = True
                        break
            minutes = (time.monotonic() - started) / 60
            figures = token_figures(tagger, dev_examples) if dev_examples else None
            self._save(tagger, epoch, step, minutes, losses, figures, len(train_examples))
            print(f"epoch {epoch} done: step {step}, {minutes:.1f} min, loss "
                  f"{losses.get(tagger.name, 0):.0f}; dev {figures}", flush=True)
            if stopped:
                break

    def _save(self, tagger, epoch, step, minutes, losses, figures, texts) -> None:
        self.output.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.output.with_suffix(".tmp")
        temporary.write_bytes(tagger.to_bytes(exclude=["vocab"]))
        os.replace(temporary, self.output)
        meta = {"trained_on": "PolNeAR v1.0.0 train split", "texts": texts,
                "epochs": round(step * DEFAULTS["batch_docs"] / max(1, texts), 2),
                "steps": step, "minutes": round(minutes, 1), "seed": self.args.seed,
                "command": "python -m reader.train " + " ".join(sys.argv[1:]),
                "defaults": DEFAULTS, "rows": [int(n) for n in str(self.args.rows).split(",")],
                "depth": self.args.depth, "window": self.args.window,
                "vectors": self.args.vectors,
                "context": self.args.context and not self.args.vectors,
                **({"context_options": _context_options(self.args)}
                   if self.args.context and not self.args.vectors else {}),
                "loss_last_epoch": round(losses.get(tagger.name, 0), 1),
                "dev_token_figures": figures}
        meta_path = self.output.with_suffix(".json")
        meta_path.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def _context_options(args) -> dict:
    from reader.provenance.tagger_context import CONTEXT_FEATURES

    features = (args.context_features.split(",") if args.context_features
                else list(CONTEXT_FEATURES))
    return {"context_width": args.context_width, "context_features": features}


def _tokens_of(doc, ranges) -> list[int]:
    return [t.i for t in doc if not t.is_space
            and any(t.idx < e and s < t.idx + len(t) for s, e in ranges)]


def linker_rows(doc, attributions):
    """For each gold attribution of `doc` with a cue: (cue start, cue end, rows of
    candidate features, labels (1 where the candidate is in the gold source), whether it
    has a source)."""
    from reader.provenance.linker import candidates, cue_head, features

    out = []
    for attribution in attributions:
        cue = _tokens_of(doc, attribution.cue[:1])
        if not cue:
            continue
        start, end = min(cue), max(cue) + 1
        content = frozenset(_tokens_of(doc, attribution.content))
        source = set(_tokens_of(doc, attribution.source))
        head = cue_head(doc, start, end)
        found = candidates(doc, start, end)
        out.append((start, end, [features(doc, c, head, start, end, content) for c in found],
                    [int(c.i in source) for c in found], bool(source)))
    return out


def linking_accuracy(weights, threshold, examples) -> float:
    """The share of attributions whose best candidate is in the gold source (or which
    have no source and no candidate above the threshold)."""
    from reader.provenance.linker import SourceLinker

    linker = SourceLinker(weights, threshold)
    right = 0
    for _, _, rows, labels, has_source in examples:
        scored = [(linker.probability(row), label) for row, label in zip(rows, labels)]
        best = max(scored, default=(0.0, 0))
        if best[0] >= threshold:
            right += best[1]
        else:
            right += not has_source
    return right / max(1, len(examples))


class LinkerTrainer(Trainer):
    """Fits the source linker (reader.provenance.linker) on PolNeAR train's gold
    attributions, on the parses the tagger's training keeps."""

    def run(self, train, dev) -> None:
        started = time.monotonic()
        nlp = self._pipeline()
        train_docs = self._parsed(nlp, "train" if self.args.limit is None
                                  else f"train{self.args.limit}", train)
        examples = [e for doc, gold in zip(train_docs, train)
                    for e in linker_rows(doc, gold.attributions)]
        rows = [row for e in examples for row in e[2]]
        labels = [label for e in examples for label in e[3]]
        print(f"{len(examples)} attributions, {len(rows)} candidates", flush=True)
        from reader.provenance.linker import fit

        weights = fit(rows, labels)
        thresholds = [n / 20 for n in range(1, 19)]
        accuracy = {t: linking_accuracy(weights, t, examples) for t in thresholds}
        threshold = max(thresholds, key=lambda t: (accuracy[t], -abs(t - 0.5)))
        dev_accuracy = None
        if dev:
            dev_docs = self._parsed(nlp, "dev" if self.args.dev_limit is None
                                    else f"dev{self.args.dev_limit}", dev)
            dev_examples = [e for doc, gold in zip(dev_docs, dev)
                            for e in linker_rows(doc, gold.attributions)]
            dev_accuracy = round(linking_accuracy(weights, threshold, dev_examples), 3)
        record = {"trained_on": "PolNeAR v1.0.0 train split (gold cues and sources)",
                  "texts": len(train), "attributions": len(examples),
                  "command": "python -m reader.train " + " ".join(sys.argv[1:]),
                  "threshold": threshold,
                  "train_accuracy": round(accuracy[threshold], 3),
                  "dev_accuracy_for_checking": dev_accuracy,
                  "minutes": round((time.monotonic() - started) / 60, 1),
                  "weights": weights}
        self.output.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.output.with_suffix(".tmp")
        temporary.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(temporary, self.output)
        print(f"linker: threshold {threshold}, train accuracy {accuracy[threshold]:.3f}, "
              f"dev {dev_accuracy}; written to {self.output}", flush=True)


def token_figures(tagger, examples) -> dict:
    """Token F1 per role (B and I together) of the tagger on `examples`."""
    from collections import Counter

    counts: Counter = Counter()
    docs = [e.predicted for e in examples]
    for doc, example in zip(tagger.pipe(docs), examples):
        gold = [t.tag_ for t in example.reference]
        for (label, _), truth in zip(doc._.provenance_tags, gold):
            predicted_role, gold_role = label[2:], truth[2:]
            if predicted_role:
                counts[f"{predicted_role}_pred"] += 1
            if gold_role:
                counts[f"{gold_role}_gold"] += 1
            if predicted_role and predicted_role == gold_role:
                counts[f"{gold_role}_tp"] += 1
    out = {}
    for role in ("CUE", "SOURCE", "CONTENT"):
        tp, predicted, expected = (counts[f"{role}_tp"], counts[f"{role}_pred"],
                                   counts[f"{role}_gold"])
        out[role.lower()] = (round(2 * tp / (predicted + expected), 3)
                             if predicted + expected else 0.0)
    return out


if __name__ == "__main__":
    sys.exit(main())
