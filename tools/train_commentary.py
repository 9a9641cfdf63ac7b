"""Train the commentary model (``src/denouement/data/commentary_model.json``) on annotated stories.

    python tools/train_commentary.py [ANNOTATED_DIR ...] [--out FILE] [--check]

Every story of the folders (default ``tests/devset``) is run through the engine; each sentence that is not
page furniture (in the engine's reading or the annotation's) becomes one example, labelled commentary or not
by the annotation, with the features of :func:`denouement.commentary.features`. A logistic model with an L2
penalty is fitted by gradient descent (numpy only) and written as JSON: feature → coefficient. ``--check``
instead scores the model the way an unseen text would meet it: trained on all rounds of stories but one
(a round is the letters that start the file names) and tested on that one, round by round.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

import denouement.layers as layers
from denouement import explain
from denouement.commentary import features
from denouement.evaluate import gold_layers, load_annotation

#: Features seen in fewer examples than this are left out of the model.
MIN_COUNT = 3
L2 = 1.0
STEPS = 400
RATE = 1.0


def _round(stem: str) -> str:
    """The round a story was written in: the letters that start its file name ("o01-…" → "o", "aa03-…" →
    "aa")."""
    match = re.match(r"[a-z]+", stem)
    return match.group() if match else stem[:1]


def examples(folders: list[Path]) -> tuple[list[dict[str, float]], list[int], list[str]]:
    captured: dict[str, object] = {}
    find_layers = layers.find_layers

    def capture(facts):  # type: ignore[no-untyped-def]
        captured["facts"] = facts
        return find_layers(facts)

    layers.find_layers = capture  # type: ignore[assignment]
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    groups: list[str] = []
    try:
        for folder in folders:
            for path in sorted(folder.glob("*.yaml")):
                annotation = load_annotation(path)
                story = explain(annotation.story_path)
                facts = captured["facts"]
                gold = gold_layers(story, annotation)
                weights = layers.commentary_weights(facts)  # type: ignore[arg-type]
                signals = layers.commentary_signals(facts, weights)  # type: ignore[arg-type]
                for k, signal in enumerate(signals):
                    if gold[signal.index] == "meta":
                        continue
                    rows.append(features(signals, k, len(facts)))  # type: ignore[arg-type]
                    labels.append(1 if gold[signal.index] == "commentary" else 0)
                    groups.append(_round(path.stem))
    finally:
        layers.find_layers = find_layers  # type: ignore[assignment]
    return rows, labels, groups


def fit(rows: list[dict[str, float]], labels: list[int]) -> dict[str, float]:
    counts = Counter(name for row in rows for name in row)
    names = sorted(name for name, n in counts.items() if n >= MIN_COUNT)
    column = {name: n for n, name in enumerate(names)}
    matrix = np.zeros((len(rows), len(names)), dtype=np.float64)
    for n, row in enumerate(rows):
        for name, value in row.items():
            if name in column:
                matrix[n, column[name]] = value
    y = np.array(labels, dtype=np.float64)
    w = np.zeros(len(names))
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-(matrix @ w)))
        w -= RATE * (matrix.T @ (p - y) + L2 * w) / len(y)
    return {name: round(float(c), 5) for name, c in zip(names, w, strict=True) if abs(c) >= 1e-5}


def predict(coefficients: dict[str, float], row: dict[str, float]) -> float:
    z = sum(coefficients.get(name, 0.0) * value for name, value in row.items())
    return 1 / (1 + np.exp(-z))


def check(rows: list[dict[str, float]], labels: list[int], groups: list[str]) -> None:
    wrong = 0
    for group in sorted(set(groups)):
        train = [n for n, g in enumerate(groups) if g != group]
        test = [n for n, g in enumerate(groups) if g == group]
        model = fit([rows[n] for n in train], [labels[n] for n in train])
        errors = sum((predict(model, rows[n]) >= 0.5) != labels[n] for n in test)
        wrong += errors
        print(f"round {group}: {errors} wrong of {len(test)}")
    print(f"all rounds held out in turn: accuracy {1 - wrong / len(rows):.4f} ({wrong} wrong of {len(rows)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[Path("tests/devset")])
    parser.add_argument("--out", type=Path, default=Path("src/denouement/data/commentary_model.json"))
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    rows, labels, groups = examples(args.folders)
    if args.check:
        check(rows, labels, groups)
        return 0
    model = {
        "about": "Logistic model: feature -> coefficient (see denouement.commentary); "
        "trained by tools/train_commentary.py",
        "examples": len(rows),
        "threshold": 0.5,
        "coefficients": fit(rows, labels),
    }
    args.out.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(rows)} examples, {len(model['coefficients'])} features -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
