"""The season benchmark still runs on small data (see benchmark_smoke.py)."""

from benchmark_smoke import smoke_run


def test_the_season_benchmark_runs(tmp_path):
    table, _ = smoke_run("season", tmp_path)
    assert "Season mix" in table
