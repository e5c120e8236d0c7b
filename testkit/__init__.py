"""Pieces the tests and the benchmarks share: serving the app for a browser, synthetic stance tables and
AppTest helpers. Nothing here is imported by the app itself."""
