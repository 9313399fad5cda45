"""Streamlit-only helpers for the dashboard: shared filters, cached loaders, the error guard.

Pages (``pages/``) hold layout; everything they need from the data, map and extraction
layers comes through here or straight from ``data/``, ``maps/`` and ``extraction/``.
"""
