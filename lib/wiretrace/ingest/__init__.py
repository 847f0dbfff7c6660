"""Ingest: read article files and records into a :class:`~wiretrace.ingest.corpus.Corpus`.

Formats (txt, md, html, json, jsonl, csv: :mod:`.formats`), decoding (:mod:`.decode`),
sidecar metadata (:mod:`.sidecar`), and the text's own metadata (dates, bylines, credit
lines, datelines, captions, boilerplate: :mod:`.textmeta`, with the patterns of
:mod:`.credit_patterns`) kept out of the body used for matching; :mod:`.corpus` puts
them together. The first stage of the pipeline: everything above reads its ``Corpus``.
"""
