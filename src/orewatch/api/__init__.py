"""The HTTP surface: one FastAPI app assembled from each concern's router."""
