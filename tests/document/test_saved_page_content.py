"""Saved pages: text that a plain reading of trafilatura's output loses, and page parts
that must not reach the article. Every page here is invented for these tests."""

from __future__ import annotations

import pytest

from reader.document import load_article
from reader.document.pagedate import parse_date
from reader.document.pagetitle import clean_title

FILLER = ("<p>The town council met on Monday evening to discuss the new cycle lanes along the "
          "river road, which residents have asked for since the flood of last spring.</p>"
          "<p>Council members agreed that the lanes would be painted before the summer "
          "holidays, and that the bridge would get a separate crossing for bicycles.</p>")


def _page(body: str, head: str = "<title>Cycle lanes approved</title>") -> str:
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{head}</head>"
            f"<body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav><article>"
            f"<h1>Cycle lanes approved</h1>{body}</article>"
            f"<footer>Contact us · Privacy</footer></body></html>")


def _load(tmp_path, html: str, name: str = "page.html"):
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return load_article(path)


def _blocks(article):
    return [(b.kind, article.text[b.start:b.end]) for b in article.blocks]


def test_loose_text_after_a_heading_is_kept(tmp_path):
    article = _load(tmp_path, _page(
        FILLER + "<h2>What the mayor said</h2>The mayor said the lanes would make the river "
                 "road safer for children who cycle to the school by the old mill."
        + "<p>Work starts in May, according to the council's timetable for the year.</p>"))
    assert ("paragraph", "The mayor said the lanes would make the river road safer for "
                         "children who cycle to the school by the old mill.") in _blocks(article)


def test_an_embedded_post_and_its_credit_line_are_kept(tmp_path):
    post = ('<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en">'
            'Finally the river road gets its lanes, after years of asking '
            '<a href="https://t.co/x">https://t.co/x</a></p>— Jo Marsh (@jomarsh) '
            '<a href="https://twitter.com/jomarsh/status/1">March 3, 2024</a></blockquote>'
            '<script async src="https://platform.twitter.com/widgets.js"></script></div>')
    article = _load(tmp_path, _page(FILLER + post + FILLER))
    blocks = _blocks(article)
    assert ("blockquote", "Finally the river road gets its lanes, after years of asking "
                          "https://t.co/x") in blocks
    assert ("blockquote", "— Jo Marsh (@jomarsh) March 3, 2024") in blocks


def test_quote_text_outside_paragraphs_is_kept(tmp_path):
    article = _load(tmp_path, _page(
        FILLER + "<blockquote>We asked for these lanes for ten years, and now we have them."
                 "<br>— the cycling club</blockquote>" + FILLER))
    assert any(kind == "blockquote" and "ten years" in text and "cycling club" in text
               for kind, text in _blocks(article))


def test_a_data_table_is_one_table_block_with_rows_and_cells(tmp_path):
    table = ("<table><tr><th>Pos.</th><th>Rider</th><th>Points</th></tr>"
             "<tr><td>1</td><td>Ana Lopes</td><td>120</td></tr>"
             "<tr><td>2</td><td>Ben Ode</td><td>98</td></tr></table>")
    article = _load(tmp_path, _page(FILLER + table + FILLER))
    tables = [text for kind, text in _blocks(article) if kind == "table"]
    assert tables == ["Pos.\tRider\tPoints\n1\tAna Lopes\t120\n2\tBen Ode\t98"]
    assert [b.head_rows for b in article.blocks if b.kind == "table"] == [1]
    assert {"kind": "table", "head_rows": 1}.items() <= next(
        b.to_dict() for b in article.blocks if b.kind == "table").items()


def test_a_first_row_of_labels_over_rows_of_figures_is_the_heading(tmp_path):
    table = ("<table><tr><td>Pos.</td><td>Rider</td><td>Top 5</td></tr>"
             "<tr><td>1</td><td>Ana Lopes</td><td>17</td></tr>"
             "<tr><td>2</td><td>Ben Ode</td><td>15</td></tr></table>")
    article = _load(tmp_path, _page(FILLER + table + FILLER))
    assert [b.head_rows for b in article.blocks if b.kind == "table"] == [1]


def test_table_rows_are_as_wide_as_the_widest_and_need_no_heading(tmp_path):
    table = ("<table><tr><td>Mill Wheelers</td><td>120</td><td>4 wins</td></tr>"
             "<tr><td>Towpath CC</td><td>98</td></tr></table>")
    article = _load(tmp_path, _page(FILLER + table + FILLER))
    block = next(b for b in article.blocks if b.kind == "table")
    assert article.text[block.start:block.end] == ("Mill Wheelers\t120\t4 wins\n"
                                                   "Towpath CC\t98\t")
    assert block.head_rows == 0 and "head_rows" not in block.to_dict()


def test_a_table_analysed_never(tmp_path):
    from reader.document import NON_ARTICLE_KINDS

    assert "table" in NON_ARTICLE_KINDS


def test_a_layout_table_of_prose_is_read_as_paragraphs(tmp_path):
    prose = ("The council agreed the plan after a long debate in which every member spoke, "
             "and the vote was carried by nine to two with one abstention, the clerk said. "
             "The lanes will run from the mill to the station and cost less than expected.")
    article = _load(tmp_path, _page(FILLER + f"<table><tr><td>{prose}</td></tr></table>"))
    assert ("paragraph", prose) in _blocks(article)


def test_hidden_elements_and_popup_cards_are_removed(tmp_path):
    card = ('<span class="rollover-people"><a href="/p/jo">Jo Marsh</a><span class='
            '"rollover-people-block"><a class="name">Joanna Mary Marsh</a>Cycling club '
            'chair</span></span>')
    body = (f"<p>Club chair {card} said the lanes were overdue and welcome.</p>"
            '<p>The vote <span class="sr-only">(opens in a new window)</span>was close.</p>'
            '<p style="display: none">Subscribe to our newsletter for more news.</p>'
            "<p hidden>Hidden promotion text.</p>" + FILLER)
    text = _load(tmp_path, _page(body)).text
    assert "Club chair Jo Marsh said the lanes were overdue and welcome." in text
    assert "Joanna Mary" not in text and "opens in a new window" not in text
    assert "The vote was close." in text
    assert "newsletter" not in text and "Hidden promotion" not in text


def test_the_link_that_opens_a_popup_card_keeps_its_name(tmp_path):
    card = ('<span class="rollover-people"><a class="rollover-people-link" href="/p/jo">Jo '
            'Marsh</a><span class="rollover-people-block"><span class="rollover-block"><a '
            'class="name">Joanna Mary Marsh</a>Cycling club chair</span></span></span>')
    body = f"<p>Club chair {card} (Ind.) said the lanes were overdue and welcome.</p>" + FILLER
    text = _load(tmp_path, _page(body)).text
    assert "Club chair Jo Marsh (Ind.) said the lanes were overdue and welcome." in text
    assert "Joanna Mary" not in text


def test_capitals_promo_headlines_are_furniture_and_short_capitals_are_headings(tmp_path):
    body = (FILLER + "<p>MAYOR SAYS NEW BRIDGE WILL OPEN BEFORE THE ELECTION NEXT YEAR</p>"
            "<p>WHO PAYS FOR IT?</p>" + FILLER)
    blocks = _blocks(_load(tmp_path, _page(body)))
    assert ("boilerplate", "MAYOR SAYS NEW BRIDGE WILL OPEN BEFORE THE ELECTION NEXT YEAR") \
        in blocks
    assert ("heading", "WHO PAYS FOR IT?") in blocks


@pytest.mark.parametrize("title, site, url, expected", [
    ("Cycle lanes approved - Town Post", "Town Post", None, "Cycle lanes approved"),
    ("Cycle lanes approved | ZNews", None, "https://www.znews.com/a", "Cycle lanes approved"),
    ("Cycle lanes approved – TechWire", "TechWire", None, "Cycle lanes approved"),
    ("Town Post | Cycle lanes approved", "Town Post", None, "Cycle lanes approved"),
    ("The Post view on lanes: overdue | Editorial", "The Post", None,
     "The Post view on lanes: overdue"),
    ("Spider-Man - Far From Home review", None, None, "Spider-Man - Far From Home review"),
    ("Lanes | Bridges | Roads", None, None, "Lanes | Bridges | Roads"),
    # A site name that holds a separator itself, set off by a colon.
    ("Town Post | the river town's paper: Cycle lanes approved",
     "Town Post | the river town's paper", None, "Cycle lanes approved"),
    ("Cycle lanes approved - Town Post | the river town's paper",
     "Town Post | the river town's paper", None, "Cycle lanes approved"),
    ("Town Post", "Town Post", None, "Town Post"),
])
def test_site_names_are_stripped_from_titles(title, site, url, expected):
    assert clean_title(title, site, url) == expected


def test_title_of_a_page_without_the_site_name(tmp_path):
    head = ("<title>Cycle lanes approved | The Town Post</title>"
            "<meta property='og:site_name' content='The Town Post'>")
    assert _load(tmp_path, _page(FILLER, head)).title == "Cycle lanes approved"


def test_a_copyright_year_is_never_a_date(tmp_path):
    html = _page(FILLER).replace("Contact us", "© 2024 The Town Post. Contact us")
    article = _load(tmp_path, html)
    assert article.date is None and article.date_source is None


@pytest.mark.parametrize("head, date, source", [
    ("<meta property='article:published_time' content='2024-03-05T09:30:00Z'>",
     "2024-03-05", 'meta "article:published_time"'),
    ('<script type="application/ld+json">{"@type": "NewsArticle", '
     '"datePublished": "2023-11-18T10:00:00-05:00"}</script>',
     "2023-11-18", "JSON-LD datePublished"),
])
def test_a_stated_date_comes_with_where_it_was_found(tmp_path, head, date, source):
    article = _load(tmp_path, _page(FILLER, "<title>Cycle lanes approved</title>" + head))
    assert (article.date, article.date_source) == (date, source)
    assert article.metadata()["date_source"] == source


def test_a_dateline_marked_as_the_date(tmp_path):
    body = '<div class="article-date">Published March 3, 2024</div>' + FILLER
    article = _load(tmp_path, _page(body))
    assert (article.date, article.date_source) == ("2024-03-03", "a dateline on the page")


def test_a_date_line_in_the_text_is_a_stated_date(tmp_path):
    article = _load(tmp_path, _page("<p>Published March 3, 2024</p>" + FILLER))
    assert (article.date, article.date_source) == ("2024-03-03", "a date line in the text")


def test_the_date_in_words_with_its_origin():
    from reader.document.pagedate import date_with_origin

    assert (date_with_origin("2019-11-18", 'meta "article:published_time"')
            == "18 November 2019 — from the page's metadata")
    assert (date_with_origin("2019-11-18", "JSON-LD datePublished")
            == "18 November 2019 — from the page's metadata")
    assert (date_with_origin("2019-11-18", "the page address")
            == "18 November 2019 — from the page's address")
    assert date_with_origin("2019-11-18", None) == "18 November 2019"
    assert date_with_origin("Spring 2019", None) == "Spring 2019"
    assert date_with_origin(None, "the page address") is None


@pytest.mark.parametrize("value, expected", [
    ("2019-11-18T21:00:00Z", "2019-11-18"), ("20191118", "2019-11-18"),
    ("Nov. 18, 2019", "2019-11-18"), ("18 November 2019", "2019-11-18"),
    ("© 2024", None), ("2019-13-45", None), ("", None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


LOOSE = ('<section class="story">The river road will get painted cycle lanes this spring, '
         'the council decided after a long evening of debate in the town hall.'
         '<h2>What changes for drivers</h2>'
         '<a href="/photo"><img src="lanes.jpg"></a>Drivers lose one lane between the bridge '
         'and the mill, and what everyone <strong>will</strong> notice is the slower traffic '
         'at the school gates during the morning rush.<br>'
         '<ul><li>First item of the plan for the lanes</li><li>Second item of the plan</li></ul>'
         '<h2>When the work starts</h2>'
         'Painting starts in May, weather permitting, and takes about three weeks.<br><br>'
         'The bridge crossing follows in the autumn, once the new kerbs are laid.</section>')


def test_loose_text_between_block_elements_reads_as_whole_paragraphs(tmp_path):
    blocks = _blocks(_load(tmp_path, _page(FILLER + LOOSE + FILLER)))
    paragraphs = [text for kind, text in blocks if kind == "paragraph"]
    assert ("The river road will get painted cycle lanes this spring, the council decided "
            "after a long evening of debate in the town hall.") in paragraphs
    # Not cut at the inline element, and its spaces kept.
    assert any(text.startswith("Drivers lose one lane") and "everyone will notice is the "
               "slower traffic" in text for text in paragraphs), paragraphs
    # Two line breaks in a row end a paragraph, as on screen.
    assert "Painting starts in May, weather permitting, and takes about three weeks." in paragraphs
    assert ("The bridge crossing follows in the autumn, once the new kerbs are laid."
            in paragraphs)


def test_a_sign_up_step_is_text_and_a_newsletter_pitch_is_furniture(tmp_path):
    steps = ("<p>To get the bike-share discount, follow these steps:</p><ul>"
             "<li>Sign up for a city bike-share account for $4.99 a month</li>"
             "<li>Link the account to your library card at the desk</li></ul>"
             "<p>Sign up for our morning newsletter</p>"
             "<p>Sign up to get an email from reporter Jo Marsh when she files a story.</p>")
    kinds = dict((text, kind) for kind, text in _blocks(_load(tmp_path, _page(
        FILLER + steps + FILLER))))
    assert kinds["Sign up for a city bike-share account for $4.99 a month"] == "paragraph"
    assert kinds["Sign up for our morning newsletter"] == "boilerplate"
    assert kinds["Sign up to get an email from reporter Jo Marsh when she files a story."] \
        == "boilerplate"


def test_a_rule_drawn_as_a_heading_is_not_a_heading(tmp_path):
    blocks = _blocks(_load(tmp_path, _page(FILLER + "<h3>______________</h3>" + FILLER)))
    assert ("boilerplate", "______________") in blocks


DEAL = ("<h2>Trail bike lights, two for $24.99</h2>"
        "<p>The rechargeable lights that the club recommends for the river road are down to "
        "their lowest price this year, and each charge lasts about a week of commuting.</p>")


def test_a_deals_paragraphs_shop_links_are_text_and_related_stories_are_not(tmp_path):
    shop = ('<ul><li><a href="https://shop.example/a">Get them at Cyclemart for $24.99</a></li>'
            '<li><a href="https://shop.example/b">Also at Pedalhouse</a></li></ul>')
    no_price = ('<ul><li><a href="https://shop.example/c">Download the club route map for '
                'free</a></li></ul>')
    related = ('<ul><li><a href="/news/1">Mill bridge closed for repairs until May</a></li>'
               '<li><a href="/news/2">New bakery opens by the school</a></li></ul>')
    page = _page(DEAL + shop + DEAL.replace("two for $24.99", "route map") + no_price
                 + FILLER + "<h3>Most read</h3>" + related)
    blocks = _blocks(_load(tmp_path, page))
    texts = [text for _, text in blocks]
    assert ("paragraph", "Get them at Cyclemart for $24.99") in blocks
    assert ("paragraph", "Also at Pedalhouse") in blocks
    # A button of the same shop-link shape on the same page, without a price.
    assert ("paragraph", "Download the club route map for free") in blocks
    assert not any("Mill bridge" in text or "bakery" in text for text in texts)


def test_links_after_a_paragraph_without_a_price_stay_out(tmp_path):
    related = ('<ul><li><a href="/news/1">Mill bridge closed for repairs until May</a></li>'
               '<li><a href="/news/2">New bakery opens by the school</a></li></ul>')
    texts = [text for _, text in _blocks(_load(tmp_path, _page(FILLER + related + FILLER)))]
    assert not any("Mill bridge" in text or "bakery" in text for text in texts)


def test_a_line_break_between_japanese_characters_leaves_no_space(tmp_path):
    page = ("<!DOCTYPE html><html lang='ja'><head><meta charset='utf-8'><title>川沿いの自転車道"
            "</title></head><body><article><h1>川沿いの自転車道</h1>"
            "<p>町議会は月曜日の夜、川沿いの道に自転車専用レーンを作ることを決めました。"
            "住民は去年の洪水の後からずっとこの計画を求めていました。</p>"
            "<p>これは大きな変化です。<br>\n工事は五月に始まり、<a href='/map'>地図</a>"
            "は町のサイトで見られます。<br>Cycle lanes open in June.</p>"
            "<p>First line of the notice<br>second line of the notice, in English.</p>"
            "</article></body></html>")
    paragraphs = [text for kind, text in _blocks(_load(tmp_path, page)) if kind == "paragraph"]
    assert ("これは大きな変化です。工事は五月に始まり、地図は町のサイトで見られます。 Cycle "
            "lanes open in June.") in paragraphs
    assert "First line of the notice second line of the notice, in English." in paragraphs


def test_a_line_the_page_marks_as_a_subheading_is_a_heading(tmp_path):
    page = _page(FILLER + '<div class="pf_subheadline">Who pays for the new lanes?</div>'
                 "<p>The council pays for the paint, and the county pays for the new crossing "
                 "at the bridge, according to the budget approved in March.</p>"
                 '<div class="subHead"><a href="/subscribe">Subscribe</a> '
                 '<a href="/login">Sign In</a></div>' + FILLER)
    blocks = _blocks(_load(tmp_path, page))
    assert ("heading", "Who pays for the new lanes?") in blocks
    assert not any("Subscribe" in text for _, text in blocks)
