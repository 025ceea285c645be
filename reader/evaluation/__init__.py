"""Scoring the analyser against attribution corpora annotated in brat stand-off format.

`brat` reads a corpus split into gold attributions, `metrics` compares them with an
`Analysis`; `reader.evaluate` is the command line around both. No spaCy, no Qt here.
"""
