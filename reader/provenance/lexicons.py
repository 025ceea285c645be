"""Word lists: plain text, one entry a line, '#' starts a comment.

The shipped lists are resources/lexicons/NAME.txt. A `LexiconSet` is the lists one
pipeline component reads: the shipped ones, with any of them replaced by a file of the
user's (the `lexicons` setting of the `provenance_attribution` factory), or the copies a
saved pipeline carries (`to_disk`/`from_disk`). The rule modules call `load(name)` and
`load_labelled(name)`, or name a list once with `words(name)`, all of which read the set
made current with `using(...)` (the shipped one otherwise) at each use, so that two
pipelines with different lists can run in one process.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from reader.resources_path import resource

SUFFIX = ".txt"


class LexiconError(ValueError):
    """A word list that is not shipped was named, or a file cannot be read."""


def shipped_names() -> list[str]:
    """The names of the shipped word lists."""
    return sorted(path.stem for path in resource("lexicons").glob(f"*{SUFFIX}"))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(f"The word list {path} cannot be read ({error}).") from None


def _entries(text: str) -> frozenset[str]:
    entries = set()
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip().lower()
        if entry:
            entries.add(entry)
    return frozenset(entries)


def _labelled(text: str, name: str) -> dict[str, str]:
    entries = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        phrase, _, label = line.partition("\t")
        entries[phrase.strip().lower()] = label.strip() or name
    return entries


class LexiconSet:
    """Named word lists, read on first use. `texts` holds the file contents read so far,
    so a set can be written out (to_dir) exactly as it was read."""

    def __init__(self, paths: Mapping[str, str | Path] | None = None,
                 texts: Mapping[str, str] | None = None):
        self._paths = {name: Path(path) for name, path in (paths or {}).items()}
        self._texts: dict[str, str] = dict(texts or {})
        self._words: dict[str, frozenset[str]] = {}
        self._labels: dict[str, dict[str, str]] = {}

    @classmethod
    def with_overrides(cls, overrides: Mapping[str, str | Path] | None = None) -> LexiconSet:
        """The shipped lists, with the named ones read from the given files instead (read
        on first use: a saved pipeline's from_disk replaces them before that)."""
        known = shipped_names()
        overrides = dict(overrides or {})
        unknown = sorted(set(overrides) - set(known))
        if unknown:
            raise LexiconError(f"No word list is called {', '.join(unknown)}; the lists are "
                               f"{', '.join(known)}.")
        paths = {name: resource("lexicons", name + SUFFIX) for name in known}
        paths.update({name: Path(p) for name, p in overrides.items()})
        return cls(paths=paths)

    @classmethod
    def from_dir(cls, folder: str | Path) -> LexiconSet:
        """Every NAME.txt in `folder`; lists it lacks come from the shipped ones."""
        folder = Path(folder)
        if not folder.is_dir():
            raise LexiconError(f"{folder} is not a folder of word lists.")
        paths = {name: resource("lexicons", name + SUFFIX) for name in shipped_names()}
        paths.update({p.stem: p for p in folder.glob(f"*{SUFFIX}")})
        return cls(paths=paths)

    def names(self) -> list[str]:
        return sorted(set(self._paths) | set(self._texts))

    def text(self, name: str) -> str:
        if name not in self._texts:
            path = self._paths.get(name)
            if path is None:
                raise LexiconError(f"No word list is called {name}.")
            self._texts[name] = _read(path)
        return self._texts[name]

    def words(self, name: str) -> frozenset[str]:
        """Entries of the list, lower-cased."""
        if name not in self._words:
            self._words[name] = _entries(self.text(name))
        return self._words[name]

    def labelled(self, name: str) -> dict[str, str]:
        """Entries of a 'phrase<TAB>label' list, lower-cased phrase → label."""
        if name not in self._labels:
            self._labels[name] = _labelled(self.text(name), name)
        return self._labels[name]

    def to_dir(self, folder: str | Path) -> None:
        """Writes every list as NAME.txt in `folder`, as it was read."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for name in self.names():
            (folder / (name + SUFFIX)).write_text(self.text(name), encoding="utf-8")

    def to_texts(self) -> dict[str, str]:
        return {name: self.text(name) for name in self.names()}


@cache
def shipped() -> LexiconSet:
    return LexiconSet.with_overrides()


_current: ContextVar[LexiconSet | None] = ContextVar("provenance_lexicons", default=None)


@contextmanager
def using(lexicon_set: LexiconSet) -> Iterator[LexiconSet]:
    """Makes `lexicon_set` the one load() and load_labelled() read, inside the block."""
    token = _current.set(lexicon_set)
    try:
        yield lexicon_set
    finally:
        _current.reset(token)


def current() -> LexiconSet:
    return _current.get() or shipped()


def load(name: str) -> frozenset[str]:
    """Entries of the current set's list NAME, lower-cased."""
    return current().words(name)


def load_labelled(name: str) -> dict[str, str]:
    """Entries of the current set's 'phrase<TAB>label' list NAME."""
    return current().labelled(name)


class WordList:
    """The words of one or more lists, read from the current set each time they are asked
    for, so that a pipeline's own lists apply: a rule module names a list once, at the top
    (`_OBJECT_CUES = lexicons.words("object_cue_verbs")`), and tests words against it."""

    __slots__ = ("names",)

    def __init__(self, *names: str):
        self.names = names

    def words(self) -> frozenset[str]:
        if len(self.names) == 1:
            return load(self.names[0])
        return frozenset().union(*(load(name) for name in self.names))

    def __contains__(self, word: object) -> bool:
        return any(word in load(name) for name in self.names)

    def __iter__(self) -> Iterator[str]:
        return iter(self.words())

    def __len__(self) -> int:
        return len(self.words())

    def __or__(self, other) -> frozenset[str]:
        return self.words() | frozenset(other)

    def __sub__(self, other) -> frozenset[str]:
        return self.words() - frozenset(other)

    def __repr__(self) -> str:
        return f"WordList({', '.join(self.names)})"


def words(*names: str) -> WordList:
    """The lists NAMES (one or more, as one), read at each use from the current set."""
    return WordList(*names)


def load_valence(name: str) -> dict[str, float]:
    """Entries of a 'word<TAB>number' list of the current set, word → number."""
    entries = {}
    for line in current().text(name).splitlines():
        word, _, value = line.split("#", 1)[0].strip().partition("\t")
        if word and value.strip():
            entries[word.strip().lower()] = float(value)
    return entries
