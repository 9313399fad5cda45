"""Ingest page: articles -> extracted events -> store, and imports of coded event files."""
from __future__ import annotations

import streamlit as st

from ui.entry import ensure_navigation_mode
from ui.guard import guard, soft_guard
from ui.ingesting import (
    ArticleInput, add_articles, article_inputs, import_rows, parse_event_file, preview_articles, recent_runs,
)
from ui.text import escape_markdown, highlight
from ui.view import current_view

ensure_navigation_mode()
with guard():
    view = current_view()

st.title("Ingest")

# A finished action reruns the app (so every page sees the new data); its outcome survives here.
for kind, message in st.session_state.pop("ingest_outcome", []):
    (st.success if kind == "ok" else st.warning)(escape_markdown(message))

st.header("Add news articles")
st.caption("Paste a report or upload .txt, .html or .json articles. Events are extracted offline; "
           "nothing is stored until you press *Add to store*.")
pasted = st.text_area("Article text", key="ingest_text", height=200,
                      placeholder="title: ...\nurl: https://...\npublished: 2026-01-31\n---\nQUETTA: ...")
files = st.file_uploader("Article files", type=["txt", "html", "htm", "json"], accept_multiple_files=True,
                         key="ingest_files")
published = st.date_input("Published on", value=None, key="ingest_published", format="YYYY-MM-DD",
                          help="Needed to resolve 'on Friday' or 'yesterday' when the article has no "
                               "`published:` line.")

inputs: list[ArticleInput] = article_inputs(pasted, files or [])
# Never disabled: the text area only commits its text when it loses focus, so a button that
# waited for text would swallow the first click after typing.
if st.button("Extract events", type="primary", key="ingest_extract"):
    if not inputs:
        st.warning("The pasted article is empty: paste a report or upload a file first."
                   if pasted else "Paste a report or upload a file first.")
    else:
        with soft_guard("The articles could not be read"):
            bar = st.empty()  # filled only for a long article, extracted in pieces
            st.session_state["ingest_preview"] = preview_articles(
                inputs, published=published,
                progress=lambda name, done, total: bar.progress(done / total, f"{name}: part {done} of {total}"))
            bar.empty()

previews = st.session_state.get("ingest_preview", [])
for preview in previews:
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(preview.name)}** · {escape_markdown(preview.title or 'untitled')}")
        if preview.error:
            st.error(f"Not read: {escape_markdown(preview.error)}")
            continue
        st.caption(f"Published {preview.published or 'unknown'} · {len(preview.rows)} event"
                   f"{'s' if len(preview.rows) != 1 else ''} found")
        if preview.notice:
            st.warning(escape_markdown(preview.notice))
        for row in preview.rows:
            st.markdown(escape_markdown(
                f"{row.get('event_date', '')} · {row.get('event_type', '')} / {row.get('sub_event_type', '')}"
                f" · {row.get('location', '')} · {row.get('fatalities') or 0} killed · "
                f"{row.get('actor1', '')}{' vs ' + str(row.get('actor2')) if row.get('actor2') else ''}"))
            # Escaped inside highlight(): article text is never trusted as HTML.
            st.html("<div class='evidence' style='margin:0 0 0.8em 1em;color:#333'>"
                    f"{highlight(str(row.get('evidence') or ''), [str(row.get('place_raw') or '')])}</div>")

readable = [p for p in previews if not p.error]
if readable and st.button("Add to store", key="ingest_add"):
    with soft_guard("The articles could not be stored"):
        st.session_state["ingest_outcome"] = add_articles(view.store, readable, published=published)
        st.session_state.pop("ingest_preview", None)
        st.rerun()

st.divider()
st.header("Import coded events")
st.caption("Upload a CSV or JSON of events in this dashboard's columns or an ACLED export. Every row is "
           "checked; rejected rows are listed with the reason and never stored.")
upload = st.file_uploader("Events file", type=["csv", "json"], key="import_file")
if upload is not None:
    with soft_guard(f"{upload.name} could not be read"):
        result = parse_event_file(upload.getvalue(), upload.name)
        valid, rejected = len(result.frame), len(result.rejects)
        st.markdown(f"{valid} valid row{'s' if valid != 1 else ''}, {rejected} rejected.")
        if rejected:
            st.dataframe([{"row": r.row, "column": r.column, "value": str(r.value), "reason": r.reason}
                          for r in result.rejects], hide_index=True, width="stretch", key="import_rejects")
        # The outcome is shown here, where the button was (the top of the page is out of view by
        # now), and a stored file is not offered for storing again.
        this_file = (upload.name, getattr(upload, "file_id", None), upload.size)
        done = st.session_state.get("import_done")
        if done and done[0] == this_file:
            for kind, message in done[1]:
                (st.success if kind == "ok" else st.warning)(escape_markdown(message))
            st.caption("Stored. Upload another file to import more.")
        elif valid and st.button(f"Store {valid} valid row{'s' if valid != 1 else ''}", key="import_store"):
            with soft_guard(f"{upload.name} could not be stored"):
                st.session_state["import_done"] = (this_file, import_rows(view.store, result, upload.name))
                st.rerun()

st.divider()
st.header("Recent ingest runs")
st.caption("The last runs, newest first. A run whose process died (killed, crashed) is marked *interrupted*; "
           "the rows it wrote are kept.")
with soft_guard("The ingest runs could not be read"):
    runs = recent_runs(view.store)
    if runs.empty:
        st.markdown("No ingest run yet.")
    else:
        st.dataframe(runs, hide_index=True, width="stretch", key="ingest_runs")
