"""File › Compare With… and File › Open Folder… in the main window, and the command line's
`--compare A B` and FOLDER (the real model)."""

from PySide6.QtWidgets import QFileDialog

from reader.resources_path import comparison_sample, sample_article


def _close_all():
    from reader.ui import windows

    for window in windows.open_windows():
        for pane in getattr(window, "panes", {}).values():
            pane.runner.cancel()
            pane.runner.wait(30_000)
        if hasattr(window, "cancel"):
            window.cancel()
            window.wait(30_000)
        window.close()


def test_compare_with_opens_the_current_article_beside_another(window, open_article, qtbot,
                                                                monkeypatch):
    from reader.ui import windows

    open_article(sample_article())
    assert window.actions["compare_with"].isEnabled()
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(comparison_sample()), ""))
    window.actions["compare_with"].trigger()
    compare = next(w for w in windows.open_windows() if hasattr(w, "panes"))
    try:
        qtbot.waitUntil(lambda: compare.comparison is not None, timeout=60_000)
        assert compare.panes["a"].path == str(sample_article())
        assert "Daniel Ortiz" in compare.strip.sources.rows("shared")
        # View › Palette in the main window reaches the open Compare window too.
        window.set_palette_choice("dark")
        assert compare.palette_name == "dark"
        assert all(p.view.palette_name == "dark" for p in compare.panes.values())
        compare.enter_presentation()  # presenting: kept, and returned to afterwards
        window.set_palette_choice("colourblind")
        assert compare.palette_name != "colourblind"
        compare.leave_presentation()
        assert compare.palette_name == "colourblind"
    finally:
        _close_all()


def test_open_folder_lists_it_in_a_library(window, qtbot, monkeypatch, tmp_path):
    from reader.ui import windows

    (tmp_path / "one.txt").write_text("Title\n\n“Yes,” said Ann Lee.\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    window.actions["open_folder"].trigger()
    library = next(w for w in windows.open_windows() if hasattr(w, "model"))
    try:
        qtbot.waitUntil(lambda: not library.running, timeout=60_000)
        assert [p.name for p in library.model.paths] == ["one.txt"]
        assert library.model.rows[0].figures.words == 5
        from PySide6.QtCore import Qt

        from reader.ui.collection_model import KEYS

        def bar():
            item = library.model.item(0, KEYS.index("who_speaks"))
            return item.data(Qt.ItemDataRole.DecorationRole).toImage()

        light = bar()
        window.set_palette_choice("dark")  # the who-speaks bars follow View › Palette
        assert library.model.palette_name == "dark" and library.key.palette_name == "dark"
        assert bar() != light
        # Double-click opens the article in a main window of its own.
        library.table.doubleClicked.emit(library.proxy.index(0, 0))
        opened = [w for w in windows.open_windows() if hasattr(w, "open_path")]
        assert opened
        qtbot.waitUntil(lambda: opened[0].article is not None, timeout=10_000)  # read aside
        assert opened[0].article.path == str(tmp_path / "one.txt")
        opened[0].runner.cancel()
        opened[0].runner.wait(30_000)
    finally:
        _close_all()


def test_command_line_parses_compare_and_folder(monkeypatch, tmp_path):
    import reader.cli as cli

    calls = []
    monkeypatch.setattr("reader.ui.app.run_gui",
                        lambda paths, **kw: calls.append((paths, kw)) or 0)
    assert cli.main(["--compare", "a.txt", "b.txt"]) == 0
    assert calls[-1][1]["compare"] == ["a.txt", "b.txt"]
    assert cli.main([str(tmp_path)]) == 0
    assert calls[-1][0] == [str(tmp_path)] and calls[-1][1]["compare"] is None
