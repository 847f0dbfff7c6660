"""Ingest: read article files and records into a :class:`~wiretrace.ingest.load.Corpus`.

Formats (txt, md, html, json, jsonl, csv), decoding, sidecar metadata, and the text's
own metadata (dates, bylines, credit lines, datelines, captions, boilerplate) kept out of
the body used for matching. The first stage of the pipeline: everything below reads its
``Corpus``.
"""
