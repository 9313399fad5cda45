"""The shared sidebar filters: URL query params <-> widgets <-> ``data.filters.Filters``.

The URL is where a filtered view lives (bookmark it, share it). On a session's first
run the widgets are seeded from the URL; afterwards the widgets are the truth and the URL
is rewritten to match them on every run. Parsing is ``Filters.from_query_params``'s job:
a bad parameter comes back as a warning, never as an exception.

The widgets are drawn by ``dashboard.py`` (the ``st.navigation`` entrypoint), which is
what keeps their state when the analyst switches pages. It reads the filters from the
widgets' state first (``read_filters``) and draws the widgets after the page: a filter
change then reaches the map before the sidebar is sent again.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, MutableMapping
from typing import Any

import streamlit as st

from data.filters import Filters
from data.schema import EVENT_TYPES
from ui.choices import FilterChoices

DATES, PROVINCE, DISTRICT = "filter_dates", "filter_province", "filter_district"
TYPE, SUBTYPE, ACTOR = "filter_type", "filter_subtype", "filter_actor"
MIN_FATALITIES, TEXT = "filter_min_fatalities", "filter_q"
DATE_SLIDER = "filter_date_slider"
PENDING_DATES = "filter_pending_dates"
_SEEDED = "filter_seeded_from_url"
# URL parameters that are not filters but belong to the page (``?event=``, ui/eventlink.py):
# mirroring the filters into the URL keeps them.
PAGE_PARAMS = ("event",)
_URL_WARNINGS = "filter_url_warnings"


def read_query_params(query_params: Any) -> dict[str, str | list[str]]:
    """``st.query_params`` as a plain dict; a repeated key becomes a list."""
    params: dict[str, str | list[str]] = {}
    for key in query_params:
        values = query_params.get_all(key)
        params[key] = values[0] if len(values) == 1 else list(values)
    return params


def _as_lists(params: Mapping[str, Any]) -> dict[str, list[str]]:
    return {k: [v] if isinstance(v, str) else [str(x) for x in v] for k, v in params.items() if v not in ("", [], ())}


def seed_state(state: MutableMapping[str, Any], filters: Filters, *, first_day: dt.date | None = None) -> None:
    """Put ``filters`` into the widgets' session-state keys (before the widgets are drawn).

    A range widget cannot hold an open start, so ``to`` alone starts at ``first_day`` (the
    earliest stored event), which selects the same rows.
    """
    if filters.date_from and filters.date_to:
        state[DATES] = (filters.date_from, filters.date_to)
    elif filters.date_from:
        state[DATES] = (filters.date_from,)
    elif filters.date_to:
        state[DATES] = (min(first_day or filters.date_to, filters.date_to), filters.date_to)
    else:
        state[DATES] = ()
    state[PROVINCE] = list(filters.admin1)
    state[DISTRICT] = list(filters.admin2)
    state[TYPE] = list(filters.event_type)
    state[SUBTYPE] = list(filters.sub_event_type)
    state[ACTOR] = list(filters.actor)
    state[MIN_FATALITIES] = int(filters.min_fatalities or 0)
    state[TEXT] = filters.text or ""


def filters_from_state(state: Mapping[str, Any]) -> Filters:
    """The Filters value the widgets currently show."""
    dates = tuple(state.get(DATES) or ())
    return Filters(
        date_from=dates[0] if dates else None,
        # While the analyst is picking a range the widget holds one date: an open end.
        date_to=dates[1] if len(dates) > 1 else None,
        admin1=tuple(state.get(PROVINCE) or ()),
        admin2=tuple(state.get(DISTRICT) or ()),
        event_type=tuple(state.get(TYPE) or ()),
        sub_event_type=tuple(state.get(SUBTYPE) or ()),
        actor=tuple(state.get(ACTOR) or ()),
        min_fatalities=int(state.get(MIN_FATALITIES) or 0),
        text=str(state.get(TEXT) or "").strip(),
    )


def _options(known: Iterable[str], selected: Iterable[str]) -> list[str]:
    # A value from the URL that the data does not hold yet must still be an option,
    # or Streamlit refuses the widget's default.
    known = list(known)
    return known + sorted(set(selected) - set(known))


def _prune(state: MutableMapping[str, Any], key: str, allowed: set[str], known: set[str]) -> None:
    """Drop selections that the parent choice ruled out (a district of a deselected province)."""
    current = list(state.get(key) or [])
    kept = [v for v in current if v in allowed or v not in known]
    if kept != current:
        state[key] = kept


def _date_bounds(days: tuple[dt.date, dt.date] | None, chosen: tuple) -> tuple[dt.date, dt.date]:
    today = dt.date.today()
    picked = [d for d in chosen if isinstance(d, dt.date)] + list(days or ())
    return min(picked + [today - dt.timedelta(days=365)]), max(picked + [today])


def set_date_range(state: MutableMapping[str, Any], start: dt.date | None, end: dt.date | None) -> None:
    """Set the date filter from outside the date box (slider, timeline); for callbacks only.

    Streamlit lets a widget's state change only before the widget is drawn in a run, which
    is when callbacks run. ``None, None`` clears the filter.
    """
    if start is None and end is None:
        state[DATES] = ()
    else:
        start, end = start or end, end or start
        state[DATES] = (min(start, end), max(start, end))


def _slider_moved(low: dt.date, high: dt.date) -> None:
    start, end = st.session_state[DATE_SLIDER]
    # The whole span means "no date filter", so events ingested later are not cut off.
    whole = start <= low and end >= high
    set_date_range(st.session_state, None if whole else start, None if whole else end)


def render_date_slider(span: tuple[dt.date, dt.date] | None) -> None:
    """A range slider over the stored events' days (``span``), in step with the date box (and the URL)."""
    if span is None or span[0] == span[1]:
        return
    dates = tuple(st.session_state.get(DATES) or ())
    low, high = min((span[0], *dates)), max((span[1], *dates))
    start = dates[0] if dates else low
    end = dates[1] if len(dates) > 1 else high
    st.session_state[DATE_SLIDER] = (start, end)
    st.slider("Dates", min_value=low, max_value=high, key=DATE_SLIDER, format="D MMM YYYY",
              on_change=_slider_moved, args=(low, high), label_visibility="collapsed",
              help="Drag either end; the whole span means all dates.")


def settle_filter_state(state: MutableMapping[str, Any], choices: FilterChoices) -> None:
    """Make the widgets' state consistent before anything reads it: a date range a timed run
    left pending (the timeline's Play) is applied, and a district of a deselected province or
    a sub-event type of a deselected type is dropped."""
    state.setdefault(DATES, ())
    if PENDING_DATES in state:
        state[DATES] = state.pop(PENDING_DATES)
    _prune(state, DISTRICT, set(choices.districts_in(state.get(PROVINCE) or ())), set(choices.districts))
    chosen_types = state.get(TYPE) or list(EVENT_TYPES)
    all_subtypes = {s for subs in EVENT_TYPES.values() for s in subs}
    _prune(state, SUBTYPE, {s for t in chosen_types for s in EVENT_TYPES.get(t, ())}, all_subtypes)


def render_filter_widgets(choices: FilterChoices) -> None:
    """Draw the filter widgets (in the sidebar) over the state ``read_filters`` settled."""
    state = st.session_state
    low, high = _date_bounds(choices.days, tuple(state.get(DATES) or ()))
    st.date_input("Date range", value=(), min_value=low, max_value=high, key=DATES,
                  format="YYYY-MM-DD", help="Leave empty for all dates.")
    render_date_slider(choices.days)
    st.multiselect("Province", _options(choices.provinces, state.get(PROVINCE, [])), key=PROVINCE)
    st.multiselect("District", _options(choices.districts_in(state.get(PROVINCE) or ()), state.get(DISTRICT, [])),
                   key=DISTRICT)
    st.multiselect("Event type", _options(list(EVENT_TYPES), state.get(TYPE, [])), key=TYPE)
    subtypes = [s for t in (state.get(TYPE) or list(EVENT_TYPES)) for s in EVENT_TYPES.get(t, ())]
    st.multiselect("Sub-event type", _options(subtypes, state.get(SUBTYPE, [])), key=SUBTYPE)
    st.multiselect("Actor", _options(choices.actors, state.get(ACTOR, [])),
                   key=ACTOR, help="Events where this actor is the first or second actor.")
    st.number_input("Minimum fatalities", min_value=0, step=1, key=MIN_FATALITIES)
    st.text_input("Search", key=TEXT, placeholder="place, actor, evidence…",
                  help="Words in the place, actors, evidence or notes (case-insensitive).")


def known_places(choices: FilterChoices) -> dict[str, set[str]]:
    """Districts and provinces a URL may name: the stored ones and the gazetteer's."""
    districts, provinces = set(choices.districts), set(choices.provinces)
    try:
        import geo   # the built gazetteer; without it only stored names are known
        districts |= geo.district_names()
        provinces |= geo.province_names()
    except (ImportError, OSError, ValueError):   # ConfigurationError: not built yet
        pass
    return {"district": districts, "province": provinces}


def read_filters(choices: FilterChoices) -> tuple[Filters, list[str]]:
    """The Filters the widgets hold, read from their state before they are drawn (the URL's,
    on a session's first run), and the warnings about bad URL parameters.

    The warnings stay until the analyst changes a filter (so they survive a page switch).
    """
    state = st.session_state
    if not state.get(_SEEDED):
        parsed, warnings = Filters.from_query_params(read_query_params(st.query_params),
                                                     known=known_places(choices))
        seed_state(state, parsed, first_day=choices.days[0] if choices.days else None)
        state[_SEEDED] = True
        state[_URL_WARNINGS] = (parsed, tuple(warnings))
    settle_filter_state(state, choices)
    filters = filters_from_state(state)
    parsed, warnings = state.get(_URL_WARNINGS, (None, ()))
    if warnings and parsed != filters:
        state[_URL_WARNINGS] = (None, ())
        warnings = ()
    return filters, list(warnings)


def mirror_filters_to_url(filters: Filters) -> None:
    """Rewrite the URL to ``filters``, keeping the page's own parameters."""
    current = _as_lists(read_query_params(st.query_params))
    wanted = {**_as_lists(filters.to_query_params()), **{k: current[k] for k in PAGE_PARAMS if k in current}}
    if current != wanted:
        st.query_params.from_dict(wanted)
