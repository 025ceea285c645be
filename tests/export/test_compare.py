"""The comparison as data (reader.export.compare) on two hand-made reports of one invented
event, whose sources and word counts are known."""

import pytest

from reader.document.model import Article, Block
from reader.export.compare import compare, match_sources, name_key
from reader.provenance.model import Analysis, Claim, Source, VoiceSpan

# First report: 27 words. Ortiz: 4 quoted; Calder: 4 retold; an anonymous aide: 3 retold;
# the "reportedly" claim with no source: 3; the writer 13 (one framing span, "so-called").
A_TEXT = ("“We cannot stay open,” said Mayor Ann Ortiz. Ruth Calder said the branch is full. "
          "An aide said the plan leaked. The so-called savings are tiny, reportedly.")
# Second report: 20 words ("5-2" is one). Ortiz (as "Ortiz"): 5 quoted; Whitcombe: 6 retold;
# the writer 9.
B_TEXT = ("Ortiz said: “Every dollar goes to readers.” Gerald Whitcombe said the council "
          "finally listened to taxpayers. The vote was 5-2.")


def at(text, phrase, after=0):
    start = text.index(phrase, after)
    return start, start + len(phrase)


def report_a():
    t = A_TEXT
    article = Article(t, [Block("paragraph", 0, len(t))], title="Library closes",
                      publisher="The Courier", date="2026-11-24", path="/tmp/a.txt")
    spans = [VoiceSpan("s1", "quote", *at(t, "“We cannot stay open,”"), claim="c1"),
             VoiceSpan("s2", "paraphrase", *at(t, "the branch is full"), claim="c2"),
             VoiceSpan("s3", "paraphrase", *at(t, "the plan leaked"), claim="c3"),
             VoiceSpan("s4", "framing", *at(t, "so-called"), label="hedge"),
             VoiceSpan("s5", "paraphrase", *at(t, "savings are tiny"), claim="c4")]
    claims = [Claim("c1", "p1", at(t, "Mayor Ann Ortiz"), None, [at(t, "“We cannot stay open,”")],
                    "quote"),
              Claim("c2", "p2", at(t, "Ruth Calder"), None, [at(t, "the branch is full")],
                    "paraphrase"),
              Claim("c3", "p3", at(t, "An aide"), None, [at(t, "the plan leaked")], "paraphrase"),
              Claim("c4", None, None, None, [at(t, "savings are tiny")], "paraphrase")]
    sources = [Source("p1", "Mayor Ann Ortiz", "person", mentions=[at(t, "Mayor Ann Ortiz")],
                      claims=["c1"]),
               Source("p2", "Ruth Calder", "person", mentions=[at(t, "Ruth Calder")],
                      claims=["c2"]),
               Source("p3", "An aide", "anonymous", mentions=[at(t, "An aide")], claims=["c3"])]
    return article, Analysis(spans, claims, sources)


def report_b():
    t = B_TEXT
    article = Article(t, [Block("paragraph", 0, len(t))], title="Council frees $410,000",
                      publisher="The Ledger", date="2026-11-25", path="/tmp/b.txt")
    spans = [VoiceSpan("s1", "quote", *at(t, "“Every dollar goes to readers.”"), claim="c1"),
             VoiceSpan("s2", "paraphrase", *at(t, "the council finally listened to taxpayers"),
                  claim="c2")]
    claims = [Claim("c1", "q1", at(t, "Ortiz"), None, [at(t, "“Every dollar goes to readers.”")],
                    "quote"),
              Claim("c2", "q2", at(t, "Gerald Whitcombe"), None,
                    [at(t, "the council finally listened to taxpayers")], "paraphrase")]
    sources = [Source("q1", "Ortiz", "person", mentions=[at(t, "Ortiz")], claims=["c1"]),
               Source("q2", "Gerald Whitcombe", "person", mentions=[at(t, "Gerald Whitcombe")],
                      claims=["c2"])]
    return article, Analysis(spans, claims, sources)


def test_shared_and_one_side_sources():
    result = compare(report_a(), report_b())
    assert [(p.a.name, p.b.name, p.matched_by) for p in result.shared] == [
        ("Mayor Ann Ortiz", "Ortiz", "surname")]
    assert [s.name for s in result.only_a] == ["Ruth Calder", "An aide"]
    assert [s.name for s in result.only_b] == ["Gerald Whitcombe"]
    assert result.partner("a", "p1") == "q1" and result.partner("b", "q1") == "p1"
    assert result.partner("a", "p2") is None


def test_hand_counted_shares_and_framing():
    result = compare(report_a(), report_b())
    a, b = result.a, result.b
    assert a.words == 27
    assert (a.quoted_words, a.retold_words, a.unattributed_words, a.writer_words) == (4, 7, 3, 13)
    assert sum(a.shares.values()) == pytest.approx(1.0)
    assert [s.name for s in a.anonymous] == ["An aide"]
    assert a.anonymous_share == pytest.approx(3 / 11)  # of the words given to some source
    assert a.unattributed_claims == 1
    assert a.framing_by_label == {"hedge": 1}
    assert a.framing_per_1000 == pytest.approx(1000 / 27)
    assert b.words == 20
    assert (b.quoted_words, b.retold_words, b.unattributed_words, b.writer_words) == (5, 6, 0, 9)
    assert b.anonymous == [] and b.framing_spans == 0
    # One scale for both pictures: the largest single share on either side (here the
    # first writer's own 13 of 27 words).
    assert result.scale == pytest.approx(13 / 27)


def test_json_form():
    record = compare(report_a(), report_b(), ("a.txt", "b.txt")).to_dict()
    first, second = record["articles"]
    assert first["path"] == "a.txt" and first["publisher"] == "The Courier"
    assert first["words_by_voice"] == {"quoted": 4, "retold": 7, "unattributed": 3, "writer": 13}
    assert first["anonymous_sources"][0]["name"] == "An aide"
    assert first["framing"]["per_1000_words_by_label"] == {"hedge": round(1000 / 27, 2)}
    assert second["shares"]["unattributed"] == 0
    assert record["shared_sources"][0]["a"]["id"] == "p1"
    assert [s["name"] for s in record["only_in_second"]] == ["Gerald Whitcombe"]


def _person(sid, name, text="", mentions=(), kind="person"):
    return Source(sid, name, kind, mentions=[at(text, m) for m in mentions])


def test_names_without_titles_and_possessives():
    assert name_key("Mayor Daniel Ortiz's") == ("daniel", "ortiz")
    assert name_key("Councilwoman Priya Natarajan") == ("priya", "natarajan")


def test_two_people_with_one_surname_are_not_matched():
    pairs = match_sources("", [_person("a", "Daniel Ortiz")], "", [_person("b", "Maria Ortiz")])
    assert pairs == []


def test_anonymous_sources_are_never_matched():
    pairs = match_sources("", [_person("a", "a council aide", kind="anonymous")],
                          "", [_person("b", "a council aide", kind="anonymous")])
    assert pairs == []


def test_a_mention_that_is_a_name_matches_and_a_pronoun_does_not():
    text_a = "The Riverside Taxpayers Association said so. It said more."
    text_b = "Whitcombe's group, the Taxpayers Association, said so. It agreed."
    group_a = Source("a", "taxpayers group", "organization",
                     mentions=[at(text_a, "The Riverside Taxpayers Association"), at(text_a, "It")])
    group_b = Source("b", "Whitcombe's group", "organization",
                     mentions=[at(text_b, "the Taxpayers Association"), at(text_b, "It")])
    other = Source("c", "the library board", "organization", mentions=[at(text_b, "It")])
    assert match_sources(text_a, [group_a], text_b, [other]) == []
    assert match_sources(text_a, [group_a], text_b, [group_b]) == []  # the names differ
    group_a.mentions.append(at(text_a, "Taxpayers Association"))
    assert match_sources(text_a, [group_a], text_b, [group_b]) == [("a", "b", "mention")]


def test_one_to_one_with_the_strongest_match_first():
    a = [_person("a1", "Ortiz")]
    b = [_person("b1", "Daniel Ortiz"), _person("b2", "Ortiz")]
    assert match_sources("", a, "", b) == [("a1", "b2", "name")]
