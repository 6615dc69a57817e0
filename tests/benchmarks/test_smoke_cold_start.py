"""The cold-start benchmark still runs on small data (see benchmark_smoke.py)."""

from benchmark_smoke import smoke_run


def test_the_cold_start_benchmark_runs(tmp_path):
    table, _ = smoke_run("cold-start", tmp_path)
    assert "Cold start" in table
