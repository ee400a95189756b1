"""Benchmarks of A-lasso's busiest pages: `make bench` (see bench/README.md)."""
