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


def test_rejected_inputs_are_listed_with_their_reason(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text("Talks began on Monday in Niamey.", encoding="utf-8")
    assert main(["audit", str(tmp_path), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "  empty: rejected (empty file)\n" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["audit", "seeds/"], "the following arguments are required: --out"),
        (["audit", "--out", "x"], "the following arguments are required: PATH"),
        (["frobnicate"], "argument command: invalid choice: 'frobnicate'"),
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
