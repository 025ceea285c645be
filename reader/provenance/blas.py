"""Matrix products for the learned tagger's inference: numpy's BLAS, on one thread.

thinc's NumpyOps multiplies with the BLIS it bundles. On the project's test machine (an
AMD EPYC, Zen 4) that BLIS took 6.1 ms of CPU for one product of the tagger's shape
(1,200 tokens × 288 by 288 × 288), numpy's OpenBLAS 2.1 ms on one thread; the tagger spends
most of its time in such products. On all threads OpenBLAS spent 7.9 ms of CPU for the
same product on the shared 2-core machine, so the products run on one thread.

`numpy_ops(model)` gives a model thinc's own NumpyOps without BLIS (`use_blis=False`, whose
products are numpy.dot). `one_blas_thread()` is the context the tagger predicts in; the
framing tagger's matrix-vector product runs in it too (on two threads numpy's BLAS took 7
times the CPU of one thread for it). spaCy's own components keep their BLIS: their parses
are not changed by this. Products on one thread or on two give the same numbers; numpy's
and BLIS's differ in the last bits (below 1e-6 in the tagger's probabilities), which
changed no label on the PolNeAR dev texts (tests/provenance/test_blas.py checks a text).
"""

from __future__ import annotations

import contextlib
from functools import cache

from thinc.api import Model, NumpyOps


def numpy_ops(model: Model) -> None:
    """Every layer of `model` computes with NumpyOps(use_blis=False) from now on."""
    ops = NumpyOps(use_blis=False)
    for node in model.walk():
        node.ops = ops
    _controller()  # finds the BLAS libraries now (tens of ms), not in the first analysis


@cache
def _controller():
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # a dependency; without it numpy's BLAS keeps its own threads
        return None
    return ThreadpoolController()


def one_blas_thread() -> contextlib.AbstractContextManager:
    """numpy's BLAS limited to one thread inside the block (restored after it)."""
    controller = _controller()
    if controller is None:
        return contextlib.nullcontext()
    return controller.limit(limits=1, user_api="blas")
