"""Bytes to text: UTF-8 first, then the encoding charset-normalizer detects; binary refused."""

from __future__ import annotations

import contextlib

import charset_normalizer

from newsgraph.errors import InputError

# Share of control characters (other than whitespace) above which text is treated as binary.
MAX_CONTROL_SHARE = 0.01


# Code pages that detection picks on short Western samples but news sites hardly use.
_RARE_FOR_NEWS = ("cp437", "cp7", "cp85", "cp86", "cp1006", "mac_")


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    # UTF-16 text (with its byte-order mark) holds NULs but is text.
    return b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff"))


def decode_bytes(data: bytes) -> str:
    """Decode ``data``; raises InputError (binary, undecodable) when it is not text."""
    if looks_binary(data):
        raise InputError("binary", "input is a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            raise InputError(
                "undecodable", "bytes are not valid text in any detected encoding"
            ) from None
        text = str(best)
        if best.encoding.startswith(_RARE_FOR_NEWS):
            # Detection on short samples often lands on a DOS or Mac code page; news text in
            # a legacy encoding is far more often Windows-1252.
            with contextlib.suppress(UnicodeDecodeError):
                text = data.decode("cp1252")
    control = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if text and control / min(len(text), 20000) > MAX_CONTROL_SHARE:
        raise InputError("binary", "input holds control characters: a binary file, not text")
    return text
