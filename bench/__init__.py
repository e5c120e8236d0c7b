"""Benchmarks and load tests: scripts that measure and print figures (never timed assertions)."""
