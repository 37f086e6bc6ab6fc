"""People F1 on the dev set: underthesea's CRF NER alone, next to our extractor.

usage: python bench/people_underthesea.py
underthesea is not a runtime dependency (the extractor does not use it): install it with
`.venv/bin/pip install -e '.[bench]'` first. It ships its model in the wheel, so this runs offline.
"""

from __future__ import annotations

import json
import time
import unicodedata
from pathlib import Path

from extraction import extract
from extraction.text import split_sentences

try:
    from underthesea import ner
except ImportError as missing:  # the `bench` extra is not installed
    raise SystemExit("underthesea is not installed: run `.venv/bin/pip install -e '.[bench]'`") from missing

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev"


def _norm(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def underthesea_people(text: str) -> set[str]:
    """PER spans of underthesea's NER, sentence by sentence."""
    names: set[str] = set()
    for sentence in split_sentences(unicodedata.normalize("NFC", text)):
        current: list[str] = []
        for token, *_tags, label in ner(sentence.text):
            if label == "B-PER" or (label == "I-PER" and not current):
                if current:
                    names.add(" ".join(current))
                current = [token]
            elif label == "I-PER":
                current.append(token)
            elif current:
                names.add(" ".join(current))
                current = []
        if current:
            names.add(" ".join(current))
    return {_norm(name) for name in names if len(name.split()) >= 2}


def f1(predicted: list[set[str]], gold: list[set[str]]) -> tuple[float, float, float]:
    tp = sum(len(p & g) for p, g in zip(predicted, gold, strict=True))
    fp = sum(len(p - g) for p, g in zip(predicted, gold, strict=True))
    fn = sum(len(g - p) for p, g in zip(predicted, gold, strict=True))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main() -> None:
    paths = sorted((DEV / "texts").glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    gold = [
        {_norm(p["name"]) for p in json.loads((DEV / "gold" / f"{path.stem}.json").read_text())["people"]}
        for path in paths
    ]
    for label, finder in (
        ("underthesea NER alone", underthesea_people),
        ("doingoai extractor", lambda text: {_norm(p.name) for p in extract(text).people}),
    ):
        started = time.perf_counter()
        predicted = [finder(text) for text in texts]
        seconds = time.perf_counter() - started
        precision, recall, score = f1(predicted, gold)
        print(
            f"{label:24s} P={precision:.3f} R={recall:.3f} F1={score:.3f}  ({len(texts) / seconds:.1f} docs/s)"
        )


if __name__ == "__main__":
    main()
