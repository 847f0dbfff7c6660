from __future__ import annotations

import pytest
from conftest import SEEDS_DIR

from wiretrace.cli import main


def test_audit_writes_tables_and_prints_a_summary(tmp_path, capsys):
    assert main(["audit", str(SEEDS_DIR), "--out", str(tmp_path), "--quiet"]) == 0
    assert (tmp_path / "articles.csv").is_file() and (tmp_path / "audit.json").is_file()
    assert capsys.readouterr().out == ""
    assert main(["audit", str(SEEDS_DIR), "--out", str(tmp_path / "loud")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "5 inputs: 5 audited, 0 rejected, 0 wire"
    assert out[2] == (
        "  000_5ceb88a01bc13192: wholly derived, uncredited wire copy, "
        "findings high/medium/low 3/3/1"
    )
    assert out[-1].startswith("wrote ")


def test_the_summary_calls_wire_copy_wire_copy(tmp_path, capsys):
    wire = SEEDS_DIR / "001_d598337ef24b6ebd.txt"
    argv = ["audit", str(SEEDS_DIR), "--wire", str(wire), "--out", str(tmp_path / "w")]
    assert main(argv) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "5 inputs: 5 audited, 0 rejected, 1 wire"
    wire_line = next(line for line in out if line.startswith("  001_d598337ef24b6ebd: "))
    assert wire_line.startswith("  001_d598337ef24b6ebd: wire copy, ")
    assert "nan" not in "\n".join(out)


def test_rejected_inputs_are_listed_with_their_reason(tmp_path, capsys):
    # The inputs in their own folder: an --out inside an input folder is refused (#16).
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "ok.txt").write_text("Talks began on Monday in Niamey.", encoding="utf-8")
    assert main(["audit", str(tmp_path / "in"), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "  empty: rejected (empty file)\n" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["audit", "seeds/"], "the following arguments are required: --out"),
        (["audit", "--out", "x"], "the following arguments are required: PATH"),
        (["frobnicate"], "argument command: invalid choice: 'frobnicate'"),
        (
            ["audit", "seeds/", "--out", "x", "--workers", "0"],
            "argument --workers: expected a whole number of at least 1, not '0'",
        ),
        (
            ["audit", "seeds/", "--out", "x", "--workers", "two"],
            "argument --workers: expected a whole number of at least 1, not 'two'",
        ),
    ],
)
def test_bad_arguments_exit_2_with_one_line(argv, message, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


def test_missing_path_exits_2(tmp_path, capsys):
    assert main(["audit", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) == 2
    assert (
        capsys.readouterr().err
        == f"wiretrace: error: no such file or folder: {tmp_path / 'nope'}\n"
    )


STORY = "Talks began on Monday in Niamey. They went on all week, officials said."


def _one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("wiretrace: error: ")
    return err.strip()


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    return folder


def test_an_out_that_is_a_file_exits_2_before_the_audit(inputs, tmp_path, capsys):
    (tmp_path / "taken").write_text("mine")
    assert main(["audit", str(inputs), "--out", str(tmp_path / "taken"), "--quiet"]) == 2
    assert _one_line_error(capsys) == (
        f"wiretrace: error: the output folder is an existing file: {tmp_path / 'taken'}"
    )
    assert (tmp_path / "taken").read_text() == "mine"


def test_an_out_inside_an_input_exits_2(inputs, capsys):
    assert main(["audit", str(inputs), "--out", str(inputs / "report"), "--quiet"]) == 2
    assert _one_line_error(capsys) == (
        f"wiretrace: error: the output folder {inputs / 'report'} is inside the input "
        f"folder {inputs}"
    )
    assert not (inputs / "report").exists()


@pytest.mark.parametrize("argv", [["audit", ""], ["audit", "seeds", "--wire", ""]])
def test_an_empty_path_exits_2(argv, tmp_path, capsys):
    assert main([*argv, "--out", str(tmp_path / "out"), "--quiet"]) == 2
    assert _one_line_error(capsys) == "wiretrace: error: an input path is empty"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "metadata file is not a CSV text (empty file)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "metadata file is not a CSV text (binary file"),
        (b"outlet,url\nX,y\n", "metadata needs an 'article_id' or 'file' column"),
    ],
)
def test_a_bad_meta_file_exits_2_with_one_line(data, message, inputs, tmp_path, capsys):
    (tmp_path / "meta.csv").write_bytes(data)
    argv = ["audit", str(inputs), "--meta", str(tmp_path / "meta.csv")]
    assert main([*argv, "--out", str(tmp_path / "out"), "--quiet"]) == 2
    assert message in _one_line_error(capsys)
    assert not (tmp_path / "out").exists()


def test_a_cp1252_meta_file_is_read(inputs, tmp_path, capsys):
    (tmp_path / "meta.csv").write_bytes(
        "article_id,outlet\nstory,Le Monde \u00e9d.\n".encode("cp1252")
    )
    argv = ["audit", str(inputs), "--meta", str(tmp_path / "meta.csv"), "--quiet"]
    assert main([*argv, "--out", str(tmp_path / "out")]) == 0
    assert "Le Monde \u00e9d." in (tmp_path / "out" / "articles.csv").read_text(encoding="utf-8")


def test_meta_problems_are_reported_once_on_stderr_and_in_audit_json(inputs, tmp_path, capsys):
    import json

    (tmp_path / "meta.csv").write_text(
        "article_id,outlet,colour\nstory,Example,red\nghost,Nobody,blue\nextra,a,b,c\n",
        encoding="utf-8",
    )
    argv = ["audit", str(inputs), "--meta", str(tmp_path / "meta.csv"), "--quiet"]
    assert main([*argv, "--out", str(tmp_path / "out")]) == 0
    meta = tmp_path / "meta.csv"
    warnings = [
        f"{meta}: metadata columns ignored: colour",
        f"{meta}: metadata row 4 ignored (more cells than the header)",
        "metadata keys matching no input (1): ghost",
    ]
    assert capsys.readouterr().err.splitlines() == [f"wiretrace: warning: {w}" for w in warnings]
    document = json.loads((tmp_path / "out" / "audit.json").read_text(encoding="utf-8"))
    assert document["warnings"] == warnings


def test_a_rerun_says_what_it_replaced_and_leaves_no_stale_table(inputs, tmp_path, capsys):
    import json

    out = tmp_path / "out"
    argv = ["audit", str(inputs), "--out", str(out), "--quiet"]
    assert main(argv) == 0
    assert capsys.readouterr().err == ""
    # An earlier run that wrote a table this version does not write, and a file of the user's.
    document = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    document["tables"]["retired"] = []
    (out / "audit.json").write_text(json.dumps(document), encoding="utf-8")
    (out / "retired.csv").write_text("old\n")
    (out / "notes.txt").write_text("mine\n")
    assert main(argv) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"wiretrace: replaced in {out}: alignments.csv, articles.csv, ")
    assert err[1] == f"wiretrace: removed stale tables from {out}: retired.csv"
    assert not (out / "retired.csv").exists() and (out / "notes.txt").read_text() == "mine\n"
    assert not any(p.name.startswith(".") for p in tmp_path.iterdir())


def test_a_failed_cluster_is_listed_with_its_reason(tmp_path, capsys, monkeypatch):
    import wiretrace.provenance.claims as claims

    real = claims.extract_claims

    def broken(corpus, registry=None):
        if corpus.articles:  # the empty tables of a run with nothing audited still work
            raise RuntimeError("parser broke")
        return real(corpus, registry)

    monkeypatch.setattr(claims, "extract_claims", broken)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok.txt").write_text("Talks began on Monday in Niamey.", encoding="utf-8")
    argv = ["audit", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--workers", "1"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 inputs: 0 audited, 0 rejected, 1 failed, 0 wire\n")
    assert "  ok: failed (cluster 0 failed: RuntimeError: parser broke)\n" in out
