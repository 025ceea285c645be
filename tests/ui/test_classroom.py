"""The classroom: presentation mode, projector style, legend, Who speaks, quiz, handout.
Each test drives the real window."""

from PySide6.QtCore import Qt

from reader.resources_path import resource

# The shipped sample has every kind, framing too.
SHIPPED_SAMPLE = resource("samples") / "riverside_library.txt"


def test_second_presentation_has_the_caption_height_of_the_first(qtbot, window, article_path,
                                                                  open_article):
    open_article(article_path)
    heights = []
    for _ in range(2):
        window.actions["presentation"].trigger()
        qtbot.keyClick(window.view, Qt.Key.Key_Right)
        qtbot.wait(50)
        heights.append(window.caption_bar.height())
        window.actions["presentation"].trigger()
    assert heights[0] >= 3 * window.caption_bar.fontMetrics().height()
    assert heights[1] == heights[0]


def _grey(colour: str) -> float:
    from PySide6.QtGui import QColor

    c = QColor(colour)
    return 0.2126 * c.red() + 0.7152 * c.green() + 0.0722 * c.blue()


def test_projector_fills_differ_from_the_page_and_each_other_in_greyscale():
    from reader.ui import palette

    for name in palette.PALETTES:
        page = palette.presentation_surface(name).background
        quote = palette.kind_colours("quote", name, True).fill
        paraphrase = palette.kind_colours("paraphrase", name, True).fill
        levels = sorted([_grey(page), _grey(quote), _grey(paraphrase)])
        # Apart by at least a sixth of the grey scale: the back row tells them apart.
        assert levels[1] - levels[0] >= 35 and levels[2] - levels[1] >= 35, name


def test_projector_marks_are_thick_at_presentation_size(window, open_article):
    index = open_article(SHIPPED_SAMPLE)
    window.actions["presentation"].trigger()
    assert window.view.projector
    assert window.view.mark_width() >= 3
    for kind, style in (("paraphrase", "underline"), ("framing", "box")):
        span = next(s for s in index.spans if s.kind == kind)
        window.view.center_on(span.start)
        marks = window.view.visible_marks()
        assert style in {m.style for m in marks}
        assert all(m.width >= 3 for m in marks)
    window.actions["presentation"].trigger()
    assert not window.view.projector  # off again outside, unless chosen in View
    window.actions["projector"].trigger()
    assert window.view.projector and window.settings.value("view/projector") is True


def test_projector_paraphrase_fill_is_painted(qtbot, window, article_path, open_article):
    """The paraphrase's fill shows on screen, a different grey from the quote's fill."""
    from PySide6.QtGui import QColor, QTextCursor

    index = open_article(article_path)
    window.set_projector_style(True)
    qtbot.wait(50)
    image = window.view.viewport().grab().toImage()
    greys = {}
    for kind in ("quote", "paraphrase"):
        span = next(s for s in index.spans if s.kind == kind)
        cursor = QTextCursor(window.view.document())
        cursor.setPosition(window.view.positions.to_qt(span.start + 1))
        rect = window.view.cursorRect(cursor)
        colours = {}
        for dx in range(2, 40):
            for dy in range(0, rect.height()):
                pixel = image.pixelColor(rect.left() + dx, rect.top() + dy).name()
                colours[pixel] = colours.get(pixel, 0) + 1
        fill = palette_fill(kind, window.view.palette_name)
        assert fill in colours, (kind, sorted(colours, key=colours.get)[-3:])
        greys[kind] = _grey(fill)
    assert abs(greys["quote"] - greys["paraphrase"]) >= 30
    assert QColor(fill).isValid()


def palette_fill(kind, name):
    from reader.ui.palette import kind_colours

    return kind_colours(kind, name, True).fill


def test_presentation_steps_by_claim_from_the_top(qtbot, window, article_path, open_article):
    index = open_article(article_path)
    window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().maximum())
    window.view.select_range(len(index.text) - 5, len(index.text) - 1)
    window.actions["presentation"].trigger()
    presentation = window.presentation
    assert presentation.position == -1 and window.view.verticalScrollBar().value() == 0
    assert window.view.selected_range() is None
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    assert window.current_span == presentation.steps[0][0].id  # the first, not near the cursor
    # Every claim is one step, with all its parts.
    claims = [c for c in index.claims.values() if index.spans_of_claim(c.id)]
    for claim in claims:
        step = next(s for s in presentation.steps if s[0].claim == claim.id)
        assert {s.id for s in step} == {s.id for s in index.spans_of_claim(claim.id)}
    heights = set()
    for _ in presentation.steps:
        qtbot.keyClick(window.view, Qt.Key.Key_Right)
        heights.add(window.caption_bar.height())
        # The kind colour stays (no selection over it), the claim is outlined.
        assert window.view.selected_range() is None
        assert window.view.current_spans == presentation.current_step()
    assert len(heights) == 1  # the article never jumps
    qtbot.keyClick(window.view, Qt.Key.Key_Home)
    assert presentation.position == 0
    qtbot.keyClick(window.view, Qt.Key.Key_End)
    assert presentation.position == len(presentation.steps) - 1
    assert f"{len(presentation.steps)} of {len(presentation.steps)}" in window.caption_bar.text()


def test_presentation_keeps_the_dark_palette(window, article_path, open_article):
    from reader.ui.palette import PRESENTATION_DARK_SURFACE

    open_article(article_path)
    window.set_palette_choice("dark")
    window.actions["presentation"].trigger()
    assert window.view.palette_name == "dark"
    assert window.view.surface == PRESENTATION_DARK_SURFACE
    window.actions["presentation"].trigger()
    window.set_palette_choice("light")


def test_caption_speaks_plain_language(qtbot, window, article_path, open_article):
    index = open_article(article_path)
    window.actions["presentation"].trigger()
    step = next(i for i, s in enumerate(window.presentation.steps)
                if s[0].kind == "quote" and index.source_of_span(s[0]) is not None)
    window.presentation.go_to(step)
    text = window.caption_bar.text()
    assert "Lena Brooks said this, and these are their exact words" in text
    assert "cue '" not in text and "→" not in text


def test_legend_says_what_each_kind_means_and_whether_it_is_shown(window):
    legend = window.legend
    quotes = legend.buttons["quote"]
    assert "exact words" in quotes.toolTip()
    assert "retold by the writer" in legend.buttons["paraphrase"].toolTip()
    assert "writer's own" in legend.buttons["framing"].toolTip()
    shown_icon = quotes.icon().pixmap(quotes.iconSize()).toImage()
    quotes.setChecked(False)
    assert quotes.font().strikeOut() and "hidden" in quotes.text()
    assert "show" in quotes.toolTip().lower()
    assert quotes.icon().pixmap(quotes.iconSize()).toImage() != shown_icon
    quotes.setChecked(True)
    assert not quotes.font().strikeOut() and "hidden" not in quotes.text()


def test_paraphrase_swatch_is_filled_like_the_text():
    from PySide6.QtGui import QColor

    from reader.ui.legend_bar import swatch
    from reader.ui.palette import kind_colours

    for projector in (False, True):
        fill = QColor(kind_colours("paraphrase", "light", projector).fill)
        image = swatch("paraphrase", "light", 22, projector).toImage()
        assert image.pixelColor(image.width() // 2, 8) == fill


def _who_speaks_unclipped(chart) -> None:
    """Every name and figure fits its column, and every figure ends inside the chart."""
    from PySide6.QtGui import QFontMetrics

    metrics = QFontMetrics(chart.font())
    name_width, bar_width, figures_width = chart.columns()
    for name, _quote, _paraphrase in chart.rows():
        assert metrics.horizontalAdvance(name) <= name_width, name
    for label in chart.labels():
        assert metrics.horizontalAdvance(label) <= figures_width, label
    assert 16 + name_width + bar_width + figures_width <= chart.width()
    assert chart.height() >= chart._height()


def test_who_speaks_at_1920x1080_shows_every_label_unclipped(qtbot, window, open_article):
    from reader.ui.who_speaks import WhoSpeaksChart

    open_article(SHIPPED_SAMPLE)
    window.show_who_speaks()
    dialog = window.who_speaks_dialog
    assert len(dialog.chart.rows()) >= 8

    def at_projector_width(font):
        # The offscreen screen is smaller than a projector's: lay a chart out at the width
        # it has in a 1920-pixel window (less the dialog's and scroll area's margins).
        chart = WhoSpeaksChart()
        qtbot.addWidget(chart)
        chart.setFont(font)
        chart.set_shares(dialog.chart.shares)
        chart.resize(1860, chart.minimumHeight())
        _who_speaks_unclipped(chart)

    at_projector_width(dialog.chart.font())
    # Full screen for a projector: larger type, still nothing clipped.
    size = dialog.chart.font().pointSizeF()
    qtbot.keyClick(dialog, Qt.Key.Key_F5)
    assert dialog.full_screen_button.isChecked()
    assert dialog.chart.font().pointSizeF() > size * 1.5
    at_projector_width(dialog.chart.font())
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.full_screen_button.isChecked() and dialog.isVisible()
    assert dialog.windowFlags() & Qt.WindowType.WindowMaximizeButtonHint
    dialog.close()


def test_quiz_chooser_offers_every_named_person_not_the_found_sources(qtbot, window,
                                                                      open_article):
    from reader.quiz import NAME_PREFIX, TYPE_PREFIX

    index = open_article(SHIPPED_SAMPLE)
    window.actions["quiz"].trigger()
    assert not window.panel.isVisible()
    assert not window.actions["toggle_panel"].isEnabled()  # Ctrl+B cannot bring it back
    box = window.quiz_mode.bar.source_box
    titles = [box.itemText(i) for i in range(box.count())]
    values = [box.itemData(i) for i in range(box.count())]
    # Names in the text that the analysis did not find speaking are offered too …
    assert any(isinstance(v, str) and v.startswith(NAME_PREFIX) for v in values)
    # … and the sources that are not named people or organisations are not listed by name.
    for source in index.sources.values():
        if source.type in ("document", "group", "anonymous"):
            assert source.name not in titles, source.name
    assert TYPE_PREFIX + "document" in values
    # A document's claim is guessed through "a document or report".
    report = next(s for s in index.sources.values() if s.type == "document")
    span = index.spans_of_claim(report.claims[0])[0]
    window.view.select_range(span.start, span.end)
    bar = window.quiz_mode.bar
    bar.kind_box.setCurrentIndex(bar.kind_box.findData(span.kind))
    box.setCurrentIndex(box.findData(TYPE_PREFIX + "document"))
    assert window.quiz_mode.check().source_right
    # A named person's claim needs the name.
    person = next(s for s in index.sources.values()
                  if s.type == "person" and s.id in values and s.claims)
    span = index.spans_of_claim(person.claims[0])[0]
    window.view.select_range(span.start, span.end)
    bar.kind_box.setCurrentIndex(bar.kind_box.findData(span.kind))
    box.setCurrentIndex(box.findData(TYPE_PREFIX + "person"))
    assert not window.quiz_mode.check().source_right


def test_status_after_reveal_all_no_longer_says_hidden(window, article_path, open_article):
    open_article(article_path)
    window.actions["quiz"].trigger()
    assert "hidden" in window.status_label.text()
    window.quiz_mode.bar.reveal_button.click()
    assert "hidden" not in window.status_label.text()
    assert "revealed" in window.status_label.text()


def _colours_over(view, start, end):
    """How often each colour is painted over the text from `start` to `end` (one line)."""
    from PySide6.QtGui import QTextCursor

    image = view.viewport().grab().toImage()
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.positions.to_qt(start))
    left = view.cursorRect(cursor)
    cursor.setPosition(view.positions.to_qt(end))
    right = view.cursorRect(cursor)
    colours = {}
    for x in range(left.left(), right.left()):
        for y in range(left.top(), left.bottom()):
            name = image.pixelColor(x, y).name()
            colours[name] = colours.get(name, 0) + 1
    return colours


def test_selecting_a_source_shows_where_it_is_named(qtbot, window, article_path, open_article):
    from reader.ui.sources_panel import ROW_SOURCE

    index = open_article(article_path)
    source = next(s for s in index.sources.values() if s.name.endswith("Brooks"))
    window.panel.select(ROW_SOURCE, source.id, notify=True)
    qtbot.wait(50)
    start, end = source.mentions[1]  # "Lena Brooks", outside any span
    colours = _colours_over(window.view, start, end)
    surface = window.view.surface
    assert surface.focus in colours  # drawn in the focus colour …
    assert colours.get(surface.dimmed_text, 0) < colours[surface.focus] / 4  # … not dimmed


def test_esc_and_a_click_on_empty_space_clear_the_selection(qtbot, window, article_path,
                                                            open_article):
    from PySide6.QtCore import QPoint

    from reader.ui.sources_panel import ROW_SOURCE

    index = open_article(article_path)
    source = next(s for s in index.sources.values() if s.name.endswith("Brooks"))
    for clear in ("escape", "click"):
        window.panel.select(ROW_SOURCE, source.id, notify=True)
        assert window.view.focus_source == source.id
        if clear == "escape":
            qtbot.keyClick(window.view, Qt.Key.Key_Escape)
        else:
            viewport = window.view.viewport()
            # Below the last line of the text: empty space.
            point = QPoint(viewport.width() // 2, viewport.height() - 5)
            qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)
        assert window.view.focus_source is None, clear
        assert window.panel.tree.currentItem() is None or not \
            window.panel.tree.currentItem().isSelected(), clear
        assert window.view.selected_range() is None
        assert len(window.view.extraSelections()) == len(index.spans)


def test_file_open_never_starts_in_the_program_folder(window, open_article, article_path,
                                                      settings):
    from pathlib import Path

    import reader

    program = Path(reader.__file__).resolve().parent
    open_article(SHIPPED_SAMPLE)
    start = Path(window.open_start_folder()).resolve()
    assert start != program and program not in start.parents
    assert start != SHIPPED_SAMPLE.resolve().parent
    # An older setting that points into the program is not used either.
    settings.set_value("files/last_dir", str(SHIPPED_SAMPLE.parent))
    assert Path(window.open_start_folder()).resolve() != SHIPPED_SAMPLE.resolve().parent
    # The user's own folder is.
    open_article(article_path)
    assert window.open_start_folder() == str(article_path.parent.resolve())


def test_presentation_fits_a_1920_pixel_screen(window, open_article):
    """The legend's meanings at presentation size must not widen the window past the
    screen (which would push the sources panel off it)."""
    open_article(SHIPPED_SAMPLE)
    window.actions["presentation"].trigger()
    assert window.legend.minimumSizeHint().width() <= 1920
    assert window.minimumSizeHint().width() <= 1920
    assert "\n" in window.legend.buttons["quote"].text()  # the meaning, on its own line


def test_presentation_survives_opening_another_article(qtbot, window, article_path,
                                                       open_article):
    open_article(article_path)
    window.actions["presentation"].trigger()
    window.presentation.step(True)
    assert window.view.current_spans
    # Another article while presenting: nothing of the old one is outlined or stepped to.
    with qtbot.waitSignal(window.runner.finished, timeout=30_000):
        with qtbot.waitSignal(window.loader.loaded, timeout=10_000):  # read in the background
            window.open_path(str(SHIPPED_SAMPLE))
        assert window.view.current_spans == []
        window.presentation.step(True)  # while it is analysed: nothing to step to yet
    qtbot.waitUntil(lambda: window.index is not None, timeout=30_000)
    window.presentation.step(True)
    assert window.presentation.position == 0
    assert window.caption_bar.isVisible()
    window.actions["presentation"].trigger()


def test_caption_kind_titles_take_the_palette_s_colours(window, article_path, open_article):
    """In the colour-blind palette quotes are blue and paraphrases orange: the caption's
    "Paraphrase" is orange there (it was the dark palette's blue, the colour of that
    palette's quotes), and as before in the others."""
    from reader.ui.palette import kind_colours

    open_article(article_path)
    for choice in ("colourblind", "light"):
        window.set_palette_choice(choice)
        window.actions["presentation"].trigger()
        steps = window.presentation.steps
        window.presentation.go_to(next(i for i, s in enumerate(steps)
                                       if [x.kind for x in s] == ["paraphrase"]))
        head = window.caption_bar.head.text()
        if choice == "colourblind":
            orange = kind_colours("paraphrase", "colourblind", True).fill
            assert f"color:{orange}" in head
            assert kind_colours("paraphrase", "dark", True).line not in head
        else:
            assert f"color:{kind_colours('paraphrase', 'dark', True).line}" in head
        window.actions["presentation"].trigger()
