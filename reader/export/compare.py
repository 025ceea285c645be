"""Two reports side by side, as data: who each lets speak, and how much is the writer's.

`compare(a, b)` takes two (Article, Analysis) pairs and returns a Comparison: the sources
both quote and those only one does, each article's shares of words (quoted, retold,
unattributed, the writer's own voice), its anonymous sources and its framing per 1,000
words by label. The window's Compare view and `python -m reader compare A B` show the same
numbers; `Comparison.to_dict()` is the JSON form.

Sources are matched by name and mentions (`match_sources`): two sources are the same when
a proper-name key of one (its name, or a mention that is a name, without titles such as
"Mayor" or "Councilwoman") equals one of the other's, or, for people, when the surnames
agree and the first names, where both are given, do too. Anonymous sources are never
matched: nothing in the text says two unnamed sources are one person. Pronoun and
descriptive mentions ("he", "the spokesman") are not used for matching.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.document.model import Article
from reader.export.figures import ArticleFigures, SideSource, article_figures
from reader.provenance.model import Analysis, Source
from reader.vocabulary import SourceType

# Words that describe a role rather than name anyone: left out of a name key.
TITLE_WORDS = frozenset("""
mr mrs ms miss dr prof professor sir dame lord lady rev reverend father sister
mayor deputy councilman councilwoman councillor councilor council member members
senator sen rep representative governor gov president vice chair chairman chairwoman
chairperson chief head secretary minister prime director spokesman spokeswoman
spokesperson officer detective sergeant sgt captain capt lieutenant lt general gen
judge justice attorney commissioner superintendent librarian inspector
the a an of for at
""".split())
PRONOUNS = frozenset("""
he she they it him her them his hers their theirs its we us our i me my you your
who whom which this that these those himself herself themselves itself
""".split())
_NAME_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w'’.-]*")


@dataclass
class SharedSource:
    a: SideSource
    b: SideSource
    matched_by: str  # "name", "mention" or "surname"

    def to_dict(self) -> dict:
        return {"a": self.a.to_dict(), "b": self.b.to_dict(), "matched_by": self.matched_by}


@dataclass
class Comparison:
    a: ArticleFigures
    b: ArticleFigures
    shared: list[SharedSource] = field(default_factory=list)
    only_a: list[SideSource] = field(default_factory=list)
    only_b: list[SideSource] = field(default_factory=list)

    @property
    def scale(self) -> float:
        """The largest single share in either article, of one source or of the writer's
        own words (as Who speaks draws them): both pictures are drawn against it, so equal
        bars mean equal shares."""
        shares = [s.share for s in self.a.sources + self.b.sources]
        # An article not analysed (not English) has no measured writer's share.
        shares += [f.shares["writer"] for f in (self.a, self.b) if f.analysed]
        return max(shares, default=0.0)

    def partner(self, side: str, source_id: str) -> str | None:
        """The id of the same source on the other side ("a" or "b"), if both quote it."""
        for pair in self.shared:
            here, there = (pair.a, pair.b) if side == "a" else (pair.b, pair.a)
            if here.id == source_id:
                return there.id
        return None

    def to_dict(self) -> dict:
        return {
            "articles": [self.a.to_dict(), self.b.to_dict()],
            "shared_sources": [p.to_dict() for p in self.shared],
            "only_in_first": [s.to_dict() for s in self.only_a],
            "only_in_second": [s.to_dict() for s in self.only_b],
            "scale": round(self.scale, 4),
        }


def compare(a: tuple[Article, Analysis], b: tuple[Article, Analysis],
            paths: tuple[str | None, str | None] = (None, None)) -> Comparison:
    figures_a = article_figures(a[0], a[1], paths[0])
    figures_b = article_figures(b[0], b[1], paths[1])
    pairs = match_sources(a[0].text, a[1].sources, b[0].text, b[1].sources)
    side_a = {s.id: s for s in figures_a.sources}
    side_b = {s.id: s for s in figures_b.sources}
    shared = [SharedSource(side_a[x], side_b[y], how) for x, y, how in pairs]
    matched_a = {x for x, _, _ in pairs}
    matched_b = {y for _, y, _ in pairs}
    return Comparison(figures_a, figures_b, shared,
                      [s for s in figures_a.sources if s.id not in matched_a],
                      [s for s in figures_b.sources if s.id not in matched_b])


# Matching -------------------------------------------------------------------------------


@dataclass
class _Identity:
    keys: set[str]  # name keys: the name and the mentions that are names, without titles
    surname: str | None
    first: str | None


def name_key(text: str) -> tuple[str, ...]:
    """The name words of `text`, lower case, without titles, articles and possessives:
    "Mayor Daniel Ortiz's" → ("daniel", "ortiz")."""
    words = []
    for token in _NAME_TOKEN.findall(text):
        word = re.sub(r"['’]s$", "", token).strip(".'’-").lower()
        if word and word not in TITLE_WORDS:
            words.append(word)
    return tuple(words)


def _looks_like_name(text: str) -> bool:
    """A mention that names someone: not a pronoun, and with a capitalised word that is
    not a title ("Ortiz", "the Riverside Courier"; not "the spokesman", not "he")."""
    tokens = _NAME_TOKEN.findall(text)
    if not tokens or all(t.lower() in PRONOUNS for t in tokens):
        return False
    return any(t[:1].isupper() and t.lower() not in TITLE_WORDS for t in tokens)


def _identity(text: str, source: Source) -> _Identity:
    keys = set()
    name = name_key(source.name)
    if name:
        keys.add(" ".join(name))
    for start, end in source.mentions:
        mention = text[start:end]
        if _looks_like_name(mention):
            key = name_key(mention)
            if key:
                keys.add(" ".join(key))
    surname = first = None
    if source.type == SourceType.PERSON and name:
        surname = name[-1]
        first = name[0] if len(name) > 1 else None
    return _Identity(keys, surname, first)


def _match(x: Source, ix: _Identity, y: Source, iy: _Identity) -> str | None:
    if SourceType.ANONYMOUS in (x.type, y.type):
        return None
    if " ".join(name_key(x.name)) == " ".join(name_key(y.name)) and name_key(x.name):
        return "name"
    if x.type == y.type == SourceType.PERSON and ix.surname and ix.surname == iy.surname:
        if ix.first is None or iy.first is None or ix.first == iy.first:
            return "surname"
        return None  # "Daniel Ortiz" and "Maria Ortiz" are two people
    if ix.keys & iy.keys:
        # A one-word person key ("Ortiz") must not join a person to an organisation.
        people = x.type == y.type or SourceType.PERSON not in (x.type, y.type)
        return "mention" if people else None
    return None


_STRENGTH = {"name": 0, "surname": 1, "mention": 2}


def match_sources(text_a: str, sources_a: list[Source], text_b: str, sources_b: list[Source]
                  ) -> list[tuple[str, str, str]]:
    """(id in a, id in b, how) for each source both articles quote, one to one, the
    strongest matches first (name, then surname, then a shared name mention)."""
    ids_a = [(s, _identity(text_a, s)) for s in sources_a]
    ids_b = [(s, _identity(text_b, s)) for s in sources_b]
    candidates = []
    for i, (x, ix) in enumerate(ids_a):
        for j, (y, iy) in enumerate(ids_b):
            how = _match(x, ix, y, iy)
            if how is not None:
                candidates.append((_STRENGTH[how], i, j, how))
    candidates.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for _, i, j, how in candidates:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((i, j, how))
    pairs.sort()
    return [(ids_a[i][0].id, ids_b[j][0].id, how) for i, j, how in pairs]
