"""The memory benchmark still runs on small data (see benchmark_smoke.py)."""

from benchmark_smoke import smoke_run


def test_the_memory_benchmark_runs(tmp_path):
    smoke_run("memory", tmp_path)
