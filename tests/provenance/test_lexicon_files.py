"""Every word list ships with its origin: named in SOURCES.md, with a header saying what
it is for."""

from reader.provenance import lexicons
from reader.resources_path import resource


def test_every_lexicon_is_named_in_sources_and_explains_itself():
    folder = resource("lexicons")
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8")
    for path in sorted(folder.glob("*.txt")):
        assert f"`{path.name}`" in sources, f"{path.name} is not in SOURCES.md"
        assert path.read_text(encoding="utf-8").startswith("#"), f"{path.name} has no header"
        assert lexicons.load(path.stem), f"{path.name} is empty"


def test_the_rules_read_the_moved_lists():
    from reader.provenance import cues, sources, speakers

    assert "confirm" in cues._OBJECT_CUES and "show" in cues._NO_OBJECT_CUES
    assert cues._DOCUMENT_OBJECT_CUES.words() <= cues._NO_OBJECT_CUES.words()
    assert "col" in sources._TITLES and sources._role("Spokeswoman") == "spokesman"
    assert "update" in speakers._NOT_SPEAKER_LABELS


def test_a_pipeline_s_own_list_replaces_a_moved_one(tmp_path):
    from reader.provenance import cues

    own = tmp_path / "object_cue_verbs.txt"
    own.write_text("# only one\ntout\n", encoding="utf-8")
    with lexicons.using(lexicons.LexiconSet.with_overrides({"object_cue_verbs": own})):
        assert "tout" in cues._OBJECT_CUES and "confirm" not in cues._OBJECT_CUES
    assert "confirm" in cues._OBJECT_CUES


def test_the_naming_words_around_a_quotation_come_from_the_lists(tmp_path):
    from reader.provenance.quotes import find_quotes
    from reader.provenance.speakers import mention_quotes

    text = "Fans chanted the motto “Never back down” all night."
    pieces = find_quotes(text)
    assert mention_quotes(text, pieces)  # "the motto" names the quotation
    own = tmp_path / "naming_nouns.txt"
    own.write_text("# only one\nslogan\n", encoding="utf-8")
    with lexicons.using(lexicons.LexiconSet.with_overrides({"naming_nouns": own})):
        assert not mention_quotes(text, pieces)
