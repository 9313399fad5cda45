"""One review end to end on the running dashboard: place from candidates, mark reviewed, reject, undo."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from data.doubt import review_queue
from data.review import ReviewDesk
from data.store import EventStore

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "docs" / "review.png"


def _open(server):
    return EventStore(server.store_url)


def _first_in_queue(server):
    store = _open(server)
    try:
        return review_queue(store).iloc[0]
    finally:
        store.close()


def _event(server, event_id: str) -> dict:
    store = _open(server)
    try:
        return ReviewDesk(store, "e2e").event(event_id)
    finally:
        store.close()


def _pick_candidate(page, name: re.Pattern[str]) -> None:
    """Open the candidates list until it holds ``name`` (the rerun after typing may still be on its way)."""
    for _ in range(30):
        page.get_by_label("Candidates").click()
        option = page.get_by_role("option", name=name)
        if option.count():
            option.first.click()
            return
        page.keyboard.press("Escape")
        page.wait_for_timeout(1000)
    raise AssertionError(f"no candidate matching {name.pattern} was offered")


def _done(page, text: str) -> None:
    page.get_by_text(text).first.wait_for(timeout=30_000)


def test_an_analyst_reviews_one_event_end_to_end(server, browser) -> None:
    page, issues = browser
    page.goto(f"{server.base_url}/review")
    page.get_by_text(re.compile(r"\d+ events to review")).first.wait_for(timeout=90_000)
    first = _first_in_queue(server)
    event_id = str(first["event_id_cnty"])
    page.get_by_text(event_id).first.wait_for(timeout=30_000)   # the most doubtful event is the one shown
    # with the reasons it is doubted, in plain English (the extractor's own among them)
    page.get_by_text(first["reasons"][0] if first["reasons"] else "Nothing doubted").first.wait_for(timeout=30_000)
    before = _event(server, event_id)

    # Choose the place from the gazetteer's ranked candidates.
    box = page.get_by_label("Look up a place")
    box.fill("Turbat")
    box.press("Enter")
    _pick_candidate(page, re.compile(r"^Turbat \("))
    page.get_by_role("button", name="Set place", exact=True).click()
    _done(page, "Set place done.")
    placed = _event(server, event_id)
    assert (placed["location"], placed["admin2"], placed["geo_status"]) == ("Turbat", "Kech", "located")
    assert placed["version"] == before["version"] + 1
    page.get_by_role("heading", name="Review").first.scroll_into_view_if_needed()   # the queue, then the event
    page.screenshot(path=str(SCREENSHOT), full_page=False)

    page.get_by_role("button", name="Mark reviewed", exact=True).click()
    _done(page, "Mark reviewed done.")
    assert _event(server, event_id)["review_status"] == "reviewed"

    # Rejecting hides it from the map's count; undo brings it back.
    page.get_by_role("button", name="Reject", exact=True).click()
    _done(page, "Reject done.")
    assert _event(server, event_id)["review_status"] == "rejected"
    page.get_by_role("button", name="Undo last change", exact=True).click()
    _done(page, "Undo done.")
    assert _event(server, event_id)["review_status"] == "reviewed"
    assert not issues.page_errors, issues.page_errors
