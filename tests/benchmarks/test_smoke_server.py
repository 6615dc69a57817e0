"""The server benchmark still runs on small data (see benchmark_smoke.py)."""

from benchmark_smoke import smoke_run


def test_the_server_benchmark_runs(tmp_path):
    smoke_run("server", tmp_path)
