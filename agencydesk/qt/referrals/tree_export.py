"""Saving the referral tree as a picture: PNG (at life size, twice as sharp for print) or SVG
(sharp at any size), the whole tree without the selection and hover rings."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter

from agencydesk.qt.referrals.referral_tree_view import ReferralTreeView
from agencydesk.qt.referrals.tree_drawing import EXPORT_MAX_SIDE


def export_png(view: ReferralTreeView, path: Path) -> bool:
    """The whole tree at life size (smaller for a huge tree), twice as sharp for print."""
    source = view.export_source()
    if source is None:
        return False
    scale = min(1.0, EXPORT_MAX_SIDE / max(source.width(), source.height()))
    width, height = math.ceil(source.width() * scale), math.ceil(source.height() * scale)
    ratio = 2 if max(width, height) * 2 <= 16_000 else 1
    image = QImage(width * ratio, height * ratio, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    view.render_unmarked(painter, QRectF(0, 0, width, height), source)
    painter.end()
    return image.save(str(path), "PNG")


def export_svg(view: ReferralTreeView, path: Path, title: str = "") -> bool:
    from PySide6.QtSvg import QSvgGenerator

    source = view.export_source()
    if source is None:
        return False
    size = QSize(math.ceil(source.width()), math.ceil(source.height()))
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setResolution(96)  # as on screen: the labels keep their size next to the tree
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(title or QCoreApplication.translate("ReferralTreeView", "Referral tree"))
    generator.setDescription(
        QCoreApplication.translate("ReferralTreeView", "Who brought whom, made with agencydesk")
    )
    painter = QPainter()
    if not painter.begin(generator):
        return False
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    view.render_unmarked(painter, QRectF(0, 0, size.width(), size.height()), source)
    return painter.end()
