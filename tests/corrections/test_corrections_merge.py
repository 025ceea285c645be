"""Two windows or processes saving corrections for the same article: every correction
kept, removals honoured, leftovers of interrupted saves cleaned."""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from reader.corrections import AddSpan, CorrectionStore

TEXT = " ".join(f"word{n}" for n in range(400)) + "\n"


def add(n: int) -> AddSpan:
    start = TEXT.index(f"word{n} ")
    return AddSpan.of(TEXT, start, start + len(f"word{n}"), "framing")


def saved_words(root: Path) -> list[str]:
    return [c.span.text for c in CorrectionStore(root).load(TEXT).corrections]


_WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from reader.corrections import AddSpan, CorrectionStore
    root, first, go = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    text = " ".join(f"word{n}" for n in range(400)) + "\\n"
    store = CorrectionStore(root)
    mine = list(store.load(text).corrections)
    while not go.exists():
        time.sleep(0.005)
    for n in range(first, first + 40):
        start = text.index(f"word{n} ")
        mine.append(AddSpan.of(text, start, start + len(f"word{n}"), "framing"))
        store.save(text, mine)
""")


def test_two_processes_saving_40_corrections_each_keep_all_80(tmp_path):
    go = tmp_path / "go"
    writers = [subprocess.Popen([sys.executable, "-c", _WRITER, str(tmp_path / "c"),
                                 str(first), str(go)]) for first in (0, 100)]
    go.touch()
    for writer in writers:
        assert writer.wait(timeout=120) == 0
    words = saved_words(tmp_path / "c")
    assert sorted(words) == sorted([f"word{n}" for n in range(40)]
                                   + [f"word{n}" for n in range(100, 140)])
    assert not list((tmp_path / "c").glob(".*.tmp"))


def test_two_windows_interleaving_saves_lose_nothing(tmp_path):
    window_a, window_b = CorrectionStore(tmp_path), CorrectionStore(tmp_path)
    mine_a, mine_b = list(window_a.load(TEXT).corrections), list(window_b.load(TEXT).corrections)
    for n in range(40):
        mine_a.append(add(n))
        window_a.save(TEXT, mine_a)
        mine_b.append(add(100 + n))
        window_b.save(TEXT, mine_b)
    assert len(saved_words(tmp_path)) == 80


def test_a_removal_in_one_window_keeps_what_the_other_added(tmp_path):
    window_a, window_b = CorrectionStore(tmp_path), CorrectionStore(tmp_path)
    mine_a = [add(1), add(2)]
    window_a.save(TEXT, mine_a)
    mine_b = list(window_b.load(TEXT).corrections) + [add(3)]
    window_b.save(TEXT, mine_b)
    window_a.save(TEXT, mine_a[:1])  # window A undoes its second correction
    assert sorted(saved_words(tmp_path)) == ["word1", "word3"]
    window_b.save(TEXT, [c for c in mine_b if c.span.text != "word1"])  # B removes word1
    assert saved_words(tmp_path) == ["word3"]


def test_save_returns_what_the_file_now_holds(tmp_path):
    CorrectionStore(tmp_path).save(TEXT, [add(1)])
    merged = CorrectionStore(tmp_path).save(TEXT, [add(2)])
    assert [c.span.text for c in merged] == ["word1", "word2"]


def test_ids_survive_a_save_and_old_files_get_stable_ones(tmp_path):
    store = CorrectionStore(tmp_path)
    first = add(5)
    store.save(TEXT, [first])
    data = json.loads(store.path_for(TEXT).read_text(encoding="utf-8"))
    assert data["corrections"][0]["id"] == first.id
    for item in data["corrections"]:
        del item["id"]  # a file written before corrections had ids
    store.path_for(TEXT).write_text(json.dumps(data), encoding="utf-8")
    ids = [CorrectionStore(tmp_path).load(TEXT).corrections[0].id for _ in range(2)]
    assert ids[0] == ids[1] and ids[0] != first.id


def test_temporary_files_of_interrupted_saves_are_cleaned_at_start(tmp_path):
    CorrectionStore(tmp_path).save(TEXT, [add(1)])
    leftovers = [tmp_path / f".{n}.json.abc{n}.tmp" for n in range(26)]
    for leftover in leftovers:
        leftover.write_bytes(b"{" * 1000)
    assert saved_words(tmp_path) == ["word1"]  # a new app's first load
    assert not any(leftover.exists() for leftover in leftovers)
