"""Read members of a ZIP container (EPUB, DOCX) without trusting its headers.

A zip bomb declares small sizes or packs gigabytes into kilobytes. Before anything is
decompressed, the member count, the declared sizes, their total and the compression ratio
are checked; then each member is inflated in small chunks with a hard cap on its own size
and on the total actually read, so a header that lies cannot make us inflate more (zipfile
itself would inflate up to 2 GiB in one call before cutting to the declared size).
"""

from __future__ import annotations

import io
import zipfile

from reader.document.errors import file_error

MAX_MEMBER_BYTES = 64_000_000
MAX_TOTAL_BYTES = 256_000_000
# An EPUB of a long book has a few hundred members, a DOCX a few dozen.
MAX_MEMBERS = 2_000
# Text compresses well, but not a thousandfold; small members are exempt.
MAX_RATIO = 200
_RATIO_FLOOR = 1_000_000
CHUNK_BYTES = 1 << 20


class SafeZip:
    """A checked archive plus the running total of bytes inflated from it."""

    def __init__(self, archive: zipfile.ZipFile, path: str | None, what: str):
        self.archive = archive
        self.path = path
        self.what = what
        self.inflated = 0

    def namelist(self) -> list[str]:
        return self.archive.namelist()

    def read(self, name: str, limit: int = MAX_MEMBER_BYTES) -> bytes:
        """The bytes of one member, inflated chunk by chunk; never more than `limit`, nor
        than its declared size, nor past the archive's total budget."""
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            raise file_error(self.path, f"is not a complete {self.what}: “{name}” is missing.") \
                from None
        limit = min(limit, MAX_TOTAL_BYTES - self.inflated)
        chunks, size = [], 0
        try:
            with self.archive.open(info) as member:
                while chunk := member.read(min(CHUNK_BYTES, limit + 1 - size)):
                    chunks.append(chunk)
                    size += len(chunk)
                    if size > limit:
                        raise _bomb(self.path)
                    if size > info.file_size:  # more than the header declared: it lies
                        raise _damaged(self.path, self.what)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError,
                RuntimeError):
            raise _damaged(self.path, self.what) from None
        self.inflated += size
        return b"".join(chunks)

    def close(self) -> None:
        self.archive.close()


def open_zip(data: bytes, path: str | None, what: str) -> SafeZip:
    """The archive in `data`, checked; `what` names the format in error messages."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise file_error(path, f"is damaged or incomplete, so it cannot be read as {what}.") \
            from None
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise file_error(path, f"holds more than {MAX_MEMBERS:,} files, more than "
                               f"Provenance Reader opens in {what}.")
    if sum(info.file_size for info in members) > MAX_TOTAL_BYTES:
        raise _bomb(path)
    for info in members:
        if info.file_size > MAX_MEMBER_BYTES or (
                info.file_size > _RATIO_FLOOR
                and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
            raise _bomb(path)
    return SafeZip(archive, path, what)


def checked_copy(archive: SafeZip) -> bytes:
    """The archive rebuilt, uncompressed, from members read under the caps: a library that
    reads members whole (python-docx) can then inflate nothing the checks did not see."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
        for info in archive.archive.infolist():
            if not info.is_dir():
                copy.writestr(info.filename, archive.read(info.filename))
    return out.getvalue()


def _damaged(path: str | None, what: str):
    return file_error(path, f"is damaged, so it cannot be read as {what}.")


def _bomb(path: str | None):
    return file_error(path, "unpacks to far more data than an article could hold, so it was "
                            "not opened.")
