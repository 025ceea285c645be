"""Read members of a ZIP container (EPUB, DOCX) without trusting its headers.

A zip bomb declares small sizes or packs gigabytes into kilobytes. Before anything is
decompressed, the declared sizes, their total and the compression ratio are checked;
then each member is read with a hard cap, so a header that lies cannot make us read more.
"""

from __future__ import annotations

import io
import zipfile

from reader.document.errors import file_error

MAX_MEMBER_BYTES = 64_000_000
MAX_TOTAL_BYTES = 256_000_000
MAX_MEMBERS = 10_000
# Text compresses well, but not a thousandfold; small members are exempt.
MAX_RATIO = 200
_RATIO_FLOOR = 1_000_000


def open_zip(data: bytes, path: str | None, what: str) -> zipfile.ZipFile:
    """The archive in `data`, checked; `what` names the format in error messages."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise file_error(path, f"is damaged or incomplete, so it cannot be read as {what}.") \
            from None
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise _bomb(path)
    if sum(info.file_size for info in members) > MAX_TOTAL_BYTES:
        raise _bomb(path)
    for info in members:
        if info.file_size > MAX_MEMBER_BYTES or (
                info.file_size > _RATIO_FLOOR
                and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
            raise _bomb(path)
    return archive


def read_member(archive: zipfile.ZipFile, name: str, path: str | None, what: str,
                limit: int = MAX_MEMBER_BYTES) -> bytes:
    """The bytes of one member, never more than `limit`; ArticleError if missing or broken."""
    try:
        with archive.open(name) as member:
            data = member.read(limit + 1)
    except KeyError:
        raise file_error(path, f"is not a complete {what}: “{name}” is missing.") from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        raise file_error(path, f"is damaged, so it cannot be read as {what}.") from None
    if len(data) > limit:
        raise _bomb(path)
    return data


def _bomb(path: str | None):
    return file_error(path, "unpacks to far more data than an article could hold, so it was "
                            "not opened.")
