"""The referral tree with its tool bar (zoom out, zoom in, fit, save as PNG or SVG in the folder
used last time) and the colour legend of its generations."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QToolButton, QWidget

from agencydesk.core.referrals import Tree
from agencydesk.qt.common.dialog_layout import top_to_bottom
from agencydesk.qt.common.formatting import format_decimal

# scene units between neighbours, between subtrees and between generations
from agencydesk.qt.referrals.referral_tree_view import ReferralTreeView, generation_name
from agencydesk.qt.referrals.tree_drawing import EXPORT_FOLDER_KEY, MUTED_COLOUR
from agencydesk.qt.referrals.tree_export import export_png, export_svg
from agencydesk.reports.palette import generation_colour


def ask_save_path(parent: QWidget, title: str, suggested: str) -> tuple[str, str]:
    """The save dialog (path, chosen filter); one function, so a test can answer it."""
    return QFileDialog.getSaveFileName(
        parent,
        title,
        suggested,
        ";;".join(_export_filters()),
    )


def _export_filters() -> tuple[str, str]:
    return (
        QCoreApplication.translate("ReferralTreePanel", "PNG picture (*.png)"),
        QCoreApplication.translate("ReferralTreePanel", "SVG drawing, sharp at any size (*.svg)"),
    )


def _slug(text: str) -> str:
    slug = re.sub(r"[^\w]+", "-", text.casefold()).strip("-")
    return slug or "tree"


class ReferralTreePanel(QWidget):
    """The tree with its tool bar: zoom out, zoom in, fit, save as picture; and the legend."""

    saved = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = ReferralTreeView()
        self.title = ""
        self.zoom_out_button = self._button("−", self.tr("Zoom out (−)"), self.view.zoom_out)
        self.zoom_in_button = self._button(
            "+", self.tr("Zoom in (+ or Ctrl+wheel)"), self.view.zoom_in
        )
        self.fit_button = self._button(
            self.tr("Fit"), self.tr("Show the whole tree (0)"), self.view.fit
        )
        self.save_button = self._button(
            self.tr("Save picture…"), self.tr("Save the tree as a PNG or SVG picture"), self.save
        )
        self.zoom_label = QLabel()
        self.zoom_label.setStyleSheet(f"color: {MUTED_COLOUR};")
        self.zoom_label.setMinimumWidth(
            self.zoom_label.fontMetrics().horizontalAdvance("400 %") + 6
        )
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.hint = QLabel(self.tr("Click a client to open them. Drag to move around."))
        self.hint.setStyleSheet(f"color: {MUTED_COLOUR};")
        self.view.zoom_changed.connect(self._zoom_changed)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(4)
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            bar.addWidget(widget)
        bar.addWidget(self.zoom_label)
        bar.addSpacing(8)
        bar.addWidget(self.save_button)
        bar.addStretch(1)
        top_to_bottom(
            (bar, (self.view, 1), self.legend, self.hint), self, margins=(0, 6, 0, 0), spacing=4
        )
        self._set_enabled(False)

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _set_enabled(self, enabled: bool) -> None:
        for button in (
            self.zoom_out_button,
            self.zoom_in_button,
            self.fit_button,
            self.save_button,
        ):
            button.setEnabled(enabled)

    def _zoom_changed(self, scale: float) -> None:
        percent = scale * 100
        digits = 0 if percent >= 9.5 else 1
        shown = format_decimal(max(percent, 0.1), digits)
        self.zoom_label.setText(f"{shown}%")  # as every other percentage is written ("71%")

    def set_tree(
        self,
        tree: Tree | None,
        positions: dict[int, tuple[float, float]] | None = None,
        *,
        title: str = "",
        keep_view: bool = False,
    ) -> None:
        self.title = title
        self.view.set_tree(tree, positions, keep_view=keep_view)
        self._set_enabled(tree is not None)
        self.legend.setText(self._legend_html(tree))

    def _legend_html(self, tree: Tree | None) -> str:
        if tree is None:
            return ""
        depth = 1 + max(node.generation for node in tree.nodes.values())
        chips = []
        for generation in range(min(depth, 8)):
            if depth > 4 and generation >= 3:
                label = str(generation)
            else:
                label = generation_name(generation)
            chips.append(
                f'<span style="color:{generation_colour(generation)}; font-size:large">●</span>'
                f"&nbsp;{html.escape(label)}"
            )
        if depth > 8:
            chips.append("…")
        return " &nbsp; ".join(chips)

    # -- saving ------------------------------------------------------------------------------
    def save(self) -> None:
        """Ask where (the folder used last time), then write PNG or SVG as the name says."""
        if self.view.tree is None:
            return
        settings = QSettings()
        folder = str(settings.value(EXPORT_FOLDER_KEY, "") or "")
        if not folder or not Path(folder).is_dir():
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.PicturesLocation
            ) or str(Path.home())
        name = self.tr("referrals-{name}").format(name=_slug(self.title)) + ".png"
        chosen, chosen_filter = ask_save_path(
            self, self.tr("Save the referral tree"), str(Path(folder) / name)
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.casefold() not in (".png", ".svg"):
            svg = chosen_filter == _export_filters()[1]
            path = path.with_name(path.name + (".svg" if svg else ".png"))
        settings.setValue(EXPORT_FOLDER_KEY, str(path.parent))
        if path.suffix.casefold() == ".svg":
            ok = export_svg(self.view, path, self.title)
        else:
            ok = export_png(self.view, path)
        if ok:
            self.saved.emit(str(path))
        else:
            from agencydesk.qt.common.dialogs import show_user_error

            show_user_error(
                self,
                self.tr(
                    "The picture could not be written to {file}. Choose another folder."
                ).format(file=str(path)),
                self.tr("Could not save the picture"),
            )
