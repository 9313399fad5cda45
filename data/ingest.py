"""``python -m data.ingest`` -- the ingest command's older name, kept as an alias.

Issue 11's documented command (and analysts' scripts) call it by this name, so it keeps working.
This is the only upward import in ``data/``: it forwards to ``ingest.__main__`` and holds no logic.
"""
import sys

if __name__ == "__main__":
    from ingest.__main__ import main

    sys.exit(main())
