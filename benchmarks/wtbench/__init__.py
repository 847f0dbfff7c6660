"""Benchmark scripts: each module measures one stage and writes benchmarks/results/."""

from __future__ import annotations

import json
from pathlib import Path


def write_json(out_dir: str | Path, name: str, data: dict) -> Path:
    """Write ``data`` as ``out_dir/name`` (UTF-8, indented, trailing newline); return the path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / name
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
