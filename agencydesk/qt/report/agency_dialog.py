"""Settings ▸ Agency profile…: the agency's name, contact and logo, as client reports show them.

Stored in the database (`agencydesk.core.agency`), so backups and the command line have it too.
A logo picked here is stored as SVG or PNG (a JPEG or a big photo is scaled down and converted
first), so that any picture Qt can read will do and every copy of agencydesk can draw it; the
core checks it again (at most 512 KB).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, QStandardPaths, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agencydesk.core import agency
from agencydesk.core.agency import AgencyProfile
from agencydesk.core.errors import ValidationError
from agencydesk.qt.common.buttons import push_button
from agencydesk.qt.common.dialogs import choose_file, read_chosen_file
from agencydesk.qt.common.form_dialog import FormDialog
from agencydesk.qt.common.form_errors import FieldErrors, add_rows_with_errors, save_cancel_layout
from agencydesk.qt.common.labels import plain_label
from agencydesk.qt.common.versioned_save import save_edited_record

# a raster logo wider or taller than this is scaled down before it is stored
LOGO_MAX_PX = 800
_PREVIEW = QSize(180, 72)


def logo_bytes(data: bytes) -> bytes | None:
    """*data* ready to store: SVG, or PNG under the size limit, as they are; any other picture
    Qt can read (JPEG, or a PNG too big) as a PNG at most `LOGO_MAX_PX` wide and high, which
    every copy of agencydesk can draw. None when it is not a picture."""
    kind = agency.sniff_logo_type(data)
    if kind == "image/svg+xml":
        return data if QSvgRenderer(QByteArray(data)).isValid() else None
    if kind == "image/png" and len(data) <= agency.MAX_LOGO_BYTES:
        return data
    image = QImage.fromData(data)
    if image.isNull():
        return None
    if image.width() > LOGO_MAX_PX or image.height() > LOGO_MAX_PX:
        image = image.scaled(
            LOGO_MAX_PX,
            LOGO_MAX_PX,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def logo_pixmap(data: bytes, size: QSize) -> QPixmap:
    """A preview of the logo fitting in *size*."""
    if agency.sniff_logo_type(data) == "image/svg+xml":
        renderer = QSvgRenderer(QByteArray(data))
        natural = renderer.defaultSize()
        if natural.isEmpty():
            natural = size
        fitted = natural.scaled(size, Qt.AspectRatioMode.KeepAspectRatio)
        image = QImage(fitted, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        return QPixmap.fromImage(image)
    pixmap = QPixmap()
    pixmap.loadFromData(data)
    if pixmap.isNull():
        return pixmap
    return pixmap.scaled(
        size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


def _read_profile(engine: Engine) -> tuple[AgencyProfile, int | None]:
    """The profile and its version (`core.versions`)."""
    with Session(engine) as session:
        return agency.get_agency_profile(session=session), agency.profile_version(session=session)


class AgencyDialog(FormDialog):
    """Edits the agency profile. `saved` is True once the database has accepted it."""

    def __init__(
        self, engine: Engine, parent: QWidget | None = None, *, first_report: bool = False
    ) -> None:
        """`first_report`: opened by the first export, before the report is written."""
        super().__init__(engine, parent)
        self.saved = False
        self.setWindowTitle(self.tr("Agency profile"))
        # the version of the profile as shown: saved over only that one (`core.versions`)
        self._seen_version: int | None = None
        self.logo: bytes | None = None
        self._loaded_logo: bytes | None = None

        intro = plain_label(
            self.tr(
                "Your first report: who is it from? Client reports show this at the top of "
                "the first page, so your clients know who sent it and how to reach you. "
                "Cancel writes the report without it; Settings ▸ Agency profile… changes it "
                "any time."
            )
            if first_report
            else self.tr(
                "Client reports show this at the top of the first page, so your clients know "
                "who sent it and how to reach you."
            )
        )
        intro.setStyleSheet("color: palette(dark);")

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Budi Web Studio"))
        self.address = QPlainTextEdit()
        self.address.setPlaceholderText(self.tr("Street, city (several lines are fine)"))
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("+62 812 3456 7890"))
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("e.g. halo@budiweb.id"))
        self.website = QLineEdit()
        self.website.setPlaceholderText(self.tr("e.g. budiweb.id"))

        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setFixedSize(_PREVIEW + QSize(12, 12))
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet(
            "#logoPreview { border: 1px dashed palette(mid); border-radius: 6px; }"
        )
        self.choose_logo_button = push_button(self.tr("Choose…"), self.choose_logo)
        self.remove_logo_button = push_button(self.tr("Remove"), self.remove_logo)
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.choose_logo_button)
        logo_buttons.addWidget(self.remove_logo_button)
        logo_buttons.addStretch(1)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addLayout(logo_buttons)
        logo_row.addStretch(1)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        rows: list[tuple[str, str, QWidget | QHBoxLayout]] = [
            ("name", self.tr("Agency name"), self.name),
            ("address", self.tr("Address"), self.address),
            ("phone", self.tr("Phone / WhatsApp"), self.phone),
            ("email", self.tr("Email"), self.email),
            ("website", self.tr("Website"), self.website),
            ("logo", self.tr("Logo"), logo_row),
        ]
        # the fields' names in the conflict dialog
        self.field_labels = {field: label for field, label, _widget in rows}
        edits = {
            "name": self.name,
            "phone": self.phone,
            "email": self.email,
            "website": self.website,
        }
        focus = {"name": self.name, "address": self.address, **edits}  # in the form's order
        self.errors = FieldErrors(
            add_rows_with_errors(form, rows),
            {
                "website_invalid": self.tr("This does not look like a web address (budiweb.id)."),
                "logo_too_big": self.tr("This picture is too big for a logo (at most 512 KB)."),
                "logo_type": self.tr("This is not a picture agencydesk can use as a logo."),
            },
            focus,
        )
        self.errors.clear_when_edited(edits)

        # the fields in one widget, greyed together while the profile is read
        self.fields = QWidget()
        self.fields.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        self.buttons = save_cancel_layout(self, self.save, [intro, 4, self.fields], min_width=520)
        self._show_logo()
        self.name.setFocus()
        self.fill_when_read(
            partial(_read_profile, engine),
            self._fill,
            waiting=[self.fields, self.buttons.button(QDialogButtonBox.StandardButton.Save)],
            focus=self.name,
        )

    def _fill(self, read: tuple[AgencyProfile, int | None]) -> None:
        profile, self._seen_version = read
        self.name.setText(profile.name)
        self.address.setPlainText(profile.address)
        self.phone.setText(profile.phone)
        self.email.setText(profile.email)
        self.website.setText(profile.website)
        self.logo = self._loaded_logo = profile.logo
        self._show_logo()

    # -- the logo ------------------------------------------------------------------------------
    def _show_logo(self) -> None:
        if self.logo is None:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("No logo"))
        else:
            self.logo_preview.setText("")
            self.logo_preview.setPixmap(logo_pixmap(self.logo, _PREVIEW))
        self.remove_logo_button.setEnabled(self.logo is not None)

    def has_changes(self) -> bool:
        """The fields, or the logo chosen or removed (Esc asks before losing them)."""
        return super().has_changes() or self.logo != self._loaded_logo

    def choose_logo(self) -> None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.PicturesLocation
        ) or str(Path.home())
        formats = sorted(
            {f"*.{bytes(fmt.data()).decode()}" for fmt in QImageReader.supportedImageFormats()}
            | {"*.svg", "*.png", "*.jpg", "*.jpeg"}
        )
        path = choose_file(
            self,
            self.tr("Choose your logo"),
            folder,
            self.tr("Pictures ({patterns})").format(patterns=" ".join(formats)),
        )
        if path:
            self.set_logo_file(Path(path))

    def set_logo_file(self, path: Path) -> bool:
        data = read_chosen_file(self, path)
        if data is None:
            return False
        logo = logo_bytes(data)
        if logo is None:
            self.errors.show_one("logo", "logo_type")
            return False
        self.logo = logo
        self.errors.clear("logo")
        self._show_logo()
        return True

    def remove_logo(self) -> None:
        self.logo = None
        self.errors.clear("logo")
        self._show_logo()

    # -- saving --------------------------------------------------------------------------------
    def profile(self) -> AgencyProfile:
        return AgencyProfile(
            name=self.name.text(),
            address=self.address.toPlainText(),
            phone=self.phone.text(),
            email=self.email.text(),
            website=self.website.text(),
            logo=self.logo,
        )

    def save(self) -> None:
        values = _edited_values(self.profile())
        try:
            saved = save_edited_record(
                self,
                self._engine,
                _save_over,
                values,
                self._seen_version,
                0,
                labels=self.field_labels,
                describe=self._describe,
            )
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        if saved is None:
            return  # back to editing
        self.saved = True
        self.accept()

    def _describe(self, field: str, value: Any) -> str:
        """A logo reads as its size in the conflict dialog; the texts as they are."""
        if field == "logo":
            if value is None:
                return self.tr("No logo")
            return self.tr("A picture of {size} KB").format(size=max(1, round(len(value) / 1024)))
        return "" if value is None else str(value)


def _edited_values(profile: AgencyProfile) -> dict[str, Any]:
    return {name: getattr(profile, name) for name in agency.EDITED_FIELDS}


def _save_over(session: Session, values: dict[str, Any], seen: int | None) -> int:
    """One try of the save, over the profile's version *seen* (`agency.profile_version`)."""
    agency.save_agency_profile(session=session, profile=AgencyProfile(**values), seen_version=seen)
    return 0
