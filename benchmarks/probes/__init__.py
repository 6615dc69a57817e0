"""Scripts that the benchmarks start as fresh processes."""
