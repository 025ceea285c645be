"""Bad paths and hostile files give one clear ArticleError, never a hang or traceback."""

import os
import re
import stat
import sys
import threading

import pytest

from reader.document import ArticleError, load_article

ARTICLE = "Title\n\nA short paragraph about the harbour ferry.\n"


def expect_error(path, pattern, **kwargs):
    with pytest.raises(ArticleError) as caught:
        load_article(path, **kwargs)
    message = str(caught.value)
    assert os.path.basename(str(path)) in message
    assert "Traceback" not in message and "\n" not in message
    assert caught.value.path == str(path)
    assert re.search(pattern, message), message
    return message


def test_missing_file(tmp_path):
    expect_error(tmp_path / "gone.txt", "does not exist")


def test_directory_is_refused(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    expect_error(folder, "is a folder")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX only")
def test_named_pipe_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome = {}

    def attempt():
        try:
            load_article(fifo)
        except ArticleError as error:
            outcome["error"] = str(error)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():
        # Release the blocked open so the test run can finish, then fail.
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("load_article blocked on a named pipe")
    assert "named pipe" in outcome["error"]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_device_is_refused():
    expect_error("/dev/zero", "is a device")


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="root can read any file")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE)
    path.chmod(0)
    try:
        expect_error(path, "permission denied")
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    expect_error(path, "is empty")


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n\t \r\n")
    expect_error(path, "only whitespace")


def test_text_size_limit_names_the_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 400_000)
    message = expect_error(path, r"larger than the 1 MB limit", max_chars=1_000_000)
    assert "article text" in message
    assert load_article(path).text.startswith("word")


def test_default_limit_is_ten_mb(tmp_path):
    from reader.document import DEFAULT_MAX_CHARS
    assert DEFAULT_MAX_CHARS == 10_000_000
    path = tmp_path / "huge.txt"
    path.write_text("x" * (DEFAULT_MAX_CHARS + 1))
    expect_error(path, r"larger than the 10 MB limit for article text")


def test_file_size_cap_before_reading(tmp_path, monkeypatch):
    from reader.document import loader
    path = tmp_path / "huge.txt"
    path.write_text(ARTICLE)
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 10)
    expect_error(path, r"is 50 bytes, larger than the 10 bytes limit for a saved article file",
                 max_chars=2)


def test_file_is_never_written(tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE)
    before = path.stat()
    load_article(path)
    after = path.stat()
    assert (before.st_mtime_ns, before.st_size) == (after.st_mtime_ns, after.st_size)


def test_unknown_archive_is_refused(tmp_path):
    import zipfile
    path = tmp_path / "bundle.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", ARTICLE)
    expect_error(path, "ZIP archive")


def test_permission_denied_on_open(tmp_path, monkeypatch):
    from reader.document import loader
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(loader.os, "open", refuse)
    expect_error(path, "cannot be read: permission denied")
