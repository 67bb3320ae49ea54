"""The Guides section: the library of patient how-to notes, one read at a time, sent from here.

Left: search and the list. Right: the chosen guide as it reads, who already received it, and the
buttons to edit, delete (asked first, undoable) and send it to a client. A guide chosen is read
in a worker, its pictures with it (`read_guide`, `detail_reading`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core.changes import Topic
from agencydesk.core.errors import UserError
from agencydesk.core.guides import images, library, sending
from agencydesk.core.guides.sending import SendOfGuide
from agencydesk.core.models import GuideLevel
from agencydesk.core.row_columns import snapshot
from agencydesk.qt.common.buttons import button_row, link_button, push_button
from agencydesk.qt.common.databus import follow_changes
from agencydesk.qt.common.detail_reading import read_for_pane
from agencydesk.qt.common.dialog_layout import top_to_bottom
from agencydesk.qt.common.labels import (
    bold_label,
    detail_title,
    empty_state_label,
    muted_label,
    show_detail_or_empty,
)
from agencydesk.qt.common.list_controller import ListController
from agencydesk.qt.common.list_view import (
    add_list_item,
    filter_combo,
    list_and_detail,
    make_table_view,
    search_box,
)
from agencydesk.qt.guides.guide_editor import GuideEditorDialog, GuidePreview
from agencydesk.qt.guides.guide_models import GuideTableModel, language_label, level_label
from agencydesk.qt.guides.send_guide_dialog import SendGuideDialog, format_day

# data-bus topics that can change what this page shows
_TOPICS = (Topic.GUIDES, Topic.GUIDE_IMAGES, Topic.GUIDE_SENDS, Topic.CLIENTS)


@dataclass(frozen=True)
class ShownGuide:
    """A guide as the page shows it, read in a worker (plain values: it crosses threads)."""

    guide_id: int
    title: str
    language: str
    level: str
    tags: str
    body: str
    linked: list[tuple[int, str, str]]  # its gentle version, or what it is the gentle one of
    sends: list[SendOfGuide]
    pictures: dict[str, bytes]  # the pictures its text shows, by name


def read_guide(engine: Engine, guide_id: int) -> ShownGuide | None:
    """Guide *guide_id*, its linked version, who received it and its pictures, in one session;
    None when it is gone."""
    with Session(engine) as session:
        try:
            guide = library.get_guide(session=session, guide_id=guide_id)
        except UserError:
            return None
        pictures: dict[str, bytes] = {}
        for name in images.image_references(guide.body):
            image = images.get_image(session=session, guide_id=guide_id, name=name)
            if image is not None:
                pictures[name] = bytes(image.data)
        return snapshot(
            ShownGuide,
            guide,
            guide_id=guide_id,
            linked=library.linked_guides(session=session, guide_id=guide_id),
            sends=sending.sends_for_guide(session=session, guide_id=guide_id),
            pictures=pictures,
        )


class GuidesPage(QWidget):
    # a guide was deleted: an `UndoEntry` that brings it back (the window's Ctrl+Z)
    undoable = Signal(object)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.guide_id: int | None = None
        self._linked_id: int | None = None
        # who signs the guides ({my_name}); the window may set it from the settings
        self.my_name = ""
        self.model = GuideTableModel(engine, self)

        self.search = search_box("guideSearch", self.tr("Search guides by title, text or tag"))
        self.language_filter = filter_combo(
            "guideLanguageFilter",
            [(None, self.tr("All languages"))]
            + [(code, language_label(code)) for code in library.LANGUAGES],
        )
        self.new_button = push_button(self.tr("New guide…"), self.new_guide)
        self.replies_button = push_button(
            self.tr("Saved replies…"), self.edit_saved_replies, name="savedReplies"
        )
        self.replies_button.setToolTip(
            self.tr("Short replies you type in a ticket's reply box with / and their name")
        )

        self.table = make_table_view(self.model, "guideTable", stretch=(0,), fit=(1, 2, 3))
        self.table.setShowGrid(False)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self.list = ListController(
            self.table,
            self.model,
            apply_filters=lambda: self.model.set_filter(
                self.search.text(), self.language_filter.currentData()
            ),
            search=self.search,
            empty_text=self.tr(
                "No guides yet. Write your first how-to with “New guide”: explained once, sent "
                "to every client who asks."
            ),
        )
        self.list.undoable.connect(self.undoable)
        self.list.current_changed.connect(self.show_guide)
        self.list.add_filter(self.language_filter)

        # -- the chosen guide --
        self.empty_label = empty_state_label(
            self.tr("No guide chosen. Write your first how-to with “New guide”.")
        )
        self.title_label = detail_title("guideTitle", 1.4)
        self.meta_label = muted_label(selectable=True)
        self.linked_caption = QLabel()
        self.linked_button = link_button(self._open_linked)
        linked_row = QHBoxLayout()
        linked_row.addWidget(self.linked_caption)
        linked_row.addWidget(self.linked_button)
        linked_row.addStretch(1)
        self.preview = GuidePreview()
        self.preview.setObjectName("guideReader")
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.sent_caption = bold_label(QLabel(self.tr("Who received it")))
        self.sent_list = QListWidget()
        self.sent_list.setObjectName("guideRecipients")
        self.sent_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.sent_none = muted_label(self.tr("Not sent to anyone yet."))

        self.send_button = push_button(
            self.tr("Send to client…"), lambda: self.send_current(), name="sendGuide"
        )
        self.edit_button = push_button(self.tr("Edit…"), self.edit_current)
        self.delete_button = push_button(self.tr("Delete"), self.delete_current)
        buttons = button_row(self.send_button, None, self.edit_button, self.delete_button)

        self.detail = QWidget()
        top_to_bottom(
            (
                self.title_label,
                self.meta_label,
                linked_row,
                (self.preview, 1),
                self.sent_caption,
                self.sent_list,
                self.sent_none,
                buttons,
            ),
            self.detail,
            margins=(12, 0, 4, 0),
            spacing=6,
        )
        right = QWidget()
        top_to_bottom((self.empty_label, self.detail), right, margins=(0, 0, 0, 0))

        self.splitter = list_and_detail(
            (self.search, self.language_filter, self.new_button),
            self.list.stack,
            right,
            stretch=(2, 3),
            sizes=(440, 660),
            # under the list, not beside the search: four controls in one row squeezed the
            # search to a sliver in a narrow window
            below=(self.replies_button,),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter)

        follow_changes(self, _TOPICS, self.list.refresh)
        self.list.read_first()

    # -- selection ---------------------------------------------------------------------------
    def select_guide(self, guide_id: int) -> bool:
        """Show *guide_id*, clearing the search and language when they hide it."""
        return self.list.select_id(guide_id)

    # -- the chosen guide --------------------------------------------------------------------
    def show_guide(self, guide_id: int | None) -> None:
        """Show *guide_id* (None: nothing) once a worker has read it; until then the page shows
        what it showed, and the latest choice wins."""
        if guide_id is None:
            self._show(None)
            return
        engine = self._engine
        read_for_pane(
            self, self.detail, self.empty_label, lambda: read_guide(engine, guide_id), self._show
        )

    def _show(self, guide: ShownGuide | None) -> None:
        self.guide_id = None
        show_detail_or_empty(self.detail, self.empty_label, guide is not None)
        if guide is None:
            self.preview.clear()
            return
        self.guide_id = guide.guide_id
        self.title_label.setText(guide.title)
        meta = [language_label(guide.language), level_label(guide.level)]
        if guide.tags:
            meta.append(guide.tags)
        self.meta_label.setText("  ·  ".join(meta))
        linked = guide.linked
        self._linked_id = linked[0][0] if linked else None
        if linked:
            _other_id, other_title, other_level = linked[0]
            self.linked_caption.setText(
                self.tr("Very gentle version:")
                if other_level == GuideLevel.VERY_GENTLE.value
                else self.tr("Gentle version of:")
            )
            self.linked_button.setText(other_title)
        self.linked_caption.setVisible(bool(linked))
        self.linked_button.setVisible(bool(linked))
        self.preview.set_image_source(guide.pictures)  # all it shows, read with it
        self.preview.show_markdown(guide.body)
        self.sent_list.clear()
        sends = guide.sends
        for send in sends:
            add_list_item(
                self.sent_list, f"{send.client_name}  –  {format_day(send.sent_at)}", send.client_id
            )
        if sends:
            # Room for three names at least, so one recipient is not a one-line strip that
            # reads like a text field; six at most, then the list scrolls.
            rows = min(max(len(sends), 3), 6)
            frame = 2 * self.sent_list.frameWidth()
            self.sent_list.setFixedHeight(self.sent_list.sizeHintForRow(0) * rows + frame + 2)
        self.sent_list.setVisible(bool(sends))
        self.sent_none.setVisible(not sends)

    def _open_linked(self) -> None:
        if self._linked_id is not None:
            self.select_guide(self._linked_id)

    # -- actions -----------------------------------------------------------------------------
    def edit_saved_replies(self) -> None:
        from agencydesk.qt.guides.saved_replies_dialog import SavedRepliesDialog

        SavedRepliesDialog(self._engine, self).exec()

    def new_guide(self) -> None:
        dialog = GuideEditorDialog(self._engine, parent=self)
        if dialog.exec() and dialog.saved_guide_id is not None:
            self.list.refresh(choose=dialog.saved_guide_id)

    def edit_current(self) -> None:
        if self.guide_id is not None:
            self.edit_guide(self.guide_id)

    def edit_guide(self, guide_id: int) -> None:
        dialog = GuideEditorDialog(self._engine, guide_id=guide_id, parent=self)
        if dialog.exec():
            self.list.refresh(choose=guide_id)

    def delete_current(self) -> None:
        if self.guide_id is not None:
            self.delete_guide(self.guide_id)

    def delete_guide(self, guide_id: int) -> None:
        question = self.tr("Delete the guide “{name}”? You can undo this with Ctrl+Z.")
        self.list.delete_undoably(
            self._engine,
            guide_id,
            lambda session: library.get_guide(session=session, guide_id=guide_id).title,
            (self.tr("Delete guide"), question),
            delete=partial(library.delete_guide, guide_id=guide_id),
            undelete=partial(library.undelete_guide, guide_id=guide_id),
        )

    def send_current(self, client_id: int | None = None, ticket_id: int | None = None) -> None:
        if self.guide_id is None:
            return
        dialog = SendGuideDialog(
            self._engine,
            guide_id=self.guide_id,
            client_id=client_id,
            ticket_id=ticket_id,
            my_name=self.my_name,
            parent=self,
        )
        dialog.exec()
