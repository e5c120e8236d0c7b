"""Ways to serve the app beyond one process (deploy/school.py)."""
