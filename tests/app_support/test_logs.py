"""The log file: in the platform's log folder, rotating, set up once however often called."""

import logging
from pathlib import Path

import pytest

from reader.app_support import logs


@pytest.fixture
def clean_root_logger():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    logging.captureWarnings(False)


def test_log_path_is_in_the_platform_log_folder(_private_user_dirs):
    path = logs.log_path()
    assert path.name == "provenance-reader.log"
    assert logs.LOG_DIR_NAME in path.parts
    # On Linux the log folder is under XDG_STATE_HOME, which conftest points at tmp_path.
    assert Path(str(_private_user_dirs)) in path.parents


def test_setup_logging_writes_to_the_file(clean_root_logger):
    path = logs.setup_logging()
    assert path == logs.log_path()
    logging.getLogger("reader.test").warning("a line for the log")
    for handler in clean_root_logger.handlers:
        handler.flush()
    assert "a line for the log" in path.read_text(encoding="utf-8")


def test_setup_logging_twice_adds_one_handler(clean_root_logger, tmp_path):
    before = len(clean_root_logger.handlers)
    logs.setup_logging(path=tmp_path / "a.log")
    logs.setup_logging(path=tmp_path / "b.log")
    assert len(clean_root_logger.handlers) == before + 1
    logging.getLogger("reader.test").error("only once")
    for handler in clean_root_logger.handlers:
        handler.flush()
    assert (tmp_path / "b.log").read_text(encoding="utf-8").count("only once") == 1


def test_log_file_rotates(clean_root_logger, tmp_path, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.setup_logging(path=tmp_path / "app.log")
    for number in range(200):
        logging.getLogger("reader.test").warning("line %d of the rotation test", number)
    assert (tmp_path / "app.log.1").exists()
    assert len(list(tmp_path.glob("app.log.*"))) <= logs.BACKUP_COUNT
    assert path.stat().st_size <= 2_000


def test_unwritable_log_folder_falls_back_to_stderr(clean_root_logger, tmp_path, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder should be")
    assert logs.setup_logging(path=blocker / "app.log") is None
    assert "cannot write the log file" in capsys.readouterr().err
