"""Tests for wiretrace.parallel and parallel audits: the same tables, byte for byte.

One local Dask cluster of two worker processes is started for the module (it takes a few
seconds) and audits the seeds and generated story clusters; each output folder must be
byte-identical to the serial run's.
"""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys

import pytest
from conftest import SEEDS_DIR

import wiretrace
from wiretrace.parallel import (
    GC_THRESHOLDS,
    LOCAL_HOST,
    default_workers,
    local_cluster,
    run_tasks,
)

#: The module itself (the attribute ``wiretrace.audit`` is the function it defines).
audit_module = importlib.import_module("wiretrace.audit")


def _square(x: int) -> int:
    return x * x


def _fail_on_three(x: int) -> int:
    if x == 3:
        raise RuntimeError("three")
    return x


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    cluster = local_cluster(2)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def _loaded() -> bool:
    import sys

    return "wiretrace.preload" in sys.modules


def test_a_local_cluster_listens_on_loopback_and_its_workers_start_loaded(client):
    assert client.scheduler.address.startswith(f"tcp://{LOCAL_HOST}:")
    workers = client.scheduler_info()["workers"]
    assert len(workers) == 2 and all(w.startswith(f"tcp://{LOCAL_HOST}:") for w in workers)
    assert set(client.run(_loaded).values()) == {True}
    assert set(client.run(_pool).values()) == {"system"}
    assert set(client.run(_collector).values()) == {(GC_THRESHOLDS, True)}


def _collector() -> tuple[tuple, bool]:
    import gc

    return gc.get_threshold(), gc.get_freeze_count() > 0


def _pool() -> str:
    import pyarrow as pa

    return pa.default_memory_pool().backend_name


@pytest.mark.parametrize(("preset", "pool"), [(None, "system"), ("mimalloc", "mimalloc")])
def test_wiretrace_imported_first_makes_pyarrow_use_the_system_allocator(preset, pool):
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    if preset:
        env["ARROW_DEFAULT_MEMORY_POOL"] = preset  # the user's choice is kept
    code = "import wiretrace, pyarrow; print(pyarrow.default_memory_pool().backend_name)"
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert run.stdout.strip() == pool, run.stderr


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """24 generated articles in a few story clusters, plus the seeds (one more)."""
    from wtbench.synth import write_corpus

    folder = tmp_path_factory.mktemp("generated")
    write_corpus(folder, 24, seed=2)
    for seed in SEEDS_DIR.glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    (folder / "empty.txt").write_text("")  # rejected inputs take their place too
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    return folder


def _same_bytes(first, second) -> None:
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_serial_run_keeps_task_order():
    assert run_tasks(_square, [3, 1, 2]) == [9, 1, 4]
    assert run_tasks(_square, []) == []


def test_workers_must_be_positive():
    with pytest.raises(ValueError, match="at least 1"):
        run_tasks(_square, [1], workers=0)
    assert default_workers() >= 1


def test_cluster_run_keeps_task_order_and_raises_a_task_error(client):
    assert run_tasks(_square, list(range(8)), scheduler=client) == [x * x for x in range(8)]
    with pytest.raises(RuntimeError, match="three"):
        run_tasks(_fail_on_three, list(range(5)), scheduler=client)


def test_scheduler_address_gives_the_same_results(client):
    address = client.scheduler.address
    assert address.startswith(f"tcp://{LOCAL_HOST}:")
    assert run_tasks(_square, [4, 5], scheduler=address) == [16, 25]


def test_batches_are_runs_of_whole_clusters_in_order():
    tasks = [(0, list("abc")), (1, list("d")), (2, list("ef")), (3, list("ghijk")), (4, ["l"])]
    batches = audit_module.batch_tasks(tasks, articles=3)
    assert [[cid for cid, _ in batch] for batch in batches] == [[0], [1, 2], [3], [4]]
    assert audit_module.batch_tasks([], articles=3) == []
    with pytest.raises(ValueError, match="at least 1"):
        audit_module.batch_tasks(tasks, articles=0)


def test_batched_clusters_give_the_tables_of_clusters_audited_alone(
    generated, tmp_path, monkeypatch
):
    batched = wiretrace.audit([generated])
    assert (
        len(audit_module.batch_tasks(audit_module.cluster_tasks(batched.corpus, batched.clusters)))
        == 1
    )
    monkeypatch.setattr(audit_module, "BATCH_ARTICLES", 1)  # one cluster per task
    alone = wiretrace.audit([generated])
    _same_bytes(batched.to_dir(tmp_path / "batched"), alone.to_dir(tmp_path / "alone"))


def test_the_join_takes_the_tables_out_of_the_parts_it_joins(generated, monkeypatch):
    """A large run's driver must not hold every table twice: once joined, a part's
    tables are dropped (the join holds them alone and empties them as it goes)."""
    seen = []
    join = audit_module._join

    def recording(corpus, tasks, parts, parameters):
        seen.extend(parts)
        return join(corpus, tasks, parts, parameters)

    monkeypatch.setattr(audit_module, "_join", recording)
    monkeypatch.setattr(audit_module, "BATCH_ARTICLES", 1)  # one part per cluster
    result = wiretrace.audit([generated])
    assert len(seen) == result.clusters["cluster_id"].nunique() > 1
    assert not any(p.error for p in seen)
    names = (*audit_module._TABLES, "rewrites")
    assert all(getattr(p, name) is None for p in seen for name in names)
    assert len(result.findings) and len(result.alignments)


def test_a_dask_cluster_writes_the_serial_bytes_on_the_seeds(
    seed_audit, client, tmp_path, monkeypatch
):
    monkeypatch.setattr(audit_module, "LOAD_CHUNK", 2)  # inputs parsed in three tasks
    on_cluster = wiretrace.audit([SEEDS_DIR], scheduler=client)
    _same_bytes(seed_audit.to_dir(tmp_path / "serial"), on_cluster.to_dir(tmp_path / "cluster"))


# The module's cluster holds the scheduler's HTTP port (8787, on 127.0.0.1): the second
# cluster started here takes another one and says so.
@pytest.mark.filterwarnings("ignore:Port 8787 is already in use")
def test_two_workers_write_the_serial_bytes_on_generated_stories(generated, tmp_path, monkeypatch):
    serial = wiretrace.audit([generated])
    assert serial.clusters["cluster_id"].nunique() >= 5
    monkeypatch.setattr(audit_module, "BATCH_ARTICLES", 6)  # several batches, on both workers
    monkeypatch.setattr(audit_module, "LOAD_CHUNK", 7)  # members picked from several tasks
    monkeypatch.setattr(audit_module, "JOIN_BATCH", 2)  # the parts joined two at a time
    parallel = wiretrace.audit([generated], workers=2)  # starts and stops a local cluster
    _same_bytes(serial.to_dir(tmp_path / "serial"), parallel.to_dir(tmp_path / "parallel"))


def test_articles_stay_on_the_workers_and_the_driver_keeps_summaries(client, tmp_path, monkeypatch):
    """Repeated ids across load tasks, sidecar keys used and unused, a wire input and a
    rejected one: the corpus of summaries a parallel run keeps gives the serial bytes."""
    from wiretrace.ingest.corpus import Article, ArticleSummary

    seeds = sorted(SEEDS_DIR.glob("*.txt"))
    for sub in ("a", "b"):  # the same stems twice: the second copies get ``~2``
        (tmp_path / "in" / sub).mkdir(parents=True)
        for seed in seeds[:3]:
            shutil.copy(seed, tmp_path / "in" / sub / seed.name)
    (tmp_path / "in" / "b" / "empty.txt").write_text("")
    (tmp_path / "wire").mkdir()
    shutil.copy(seeds[3], tmp_path / "wire" / seeds[3].name)
    meta = tmp_path / "meta.csv"
    meta.write_text(f"article_id,outlet\n{seeds[1].stem},Ex Times\nnobody,Why Times\n")
    monkeypatch.setattr(audit_module, "LOAD_CHUNK", 2)  # the folders' files in four tasks
    inputs = dict(paths=[tmp_path / "in"], wire=[tmp_path / "wire"], meta=meta)
    serial = wiretrace.audit(**inputs)
    parallel = wiretrace.audit(**inputs, scheduler=client)
    assert all(isinstance(a, Article) for a in serial.corpus.articles)
    assert all(isinstance(a, ArticleSummary) for a in parallel.corpus.articles)
    ids = [a.article_id for a in parallel.corpus.articles]
    assert ids == [a.article_id for a in serial.corpus.articles]
    assert f"{seeds[0].stem}~2" in ids and "empty" in ids
    assert parallel.corpus.warnings == serial.corpus.warnings
    assert any("nobody" in w for w in parallel.corpus.warnings)
    assert (parallel.articles["outlet"] == "Ex Times").sum() == 2
    assert (parallel.articles["role"] == "wire").sum() == 1
    # The driver keeps each source's text and role, not its sentences.
    assert parallel.sources.keys() == serial.sources.keys()
    assert all(s.sentences for s in serial.sources.values())
    assert not any(s.sentences or s.parts for s in parallel.sources.values())
    assert [s.text for s in parallel.sources.values()] == [s.text for s in serial.sources.values()]
    _same_bytes(serial.to_dir(tmp_path / "serial"), parallel.to_dir(tmp_path / "parallel"))
