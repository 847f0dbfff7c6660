"""Language: the words and names every stage shares.

Text normalisation and tokens (:mod:`.text`), comparison units (:mod:`.units`), the
lexicon and dictionaries (:mod:`.lexicon`), the agency registry (:mod:`.agencies`) and the
package's data files. The bottom layer: it imports nothing else of wiretrace.
"""
