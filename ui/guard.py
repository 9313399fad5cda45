"""The one error boundary of the dashboard.

A ``DashboardError`` is an expected failure (a bad file, an unreachable store) and is
shown to the analyst as a message; anything else is a bug and propagates so Streamlit
shows the traceback.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from errors import DashboardError
from ui.text import escape_markdown

log = logging.getLogger(__name__)


@contextmanager
def guard(context: str = "") -> Iterator[None]:
    """Turn a DashboardError raised inside the block into ``st.error`` and stop the run."""
    try:
        yield
    except DashboardError as err:
        log.warning("%s%s", f"{context}: " if context else "", err)
        # Messages name the bad value, which may come from an uploaded file: keep it literal.
        st.error(f"{context}: {escape_markdown(err)}" if context else escape_markdown(err))
        st.stop()


@contextmanager
def soft_guard(context: str) -> Iterator[None]:
    """Like ``guard`` but lets the rest of the page run (for one section of a page)."""
    try:
        yield
    except DashboardError as err:
        log.warning("%s: %s", context, err)
        st.error(f"{context}: {escape_markdown(err)}")
