"""Report: the scorecard with its provenance verdicts, readability, charts and side-by-side
views, built from the tables of the stages above.
"""
