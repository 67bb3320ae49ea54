"""Drop-downs of names and titles, as wide as a usual one.

A combo box is as wide as its longest item by default: one client called "Ibu Kadek Ayu
Saraswati Dewi Kusumawardhani Putri Wulandari" made every form that picks a client wider than a
laptop's half screen. Here the box is as wide as *characters* average characters, a longer item
is cut to it, and the open list is as wide as its longest item (Qt widens the popup).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QSizePolicy


def narrow_combo(characters: int = 20) -> QComboBox:
    """A combo box of names or titles, *characters* wide at the least, growing with its row."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return combo
