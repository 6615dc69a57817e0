"""The sync benchmark still runs on small data (see benchmark_smoke.py)."""

from benchmark_smoke import smoke_run


def test_the_sync_benchmark_runs(tmp_path):
    table, results = smoke_run("sync", tmp_path)
    assert "Sync bytes" in table
    assert "Sync round trips" in results
