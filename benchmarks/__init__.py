"""Benchmark scripts: each module measures one stage and writes benchmarks/results/."""
