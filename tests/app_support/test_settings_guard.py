"""A settings file that does not parse is moved aside with a notice; a good one is left alone."""

from datetime import UTC, datetime

import pytest

from reader.app_support.settings_guard import guard_settings_file, problem_with

NOW = datetime(2026, 11, 26, 7, 30, 5, tzinfo=UTC)


def test_missing_file_is_fine(tmp_path):
    assert guard_settings_file(tmp_path / "settings.ini") is None


@pytest.mark.parametrize("content", [
    "",
    "[General]\nzoom=2\n",
    '[files]\nrecent="[\\"/home/a/article.html\\"]"\nlast_dir=/home/a\n',
])
def test_good_ini_is_left_alone(tmp_path, content):
    path = tmp_path / "settings.ini"
    path.write_text(content, encoding="utf-8")
    assert guard_settings_file(path, NOW) is None
    assert path.read_text(encoding="utf-8") == content


def test_a_file_written_by_the_app_settings_parses(tmp_path, qapp):
    from PySide6.QtCore import QByteArray

    from reader.ui.settings import Settings

    path = tmp_path / "settings.ini"
    settings = Settings(path)
    settings.set_value("window/geometry", QByteArray(bytes(range(256))))
    settings.set_value("files/recent", ["/tmp/a, b.html", "/tmp/ü;#=%.txt"])
    settings.set_value("files/positions", {"/tmp/a.txt": 12})
    settings.set_value("view/zoom", 3)
    settings.sync()
    assert path.stat().st_size > 0
    assert problem_with(path) is None


@pytest.mark.parametrize("content, reason", [
    (b"zoom=2\n", "cannot be parsed"),  # a key before any [section]
    (b"[General\nzoom=2\n", "cannot be parsed"),
    (b"\x00\x00\x00\x00", "binary data"),
    (b"[General]\nlast_dir=\xff\xfe\n", "not UTF-8"),
])
def test_corrupt_ini_is_moved_aside(tmp_path, content, reason):
    path = tmp_path / "settings.ini"
    path.write_bytes(content)
    notice = guard_settings_file(path, NOW)
    assert notice is not None and reason in notice
    assert not path.exists()
    kept = tmp_path / "settings.ini.corrupt-20261126T073005Z"
    assert kept.read_bytes() == content
    assert kept.name in notice and "default settings" in notice


def test_corrupt_json_is_moved_aside(tmp_path):
    path = tmp_path / "state.json"
    path.write_text('{"recent": [', encoding="utf-8")
    assert guard_settings_file(path, NOW) is not None
    assert (tmp_path / "state.json.corrupt-20261126T073005Z").exists()


def test_good_json_is_left_alone(tmp_path):
    path = tmp_path / "state.json"
    path.write_text('{"recent": []}', encoding="utf-8")
    assert guard_settings_file(path, NOW) is None


def test_an_earlier_copy_is_not_overwritten(tmp_path):
    path = tmp_path / "settings.ini"
    for content in (b"junk one", b"junk two"):
        path.write_bytes(content)
        assert guard_settings_file(path, NOW)
    kept = sorted(p.read_bytes() for p in tmp_path.glob("settings.ini.corrupt-*"))
    assert kept == [b"junk one", b"junk two"]


def test_a_file_that_cannot_be_moved_still_gives_a_notice(tmp_path, monkeypatch):
    from pathlib import Path

    path = tmp_path / "settings.ini"
    path.write_bytes(b"junk")

    def refuse(self, target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "rename", refuse)
    notice = guard_settings_file(path, NOW)
    assert "could not be moved aside" in notice
    assert path.exists()


def test_the_corrupt_settings_then_open_with_defaults(tmp_path, qapp):
    from reader.ui.settings import Settings

    path = tmp_path / "settings.ini"
    path.write_bytes(b"\x00garbage\x00")
    assert guard_settings_file(path, NOW)
    settings = Settings(path)
    assert settings.value("view/zoom") == 0
    settings.set_value("view/zoom", 2)
    settings.sync()
    assert "zoom=2" in path.read_text(encoding="utf-8")
