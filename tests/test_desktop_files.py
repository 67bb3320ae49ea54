"""The desktop integration files in packaging/: Linux .desktop, AppStream metainfo and hicolor
icons, the Windows .ico and the macOS .icns; one application id everywhere."""

from __future__ import annotations

import configparser
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from agencydesk import __version__

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "io.github.agencydesk.AgencyDesk"
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
HICOLOR = LINUX / "icons" / "hicolor"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCREENSHOT_URL = "https://raw.githubusercontent.com/agencydesk/agencydesk/main/"


def _validator(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (apt-get install desktop-file-utils appstream)")
    return found


def test_desktop_file_validates() -> None:
    result = subprocess.run(
        [_validator("desktop-file-validate"), str(DESKTOP)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", result.stdout  # no warnings or hints either


def test_metainfo_validates() -> None:
    result = subprocess.run(
        [_validator("appstreamcli"), "validate", "--no-net", "--no-color", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_one_application_id_everywhere() -> None:
    entry = _desktop_entry()
    assert entry["Icon"] == APP_ID
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    app_py = (ROOT / "agencydesk" / "qt" / "shell" / "app.py").read_text(encoding="utf-8")
    assert f'setDesktopFileName("{APP_ID}")' in app_py
    spec = (ROOT / "packaging" / "agencydesk.spec").read_text(encoding="utf-8")
    assert f'APP_ID = "{APP_ID}"' in spec


def test_english_and_indonesian_name_and_summary() -> None:
    entry = _desktop_entry()
    for key in ("Name", "Name[id]", "GenericName[id]", "Comment", "Comment[id]"):
        assert entry.get(key, "").strip(), key
    root = ET.parse(METAINFO).getroot()
    summaries = {element.get(XML_LANG, "en"): element.text for element in root.iter("summary")}
    assert summaries.get("en")
    assert summaries.get("id")
    assert {element.get(XML_LANG, "en") for element in root.iter("name")} == {"en", "id"}


def test_metainfo_release_license_rating_and_screenshots() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    assert root.find("content_rating") is not None
    assert (root.findtext("developer/name") or root.findtext("developer_name") or "").strip()
    releases = root.findall("releases/release")
    assert releases[0].get("version") == __version__, "add a <release> for the new version"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", releases[0].get("date", ""))
    images = [image.text or "" for image in root.iter("image")]
    assert len(images) == 2
    for url in images:
        assert url.startswith(SCREENSHOT_URL), url
        assert (ROOT / url.removeprefix(SCREENSHOT_URL)).is_file(), url


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk comes first
    return width, height


def test_every_hicolor_png_is_the_size_its_folder_says() -> None:
    pngs = sorted(HICOLOR.glob("*/apps/*.png"))
    assert {png.parent.parent.name for png in pngs} == {f"{n}x{n}" for n in HICOLOR_SIZES}
    for png in pngs:
        assert png.name == f"{APP_ID}.png"
        width, height = (int(part) for part in png.parent.parent.name.split("x"))
        assert _png_size(png) == (width, height), png
    assert (HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg").is_file()


def test_windows_ico_holds_png_images_from_16_to_256_px() -> None:
    data = (ROOT / "packaging" / "windows" / "agencydesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, _height, _colours, _reserved, _planes, _bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        image = data[offset : offset + length]
        assert image.startswith(b"\x89PNG")
        side = width or 256
        assert struct.unpack(">II", image[16:24]) == (side, side)
        sizes.append(side)
    assert {16, 32, 48, 256} <= set(sizes)


def test_macos_icns_holds_png_chunks_up_to_1024_px() -> None:
    data = (ROOT / "packaging" / "macos" / "agencydesk.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    chunks = {}
    position = 8
    while position < len(data):
        kind = data[position : position + 4]
        (length,) = struct.unpack(">I", data[position + 4 : position + 8])
        image = data[position + 8 : position + length]
        assert image.startswith(b"\x89PNG"), kind
        chunks[kind] = struct.unpack(">II", image[16:24])[0]
        position += length
    assert position == len(data)
    assert chunks[b"ic07"] == 128
    assert chunks[b"ic08"] == 256
    assert chunks[b"ic09"] == 512
    assert chunks[b"ic10"] == 1024


def test_windows_installer_script_points_at_real_files() -> None:
    script = (ROOT / "packaging" / "windows" / "agencydesk.iss").read_text(encoding="utf-8")
    assert f'#define AppId "{APP_ID}"' in script
    for relative in re.findall(r"(?:LicenseFile|SetupIconFile)=(.+)", script):
        assert (ROOT / "packaging" / "windows" / relative.strip().replace("\\", "/")).is_file()
