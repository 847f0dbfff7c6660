"""Load ahead what every audit loads once per process: the spaCy model, the word lists,
the dictionaries, the stemmer and the language identifier.

:func:`load_resources` is what a first task would otherwise spend its first seconds on
(about 15 s of CPU on this project's 2-core machine, most of a small batch's audit).
Importing this module calls it: a local cluster (:func:`wiretrace.parallel.local_cluster`)
names it as the preload of the process its workers are forked from, so the resources are
loaded once for all workers, and each worker starts with them in memory. Everything is
read from installed packages; nothing is downloaded. Then it moves them out of the
garbage collector's sight (:func:`settle`), for the workers forked from this process.
"""

from __future__ import annotations

import gc

from wiretrace.parallel import GC_THRESHOLDS


def load_resources() -> None:
    """Load every resource the stages cache per process (each loader is cached, so a
    later call costs nothing and the stages get the same objects)."""
    from lemminflect import getAllLemmas

    from wiretrace.language import lexicon
    from wiretrace.language.agencies import load_registry
    from wiretrace.language.detect import english_share, identify
    from wiretrace.language.nlp import nlp
    from wiretrace.report.readability import FORMULAS
    from wiretrace.rewrites.align import stem

    nlp()
    lexicon.load_lexicon()
    lexicon.gb_words()
    lexicon.in_us_dictionary("defense")
    lexicon.in_wordfreq("the")
    lexicon.zipf("the")
    load_registry()
    identify("The minister said the troops would leave.")
    english_share(["the"])
    stem("leaving")
    getAllLemmas("said")
    for formula, _ in FORMULAS.values():
        formula("The minister said the troops would leave.")


def settle() -> None:
    """Move every object this process holds into the collector's permanent generation
    (``gc.freeze``) and collect less often (:data:`GC_THRESHOLDS`).

    The resources are never garbage, but each full collection walked all of them (the
    spaCy model, the word lists): frozen, and collected less often, they cost a worker
    no collection time, and the tables are the same. Only for a process of this project's own,
    such as a local cluster's workers (which inherit both from the process they are
    forked from): frozen objects are never freed.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


load_resources()
settle()
