"""Extraction benchmark: hand-written policy documents with gold records, scored against ``ingest.parse_plan``.

``python -m benchmarks.extraction [--set docs|holdout|real|real_holdout|all] [--json]`` prints precision/recall/F1
per document and in total for structure, bodies, responsibilities, targets (with comparator and deadline accuracy),
supports and citations, the own number and date of issue, and parse throughput; on the real sets also the accuracy
of the document metadata and of each unit's kind and function, and P/R of the texts a document repeals.
"""

from .gold import GoldCase, gold_cases, problems
from .metrics import Counts, accuracy, f1, match, precision, recall
from .run import Report, by_level, evaluate, total
from .score import DocScore, score_document

__all__ = [
    "GoldCase", "gold_cases", "problems",
    "Counts", "accuracy", "f1", "match", "precision", "recall",
    "Report", "by_level", "evaluate", "total",
    "DocScore", "score_document",
]
