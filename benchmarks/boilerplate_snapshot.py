"""Check that a change leaves the separator's output unchanged on every dev page and the case-study article.

    python benchmarks/boilerplate_snapshot.py save SNAPSHOT.json [PAGES]    # before the change
    python benchmarks/boilerplate_snapshot.py check SNAPSHOT.json [PAGES]   # after it: lists what differs

PAGES defaults to ../shared/benchmarks/boilerplate/pages (from the repository
root). For each page dump (NAME.txt) and the case-study article in data/raw, the
snapshot holds everything ``separate`` gives: lines, texts, labels, local scores,
feature rows, rules, context, reasons, likelihoods and the ``paragraphs`` table.
``check`` prints each page and field that differs and exits 1 when any does.
Every field must be equal, except the local scores: they are sums of 22
products, whose last bits depend on the order of the additions (numpy's BLAS
picks it per CPU), so they must agree to ``LOCAL_TOLERANCE``; their rounded
likelihoods, and every label and reason, must still be equal.
Keep the snapshot outside the repository (it holds page text).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import warnings
from pathlib import Path

from helpers.article import parse_article, read_article
from helpers.boilerplate import Separation, separate
from helpers.reports import write_atomically

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PAGES = ROOT.parent / "shared" / "benchmarks" / "boilerplate" / "pages"
SEED = ROOT / "data" / "raw" / "ap-2022-09-19-blinken-armenia-azerbaijan.txt"
LOCAL_TOLERANCE = 1e-12  # log-odds of a few units: a change in the order of a sum moves the last bits only


def record(separation: Separation) -> dict[str, object]:
    """Return everything a separation gives, as JSON values."""
    fields = {
        "lines": separation.lines,
        "texts": separation.texts,
        "labels": separation.labels,
        "local": separation.local,
        "features": [list(row) for row in separation.features],
        "rules": separation.rules,
        "context": separation.context,
        "reasons": separation.reasons,
        "scores": separation.scores,
        "table": separation.paragraphs.to_json(),
    }
    return json.loads(json.dumps(fields))


def snapshot(pages: Path) -> dict[str, dict[str, object]]:
    """Return the record of every page dump in ``pages`` and of the case-study article, by name."""
    warnings.simplefilter("ignore", UserWarning)  # "no body found": an empty body is recorded as such
    dumps = sorted(path for path in pages.glob("*.txt") if not path.name.endswith(".gold.txt"))
    records = {path.name: record(separate(parse_article(path.read_text("utf-8")))) for path in dumps}
    records[SEED.name] = record(separate(read_article(SEED)))
    return records


def differences(before: dict[str, dict], after: dict[str, dict]) -> list[str]:
    """Return "page: field" for each field of each page that differs (or a page that is missing)."""
    found = [f"{name}: missing" for name in before.keys() ^ after.keys()]
    for name in sorted(before.keys() & after.keys()):
        found += [
            f"{name}: {field}"
            for field in before[name]
            if not same(field, before[name][field], after[name].get(field))
        ]
    return found


def same(field: str, before: object, after: object) -> bool:
    """Tell whether a field's values are equal (local scores: to ``LOCAL_TOLERANCE``).

    >>> same("local", [1.0, -2.5], [1.0 + 1e-15, -2.5]), same("local", [1.0], [1.001]), same("labels", ["a"], ["b"])
    (True, False, False)
    """
    if (
        field != "local"
        or not isinstance(before, list)
        or not isinstance(after, list)
        or len(before) != len(after)
    ):
        return before == after
    return all(
        math.isclose(old, new, rel_tol=0.0, abs_tol=LOCAL_TOLERANCE) for old, new in zip(before, after)
    )


def main(argv: list[str] | None = None) -> int:
    """Save a snapshot, or check the separator's output against one."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("action", choices=("save", "check"))
    parser.add_argument("snapshot", type=Path, help="the snapshot file (JSON), outside the repository")
    parser.add_argument(
        "pages", nargs="?", type=Path, default=DEFAULT_PAGES, help="the benchmark's pages folder"
    )
    args = parser.parse_args(argv)
    if not args.pages.is_dir():
        parser.error(f"{args.pages}: no such folder of page dumps")
    records = snapshot(args.pages)
    if args.action == "save":
        write_atomically(args.snapshot, lambda temporary: temporary.write_text(json.dumps(records), "utf-8"))
        print(f"{len(records)} separations saved to {args.snapshot}")
        return 0
    try:
        before = json.loads(args.snapshot.read_text("utf-8"))
    except (OSError, ValueError) as error:
        parser.error(f"{args.snapshot}: cannot read the snapshot ({error})")
    found = differences(before, records)
    print("\n".join(found) or f"{len(records)} separations, all unchanged")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
