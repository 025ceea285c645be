"""View > Language Model lists the installed pipelines; a choice is kept and used."""

import reader.provenance.pipelines as pipelines


def test_model_menu_lists_installed_pipelines(qtbot, window, monkeypatch):
    monkeypatch.setattr(pipelines, "installed_pipelines",
                        lambda: [pipelines.DEFAULT_MODEL, "en_core_web_md"])
    window.menu.fill_model_menu()
    names = [a.text() for a in window.menu.model_menu.actions()]
    assert names == [pipelines.DEFAULT_MODEL, "en_core_web_md"]
    checked = [a.text() for a in window.menu.model_menu.actions() if a.isChecked()]
    assert checked == [pipelines.DEFAULT_MODEL]


def test_choosing_a_model_is_remembered_and_reanalyses(qtbot, window, open_article,
                                                       article_path):
    open_article(article_path)
    with qtbot.waitSignal(window.runner.failed, timeout=30_000):
        window.set_model("no_such_pipeline_xyz")
    assert window.settings.value("analysis/model") == "no_such_pipeline_xyz"
    assert window.runner.holder.model_name == "no_such_pipeline_xyz"
    assert "no_such_pipeline_xyz" in window.status_label.text() or \
        "model" in window.status_label.text().lower()


def test_status_bar_says_when_the_learned_tagger_is_missing(qtbot, settings, article_path,
                                                            monkeypatch, tmp_path):
    import reader.provenance.tagger as tagger
    from reader.provenance import Analyzer
    from reader.ui.analysis_worker import AnalyzerHolder
    from reader.ui.main_window import MainWindow

    monkeypatch.setattr(tagger, "bundled_weights", lambda: tmp_path / "missing.bin")
    rules_alone = Analyzer()
    rules_alone.load()
    win = MainWindow(AnalyzerHolder(analyzer=rules_alone), settings)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.runner.finished, timeout=60_000):
        assert win.open_path(str(article_path))
    qtbot.waitUntil(lambda: win.index is not None, timeout=60_000)
    assert pipelines.LEARNED_MISSING_NOTICE in win.status_label.text()
    assert win.corrections.analysis.claims  # the rules still ran
    win.runner.cancel()
    win.runner.wait(30_000)


def test_status_bar_is_silent_about_the_tagger_when_it_loads(qtbot, window, open_article,
                                                             article_path):
    open_article(article_path)
    assert pipelines.LEARNED_MISSING_NOTICE not in window.status_label.text()
