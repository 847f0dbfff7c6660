"""Tests for wtbench.meter: the METER folder's path, and the message when it is missing."""

from __future__ import annotations

import pytest
from conftest import PROJECT_ROOT

from wtbench import paths
from wtbench.meter import METER_DIR, PREPARE, MeterMissing, meter_dir


def test_the_meter_folder_is_in_the_clone_and_git_ignored():
    assert METER_DIR == PROJECT_ROOT / "benchmarks" / "corpora" / "meter-calibration"
    assert METER_DIR.parent == paths.CORPORA_DIR
    ignored = (PROJECT_ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "benchmarks/corpora/meter-calibration/" in ignored
    assert (PROJECT_ROOT / "benchmarks" / "corpora" / "meter" / "prepare.py").is_file()


def test_a_missing_meter_folder_says_how_to_prepare_it(tmp_path):
    with pytest.raises(MeterMissing) as raised:
        meter_dir(tmp_path / "absent")
    message = str(raised.value)
    assert PREPARE in message
    assert PREPARE == (
        "python benchmarks/corpora/meter/prepare.py PATH-TO-CLONE "
        "benchmarks/corpora/meter-calibration"
    )
    assert "AbeHandler/text-plagiarism" in message
    assert isinstance(raised.value, FileNotFoundError)


def test_a_prepared_meter_folder_is_returned(tmp_path):
    (tmp_path / "labels.csv").write_text("article_id,story,label\n", encoding="utf-8")
    assert meter_dir(tmp_path) == tmp_path
    assert meter_dir(str(tmp_path)) == tmp_path
