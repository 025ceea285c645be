"""Run `load_article` on a hostile file in a child process, under a time and memory bound.

A hang or a runaway allocation in the loader must fail the test, not freeze the suite:
the child runs with an address-space limit (where the platform has one) and is killed
after `seconds`. It reports what happened as one JSON line, with its peak memory.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

_CHILD = r"""
import json, sys
try:
    import resource
    limit = int(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
except (ImportError, ValueError, OSError):
    resource = None
from reader.document import ArticleError, load_article
try:
    article = load_article(sys.argv[1])
    result = {"text": article.text, "blocks": [b.kind for b in article.blocks]}
except ArticleError as error:
    result = {"error": str(error)}
try:  # this process's own peak (ru_maxrss may count the parent's before exec)
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
    result["peak_mb"] = peak // 1024
except (OSError, StopIteration, ValueError):
    if resource is not None:  # kilobytes on Linux, bytes on macOS
        unit = 1024 * 1024 if sys.platform == "darwin" else 1024
        result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // unit
print(json.dumps(result))
"""


def load_bounded(path, *, seconds: float = 30, memory_mb: int = 2048) -> dict:
    """{"text", "blocks"} or {"error"}, plus "peak_mb"; fails the test on a hang or crash."""
    try:
        done = subprocess.run([sys.executable, "-c", _CHILD, str(path),
                               str(memory_mb * 1024 * 1024)],
                              capture_output=True, text=True, timeout=seconds)
    except subprocess.TimeoutExpired:
        pytest.fail(f"loading {path.name} did not finish within {seconds} s")
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])
