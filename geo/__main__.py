"""python -m geo PLACE [--admin1 PROVINCE] [--admin2 DISTRICT]: resolve one name, print JSON."""
from __future__ import annotations

import argparse
import json
import sys

from errors import ConfigurationError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo", description=__doc__)
    parser.add_argument("place", nargs="+", help="the place name as written")
    parser.add_argument("--admin1", help="province named near the place in the text")
    parser.add_argument("--admin2", help="district named near the place in the text")
    args = parser.parse_args(argv)
    from geo import resolve

    query = " ".join(args.place)
    try:
        found = resolve(query, admin1=args.admin1, admin2=args.admin2)
    except ConfigurationError as error:
        print(f"geo: {error}", file=sys.stderr)
        return 2
    if found.place is None:
        print(f"geo: unknown place {query!r}: {found.reason}", file=sys.stderr)
        return 1
    p = found.place
    print(json.dumps({
        "query": query, "name": p.name, "admin1": p.admin1, "admin2": p.admin2, "admin3": p.admin3,
        "latitude": p.latitude, "longitude": p.longitude, "kind": p.kind, "geo_precision": p.geo_precision,
        "source": p.source, "reason": found.reason,
        "candidates": [{"name": c.name, "kind": c.kind, "admin1": c.admin1, "admin2": c.admin2} for c in found.candidates],
    }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
