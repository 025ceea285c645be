"""Bytes -> str for text-like files, and the check that refuses binary data.

Order matters: a BOM is the writer's explicit statement; valid UTF-8 is almost never an
accident; a charset declared inside the file (HTML <meta>) comes next; then text that is
*almost* UTF-8 stays UTF-8 (see `mostly_utf8`); charset-normalizer guesses last. The
guess is biased to Windows-1252 among Western single-byte encodings, because that is what
old English-language news pages and Notepad files use and charset-normalizer otherwise
often answers cp1250, which turns "ï" into "ď".
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from reader.document.errors import file_error

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts with FF FE too
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WESTERN = {"cp1250", "cp1252", "latin_1", "iso8859_15", "iso8859_2", "mac_roman",
            "cp1257", "iso8859_4", "iso8859_13", "cp850", "cp437"}
# C0 controls other than tab, newline, carriage return and form feed never occur in text.
_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_text(data: bytes, path: str | None = None, declared: str | None = None) -> str:
    """The text of `data`, with any BOM removed; ArticleError if it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_strict(data, encoding, path), path)
    if b"\x00" in data:
        raise _binary(path)
    try:
        return _checked(data.decode("utf-8"), path)
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return _checked(data.decode(declared), path)
        except (LookupError, UnicodeDecodeError):
            pass
    if mostly_utf8(data):
        return _checked(data.decode("utf-8", "replace"), path)
    return _checked(_guess(data, path), path)


def mostly_utf8(data: bytes) -> bool:
    """Whether bytes that are not valid UTF-8 are still UTF-8 with a few damaged bytes.

    The rule: the well-formed multi-byte UTF-8 sequences outnumber the bytes that are not
    UTF-8. A legacy single-byte text (cp1252 quotes, Latin-1 accents) makes almost no valid
    multi-byte sequence, because a lead byte must be followed by exactly the right number
    of continuation bytes; a UTF-8 article cut or patched in a few places keeps all of its
    curly quotes and dashes. Damaged bytes then become U+FFFD, visible, instead of every
    quote in the article turning into mojibake under a wrong legacy codec.
    """
    text = data.decode("utf-8", "replace")
    damaged = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    well_formed = len(_NON_ASCII.findall(text))
    return well_formed > damaged


def _strict(data: bytes, encoding: str, path: str | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise _binary(path) from None


def _guess(data: bytes, path: str | None) -> str:
    best = from_bytes(data).best()
    if best is None:
        raise _binary(path)
    if best.encoding in _WESTERN:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def _checked(text: str, path: str | None) -> str:
    controls = len(_CONTROL.findall(text, 0, 100_000))
    if controls > max(2, len(text[:100_000]) // 1000):
        raise _binary(path)
    return text


def _binary(path: str | None):
    return file_error(path, "does not contain readable text (it looks like binary data).")
