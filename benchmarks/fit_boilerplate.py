"""Fit the body/boilerplate separator's weights on the development pages, and estimate held-out quality.

    python benchmarks/fit_boilerplate.py                 # 5-fold cross-validation by page id, prints F1
    python benchmarks/fit_boilerplate.py --write         # also refit on all pages and write the package data

Reads ../shared/benchmarks/boilerplate/pages (the development half only): each
NAME.txt page dump and its NAME.labels.tsv line labels (1 = body). Fits an
L2-regularised logistic regression of "line is body" on the paragraph features
(Newton's method in numpy), counts the layout transitions between the states
before / body / gap / after, and picks the evidence scale and offset of the
sequence model on a small grid by cross-validation. Writes
src/helpers/data/boilerplate_weights.tsv and boilerplate_layout.tsv.
The cross-validation folds split by page id (sorted id, index mod k), so every
page is scored by a model that never saw it: an estimate for the kept-back half.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from itertools import product
from pathlib import Path

import numpy as np

from helpers.article import parse_article
from helpers.boilerplate import FEATURES, STATES, Model, segment, separate

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PAGES = ROOT.parent / "shared" / "benchmarks" / "boilerplate" / "pages"
DATA = ROOT / "src" / "helpers" / "data"
SCALES = (1.5, 2.0, 3.0)
OFFSETS = (0.0, -1.0, -2.0, -3.0)

# What a feature says about a paragraph when its value is above / below the average paragraph.
PHRASES = {
    "log_words": ("long", "short"),
    "function_share": ("many function words", "few function words"),
    "sentence_end": ("ends a sentence", "no full stop at the end"),
    "capital_share": ("mostly capitalised words", "few capitalised words"),
    "digit_share": ("many numbers", ""),
    "link": ("holds a link or handle", ""),
    "address": ("addresses the reader", ""),
    "publisher": ("speaks as the publisher (we)", ""),
    "appeal": ("asks for support or a subscription", ""),
    "action": ("asks the reader to act", ""),
    "site": ("site furniture words", ""),
    "credit": ("photo credit words", ""),
    "reporting": ("reporting verbs", "no reporting"),
    "quote": ("quotes someone", ""),
    "byline": ("a byline", ""),
    "dateline": ("opens with a dateline", ""),
    "date": ("a date or time stamp", ""),
    "headline": ("a headline (capitalised, no full stop)", ""),
    "count_suffix": ("ends with a count", ""),
    "no_letters": ("no words at all", ""),
    "comment": ("comment furniture (a count, button or time stamp)", ""),
    "title_repeat": ("repeats the page title", ""),
}


def load_pages(folder: Path) -> list[dict]:
    """Return each development page's segments, feature rows, line labels, language and gold body."""
    pages = []
    for path in sorted(folder.glob("*.txt")):
        if path.name.endswith(".gold.txt"):
            continue
        name = path.name[: -len(".txt")]
        labels = {}
        for row in (folder / f"{name}.labels.tsv").read_text("utf-8").splitlines()[1:]:
            line, label = row.split("\t")[:2]
            labels[int(line)] = int(label)
        article = parse_article(path.read_text("utf-8"), path=path)
        pieces = segment(article)
        pages.append(
            {
                "name": name,
                "article": article,
                "X": np.array(pieces.features, dtype=float),
                "y": np.array([labels.get(line, 0) for line in pieces.lines]),
                "lang": (folder / f"{name}.lang").read_text("utf-8").strip(),
                "gold": (folder / f"{name}.gold.txt").read_text("utf-8"),
            }
        )
    return pages


def fit_logistic(X: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 30) -> tuple[np.ndarray, float]:
    """Return (weights, bias) of an L2 logistic regression fitted by Newton's method on standardised X."""
    mean, std = X.mean(0), X.std(0) + 1e-9
    Z = np.hstack([(X - mean) / std, np.ones((len(X), 1))])
    w = np.zeros(Z.shape[1])
    penalty = l2 * np.r_[np.ones(Z.shape[1] - 1), 0.0]
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-Z @ w))
        gradient = Z.T @ (p - y) + penalty * w
        hessian = (Z * (p * (1 - p))[:, None]).T @ Z + np.diag(penalty)
        w -= np.linalg.solve(hessian, gradient)
    weights = w[:-1] / std
    return weights, float(w[-1] - (mean * weights).sum())


def layout_states(y: np.ndarray) -> list[str]:
    """Return the layout state of each paragraph from its 0/1 body labels."""
    body = np.flatnonzero(y == 1)
    if not len(body):
        return ["before"] * len(y)
    first, last = body[0], body[-1]
    return [
        "before" if i < first else "after" if i > last else "body" if y[i] == 1 else "gap"
        for i in range(len(y))
    ]


def fit_transitions(label_runs: list[np.ndarray]) -> dict[tuple[str, str], float]:
    """Return P(next state | state) counted over the pages (add-one smoothing on allowed moves)."""
    allowed = {("before", "before"), ("before", "body"), ("body", "body"), ("body", "gap"), ("body", "after"),
               ("gap", "gap"), ("gap", "body"), ("after", "after")}  # fmt: skip
    counts = dict.fromkeys(allowed, 1.0)
    for y in label_runs:
        states = layout_states(y)
        for pair in zip(states, states[1:]):
            counts[pair] += 1
    totals = {state: sum(v for (a, _), v in counts.items() if a == state) for state in STATES}
    return {pair: count / totals[pair[0]] for pair, count in counts.items()}


def fit_model(pages: list[dict], scale: float, offset: float) -> Model:
    """Return a Model fitted on ``pages`` (title rows left out) with the given evidence scale and offset."""
    X = np.vstack([page["X"][1:] for page in pages])
    y = np.concatenate([page["y"][1:] for page in pages])
    weights, bias = fit_logistic(X, y)
    prior = y.mean()
    transitions = fit_transitions([page["y"][1:] for page in pages])
    return Model(
        weights=tuple(round(float(w), 4) for w in weights),
        centres=tuple(round(float(c), 4) for c in X.mean(0)),
        high=tuple(PHRASES[name][0] for name in FEATURES),
        low=tuple(PHRASES[name][1] for name in FEATURES),
        bias=round(bias, 4),
        scale=scale,
        offset=round(offset - scale * float(np.log(prior / (1 - prior))), 4),
        transitions={pair: float(np.log(round(p, 4))) for pair, p in transitions.items()},
    )


def score(pages: list[dict], bodies: dict[str, str], evaluate) -> dict[str, float]:
    """Return the benchmark's F1, precision and recall of ``bodies`` over ``pages``."""
    return evaluate.aggregate(
        [evaluate.tp_fp_fn(page["gold"], bodies.get(page["name"], ""), 4) for page in pages]
    )


def cross_validate(pages: list[dict], scale: float, offset: float, folds: int) -> dict[str, str]:
    """Return the body each page gets from a model fitted on the other folds."""
    bodies = {}
    warnings.simplefilter("ignore", UserWarning)  # pages where a fold's model finds no body
    for fold in range(folds):
        train = [page for i, page in enumerate(pages) if i % folds != fold]
        model = fit_model(train, scale, offset)
        for page in pages[fold::folds]:
            bodies[page["name"]] = separate(page["article"], model=model).body
    return bodies


def write_model(model: Model, pages: list[dict]) -> None:
    """Write the model as the two package data files, with headers saying where they come from."""
    n_pages, n_rows = len(pages), sum(len(page["y"]) - 1 for page in pages)
    weights = [
        "# Weights of the body/boilerplate separator (helpers.boilerplate), one row per paragraph feature.",
        "# Written by this project: an L2 logistic regression of 'this line is body' fitted by",
        f"# benchmarks/fit_boilerplate.py on the {n_pages} development pages ({n_rows} paragraphs) of the",
        "# boilerplate benchmark (Scrapinghub article-extraction-benchmark, MIT); the other half is kept back.",
        "# score = bias + sum(weight * value); centre = the feature's mean, used to explain a score:",
        "# a paragraph's strongest contributions weight * (value - centre) are named by the 'high' or 'low'",
        "# phrase. scale and offset turn a score into the layout model's evidence: scale * score + offset.",
        "name\tweight\tcentre\thigh\tlow",
        f"bias\t{model.bias}\t\t\t",
        f"scale\t{model.scale}\t\t\t",
        f"offset\t{model.offset}\t\t\t",
    ]
    weights += [
        f"{name}\t{w}\t{c}\t{h}\t{lo}"
        for name, w, c, h, lo in zip(FEATURES, model.weights, model.centres, model.high, model.low)
    ]
    (DATA / "boilerplate_weights.tsv").write_text("\n".join(weights) + "\n", "utf-8")
    layout = [
        "# Layout of a news page for helpers.boilerplate: P(next paragraph's state | this paragraph's state).",
        "# States: before the body, body, gap (boilerplate inside the body: an advert, a caption), after.",
        "# Written by this project: transitions counted (add-one smoothed) by benchmarks/fit_boilerplate.py",
        f"# over the line labels of the {n_pages} development pages of the boilerplate benchmark.",
        "from\tto\tprobability",
    ]
    layout += [
        f"{a}\t{b}\t{np.exp(v):.4f}"
        for (a, b), v in sorted(
            model.transitions.items(), key=lambda kv: (STATES.index(kv[0][0]), STATES.index(kv[0][1]))
        )
    ]
    (DATA / "boilerplate_layout.tsv").write_text("\n".join(layout) + "\n", "utf-8")


def main(argv: list[str] | None = None) -> int:
    """Cross-validate the grid, print the estimates, and optionally write the refitted model."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "pages", nargs="?", type=Path, default=DEFAULT_PAGES, help="the benchmark's pages folder"
    )
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="refit on all pages and write the package data")
    args = parser.parse_args(argv)
    if not (args.pages / "../evaluate.py").resolve().is_file():
        parser.error(f"{args.pages}: not the boilerplate benchmark's pages folder (no ../evaluate.py)")
    sys.path.insert(0, str(args.pages.resolve().parent))
    import evaluate

    pages = load_pages(args.pages)
    english = [page for page in pages if page["lang"] == "en"]
    results = []
    print(f"{args.folds}-fold cross-validation by page id on {len(pages)} pages ({len(english)} English)")
    print("scale  offset  F1 en  P en   R en   F1 all")
    for scale, offset in product(SCALES, OFFSETS):
        bodies = cross_validate(pages, scale, offset, args.folds)
        en, every = score(english, bodies, evaluate), score(pages, bodies, evaluate)
        results.append((en["f1"], scale, offset))
        print(
            f"{scale:5.1f}  {offset:6.1f}  {en['f1']:.3f}  {en['precision']:.3f}  {en['recall']:.3f}  {every['f1']:.3f}"
        )
    best, scale, offset = max(results)
    print(f"chosen: scale {scale}, offset {offset} (cross-validated F1 English {best:.3f})")
    if args.write:
        write_model(fit_model(pages, scale, offset), pages)
        print(f"wrote {DATA / 'boilerplate_weights.tsv'} and {DATA / 'boilerplate_layout.tsv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
