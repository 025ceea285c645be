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
