"""Rewrite detection: story clusters, sentence alignment, the witnesses' consensus,
derivation classes and the stemma, run per story cluster by :mod:`.analysis`.

Takes a ``Corpus``; returns a :class:`~wiretrace.rewrites.analysis.analysis.RewriteAnalysis` (the
``clusters``, ``alignments``, ``derivation`` and ``stemma`` tables and the source texts).
"""
