"""Render the app icon for every platform from the SVG masters in resources/icons/.

    .venv/bin/python packaging/render_icons.py

Writes (and these files are committed; run this again after changing an SVG):

- ``packaging/linux/icons/hicolor/<N>x<N>/apps/<APP_ID>.png`` for the hicolor sizes, plus
  ``scalable/apps/<APP_ID>.svg`` (a copy of the master);
- ``packaging/windows/agencydesk.ico``: 16-256 px, each a PNG inside the ICO container;
- ``packaging/macos/agencydesk.icns``: 16-1024 px as PNG chunks (ic04-ic14).

16 px (and the 32 px of a 16 pt Retina icon) come from ``agencydesk-16.svg``, a drawing fitted to
the pixel grid; every other size from ``agencydesk.svg``. Uses Qt's SVG renderer on the offscreen
platform, so no screen and no extra package are needed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import sys
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "io.github.agencydesk.AgencyDesk"
MASTER = ROOT / "resources" / "icons" / "agencydesk.svg"
SMALL = ROOT / "resources" / "icons" / "agencydesk-16.svg"  # for 16 px

HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns PNG chunk types: (type, pixels, source). ic11-ic14 are the Retina (@2x) variants.
ICNS_CHUNKS = (
    (b"icp4", 16, "small"),
    (b"ic11", 32, "small"),  # 16 pt @2x: the pixel-fitted drawing, scaled up
    (b"icp5", 32, "master"),
    (b"ic12", 64, "master"),
    (b"ic07", 128, "master"),
    (b"ic13", 256, "master"),
    (b"ic08", 256, "master"),
    (b"ic14", 512, "master"),
    (b"ic09", 512, "master"),
    (b"ic10", 1024, "master"),
)


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn into a transparent *size* x *size* image, keeping its aspect ratio."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def source_for(size: int) -> Path:
    return SMALL if size <= 16 else MASTER


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit("render_icons: Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def ico_container(pngs: Sequence[tuple[int, bytes]]) -> bytes:
    """An ICO file holding each (size, PNG) as is: a 6-byte header, 16-byte entries, the data."""
    header = struct.pack("<HHH", 0, 1, len(pngs))  # reserved, type 1 = icon, image count
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in pngs:
        side = 0 if size >= 256 else size  # 0 means 256
        # width, height, palette colours, reserved, colour planes, bits per pixel, size, offset
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns_container(chunks: Sequence[tuple[bytes, bytes]]) -> bytes:
    """An icns file: 'icns' and the total length, then each (type, PNG) with its own length."""
    body = b"".join(kind + struct.pack(">I", 8 + len(png)) + png for kind, png in chunks)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "packaging", help="packaging folder")
    args = parser.parse_args(argv)
    out: Path = args.out
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (keep alive)

    hicolor = out / "linux" / "icons" / "hicolor"
    for size in HICOLOR_SIZES:
        target = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png_bytes(render(source_for(size), size)))
        print(f"wrote {target.relative_to(out.parent)}")
    scalable = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(MASTER, scalable)
    print(f"wrote {scalable.relative_to(out.parent)}")

    ico = out / "windows" / "agencydesk.ico"
    ico.parent.mkdir(parents=True, exist_ok=True)
    ico.write_bytes(
        ico_container([(size, png_bytes(render(source_for(size), size))) for size in ICO_SIZES])
    )
    print(f"wrote {ico.relative_to(out.parent)}")

    icns = out / "macos" / "agencydesk.icns"
    icns.parent.mkdir(parents=True, exist_ok=True)
    sources = {"small": SMALL, "master": MASTER}
    icns.write_bytes(
        icns_container(
            [(kind, png_bytes(render(sources[src], size))) for kind, size, src in ICNS_CHUNKS]
        )
    )
    print(f"wrote {icns.relative_to(out.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
