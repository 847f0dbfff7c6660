"""Where the METER calibration split lives, and the message when it has not been prepared.

METER's licence allows research use only, so its text is never committed: the repository
holds its preparation script and story list (``benchmarks/corpora/meter/``), and each user
writes the calibration split into ``METER_DIR`` (git-ignored) from a clone of the public
GitHub repository AbeHandler/text-plagiarism. :func:`meter_dir` returns the folder or
raises :class:`MeterMissing` saying how to prepare it.
"""

from __future__ import annotations

from pathlib import Path

from wtbench.paths import CORPORA_DIR

#: The preparation script, its story list and README (committed).
METER_SOURCE_DIR = CORPORA_DIR / "meter"
#: The prepared calibration split (git-ignored): story folders and ``labels.csv``.
METER_DIR = CORPORA_DIR / "meter-calibration"
PREPARE = (
    "python benchmarks/corpora/meter/prepare.py PATH-TO-CLONE benchmarks/corpora/meter-calibration"
)


class MeterMissing(FileNotFoundError):
    """The METER calibration split has not been prepared."""


def meter_dir(folder: str | Path = METER_DIR) -> Path:
    """``folder`` (default ``METER_DIR``) if it holds a prepared split (its ``labels.csv``).

    Raises :class:`MeterMissing`, with the command that prepares it, otherwise.
    """
    folder = Path(folder)
    if not (folder / "labels.csv").is_file():
        raise MeterMissing(
            f"The METER calibration split is not in {folder}. METER may not be redistributed, "
            "so each user prepares it: clone the public GitHub repository "
            "AbeHandler/text-plagiarism (git clone https://github.com/AbeHandler/text-plagiarism)"
            f", then run, from the repository root:\n    {PREPARE}\n"
            "(PATH-TO-CLONE is that clone; see benchmarks/corpora/meter/README.md)."
        )
    return folder
