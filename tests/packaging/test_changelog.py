"""The changelog has an entry for the version in reader/__init__.py."""

import re

from packaging_paths import ROOT

from reader import __version__


def test_changelog_has_the_current_version():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[([^\]]+)\]", text, re.M)
    assert headings[0] == "Unreleased"
    assert __version__ in headings
    assert re.search(rf"^## \[{re.escape(__version__)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", text, re.M)


def test_metainfo_release_date_is_the_changelog_date():
    import xml.etree.ElementTree as ET

    from packaging_paths import METAINFO

    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    date = re.search(rf"^## \[{re.escape(__version__)}\] - (\S+)$", text, re.M).group(1)
    release = ET.parse(METAINFO).getroot().find(f"releases/release[@version='{__version__}']")
    assert release is not None and release.get("date") == date
