"""Shared reading of MIME messages (MHTML archives and .eml emails) with the email package."""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage
from urllib.parse import urlsplit


def parse_message(data: bytes) -> EmailMessage:
    return email.message_from_bytes(data, policy=email.policy.default)


def part_text(part: EmailMessage) -> str:
    """A text part's content as str; a wrong or unknown charset costs characters, not the
    whole article."""
    payload = part.get_payload(decode=True) or b""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, "replace")
    except LookupError:
        return payload.decode("utf-8", "replace")


def header_text(message: EmailMessage, name: str) -> str | None:
    value = message.get(name)
    if value is None:
        return None
    return str(value).strip() or None


def web_url(value: str | None) -> str | None:
    value = (value or "").strip()
    return value if urlsplit(value).scheme in ("http", "https") else None
