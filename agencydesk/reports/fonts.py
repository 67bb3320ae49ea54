"""The fonts agencydesk ships, for the window and the PDF alike.

Noto Color Emoji (SIL Open Font License; resources/fonts/OFL.txt): clients write emoji, and the
timeline's icons are emoji. Without a colour emoji font on the system (a fresh Windows 7, a bare
Linux) they showed as empty boxes, in the window and the report. Registered with Qt, the font is
where Qt's font fallback looks when the system has none; a system emoji font stays first.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase

from agencydesk import paths

log = logging.getLogger(__name__)

EMOJI_FONT_FILE = "NotoColorEmoji.ttf"
_registered: list[str] = []


def use_bundled_fonts() -> list[str]:
    """Register the shipped fonts with Qt (once per process; a QGuiApplication must exist).
    Returns their family names (empty when the file is missing: the system's fonts then)."""
    if _registered:
        return list(_registered)
    path = paths.resources_dir() / "fonts" / EMOJI_FONT_FILE
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.warning("The emoji font %s could not be loaded; emoji may show as boxes", path)
        return []
    _registered.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(_registered)
