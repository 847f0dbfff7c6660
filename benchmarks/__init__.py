"""Benchmark scripts: each measures one stage and writes benchmarks/results/<name>.json."""
