"""One loaded pipeline for all attribution tests (loading the model takes a second)."""

import pytest

from reader.document import article_from_text
from reader.provenance import Analyzer


@pytest.fixture(scope="session")
def analyzer():
    analyzer = Analyzer()
    analyzer.load()
    return analyzer


class Result:
    """An analysis with helpers that speak in words, not offsets."""

    def __init__(self, text, analysis):
        self.text, self.analysis = text, analysis

    def words(self, start, end):
        return self.text[start:end]

    def claims(self):
        out = []
        for claim in self.analysis.claims:
            source = self.analysis.source(claim.source)
            out.append({
                "kind": claim.kind,
                "source": source.name if source else None,
                "type": source.type if source else None,
                "cue": self.words(*claim.cue_span) if claim.cue_span else None,
                "content": " | ".join(self.words(s, e) for s, e in claim.content),
            })
        return out

    def claim_with(self, fragment):
        matches = [c for c in self.claims() if fragment in c["content"]]
        assert matches, f"no claim contains {fragment!r}: {self.claims()}"
        return matches[0]

    def spans(self, kind):
        return [self.words(s.start, s.end) for s in self.analysis.spans if s.kind == kind]

    def framing(self):
        return {self.words(s.start, s.end): s.label for s in self.analysis.spans
                if s.kind == "framing"}

    def source(self, name):
        found = [s for s in self.analysis.sources if s.name == name]
        assert found, f"no source {name!r}: {[s.name for s in self.analysis.sources]}"
        return found[0]


@pytest.fixture
def analyze(analyzer):
    def run(text):
        return Result(text, analyzer.analyze(article_from_text(text)))
    return run
