"""Article → Analysis: who is speaking in every span. No Qt here."""

from reader.provenance.analyzer import DEFAULT_MODEL, Analyzer, ModelError, build_pipeline
from reader.provenance.model import Analysis, Claim, Source, VoiceSpan

__all__ = ["Analyzer", "Analysis", "Claim", "ModelError", "Source", "VoiceSpan", "DEFAULT_MODEL",
           "build_pipeline"]
