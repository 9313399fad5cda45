"""How events look on the map: one colour per ACLED event type, one size per fatality band."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from data.schema import EVENT_TYPES

# Colour-blind-safe-ish and distinct on a light, tile-free background.
EVENT_COLOURS: dict[str, str] = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#8e44ad",
    "Protests": "#1f77b4",
    "Riots": "#e377c2",
    "Strategic developments": "#2ca02c",
}
OTHER_LABEL = "Other"
OTHER_COLOUR = "#7f7f7f"

# Stable order so a type's index in the browser payload never changes between maps.
TYPE_ORDER: tuple[str, ...] = (*EVENT_TYPES, OTHER_LABEL)
TYPE_COLOURS: tuple[str, ...] = tuple(EVENT_COLOURS.get(t, OTHER_COLOUR) for t in TYPE_ORDER)


@dataclass(frozen=True, slots=True)
class SizeBand:
    min_fatalities: int
    label: str
    diameter_px: int


SIZE_BANDS: tuple[SizeBand, ...] = (
    SizeBand(0, "no deaths", 10),
    SizeBand(1, "1-2 deaths", 14),
    SizeBand(3, "3-9 deaths", 19),
    SizeBand(10, "10+ deaths", 26),
)


def type_codes(event_types: pd.Series) -> np.ndarray:
    """Index into TYPE_ORDER for each event type; unknown or missing types become 'Other'."""
    other = len(TYPE_ORDER) - 1
    if isinstance(event_types.dtype, pd.CategoricalDtype):
        # The store's frame: look up each category once, not a million strings.
        table = type_codes(pd.Series(event_types.cat.categories, dtype="object"))
        codes = event_types.cat.codes.to_numpy()
        return np.where(codes >= 0, table[np.maximum(codes, 0)] if len(table) else other, other).astype(np.int64)
    codes = pd.Index(TYPE_ORDER[:-1]).get_indexer(event_types.astype("object")).astype(np.int64)
    codes[codes < 0] = other
    return codes
