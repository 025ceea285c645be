"""Progress bars on stderr for long command-line runs (tqdm), one helper for every command.

A bar is drawn only where someone watches: by default only when stderr is a terminal, so
redirected output and logs stay clean; `enabled=True` forces it (a `--progress` flag).
"""

from __future__ import annotations

import sys


def progress_bar(total: int, *, description: str, unit: str = "it",
                 enabled: bool | None = None, scale: bool = False, leave: bool = True):
    """A tqdm bar on stderr over `total` units; update it with `.update(n)`, close it
    with `.close()` or a `with` block. Disabled (a no-op) when nobody would see it.
    `scale`: counts shown as 1.2M (for characters); `leave`: the last state stays shown."""
    from tqdm import tqdm

    return tqdm(total=total, desc=description, unit=unit, unit_scale=scale, file=sys.stderr,
                disable=None if enabled is None else not enabled, leave=leave,
                dynamic_ncols=True, mininterval=0.5, smoothing=0.1)
