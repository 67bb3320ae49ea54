"""Writing a how-to guide: Markdown on the left, the finished look on the right as you type.

Pictures chosen with "Insert picture…" wait in the dialog and go into the database with the guide
when it is saved (Cancel leaves nothing behind). Problems are explained next to the field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QImage,
    QPainter,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core.errors import ValidationError
from agencydesk.core.guides import images, library, whatsapp
from agencydesk.core.models import GuideLevel
from agencydesk.qt.common.buttons import button_row, push_button
from agencydesk.qt.common.conflict_dialog import combo_text
from agencydesk.qt.common.dialog_layout import top_to_bottom
from agencydesk.qt.common.dialogs import choose_file, read_chosen_file, show_user_error
from agencydesk.qt.common.form_dialog import FormDialog
from agencydesk.qt.common.form_errors import (
    FieldErrors,
    add_rows_with_errors,
    error_label,
    save_cancel_layout,
)
from agencydesk.qt.common.versioned_save import save_edited_record
from agencydesk.qt.guides.guide_models import language_label, level_label

PREVIEW_DELAY_MS = 200
MARKDOWN_FEATURES = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)


class GuidePreview(QTextBrowser):
    """A guide's Markdown as the freelancer will read it, pictures (`image:NAME`) included.

    HTML inside the Markdown is shown as typed, never interpreted. Web links open in the browser.
    """

    MAX_IMAGE_WIDTH = 420

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._open_link)
        self._images: dict[str, bytes] = {}
        self._fetch: Callable[[str], bytes | None] | None = None
        self.document().setDocumentMargin(12)

    def set_image_source(
        self, images: dict[str, bytes], fetch: Callable[[str], bytes | None] | None = None
    ) -> None:
        """Pictures by name, and optionally a way to fetch the ones not in *images*."""
        self._images = dict(images)
        self._fetch = fetch

    def show_markdown(self, markdown: str, *, keep_scroll: bool = False) -> None:
        """Show *markdown*, keeping its line breaks as WhatsApp will (Markdown would join them)."""
        scroll = self.verticalScrollBar().value() if keep_scroll else 0
        self.document().setMarkdown(whatsapp.with_hard_line_breaks(markdown), MARKDOWN_FEATURES)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(scroll)

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        url = QUrl(url)
        if url.scheme() != "image":
            return None
        name = url.path()
        data = self._images.get(name)
        if data is None and self._fetch is not None:
            data = self._fetch(name)
            if data is not None:
                self._images[name] = data
        image = QImage.fromData(QByteArray(data)) if data else QImage()
        if image.isNull():
            return self._missing_picture(name)
        if image.width() > self.MAX_IMAGE_WIDTH:
            image = image.scaledToWidth(
                self.MAX_IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation
            )
        return image

    def _missing_picture(self, name: str) -> QImage:
        image = QImage(QSize(260, 64), QImage.Format.Format_ARGB32)
        image.fill(QColor("#f3f3f3"))
        painter = QPainter(image)
        painter.setPen(QColor("#8a8a8a"))
        painter.drawRect(0, 0, image.width() - 1, image.height() - 1)
        painter.drawText(
            image.rect().adjusted(8, 0, -8, 0),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            self.tr("Picture not found: {name}").format(name=name),
        )
        painter.end()
        return image

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)


@dataclass(frozen=True)
class ShownGuideForm:
    """What the editor shows, read in one go (plain values: on a team desk in a worker)."""

    # the original guides this one may be a gentle version of: (id, title)
    variant_choices: list[tuple[int, str]]
    # the guide's columns as stored, None for a new guide
    guide: dict[str, Any] | None
    # its stored pictures by name, for the preview
    pictures: dict[str, bytes]


def read_form(engine: Engine, guide_id: int | None) -> ShownGuideForm:
    with Session(engine) as session:
        choices = library.variant_choices(session=session, exclude_id=guide_id)
        if guide_id is None:
            return ShownGuideForm(choices, None, {})
        guide = library.get_guide(session=session, guide_id=guide_id).model_dump()
        pictures: dict[str, bytes] = {}
        for info in images.list_images(session=session, guide_id=guide_id):
            image = images.get_image(session=session, guide_id=guide_id, name=info.name)
            if image is not None:
                pictures[info.name] = bytes(image.data)
        return ShownGuideForm(choices, guide, pictures)


class GuideEditorDialog(FormDialog):
    """Writes or edits one guide. `saved_guide_id` is set once the database accepted it."""

    def __init__(
        self, engine: Engine, guide_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(engine, parent)
        self.guide_id = guide_id
        self.saved_guide_id: int | None = None
        # pictures inserted but not saved yet: name → (data, MIME type)
        self.pending_images: dict[str, tuple[bytes, str]] = {}
        self._stored_images: set[str] = set()
        self.setWindowTitle(self.tr("New guide") if guide_id is None else self.tr("Edit guide"))
        self.setSizeGripEnabled(True)

        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. How to log in to your WordPress dashboard"))
        self.language = QComboBox()
        for code in library.LANGUAGES:
            self.language.addItem(language_label(code), code)
        self.level = QComboBox()
        for level in library.LEVELS:
            self.level.addItem(level_label(level), level)
        self.level.setToolTip(
            self.tr("Very gentle: tiny steps and no jargon, for clients who need every step")
        )
        self.variant_of = QComboBox()
        self.variant_of.addItem(self.tr("None – this is an original guide"), None)
        self.variant_of.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.variant_of.currentIndexChanged.connect(self._variant_changed)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("comma-separated, e.g. wordpress, login"))

        self.body = QPlainTextEdit()
        self.body.setObjectName("guideBody")
        self.body.setPlaceholderText(
            self.tr(
                "Write the guide in plain words, one step per line:\n\n"
                "Hello {first_name},\n\n"
                "1. Open {site_url}/wp-admin\n"
                "1. Type your user name and password\n"
                "1. Click **Log In**"
            )
        )
        self.body.setTabChangesFocus(True)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.body.setFont(mono)
        self.preview = GuidePreview()
        self.preview.setObjectName("guidePreview")
        self.preview.setPlaceholderText(self.tr("The guide appears here as you type."))
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self.body.textChanged.connect(self._preview_timer.start)

        self.picture_button = push_button(self.tr("Insert picture…"), self.insert_picture)
        self.placeholder_button = QPushButton(self.tr("Insert placeholder"))
        menu = QMenu(self.placeholder_button)
        for key, meaning in self._placeholder_meanings().items():
            action = menu.addAction(f"{{{key}}}  –  {meaning}")
            action.triggered.connect(lambda _checked=False, k=key: self.insert_text(f"{{{k}}}"))
        self.placeholder_button.setMenu(menu)
        hint = QLabel(self.tr("**bold**   *italic*   1. steps   - points   # heading"))
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setStyleSheet("color: palette(dark);")

        # the version of the guide as shown: saved over only that one (`core.versions`)
        self._seen_version: int | None = None
        self.preview.set_image_source({}, self._fetch_image)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        language_row = QHBoxLayout()
        language_row.addWidget(self.language, 1)
        level_caption = QLabel(self.tr("Level"))
        language_row.addSpacing(12)
        language_row.addWidget(level_caption)
        language_row.addWidget(self.level, 1)
        rows: list[tuple[str, str, Any]] = [
            ("title", self.tr("Title *"), self.title),
            ("language", self.tr("Language"), language_row),
            ("gentle_variant_of_id", self.tr("Gentle version of"), self.variant_of),
            ("tags", self.tr("Tags"), self.tags),
        ]
        # how the conflict dialog names the fields: as the form does
        self.field_labels = {field: label.rstrip(" *") for field, label, _widget in rows}
        self.field_labels.update(level=self.tr("Level"), body=self.tr("Text (Markdown)"))
        labels = add_rows_with_errors(form, rows)
        labels["level"] = labels["language"]

        editor = QWidget()
        labels["body"] = error_label("body")
        tools = button_row(self.picture_button, self.placeholder_button, None)
        top_to_bottom(
            (QLabel(self.tr("Text (Markdown)")), (self.body, 1), tools, hint, labels["body"]),
            editor,
            margins=(0, 0, 0, 0),
        )
        texts = {
            "title_required": self.tr("Please give the guide a title."),
            "language_unknown": self.tr("Choose Bahasa Indonesia or English."),
            "level_unknown": self.tr("Choose one of the listed levels."),
            "variant_self": self.tr("A guide cannot be a gentle version of itself."),
            "variant_missing": self.tr("That guide does not exist any more."),
            "variant_of_variant": self.tr(
                "That guide is itself a gentle version: choose its original."
            ),
            "variant_has_variants": self.tr(
                "Other guides are gentle versions of this one, so it cannot be one itself."
            ),
            "image_name_invalid": self.tr("A picture name is not usable. Please insert it again."),
            "image_name_taken": self.tr("This guide already has a picture with that name."),
            "image_too_large": self.tr(
                "This picture is larger than 5 MB. Please choose a smaller one."
            ),
            "image_empty": self.tr("The picture file is empty."),
            "image_type_unknown": self.tr("Please choose a PNG, JPEG, GIF or WebP picture."),
        }
        self.errors = FieldErrors(labels, texts, {"title": self.title})
        self.errors.clear_when_edited({"title": self.title})
        viewer = QWidget()
        top_to_bottom((QLabel(self.tr("Preview")), (self.preview, 1)), viewer, margins=(0, 0, 0, 0))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(editor)
        self.splitter.addWidget(viewer)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([520, 480])

        # the fields in one widget, greyed together while an edited guide is read
        self.fields = QWidget()
        top_to_bottom((form, (self.splitter, 1)), self.fields, margins=(0, 0, 0, 0))
        self.buttons = save_cancel_layout(self, self.save, [(self.fields, 1)])
        self.resize(1040, 720)
        self.update_preview()
        self._saved_values = self.values()
        self.title.setFocus()
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.fill_when_read(
            partial(read_form, engine, guide_id),
            self._fill,
            # a new guide can be written while the guides it may be a version of are read
            waiting=[self.variant_of] if guide_id is None else [self.fields, save],
            focus=self.title,
        )

    def _fill(self, shown: ShownGuideForm) -> None:
        for other_id, other_title in shown.variant_choices:
            self.variant_of.addItem(other_title, other_id)
        if shown.guide is None:
            return
        guide = shown.guide
        self._seen_version = guide["version"]
        self._stored_images = set(shown.pictures)
        self.preview.set_image_source(shown.pictures, self._fetch_image)
        self._load(guide["title"], guide["language"], guide["level"], guide["tags"], guide["body"])
        self._set_variant(guide["gentle_variant_of_id"])
        self.update_preview()

    def remember_state(self) -> None:
        super().remember_state()
        self._saved_values = self.values()

    def _placeholder_meanings(self) -> dict[str, str]:
        return {
            "call_name": self.tr("how you greet the client, e.g. Bu Ratna"),
            "first_name": self.tr("first name, e.g. Ratna"),
            "client_name": self.tr("full name, e.g. Ibu Ratna Wulandari"),
            "company": self.tr("the client's company"),
            "site_url": self.tr("the client's website"),
            "my_name": self.tr("your name"),
            "today": self.tr("today's date"),
        }

    def _load(self, title: str, language: str, level: str, tags: str, body: str) -> None:
        self.title.setText(title)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.level.setCurrentIndex(max(0, self.level.findData(level)))
        self.tags.setText(tags)
        self.body.setPlainText(body)

    def _set_variant(self, variant_of_id: int | None) -> None:
        index = self.variant_of.findData(variant_of_id) if variant_of_id is not None else -1
        if index >= 0:
            self.variant_of.setCurrentIndex(index)

    def _variant_changed(self, _index: int) -> None:
        if self.variant_of.currentData() is not None:
            self.level.setCurrentIndex(max(0, self.level.findData(GuideLevel.VERY_GENTLE.value)))

    # -- pictures ----------------------------------------------------------------------------
    def _fetch_image(self, name: str) -> bytes | None:
        """A picture inserted since the guide was read. The stored ones were all read with it
        (`read_form`), so a name that is neither is missing: asking the server again, at each
        change of the preview, only made the window wait."""
        pending = self.pending_images.get(name)
        return pending[0] if pending is not None else None

    def insert_picture(self) -> None:
        path = choose_file(
            self,
            self.tr("Insert picture"),
            str(Path.home()),
            self.tr("Pictures (*.png *.jpg *.jpeg *.gif *.webp)"),
        )
        if path:
            self.insert_picture_file(Path(path))

    def insert_picture_file(self, path: Path) -> bool:
        """Keep the picture at *path* for saving and put its reference at the cursor."""
        data = read_chosen_file(self, path)
        if data is None:
            return False
        mime_type = images.sniff_image_type(data)
        if mime_type is None:
            show_user_error(self, self.errors.text("image_type_unknown"))
            return False
        if len(data) > images.MAX_IMAGE_BYTES:
            show_user_error(self, self.errors.text("image_too_large"))
            return False
        name = images.free_image_name(
            images.safe_image_name(path.name), set(self.pending_images) | self._stored_images
        )
        self.pending_images[name] = (data, mime_type)
        alt = " ".join(path.stem.replace("_", " ").replace("-", " ").split()) or name
        alt = alt.replace("[", "(").replace("]", ")")
        cursor = self.body.textCursor()
        before = "" if cursor.atBlockStart() else "\n"
        self.insert_text(f"{before}![{alt}](image:{name})\n")
        return True

    def insert_text(self, text: str) -> None:
        self.body.insertPlainText(text)
        self.body.setFocus()

    # -- preview -----------------------------------------------------------------------------
    def update_preview(self) -> None:
        self._preview_timer.stop()
        self.preview.show_markdown(self.body.toPlainText(), keep_scroll=True)

    # -- saving ------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "language": self.language.currentData(),
            "level": self.level.currentData(),
            "gentle_variant_of_id": self.variant_of.currentData(),
            "tags": self.tags.text(),
            "body": self.body.toPlainText(),
        }

    def _describe(self, field: str, value: Any) -> str:
        combos = {
            "language": self.language,
            "level": self.level,
            "gentle_variant_of_id": self.variant_of,
        }
        if field in combos:
            return combo_text(combos[field], value, str(value or ""))
        return "" if value is None else str(value)

    def has_changes(self) -> bool:
        """Cancel or Esc asks before throwing away what was written (`FormDialog`)."""
        return self.values() != self._saved_values or bool(self.pending_images)

    def show_errors(self, errors: dict[str, str]) -> None:
        others = self.errors.show(errors)  # e.g. a picture's: no field of their own
        if others:
            show_user_error(self, "\n".join(self.errors.text(code) for code in others.values()))

    def _save_over(self, session: Session, values: dict[str, Any], seen: int | None) -> int:
        """One try of the save: the guide and the pictures inserted meanwhile."""
        if self.guide_id is None:
            guide = library.create_guide(session=session, values=values)
        else:
            guide = library.update_guide(
                session=session, guide_id=self.guide_id, values=values, seen_version=seen
            )
        assert guide.id is not None
        for name, (data, mime_type) in self.pending_images.items():
            images.add_image(
                session=session, guide_id=guide.id, name=name, data=data, mime_type=mime_type
            )
        return guide.id

    def _restore(self, session: Session) -> None:
        assert self.guide_id is not None
        library.undelete_guide(session=session, guide_id=self.guide_id)

    def save(self) -> None:
        try:
            saved_id = save_edited_record(
                self,
                self._engine,
                self._save_over,
                self.values(),
                self._seen_version,
                self.guide_id,
                labels=self.field_labels,
                describe=self._describe,
                restore=self._restore,
            )
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        if saved_id is None:
            return
        self.saved_guide_id = saved_id
        self.pending_images.clear()
        self.accept()
