"""The window with the disk cache (reopening needs no model) and with a long document
(analysed in chunks, highlights added as they come, a slice per event-loop turn)."""

import pytest

from reader.document.model import Article
from reader.provenance.model import Analysis, VoiceSpan
from reader.ui.analysis_worker import STAGE_MODEL, AnalyzerHolder
from reader.ui.article_view import HIGHLIGHT_SLICE, ArticleView


def _highlighted(view) -> list[tuple[int, int]]:
    """(start, end) in article offsets of every extra selection of the view."""
    out = []
    for selection in view.extraSelections():
        cursor = selection.cursor
        out.append((view.positions.from_qt(cursor.selectionStart()),
                    view.positions.from_qt(cursor.selectionEnd())))
    return sorted(out)


def _settled(window) -> bool:
    return (window.index is not None and not window.view.highlighting
            and not window.panel.building and not window._panel_stale)


def _new_window(qtbot, settings, holder):
    from reader.ui.main_window import MainWindow

    win = MainWindow(holder, settings)
    qtbot.addWidget(win)
    win.show()
    return win


def test_reopening_in_a_fresh_window_needs_no_model(qtbot, settings, article_path, tmp_path):
    first = _new_window(qtbot, settings, AnalyzerHolder())
    with qtbot.waitSignal(first.runner.finished, timeout=60_000):
        assert first.open_path(str(article_path))
    qtbot.waitUntil(lambda: first.index is not None, timeout=10_000)
    assert first.runner.holder.loaded  # the first time, the model ran (and filled the cache)
    expected = sorted((s.start, s.end, s.kind) for s in first.index.spans)
    assert expected
    first.runner.wait(10_000)

    holder = AnalyzerHolder()
    again = _new_window(qtbot, settings, holder)
    stages = []
    again.runner.stage.connect(stages.append)
    with qtbot.waitSignal(again.runner.finished, timeout=30_000):
        assert again.open_path(str(article_path))
    qtbot.waitUntil(lambda: again.index is not None, timeout=10_000)
    assert sorted((s.start, s.end, s.kind) for s in again.index.spans) == expected
    assert holder._analyzer is not None and holder._analyzer.loaded is False
    assert not holder.loaded and not holder.reduced  # asking does not load it either
    assert STAGE_MODEL not in stages
    assert len(_highlighted(again.view)) == len(expected)
    again.runner.wait(10_000)


def test_holder_cached_creates_the_analyzer_without_loading_it():
    holder = AnalyzerHolder()
    assert holder.cached(Article(text="Nothing analysed yet.")) is None
    assert holder._analyzer is not None and not holder._analyzer.loaded
    assert not holder.loaded and not holder.reduced


def test_a_fake_analyzer_without_cache_or_steps_still_works(qtbot):
    from reader.ui.analysis_worker import AnalysisRunner

    class Plain:
        def analyze(self, article):
            return Analysis(model=article.text)

    runner = AnalysisRunner(AnalyzerHolder(analyzer=Plain()))
    progress = []
    runner.progress.connect(lambda *args: progress.append(args))
    with qtbot.waitSignal(runner.finished, timeout=5000) as blocker:
        runner.start(Article(text="short"))
    assert blocker.args[0].model == "short" and progress == []


@pytest.fixture
def long_path(tmp_path):
    from reader.bench import invented_text

    text = invented_text(16_000, seed=5)
    assert len(text) > 60_000  # past the analyser's chunking threshold
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_long_document_highlights_arrive_in_chunks(qtbot, window, analyzer, long_path):
    from reader.document import load_article
    from reader.ui.main_window import PROGRESS_STEPS

    progress, shown_meanwhile, maxima = [], [], []

    def on_progress(done, total, part):
        progress.append((done, total, len(part.spans)))
        shown_meanwhile.append(len(window.view.extraSelections()))
        maxima.append(window.progress.maximum())

    window.runner.progress.connect(on_progress)
    with qtbot.waitSignal(window.runner.finished, timeout=120_000):
        assert window.open_path(str(long_path))
    qtbot.waitUntil(lambda: _settled(window), timeout=30_000)

    assert len(progress) > 1
    dones = [d for d, _, _ in progress]
    assert dones == sorted(dones) and all(t == len(window.article.text) for _, t, _ in progress)
    assert set(maxima) == {PROGRESS_STEPS}  # determinate while chunks come in
    assert max(shown_meanwhile) > 0  # earlier chunks were coloured before the end

    whole = analyzer.analyze(load_article(str(long_path)))
    assert len(whole.spans) > HIGHLIGHT_SLICE
    assert _highlighted(window.view) == sorted((s.start, s.end) for s in whole.spans)
    assert sorted((s.start, s.end, s.kind) for s in window.index.spans) == \
        sorted((s.start, s.end, s.kind) for s in whole.spans)
    # The panel was filled after the highlights, completely.
    assert window.panel.item("group", "framing") is not None
    assert all(window.panel.item("claim", c.id) is not None
               for c in whole.claims if c.content and c.source)


def _spans(n: int, text: str) -> list:
    return [VoiceSpan(f"s{i + 1}", "quote", i * 10, i * 10 + 5) for i in range(n)
            if i * 10 + 5 <= len(text)]


def test_view_adds_spans_in_slices_and_a_new_document_cancels_them(qtbot):
    text = "word " * 2000 * 2
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_article(Article(text=text))
    spans = _spans(3 * HIGHLIGHT_SLICE + 10, text)
    view.add_spans(spans[:HIGHLIGHT_SLICE * 2])
    assert view.extraSelections() == [] and view.highlighting  # nothing in this turn
    view.add_spans(spans[HIGHLIGHT_SLICE * 2:])
    counts = []
    view.highlightsDone.connect(lambda: counts.append(len(view.extraSelections())))
    qtbot.waitUntil(lambda: not view.highlighting, timeout=5000)
    assert counts == [len(spans)]
    assert _highlighted(view) == [(s.start, s.end) for s in spans]

    view.add_spans([VoiceSpan("x", "framing", 3, 7)])
    view.set_article(Article(text="Another text."))  # drops what was still to come
    qtbot.wait(50)
    assert view.extraSelections() == [] and not view.highlighting


def test_view_final_analysis_in_slices_reuses_what_is_shown(qtbot):
    from reader.ui.analysis_index import AnalysisIndex

    text = "word " * 4000
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_article(Article(text=text))
    spans = _spans(2 * HIGHLIGHT_SLICE + 50, text)
    index = AnalysisIndex(text, Analysis(spans=spans))
    view.set_analysis(index)  # many new selections: sliced
    assert view.highlighting
    assert len(view.extraSelections()) < len(spans)
    qtbot.waitUntil(lambda: not view.highlighting, timeout=5000)
    assert len(view.extraSelections()) == len(spans)
    built = dict(view._built)
    view.set_analysis(AnalysisIndex(text, Analysis(spans=list(spans))))  # same spans again
    assert not view.highlighting and len(view.extraSelections()) == len(spans)
    assert len(view._built) == len(built)  # nothing rebuilt
    assert all(view._built[k] is v for k, v in built.items())
    view.set_visible_kinds({"paraphrase"})  # toggling stays immediate
    assert view.extraSelections() == []


def test_cancel_during_a_long_analysis_drops_the_partial_colours(qtbot, window, long_path):
    with qtbot.waitSignal(window.runner.progress, timeout=120_000):
        assert window.open_path(str(long_path))
    qtbot.waitUntil(lambda: len(window.view.extraSelections()) > 0, timeout=10_000)
    window.cancel_analysis()
    assert window.view.extraSelections() == [] and window.index is None
    assert window.runner.wait(60_000)
    qtbot.wait(50)
    assert window.view.extraSelections() == [] and window.index is None
