"""Detector families: each turns the feature frame into signals (see ``signals.py``)."""
