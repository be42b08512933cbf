"""Measuring detection against ground truth: recall and precision at an inspection rate."""
