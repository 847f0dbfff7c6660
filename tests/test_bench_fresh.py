"""Tests for wtbench.fresh: a command measured in a fresh process reports its own peak."""

from __future__ import annotations

import sys

from wtbench.fresh import cpu_seconds, peak_mb, run_fresh

_ALLOCATE = "b = bytearray({mb} * 1024 * 1024); b[::4096] = b'x' * len(b[::4096]); print('done')"


def test_a_fresh_process_reports_its_own_peak_not_its_parents():
    ballast = bytearray(300 * 1024 * 1024)  # this process now peaks above 300 MB
    ballast[::4096] = b"x" * len(ballast[::4096])
    small = run_fresh([sys.executable, "-c", "print('small')"])
    large = run_fresh([sys.executable, "-c", _ALLOCATE.format(mb=200)])
    assert peak_mb() > 300 and cpu_seconds() > 0
    assert (small["returncode"], small["stdout"]) == (0, "small\n")
    assert small["peak_mb"] < 60  # an interpreter alone, not the 300 MB parent
    assert 200 < large["peak_mb"] < 260 and large["stdout"] == "done\n"
    assert large["seconds"] > 0


def test_a_failing_command_gives_its_return_code_and_error():
    failed = run_fresh([sys.executable, "-c", "raise SystemExit('no such corpus')"])
    assert failed["returncode"] == 1 and "no such corpus" in failed["stderr"]
