"""The search benchmark still runs on small data (see benchmark_smoke.py)."""

from benchmark_smoke import smoke_run


def test_the_search_benchmark_runs(tmp_path):
    table, _ = smoke_run("search", tmp_path)
    assert "Search p95" in table
