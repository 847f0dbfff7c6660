"""Provenance: who each article credits (:mod:`.credits`) and who it quotes (:mod:`.claims`).

Takes a ``Corpus``; returns the ``attributions`` and ``claims`` tables.
"""
