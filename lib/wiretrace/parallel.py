"""Run independent tasks (one per story cluster) in this process or on a Dask cluster.

:func:`run_tasks` maps one function over a list of tasks and returns the results in task
order, whatever the order they finish in, so a parallel run gives what a serial run
gives. It runs the tasks

- here, one after the other, with ``workers=1`` and no ``scheduler`` (the default), or
  when there is at most one task (a cluster would only add its start-up time);
- on a local Dask cluster of ``workers`` processes (one thread each) that it starts on
  the loopback interface (127.0.0.1, no dashboard) and stops at the end;
- on an existing Dask cluster: ``scheduler`` is its address (``tcp://host:8786``) or a
  ``distributed.Client``. The workers need wiretrace installed.

:func:`connection` opens the engine once for several maps (the audit parses its inputs
and then audits its clusters on the same cluster). :func:`submit_tasks` leaves the
results on the workers as futures and :func:`finished_tasks` runs tasks on such futures,
yielding each result as it finishes (a parallel audit keeps the parsed articles on the
workers: the driver gets only what it needs of them). A progress bar counts finished
tasks, or what they stand for (``sizes``). Ctrl-C cancels the tasks still queued and
stops a cluster started here. Each worker process keeps what a task loads once (the spaCy
model, the word lists: they are cached per process), and the workers of a local cluster
start with them loaded (:func:`local_cluster`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

#: The address a local cluster listens on: never beyond this machine.
LOCAL_HOST = "127.0.0.1"

#: The garbage collector's thresholds in a local cluster's workers
#: (:func:`wiretrace.preload.settle`): the youngest generation collected after this many
#: new container objects, not Python's 700.
GC_THRESHOLDS = (10_000, 10, 10)


def default_workers() -> int:
    """One worker per core of this machine (at least 1)."""
    return max(1, os.cpu_count() or 1)


def run_tasks(
    function: Callable[[Any], Any],
    tasks: Sequence[Any],
    workers: int = 1,
    scheduler: Any = None,
    progress: bool = False,
    desc: str = "clusters",
    unit: str = "cluster",
    sizes: Sequence[int] | None = None,
) -> list:
    """``[function(t) for t in tasks]``, serially or on a Dask cluster (see the module).

    ``workers`` >= 1 (local processes; ignored when ``scheduler`` is given);
    ``scheduler`` a Dask scheduler address or ``distributed.Client``. ``function`` must be
    importable by name (a module-level function) and its tasks and results picklable.
    An exception raised by a task is raised here: catch it inside ``function`` to go on.
    ``sizes`` (one per task) is how many ``unit`` each task stands for on the progress
    bar (a batch of clusters counts its clusters); 1 each by default.
    """
    from tqdm import tqdm

    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    sizes = [1] * len(tasks) if sizes is None else list(sizes)
    bar = tqdm(total=sum(sizes), desc=desc, unit=unit, disable=not progress)
    if scheduler is None and (workers == 1 or len(tasks) <= 1):
        results = []
        for task, size in zip(tasks, sizes, strict=True):
            results.append(function(task))
            bar.update(size)
        bar.close()
        return results
    client, owned = _connect(workers, scheduler)
    futures = []
    try:
        from distributed import as_completed

        futures = client.map(function, list(tasks), pure=False)
        size_of = {f.key: size for f, size in zip(futures, sizes, strict=True)}
        for future in as_completed(futures):
            bar.update(size_of[future.key])
        bar.close()
        return client.gather(futures)
    except KeyboardInterrupt:
        client.cancel(futures)
        raise
    finally:
        for thing in owned:  # what was opened here: the client, a local cluster
            thing.close()


@contextmanager
def connection(workers: int = 1, scheduler: Any = None) -> Iterator[Any]:
    """The engine for several :func:`run_tasks` calls: ``None`` for a serial run
    (``workers`` 1 and no ``scheduler``), else a ``distributed.Client`` (on a local
    cluster started here and stopped at the end, or on ``scheduler``)."""
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if scheduler is None and workers == 1:
        yield None
        return
    client, owned = _connect(workers, scheduler)
    try:
        yield client
    finally:
        for thing in owned:
            thing.close()


def _connect(workers: int, scheduler: Any) -> tuple[Any, list]:
    """A client, and what was opened here for it (to close at the end): nothing for a
    given client, the client for a scheduler address (the cluster keeps running), the
    client and the cluster for a local cluster."""
    from distributed import Client

    if isinstance(scheduler, Client):
        return scheduler, []
    if scheduler is not None:
        client = Client(scheduler)
        return client, [client]
    cluster = local_cluster(workers)
    client = Client(cluster)
    return client, [client, cluster]


#: How a local cluster starts its workers: forked from a small server process that has
#: loaded :mod:`wiretrace.preload` (the model and word lists), not spawned afresh.
START_METHOD = "forkserver"


def local_cluster(workers: int):
    """A Dask ``LocalCluster`` of ``workers`` processes (one thread each) on the loopback
    interface, no dashboard; close it (or use it in a ``with``) to stop it.

    Its workers are forked from Python's forkserver process (:data:`START_METHOD`),
    which imports :mod:`wiretrace.preload` first when this process starts it: the
    resources every task needs are loaded once, not once per worker, and each worker
    starts with them (a worker's own memory stays its own, not a copy of this process's).
    A forkserver this process started earlier is reused as it is (its workers then load
    the resources in their first task).
    """
    import multiprocessing

    import dask
    from distributed import LocalCluster
    from distributed.utils import get_mp_context

    with dask.config.set({"distributed.worker.multiprocessing-method": START_METHOD}):
        get_mp_context()  # Dask names its own preloads first; ours replace them
        multiprocessing.get_context(START_METHOD).set_forkserver_preload(
            ["distributed", "wiretrace.preload"]
        )
        return LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host=LOCAL_HOST,
            dashboard_address=None,
        )


def submit_tasks(
    function: Callable[..., Any],
    tasks: Sequence[tuple],
    client: Any,
    progress: bool = False,
    desc: str = "tasks",
    unit: str = "task",
) -> list:
    """Futures of ``function(*task)`` for each task (a tuple of arguments, which may hold
    futures) on ``client``, returned in task order once every one has finished (a
    progress bar counts them); the results stay on the workers. Ctrl-C cancels them."""
    from distributed import as_completed
    from tqdm import tqdm

    futures = []
    try:
        futures = [client.submit(function, *task, pure=False) for task in tasks]
        with tqdm(total=len(futures), desc=desc, unit=unit, disable=not progress) as bar:
            for _ in as_completed(futures):
                bar.update()
        return futures
    except KeyboardInterrupt:
        client.cancel(futures)
        raise


def finished_tasks(
    function: Callable[..., Any],
    calls: list[tuple[Any, Sequence[Any]]],
    client: Any,
    progress: bool = False,
    desc: str = "tasks",
    unit: str = "task",
    sizes: Sequence[int] | None = None,
) -> Iterator[tuple[int, Any]]:
    """``(n, function(task, *futures))`` for the ``n``-th of ``calls`` (``(task,
    futures)`` each), on ``client``, as the tasks finish (``sizes``: how many ``unit``
    each task counts for on the progress bar, 1 each by default). ``futures`` are
    results left on the workers (:func:`submit_tasks`): the worker running a call gets
    their values.
    ``calls`` is emptied once the tasks are submitted, and each task is released when its
    result is fetched, so the workers drop what no queued task needs. An exception
    raised by a task is raised here; Ctrl-C (or leaving early) cancels the tasks still
    queued."""
    from distributed import as_completed
    from tqdm import tqdm

    futures: list = []
    try:
        futures = [client.submit(function, task, *args, pure=False) for task, args in calls]
        calls.clear()  # the futures of the arguments are held by the tasks alone
        order = {future.key: n for n, future in enumerate(futures)}
        sizes = [1] * len(futures) if sizes is None else list(sizes)
        with tqdm(total=sum(sizes), desc=desc, unit=unit, disable=not progress) as bar:
            for future in as_completed(futures):
                n = order[future.key]
                result = future.result()
                futures[n] = None
                future.release()
                bar.update(sizes[n])
                yield n, result
    finally:
        queued = [f for f in futures if f is not None]
        if queued:
            client.cancel(queued)
