"""Plain text keeps every character; blocks and header metadata come from cues."""

from reader.document import NON_ARTICLE_KINDS, article_from_text, load_article

ARTICLE = """Harbour Ferry to Resume Service in June

By Tomas Lindqvist, Transport Reporter

March 5, 2024

The ferry at Northpoint last spring. (Photo by Ana Ruiz/Lakeside Gazette)

NORTHPOINT — The harbour ferry will run again from June, the transport board said on Tuesday.

"We would rather open late than open unsafely," board chair Helen Achterberg said.

By the end of the month, engineers expect to finish the landing stage.

Follow Tomas Lindqvist on Twitter @tlindqvist.

Copyright 2024 The Lakeside Gazette. All rights reserved.
"""


def kinds(article):
    return [(b.kind, article.text[b.start:b.end]) for b in article.blocks]


def assert_well_formed(article):
    previous_end = 0
    for block in article.blocks:
        assert previous_end <= block.start < block.end <= len(article.text)
        previous_end = block.end
        text = article.text[block.start:block.end]
        assert text == text.strip()
    covered = {i for b in article.blocks for i in range(b.start, b.end)}
    assert all(i in covered for i, ch in enumerate(article.text) if not ch.isspace())


def test_text_is_unchanged_and_blocks_follow_blank_lines():
    article = article_from_text(ARTICLE)
    assert article.text == ARTICLE
    assert_well_formed(article)
    assert kinds(article) == [
        ("heading", "Harbour Ferry to Resume Service in June"),
        ("boilerplate", "By Tomas Lindqvist, Transport Reporter"),
        ("boilerplate", "March 5, 2024"),
        ("caption", "The ferry at Northpoint last spring. (Photo by Ana Ruiz/Lakeside Gazette)"),
        ("paragraph", "NORTHPOINT — The harbour ferry will run again from June, the transport "
                      "board said on Tuesday."),
        ("paragraph", '"We would rather open late than open unsafely," board chair Helen '
                      'Achterberg said.'),
        ("paragraph", "By the end of the month, engineers expect to finish the landing stage."),
        ("boilerplate", "Follow Tomas Lindqvist on Twitter @tlindqvist."),
        ("boilerplate", "Copyright 2024 The Lakeside Gazette. All rights reserved."),
    ]


def test_header_metadata():
    article = article_from_text(ARTICLE)
    assert article.title == "Harbour Ferry to Resume Service in June"
    assert article.byline == "Tomas Lindqvist, Transport Reporter"
    assert article.date == "2024-03-05"


def test_windows_line_endings_keep_offsets():
    text = ARTICLE.replace("\n", "\r\n")
    article = article_from_text(text)
    assert article.text == text
    assert_well_formed(article)
    assert [b.kind for b in article.blocks] == [b.kind for b in article_from_text(ARTICLE).blocks]


def test_file_without_blank_lines_has_a_paragraph_per_line():
    text = ("Island residents signed a petition for a temporary boat.\n"
            "The board said it had considered the idea.\n"
            "A decision is expected next week.\n")
    article = article_from_text(text)
    assert [text[b.start:b.end] for b in article.blocks] == text.splitlines()


def test_hard_wrapped_paragraph_stays_one_block():
    text = ("Wrapped title\n\nThe board met on Tuesday and agreed that\nthe ferry would run "
            "again in June.\n\nA second paragraph.\n")
    article = article_from_text(text)
    assert [text[b.start:b.end] for b in article.blocks][1] == (
        "The board met on Tuesday and agreed that\nthe ferry would run again in June.")


def test_long_lines_in_one_run_are_separate_paragraphs():
    first = "“The landing stage was in worse shape than anyone expected,” one engineer said, " \
            "adding that storms had loosened the piles."
    second = "“We will not open until every pile has been checked,” the board chair said, " \
             "speaking after a two-hour meeting."
    text = f"Title line\n\n{first}\n{second}\n"
    article = article_from_text(text)
    assert [text[b.start:b.end] for b in article.blocks] == ["Title line", first, second]


def test_caption_with_credit_line_underneath():
    text = ("Headline here\n\nThe board chair speaks to reporters at the harbour on Tuesday\n"
            "ANA RUIZ/AFP via Getty Images\n\nThe board voted on Tuesday.\n")
    article = article_from_text(text)
    assert kinds(article)[1:3] == [
        ("caption", "The board chair speaks to reporters at the harbour on Tuesday"),
        ("credit", "ANA RUIZ/AFP via Getty Images"),
    ]


def test_captions_and_credits():
    for caption in (
        "The ferry at the landing stage. (Ana Ruiz/Getty Images)",
        "NORTHPOINT, ME - JUNE 04: Passengers board the ferry. (Photo by Ana Ruiz/Getty Images)",
        "Passengers wait on the quay (Photo: Lakeside Gazette) before boarding.",
    ):
        article = article_from_text(f"Title\n\n{caption}\n\nBody text follows here.\n")
        assert article.blocks[1].kind == "caption", caption
    for credit in ("Getty Images", "Photo: Ana Ruiz", "Credit: Lakeside Gazette archive",
                   "Image credit: Ana Ruiz", "Ana Ruiz/Reuters"):
        article = article_from_text(f"Title\n\n{credit}\n\nBody text follows here.\n")
        assert article.blocks[1].kind == "credit", credit


def test_prose_that_resembles_cues_stays_paragraph():
    prose = [
        "By the fall of 2010, the ferry had already lost money for three years.",
        "By Monday Morning, officials said, the boat would be back.",
        "The Reuters/Ipsos poll showed the board's plan was popular.",
        "The ministry confirmed the figures on Friday (Reuters).",
        "Residents were urged to follow him on Twitter for updates, the mayor said.",
        "He said the copyright of the photograph belonged to the town.",
        "Sign language interpreters will be present at the meeting, the board said.",
    ]
    text = "Title\n\n" + "\n\n".join(prose) + "\n"
    article = article_from_text(text)
    assert [b.kind for b in article.blocks[1:]] == ["paragraph"] * len(prose)


def test_boilerplate_lines():
    lines = ["Sign up for our morning newsletter", "Share this article", "Advertisement",
             "© 2024 Lakeside Gazette", "COMMENTS", "* * *"]
    text = "Title\n\nA real paragraph about the ferry.\n\n" + "\n\n".join(lines) + "\n"
    article = article_from_text(text)
    assert [b.kind for b in article.blocks[2:]] == ["boilerplate"] * len(lines)
    assert not NON_ARTICLE_KINDS & {article.blocks[1].kind}


def test_title_needs_following_text_and_a_short_line():
    assert article_from_text("Only one line here.").title is None
    long_first = " ".join(["word"] * 40) + ".\n\nSecond paragraph.\n"
    assert article_from_text(long_first).title is None
    dateline = "NORTHPOINT — The ferry returns in June.\n\nMore text.\n"
    assert article_from_text(dateline).blocks[0].kind == "paragraph"


def test_dates_in_several_forms():
    for line, iso in (("Published: Tuesday, March 5, 2024", "2024-03-05"),
                      ("5 March 2024", "2024-03-05"), ("Updated 2024-03-05 09:30", "2024-03-05"),
                      ("Sept. 14, 2021, 6:05 p.m. ET", "2021-09-14"),
                      ("2024-03-05", "2024-03-05")):
        article = article_from_text(f"Title\n\n{line}\n\nBody text.\n")
        assert article.date == iso, line


def test_loading_a_txt_file_keeps_content(tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE, encoding="utf-8", newline="")
    article = load_article(path)
    assert article.text == ARTICLE
    assert article.path == str(path)
    assert article.format == "text"
    assert article.metadata()["title"] == "Harbour Ferry to Resume Service in June"
