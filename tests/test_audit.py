from __future__ import annotations

import importlib
import json

import pytest
from conftest import CLOUGH_STEVENSON_DIR, SEEDS_DIR

import wiretrace
from wiretrace import schema
from wiretrace.ingest.corpus import Corpus, InputError


def test_every_table_has_the_contract_columns(seed_audit):
    for name, columns in schema.TABLES.items():
        table = getattr(seed_audit, name)
        assert list(table.columns[: len(columns)]) == columns, name
    assert list(seed_audit.scorecard.columns[:5]) == schema.SCORECARD_BASE_COLUMNS


def test_seed_audit_reads_every_seed(seed_audit):
    assert seed_audit.summary()["articles"] == 5
    assert seed_audit.summary()["rejected"] == 0
    assert sorted(seed_audit.scorecard["article_id"]) == sorted(seed_audit.articles["article_id"])


def test_to_dir_writes_every_table_and_is_reproducible(seed_audit, tmp_path):
    first = seed_audit.to_dir(tmp_path / "a")
    second = wiretrace.audit([SEEDS_DIR]).to_dir(tmp_path / "b")
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted([*(f"{t}.csv" for t in seed_audit.tables()), "audit.json"])
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    document = json.loads((first / "audit.json").read_text(encoding="utf-8"))
    assert document["summary"]["articles"] == 5
    assert len(document["inputs"]) == 5 and all(len(i["sha256"]) == 64 for i in document["inputs"])
    assert set(document["tables"]) == set(seed_audit.tables())


def test_audit_needs_inputs():
    with pytest.raises(InputError, match="no input paths"):
        wiretrace.audit([])


def test_wire_argument_sets_the_role():
    seed = SEEDS_DIR / "001_d598337ef24b6ebd.txt"
    result = wiretrace.audit([SEEDS_DIR / "002_81e9dda9929231ae.txt"], wire=[seed])
    assert result.articles.set_index("article_id")["role"].to_dict() == {
        "002_81e9dda9929231ae": "article",
        "001_d598337ef24b6ebd": "wire",
    }


def test_seed_showcase_every_finding_is_pinned(seed_audit):
    """The seeds' real problems, each on the version that introduced it, and nothing else."""
    found = [
        (f.article_id[:3], f.kind, f.severity, f.text.strip()[:24])
        for f in seed_audit.findings.itertuples()
    ]
    assert found == [
        ("000", "modality_change", "high", "may"),  # "will be forced" -> "may be compelled"
        ("000", "attribution_dropped", "high", "These discussions have e"),  # "That source noted"
        ("000", "word_change", "medium", "former\u2019s former"),  # "the country's former ..."
        ("000", "date_change", "medium", "response"),  # "On August 3" dropped
        ("000", "date_change", "medium", "a recent Sunday"),  # "expired on Sunday"
        ("000", "uncredited_reuse", "high", "This coup marks another "),
        # the versions split with no majority (000 paraphrases, 001 and 002 differ): variants
        # "the 55-year pro-French dynasty": the drop names its sentence (was blank, #16)
        ("000", "variant", "low", "In contrast to prior rea"),
        ("001", "typo", "low", "toas"),
        ("002", "verb_change", "high", "suspended"),  # "renounced" in the other versions
        ("002", "variant", "low", "the movement"),  # 001 "easing movements", 000 "the movement"
        ("002", "variant", "low", "reportedly"),  # 001 without it, 000 paraphrases
        ("003", "unsupported_addition", "low", "As geopolitical landscap"),
        # AFP's quotation translated twice (via dpa) and its anonymous source made the ministry
        ("004", "quote_altered", "high", "The exchange about the w"),
        ("004", "attribution_changed", "high", "said the French Ministry"),
        ("004", "mt_artifact", "low", "told the newspaper Le Mo"),
        ("004", "mt_artifact", "medium", "had at"),
        ("004", "mt_artifact", "low", "Sahelafter"),
        ("004", "mt_artifact", "medium", "partial deduction"),  # German Teilabzug
    ]


def test_seed_derivation_and_provenance(seed_audit):
    card = seed_audit.scorecard.set_index("article_id")
    assert card["derivation"].to_dict() == {
        "000_5ceb88a01bc13192": "wholly",  # paraphrased throughout, nothing added
        "001_d598337ef24b6ebd": "wholly",
        "002_81e9dda9929231ae": "wholly",
        "003_665655b582766711": "non",
        "004_d5c23e7a232071b8": "non",
    }
    assert card["provenance"].to_dict() == {
        "000_5ceb88a01bc13192": "uncredited wire copy",
        "001_d598337ef24b6ebd": "credited wire copy",
        "002_81e9dda9929231ae": "credited wire copy",
        "003_665655b582766711": "original or unknown",
        "004_d5c23e7a232071b8": "credited wire copy",
    }


def test_wire_given_pins_errors_on_the_rewrite_only():
    wire = SEEDS_DIR / "001_d598337ef24b6ebd.txt"
    result = wiretrace.audit([SEEDS_DIR / "002_81e9dda9929231ae.txt"], wire=[wire])
    kinds = sorted(result.findings["kind"])
    assert kinds == ["modality_change", "quote_altered", "verb_change"]
    assert set(result.findings["source_id"]) == {"001_d598337ef24b6ebd"}
    assert set(result.findings["article_id"]) == {"002_81e9dda9929231ae"}


def test_an_article_gets_the_same_findings_whatever_else_is_in_the_folder(tmp_path, seed_audit):
    """Another story in the folder (its own cluster) changes nothing for the seeds, even
    when it attests a word that is a typo in a seed ("toas" in 001)."""
    import shutil

    for path in SEEDS_DIR.glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)
    other = CLOUGH_STEVENSON_DIR / "texts"
    for name in ("orig_taska.txt", "g0pA_taska.txt", "g0pB_taska.txt"):
        shutil.copy(other / name, tmp_path / name)
    (tmp_path / "village.txt").write_text(
        "Residents of Toas, a hill village in the north, voted on Sunday to rebuild the old "
        "mill. The mill burned down in March, the mayor of Toas said.",
        encoding="utf-8",
    )
    mixed = wiretrace.audit([tmp_path])
    seed_ids = set(seed_audit.articles["article_id"])
    clusters = mixed.clusters.set_index("article_id")["cluster_id"]
    assert clusters[sorted(seed_ids)].nunique() == 1
    assert not set(clusters.drop(sorted(seed_ids))) & set(clusters[sorted(seed_ids)])
    columns = ["article_id", "kind", "severity", "text", "start", "end"]
    mine = mixed.findings[mixed.findings["article_id"].isin(seed_ids)][columns]
    assert mine.reset_index(drop=True).equals(seed_audit.findings[columns].reset_index(drop=True))


STORY = (
    "The French army is holding talks with Niger about withdrawing troops, officials said. "
    "The talks began on Monday in Niamey and went on all week."
)


def test_audit_takes_one_path_and_no_wire(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(STORY, encoding="utf-8")
    one = wiretrace.audit(str(tmp_path / "in"), wire=None)
    assert one.articles["article_id"].tolist() == ["a"]
    assert wiretrace.audit(tmp_path / "in" / "a.txt").articles["status"].tolist() == ["ok"]


def test_inputs_are_hashed_once_when_read(tmp_path):
    import hashlib

    (tmp_path / "in").mkdir()
    story = tmp_path / "in" / "a.txt"
    story.write_text(STORY, encoding="utf-8")
    digest = hashlib.sha256(story.read_bytes()).hexdigest()
    result = wiretrace.audit([tmp_path / "in"])
    story.unlink()  # gone (or failing) after it was read: the output does not read it again
    document = json.loads((result.to_dir(tmp_path / "out") / "audit.json").read_text())
    assert document["inputs"] == [{"article_id": "a", "path": str(story), "sha256": digest}]


def test_ids_colliding_with_the_suffix_are_audited(tmp_path):
    (tmp_path / "r.json").write_text(
        json.dumps([{"id": i, "text": STORY} for i in ("X", "X", "X~2")]), encoding="utf-8"
    )
    result = wiretrace.audit([tmp_path])
    assert result.articles["article_id"].tolist() == ["X", "X~2", "X~2~2"]
    assert set(result.derivation["article_id"]) == {"X", "X~2", "X~2~2"}


def test_to_dir_refuses_a_file_and_a_folder_inside_an_input(tmp_path):
    from wiretrace.audit import OutputError

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(STORY, encoding="utf-8")
    result = wiretrace.audit([tmp_path / "in"])
    with pytest.raises(OutputError, match="is inside the input folder"):
        result.to_dir(tmp_path / "in" / "out")
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="is an existing file"):
        result.to_dir(tmp_path / "file")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "in"]


def test_a_cluster_whose_audit_raises_is_reported_and_the_run_goes_on(monkeypatch, tmp_path):
    import shutil

    import wiretrace.provenance.claims as claims

    real = claims.extract_claims

    def broken_for_seeds(corpus, registry=None):
        if any(a.article_id.startswith("00") for a in corpus.articles):
            raise RuntimeError("parser broke")
        return real(corpus, registry)

    for name in ("g0pA_taska.txt", "g0pB_taska.txt", "orig_taska.txt"):
        shutil.copy(CLOUGH_STEVENSON_DIR / "texts" / name, tmp_path / name)
    for seed in SEEDS_DIR.glob("*.txt"):
        shutil.copy(seed, tmp_path / seed.name)
    monkeypatch.setattr(claims, "extract_claims", broken_for_seeds)
    result = wiretrace.audit([tmp_path])
    articles = result.articles.set_index("article_id")
    seeds = [i for i in articles.index if i.startswith("00")]
    assert len(seeds) == 5 and set(articles.loc[seeds, "status"]) == {"failed"}
    reason = articles.at[seeds[0], "reason"]
    assert reason.startswith("cluster ") and reason.endswith(" failed: RuntimeError: parser broke")
    others = [i for i in articles.index if not i.startswith("00")]
    assert set(articles.loc[others, "status"]) == {"ok"}
    assert set(result.derivation["article_id"]) <= set(others) and len(result.derivation)
    assert result.summary()["failed"] == 5
    assert set(result.scorecard.loc[result.scorecard["status"] == "failed", "article_id"]) == set(
        seeds
    )


def test_a_run_without_failures_has_no_failed_count(seed_audit):
    assert "failed" not in seed_audit.summary()


# dask's own parquet reader calls reset_index(inplace=True), which pandas 3.1 deprecates.
@pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame.reset_index")
def test_parquet_output_reads_back_with_pandas_and_dask(seed_audit, tmp_path):
    import pandas as pd

    out = seed_audit.to_dir(tmp_path / "pq", format="parquet")
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [*(f"{t}.parquet" for t in seed_audit.tables()), "audit.json"]
    )
    for name, table in seed_audit.tables().items():
        back = pd.read_parquet(out / f"{name}.parquet")
        assert list(back.columns) == list(table.columns), name
        assert back.shape == table.shape, name
    assert pd.read_parquet(out / "findings.parquet")["kind"].tolist() == list(
        seed_audit.findings["kind"]
    )
    document = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    assert "tables" not in document and document["summary"] == seed_audit.summary()
    dd = pytest.importorskip("dask.dataframe")
    assert len(dd.read_parquet(str(out / "alignments.parquet")).compute()) == len(
        seed_audit.alignments
    )


def test_parquet_tables_are_cut_into_parts(seed_audit, tmp_path):
    import pandas as pd

    from wiretrace.audit import write_parquet

    folder = write_parquet(seed_audit.articles, tmp_path / "articles.parquet", rows=2)
    assert sorted(p.name for p in folder.iterdir()) == [
        "part-00000.parquet",
        "part-00001.parquet",
        "part-00002.parquet",
    ]
    assert pd.read_parquet(folder)["article_id"].tolist() == list(seed_audit.articles["article_id"])
    write_parquet(seed_audit.articles.iloc[0:0], folder)  # a rerun replaces the old parts
    assert [p.name for p in folder.iterdir()] == ["part-00000.parquet"]
    assert list(pd.read_parquet(folder).columns) == list(seed_audit.articles.columns)


def test_unknown_output_format_is_refused(seed_audit, tmp_path):
    with pytest.raises(ValueError, match="format must be one of csv, parquet"):
        seed_audit.to_dir(tmp_path, format="xlsx")


def test_a_one_sentence_article_is_too_short_to_weigh_as_a_story(tmp_path):
    """#16: one sentence copied from the wire is derived from it (decided_by too_short) and
    its uncredited reuse is medium; a one-sentence article with nothing of the wire is
    alone in its story and non derived, with no finding."""
    wire = tmp_path / "wire.txt"
    wire.write_bytes((SEEDS_DIR / "001_d598337ef24b6ebd.txt").read_bytes())
    (tmp_path / "copied.txt").write_text(
        "The French army is holding talks with Niger\u2019s military over withdrawing "
        "\u201celements\u201d of its presence there following a coup, a defence ministry "
        "source said on Tuesday.\n",
        encoding="utf-8",
    )
    (tmp_path / "unrelated.txt").write_text(
        "The city council approved a new budget for road repairs on Monday evening.\n",
        encoding="utf-8",
    )
    result = wiretrace.audit([tmp_path], wire=[wire])
    primary = result.derivation[result.derivation["primary"].astype(bool)]
    rows = primary.set_index("article_id")[["derivation", "decided_by"]].to_dict("index")
    assert rows == {
        "copied": {"derivation": "wholly", "decided_by": "too_short"},
        "unrelated": {"derivation": "non", "decided_by": "no_source"},
    }
    findings = result.findings[["article_id", "kind", "severity"]].values.tolist()
    assert findings == [["copied", "uncredited_reuse", "medium"]]
    why = result.findings["explanation"].iloc[0]
    assert why.endswith("It is one sentence: one copied sentence, not a copied story.")


def test_crlf_offsets_point_into_the_file_on_disk(seed_audit, tmp_path):
    """#16: the seeds with CRLF line ends give the same findings as the seeds, and each
    finding's offsets index its words in the file's decoded text, "\r\n" and all."""
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        (tmp_path / path.name).write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    findings = wiretrace.audit([tmp_path]).findings
    columns = ["article_id", "kind", "severity", "text", "source_text"]
    assert findings[columns].equals(seed_audit.findings[columns])
    assert len(findings) == 18
    for row in findings.itertuples():
        on_disk = (tmp_path / f"{row.article_id}.txt").read_bytes().decode("utf-8")
        assert "\r\n" in on_disk
        assert on_disk[row.start : row.end] == row.text


def test_a_load_task_parses_its_inputs_and_fingerprints_the_accepted_ones(tmp_path):
    import numpy as np

    from wiretrace.audit import parse_task
    from wiretrace.ingest.corpus import input_files, load_corpus
    from wiretrace.rewrites.cluster import SAMPLE_EVERY, candidate_pairs, fingerprints, sketch

    for seed in sorted(SEEDS_DIR.glob("*.txt"))[:3]:
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "empty.txt").write_text("")  # rejected: no fingerprint
    files, sidecar = input_files([tmp_path])
    articles, (summaries, prints, used) = parse_task(files, sidecar)
    corpus = load_corpus([tmp_path])
    assert [a.article_id for a in articles] == [a.article_id for a in corpus.articles]
    assert [a.text for a in articles] == [a.text for a in corpus.articles]
    assert Corpus(summaries).table().equals(corpus.table())
    assert Corpus(summaries).metadata_table().equals(corpus.metadata_table())
    assert not hasattr(summaries[0], "text") and used == set()
    expected = sketch(fingerprints(corpus))
    assert [p.article_id for p in prints] == [a.article_id for a in corpus.ok]
    assert len(prints) == 3 and len(articles) == 4
    for mine, theirs in zip(prints, expected, strict=True):
        assert np.array_equal(mine.shingles, theirs.shingles)
        assert np.array_equal(mine.sketches, theirs.sketches)
        assert set(mine.anchors) == {a for a in theirs.anchors if a % SAMPLE_EVERY == 0} != set()
    assert candidate_pairs(prints) == candidate_pairs(expected)


@pytest.mark.parametrize("rows", [1, 2, 5_000])
@pytest.mark.parametrize("format", ["csv", "parquet"])
def test_audit_json_written_in_parts_is_json_dump_of_the_document(
    seed_audit, monkeypatch, rows, format
):
    import dataclasses
    import io

    audit_module = importlib.import_module("wiretrace.audit")
    monkeypatch.setattr(audit_module, "_JSON_ROWS", rows)  # tables of 1 to 18 rows split
    emptied = dataclasses.replace(seed_audit, stemma=seed_audit.stemma.iloc[:0])
    for result in (seed_audit, emptied):
        written = io.StringIO()
        result.write_document(written, format)
        expected = json.dumps(result.document(format), indent=2, ensure_ascii=False) + "\n"
        assert written.getvalue() == expected


def test_an_earlier_runs_tables_are_read_from_its_audit_json_by_lines(seed_audit, tmp_path):
    audit_module = importlib.import_module("wiretrace.audit")
    out = seed_audit.to_dir(tmp_path / "out")
    document = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    names = [f"{name}.csv" for name in document["tables"]]
    assert audit_module._earlier_tables(out) == names and len(names) == 13
    (out / "audit.json").write_text(json.dumps(document), encoding="utf-8")  # one line
    assert audit_module._earlier_tables(out) == names
    parquet = seed_audit.to_dir(tmp_path / "parquet", format="parquet")
    assert audit_module._earlier_tables(parquet) == [f"{n[:-4]}.parquet" for n in names]
    (out / "audit.json").write_text("{", encoding="utf-8")  # unreadable: nothing to remove
    assert audit_module._earlier_tables(out) == []
