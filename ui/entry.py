"""Keep Streamlit in ``st.navigation`` mode although the page files live in ``pages/``.

Streamlit decides once per process, when the first session starts, whether the app is an
old-style multipage app: if a ``pages/`` folder sits next to the main script it runs the
requested file from that folder *instead of* ``dashboard.py`` (``_mpa_v1`` in
streamlit/runtime/scriptrunner/script_runner.py, 1.67). Only a call to ``st.navigation``
clears that flag, and in that mode ``dashboard.py`` may never run: the first visitor of
``/map`` would get the page without its filters, store or data. AppTest resets the flag
before every run, so it hits this on each ``switch_page``.

Every script (the entrypoint and each page) calls ``ensure_navigation_mode()`` first: in
the old mode it clears the flag and reruns, and the rerun goes through ``dashboard.py``.
Renaming ``pages/`` (e.g. to ``app_pages/``) would make this module unnecessary.
"""
from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def ensure_navigation_mode() -> None:
    """Rerun through ``dashboard.py`` if Streamlit started this run as a ``pages/`` app."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
