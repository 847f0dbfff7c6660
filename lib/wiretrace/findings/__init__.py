"""Findings: what each rewrite got wrong and what it failed to credit.

Takes the corpus, the rewrite analysis and the provenance tables; returns the
``findings`` table.
"""
