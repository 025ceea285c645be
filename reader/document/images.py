"""Images saved beside a page ("page_files/photo.jpg"), as absolute local paths.

Only files that exist inside the page's own folder count; remote, data: and
outside-the-folder references are ignored, so nothing is fetched and nothing
unrelated on the disk is pointed at.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

MAX_IMAGES = 200


def local_images(sources: Iterable[str], page_path: str | None) -> list[str]:
    if not page_path:
        return []
    folder = os.path.realpath(os.path.dirname(os.path.abspath(page_path)))
    found: list[str] = []
    for source in sources:
        parts = urlsplit(source.strip())
        if parts.scheme not in ("", "file") or parts.netloc or not parts.path:
            continue
        candidate = os.path.realpath(os.path.join(folder, unquote(parts.path)))
        if (candidate.startswith(folder + os.sep) and os.path.isfile(candidate)
                and candidate not in found):
            found.append(candidate)
            if len(found) >= MAX_IMAGES:
                break
    return found
