"""Benchmarks of the desk, each a ratio to a floor measured in the same run (``make bench``).

Not tests: nothing here asserts a time. Figures go into docs/benchmarks.md.
"""
