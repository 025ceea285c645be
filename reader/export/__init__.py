"""The analysis out of the app: HTML, PDF (Qt), JSON, brat, and the "Who speaks" numbers.

HTML, JSON, brat and the statistics are pure Python; only `reader.export.pdf` imports Qt
(GUI classes, no widgets), so it is not imported here.
"""

from reader.export.brat import read_brat, write_brat
from reader.export.html import render_handout_html, render_html
from reader.export.json_export import export_record, write_json
from reader.export.stats import VoiceShares, voice_shares

__all__ = ["VoiceShares", "export_record", "read_brat", "render_handout_html", "render_html",
           "voice_shares", "write_brat", "write_json"]
