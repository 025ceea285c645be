"""The Linux desktop files validate, and name the app, its version and formats consistently."""

import configparser
import re
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET

import pytest
from packaging_paths import DESKTOP, FLATPAK, METAINFO, MIME_XML, ROOT, SPEC

from reader import APP_ID, APP_NAME, __version__

# Every format the reader opens (README "Usage") and the MIME type a desktop gives it.
FORMAT_TYPES = {
    ".txt": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
    ".mhtml": "application/x-mimearchive",
    ".mht": "application/x-mimearchive",
    ".webarchive": "application/x-webarchive",
    ".eml": "message/rfc822",
    ".epub": "application/epub+zip",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".md": "text/markdown",
}


def desktop_entry() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read(DESKTOP, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


@pytest.mark.skipif(not shutil.which("desktop-file-validate"),
                    reason="desktop-file-validate not installed (apt-get install desktop-file-utils)")
def test_desktop_file_validates():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.skipif(not shutil.which("appstreamcli"),
                    reason="appstreamcli not installed (apt-get install appstream)")
def test_metainfo_validates():
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    # Errors and warnings fail; "info" and "pedantic" remarks do not.
    assert not re.search(r"^[EW]: ", result.stdout, re.M), result.stdout


def test_app_id_is_the_same_everywhere():
    root = metainfo()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("name") == APP_NAME
    entry = desktop_entry()
    assert entry["Name"] == APP_NAME and entry["Icon"] == APP_ID
    assert re.search(rf"^id: {re.escape(APP_ID)}$", FLATPAK.read_text(encoding="utf-8"), re.M)
    assert MIME_XML.exists()
    # The spec reads the id from reader/__init__.py rather than repeating it.
    spec = SPEC.read_text(encoding="utf-8")
    assert "bundle_identifier=APP_ID" in spec and "reader\" / \"__init__.py" in spec
    assert not re.search(r"org\.provenancereader", spec)


def test_qt_application_uses_the_app_id(qapp):
    from reader.ui.app import create_application

    app = create_application()
    assert app.desktopFileName() == APP_ID
    assert app.applicationName() == APP_NAME
    assert app.applicationVersion() == __version__


def test_the_command_is_the_console_script():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    entry = desktop_entry()
    command = entry["Exec"].split()[0]
    assert command in scripts and entry["TryExec"] == command
    assert metainfo().findtext("provides/binary") == command
    assert re.search(rf"^command: {command}$", FLATPAK.read_text(encoding="utf-8"), re.M)


def test_metainfo_release_is_the_package_version():
    releases = metainfo().findall("releases/release")
    assert releases and releases[0].get("version") == __version__


def test_every_format_is_associated():
    listed = [t for t in desktop_entry()["MimeType"].split(";") if t]
    assert set(FORMAT_TYPES.values()) <= set(listed)
    assert sorted(listed) == sorted(m.text for m in metainfo().findall("provides/mediatype"))


def test_the_webarchive_type_is_declared():
    # shared-mime-info has no type for Safari web archives; the reader ships one.
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(MIME_XML).getroot()
    declared = {t.get("type"): [g.get("pattern") for g in t.findall("m:glob", ns)]
                for t in root.findall("m:mime-type", ns)}
    assert declared == {"application/x-webarchive": ["*.webarchive"]}


def test_flatpak_manifest_installs_the_desktop_files():
    manifest = FLATPAK.read_text(encoding="utf-8")
    for needed in ("share/applications/${FLATPAK_ID}.desktop",
                   "share/metainfo/${FLATPAK_ID}.metainfo.xml",
                   "share/mime/packages/${FLATPAK_ID}.xml",
                   "share/icons/hicolor/scalable/apps/${FLATPAK_ID}.svg"):
        assert needed in manifest
