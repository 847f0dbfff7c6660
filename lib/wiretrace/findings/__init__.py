"""Findings: what each rewrite got wrong and what it failed to credit.

Takes the corpus, the rewrite analysis and the provenance tables; returns the
``findings`` table. :mod:`.errors` (error findings of aligned sentences and artefacts of
articles that are not rewrites) and :mod:`.attribution` (credits and attributions lost)
build its rows with :mod:`.finding`; :mod:`.compare` compares one sentence pair as a
:mod:`.pair` of units cut into edits, with the words :mod:`.words` says the story attests;
the checks themselves are in :mod:`.checks`, one module per kind, found and run in order.
"""
