"""Real multi-outlet coverage without wire: how many of the audit's findings are right?

The corpus (``benchmarks/corpora/multi-outlet/``: 15 stories, 85 articles of 43 sites,
2017-2018, from the public Giveme5W1H ``news_cluster`` data) is prepared locally by its
``prepare.py`` into ``benchmarks/corpora/multi-outlet-prepared/`` (git-ignored: the texts
are the publishers'). Each story is audited on its own, with no wire copy, as a user with
a folder of articles would. The high and medium findings were read by hand, each beside
its article and source, and the verdicts are stored in ``judgements.csv`` of the corpus
folder, keyed by ``article_id, kind, start, end`` (no article text): ``right`` (the finding
says something true about the rewrite a journalist would want to know), ``wrong`` (it
accuses the article of something it did not do) or ``unsure``.

:func:`run` writes ``benchmarks/results/multi_outlet.json``: articles, high and medium
findings per article, and, of those findings, how many are judged right, wrong or unsure
and how many are not judged yet (findings the judged run did not have; a change to the
audit shows up there, and must be read before its figures count).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from wtbench import paths, write_json
from wtbench.paths import CORPORA_DIR

#: The committed corpus folder (prepare script, story list, judgements) and the prepared
#: texts (git-ignored).
SOURCE_DIR = CORPORA_DIR / "multi-outlet"
PREPARED_DIR = CORPORA_DIR / "multi-outlet-prepared"
JUDGEMENTS = SOURCE_DIR / "judgements.csv"
KEY = ["article_id", "kind", "start", "end"]
VERDICTS = ("right", "wrong", "unsure")


def audit_stories(folder: str | Path = PREPARED_DIR) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Audit every story folder of ``folder`` alone, without wire. Returns ``(findings,
    derivation)``: every finding and every article's primary derivation row, each with
    its ``story``. Raises FileNotFoundError, with the command that prepares the corpus,
    when ``folder`` has no story folders."""
    from wiretrace import audit

    folder = Path(folder)
    stories = sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
    if not stories:
        raise FileNotFoundError(
            f"The multi-outlet corpus is not prepared in {folder}: see "
            f"{SOURCE_DIR / 'README.md'} (python benchmarks/corpora/multi-outlet/prepare.py "
            "PATH-TO-GIVEME5W1H benchmarks/corpora/multi-outlet-prepared)"
        )
    findings, derivation = [], []
    for story in stories:
        result = audit([story])
        findings.append(result.findings.assign(story=story.name))
        primary = result.derivation[result.derivation["primary"].astype(bool)]
        derivation.append(primary.assign(story=story.name))
    return pd.concat(findings, ignore_index=True), pd.concat(derivation, ignore_index=True)


def serious(findings: pd.DataFrame) -> pd.DataFrame:
    """The high and medium findings, the ones a journalist is asked to act on."""
    return findings[findings["severity"].isin(["high", "medium"])].reset_index(drop=True)


def figures(findings: pd.DataFrame, derivation: pd.DataFrame, judged: pd.DataFrame) -> dict:
    """The benchmark's figures (module docstring) from the audit and the judgements."""
    found = serious(findings)
    merged = found.merge(judged[[*KEY, "verdict"]], on=KEY, how="left")
    verdicts = merged["verdict"].fillna("not judged")
    n_articles = len(derivation)
    counts = {v: int((verdicts == v).sum()) for v in (*VERDICTS, "not judged")}
    judged_n = sum(counts[v] for v in VERDICTS)
    return {
        "stories": int(derivation["story"].nunique()),
        "articles": n_articles,
        "derived": int((derivation["derivation"] != "non").sum()),
        "high_per_article": round(float((found["severity"] == "high").sum()) / n_articles, 3),
        "medium_per_article": round(float((found["severity"] == "medium").sum()) / n_articles, 3),
        "findings": len(found),
        "verdicts": counts,
        "right_share_of_judged": round(counts["right"] / judged_n, 3) if judged_n else None,
        "by_kind": {
            kind: {v: int((verdicts[merged["kind"] == kind] == v).sum()) for v in counts}
            for kind in sorted(found["kind"].unique())
        },
    }


def run(out_dir: str | Path = paths.RESULTS_DIR, folder: str | Path = PREPARED_DIR) -> dict | None:
    """Audit the corpus and write ``multi_outlet.json``; None (and a message) when the
    corpus is not prepared."""
    try:
        findings, derivation = audit_stories(folder)
    except FileNotFoundError as missing:
        print(missing)
        return None
    judged = pd.read_csv(JUDGEMENTS) if JUDGEMENTS.is_file() else pd.DataFrame(columns=KEY)
    if "verdict" not in judged.columns:
        judged["verdict"] = pd.Series(dtype=object)
    result = figures(findings, derivation, judged)
    write_json(out_dir, "multi_outlet.json", result)
    return result


def to_judge(folder: str | Path = PREPARED_DIR) -> pd.DataFrame:
    """The high and medium findings not judged yet, with what a reader needs to judge
    them (printed by ``python -m wtbench.multi_outlet --to-judge``; not written to disk,
    the texts are the publishers')."""
    findings, _ = audit_stories(folder)
    found = serious(findings)
    judged = pd.read_csv(JUDGEMENTS) if JUDGEMENTS.is_file() else pd.DataFrame(columns=KEY)
    keys = set(map(tuple, judged[KEY].astype(str).values)) if len(judged) else set()
    todo = found[[tuple(map(str, k)) not in keys for k in found[KEY].values]]
    return todo[["story", *KEY, "severity", "text", "source_text", "explanation"]]


if __name__ == "__main__":
    import sys

    if "--to-judge" in sys.argv:
        pd.set_option("display.max_colwidth", 200)
        for row in to_judge().to_dict("records"):
            print(json.dumps(row, ensure_ascii=False))
    else:
        print(json.dumps(run(), indent=2))
