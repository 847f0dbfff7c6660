"""Rewrite detection: story clusters, sentence alignment, the witnesses' consensus,
derivation classes and the stemma, run per story cluster by :mod:`.analysis`.

Takes a ``Corpus``. :func:`~wiretrace.rewrites.cluster.cluster_stories` returns its story
clusters (``article_id, cluster_id, cluster_size``);
:func:`~wiretrace.rewrites.analysis.analyse_rewrites` takes the corpus and those clusters
and returns a :class:`~wiretrace.rewrites.analysis.RewriteAnalysis`: the ``clusters``,
``alignments``, ``derivation`` and ``stemma`` tables, the source texts the alignments
point into (wire articles and consensus texts, by id) and each cluster's consensus.
Modules, bottom to top: :mod:`.align` (sentence alignment), :mod:`.derive` (derivation
measures and class), :mod:`.witnesses` (the consensus of the versions), :mod:`.stemma`
(who copied whom), :mod:`.cluster` (story clusters), :mod:`.analysis` (all of them per
cluster); :mod:`.semantic` is an optional embedding pass outside the audit.
"""
