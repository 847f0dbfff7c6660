"""wiretrace: audit news articles for reused wire copy.

Given a cluster of articles about one story, wiretrace finds which agencies each credits
(provenance), aligns every sentence with its source (rewrite detection) and flags what
the rewrite got wrong (introduced errors). Start with :func:`audit`;
:func:`read_audit` reads back a folder an audit wrote.
"""

from wiretrace.audit import AuditResult, audit
from wiretrace.ingest.corpus import Article, Corpus, InputError, load_corpus
from wiretrace.readback import read_audit

__version__ = "0.1.0"
__all__ = [
    "Article",
    "AuditResult",
    "Corpus",
    "InputError",
    "audit",
    "load_corpus",
    "read_audit",
    "__version__",
]
