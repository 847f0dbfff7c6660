"""Run a command in a fresh process and measure it alone: wall time and peak memory.

:func:`run_fresh` starts a small parent interpreter that runs nothing but the command and
then reads ``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss``: the peak resident memory of
the command's process (or of the largest of its descendants that it waited for, when that
is larger). The parent is needed because on Linux a process started with ``exec`` keeps
the peak of the process it replaced: a command started straight from a benchmark that
has already audited a corpus would report the benchmark's peak, not its own. Started from
the small parent, whatever the command reports about itself (its own
``RUSAGE_SELF`` peak) is its own too, above a floor of the parent's few megabytes.

Worker processes of a local Dask cluster are started with ``spawn`` by Dask's default,
which ``exec``s a child of the driver: their peaks would include the driver's at that
moment. wiretrace's own local cluster (:func:`wiretrace.parallel.local_cluster`) forks
them from a small forkserver process instead, so each worker's peak is its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

#: Run by the small parent: the command in a child process, then that child's peak memory.
_PARENT = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
seconds = time.perf_counter() - started
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"returncode": done.returncode, "seconds": seconds, "peak_kb": peak_kb,
                  "stdout": done.stdout, "stderr": done.stderr[-2000:]}))
"""


def _import_path() -> str:
    """``PYTHONPATH`` for the fresh process: the folders this process imported wiretrace
    and wtbench from first, so the command runs the same code, then the inherited path."""
    import wiretrace

    folders = [
        str(Path(module.__file__).resolve().parent.parent)
        for module in (wiretrace, sys.modules[__package__])
    ]
    inherited = os.environ.get("PYTHONPATH", "")
    return os.pathsep.join(dict.fromkeys([*folders, *filter(None, inherited.split(os.pathsep))]))


def run_fresh(command: Sequence[str]) -> dict:
    """Run ``command`` (a program and its arguments) under a small parent process.

    Returns ``returncode``, ``seconds`` (wall time of the command, start-up included),
    ``peak_mb`` (the largest resident memory of the command's process or of a descendant
    it waited for, in MB), ``stdout`` and the last 2,000 characters of ``stderr``.
    """
    env = {**os.environ, "PYTHONPATH": _import_path()}
    done = subprocess.run(
        [sys.executable, "-c", _PARENT, *command],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    child = json.loads(done.stdout)
    child["peak_mb"] = round(child.pop("peak_kb") / 1024, 1)
    return child


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (``ru_maxrss`` is in kB)."""
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def cpu_seconds() -> float:
    """User and system CPU time of this process so far, in seconds."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
