"""wiretrace: audit news articles for reused wire copy.

Given a cluster of articles about one story, wiretrace finds which agencies each credits
(provenance), aligns every sentence with its source (rewrite detection) and flags what
the rewrite got wrong (introduced errors). Start with :func:`audit`;
:func:`read_audit` reads back a folder an audit wrote.

Importing wiretrace before pandas or pyarrow makes pyarrow (which holds pandas' string
columns) allocate with the C library's allocator instead of its mimalloc pool, unless
``ARROW_DEFAULT_MEMORY_POOL`` is already set: a parallel run's driver makes and drops the
tables of one batch after another, and mimalloc keeps what they held, so the driver's peak
grew with every part (``wtbench.driver_memory`` measures the peak). pyarrow reads the
variable when it is first imported, so it is set here, before anything imports pandas;
the workers of a local cluster inherit it.
"""

import os

os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")

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
