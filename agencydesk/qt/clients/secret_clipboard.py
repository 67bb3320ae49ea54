"""A password on the clipboard: marked as a secret for clipboard managers and histories (KDE's
hint; on Windows, kept out of the clipboard history and the cloud clipboard), and cleared later
only if the clipboard still holds it (compared by digest: the password is not kept)."""

from __future__ import annotations

import hashlib
import hmac
import sys

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

# clipboard formats that ask clipboard managers and histories not to keep the text
KDE_SECRET_HINT = "x-kde-passwordManagerHint"
_WINDOWS_PRIVATE = {
    'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"': (
        b"\x01\x00\x00\x00"
    ),
    'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"': b"\x00\x00\x00\x00",
    'application/x-qt-windows-mime;value="CanUploadToCloudClipboard"': b"\x00\x00\x00\x00",
}


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def copy_secret(secret: str) -> bytes:
    """Put *secret* on the clipboard, marked as one; its digest, for `clear_if_still_there`."""
    data = QMimeData()
    data.setText(secret)
    data.setData(KDE_SECRET_HINT, b"secret")
    if sys.platform == "win32":
        for mime, value in _WINDOWS_PRIVATE.items():
            data.setData(mime, value)
    QGuiApplication.clipboard().setMimeData(data)
    return _digest(secret)


def clear_if_still_there(digest: bytes) -> bool:
    """Empty the clipboard if it still holds the secret of *digest*; whether it did."""
    clipboard = QGuiApplication.clipboard()
    if hmac.compare_digest(_digest(clipboard.text()), digest):
        clipboard.clear()
        return True
    return False
