"""Provenance Reader: who is speaking in every span of a news article."""

__version__ = "0.1.0"
APP_NAME = "Provenance Reader"
APP_ID = "org.provenancereader.ProvenanceReader"
# The folder name under the platform's config, data, cache and log folders (platformdirs).
DIR_NAME = "ProvenanceReader"
