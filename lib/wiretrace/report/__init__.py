"""Report: the scorecard with its provenance verdicts, readability, charts and side-by-side
views, built from the tables of the stages above.

Takes the corpus and the tables of provenance, rewrite detection and findings; returns the
``scorecard`` (:mod:`.scorecard`, with the provenance verdicts of :mod:`.provenance`) and
``readability`` (:mod:`.readability`) tables, and, for the notebooks, charts
(:mod:`.plots`) and HTML side-by-side views (:mod:`.views`). Nothing here changes a table
of the stages below.
"""
