"""Work around a PySide6 6.12 defect on Python 3.11.

PySide6 6.12.0's generated wrappers return None from every void method (setPosition,
setText, setFontWeight, …) without taking a reference to it. On Python 3.12 and later
None is immortal and nothing happens; on 3.11 each such call lowers None's reference
count by one, and after a few thousand calls the interpreter aborts with "Fatal Python
error: none_dealloc". Highlighting a long article makes tens of thousands of such calls.

Until the dependency is pinned to a fixed PySide6 or Python >= 3.12 is required, we give
None a reference count so large that no session can wear it down, which is what 3.12 does.
"""

from __future__ import annotations

import sys

# About 10^12 leaked references: centuries of clicking.
_RESERVE = 1 << 40


def keep_none_alive() -> None:
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    import ctypes

    # ob_refcnt is the first field of every CPython object (Py_ssize_t).
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < _RESERVE:
        refcount.value += _RESERVE
