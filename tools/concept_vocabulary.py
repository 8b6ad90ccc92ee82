"""How general the shipped concept scheme (ingest/data/concepts.ttl) is: counts of concepts and labels, and where
each Chinese label occurs — in the bundled seed plan (corpus/), in other documents (benchmarks/corpus_real/,
benchmarks/extraction/docs/, benchmarks/questions/documents*/), in both, or in none.

    python tools/concept_vocabulary.py            # the table of counts
    python tools/concept_vocabulary.py --list     # and every label found only in the seed or nowhere

A label is "seed only" when the seed plan contains it and no other document does; a scheme built from general
policy vocabulary has (almost) none. English labels are counted but not located (the documents are Chinese)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CONCEPTS_FILE = ROOT / "ingest/data/concepts.ttl"

SEED = sorted((ROOT / "corpus").glob("*.txt"))
OTHERS = sorted([*(ROOT / "benchmarks/corpus_real").glob("*.txt"), *(ROOT / "benchmarks/extraction/docs").glob("*.txt"),
                 *(ROOT / "benchmarks/questions").glob("documents*/*.txt")])


def load_labels(path: Path = CONCEPTS_FILE) -> dict[str, dict[str, list[str]]]:
    """Each concept's labels by language, prefLabel first (read with rdflib: the tool needs no ingest import)."""
    from rdflib import Graph
    from rdflib.namespace import RDF, SKOS

    graph = Graph().parse(path, format="turtle")
    labels: dict[str, dict[str, list[str]]] = {}
    for concept in sorted(graph.subjects(RDF.type, SKOS.Concept)):
        key = str(concept).rsplit("/", 1)[-1]
        entry = labels.setdefault(key, {"zh": [], "en": []})
        for predicate in (SKOS.prefLabel, SKOS.altLabel):
            for literal in sorted(graph.objects(concept, predicate)):
                if literal.language in entry and str(literal) not in entry[literal.language]:
                    entry[literal.language].append(str(literal))
    return labels


def _texts(paths: list[Path]) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in paths]


def vocabulary_report() -> dict:
    """Counts of the scheme, and the Chinese labels by where they occur."""
    seed, others = _texts(SEED), _texts(OTHERS)
    concepts = load_labels()
    zh = [(key, label) for key, entry in concepts.items() for label in entry["zh"]]
    en = [(key, label) for key, entry in concepts.items() for label in entry["en"]]
    where: dict[str, list[tuple[str, str]]] = {"seed only": [], "others": [], "nowhere": []}
    in_seed_concepts = set()
    for key, label in zh:
        s = any(label in t for t in seed)
        o = sum(label in t for t in others)
        if s:
            in_seed_concepts.add(key)
        where["others" if o else "seed only" if s else "nowhere"].append((key, label))
    return {
        "documents other than the seed": len(others),
        "concepts": len(concepts),
        "concepts with a label in the seed": len(in_seed_concepts),
        "zh labels": len(zh),
        "en labels": len(en),
        "zh labels in another document": len(where["others"]),
        "zh labels only in the seed": len(where["seed only"]),
        "zh labels in no document": len(where["nowhere"]),
        "_lists": where,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="list the labels found only in the seed or nowhere")
    args = parser.parse_args()
    report = vocabulary_report()
    for name, value in report.items():
        if not name.startswith("_"):
            print(f"{name:36} {value}")
    if args.list:
        for where in ("seed only", "nowhere"):
            print(f"\n{where}:")
            for key, label in report["_lists"][where]:
                print(f"  {key:36} {label}")


if __name__ == "__main__":
    main()
