"""The lessons benchmark still runs on small data (see benchmark_smoke.py)."""

from benchmark_smoke import smoke_run


def test_the_lessons_benchmark_runs(tmp_path):
    table, _ = smoke_run("lessons", tmp_path)
    assert "Open the largest lesson" in table
