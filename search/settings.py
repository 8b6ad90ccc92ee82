"""The search's own settings: limits, candidate pool, fusion method and boosts (the API maps its settings here)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .backends.base import BACKENDS
from .dense import HNSW_THRESHOLD

__all__ = ["FUSIONS", "SearchSettings"]

FUSIONS = ("weighted", "rrf")


@dataclass(slots=True)
class SearchSettings:
    """Knobs of an index; saved with it, so a loaded index searches as it was built to."""

    # "weighted" (min-max scores, language-aware weights) or "rrf": weighted is ahead of RRF, and never
    # below its best single retriever, on dev and own questions in both languages (benchmarks/results/eval_*)
    fusion: str = "weighted"
    rrf_k: int = 60
    candidates: int = 50  # per retriever, before fusion
    query_cache: int = 256  # query vectors kept for repeated questions (0: embed every query)
    max_query_chars: int = 1000
    expansion_weight: float = 0.3  # BM25 weight of the matched concepts' other labels (own words, pref label: 1)
    industry_weight: float = 0.5  # BM25 weight of the policy industries of products/plants the question names
    # BM25 weight of the question words' cilin synonyms found in the index (0.2 until the sixth round: 0.3 gained one
    # hit@1 or hit@3 on each of three tune/dev sets, lost none, untouched unchanged)
    thesaurus_weight: float = 0.3
    thesaurus_max_share: float = 0.3  # … leaving out synonyms found in more than this share of units
    translation_weight: float = 0.5  # BM25 weight of the Chinese words an English question's words stand for
    phrase_translation_weight: float = 0.75  # … of the words an English phrase of 2+ words stands for (端午节)
    translations_per_phrase: int = 3  # … at most this many per English phrase (CC-CEDICT's primary senses first)
    translation_dense: bool = False  # … and added to the e5 query beside the question
    # English questions: the candidates whose English view (their words' glosses, search/english_view.py) holds
    # the question's words rise by this share of the best fused score, each Chinese word glossed by the phrases it
    # is among the first english_view_senses words of
    english_view_weight: float = 0.2
    english_view_senses: int = 2
    # … and those holding the Chinese word of an English phrase of 2+ words (Mid-Autumn Festival → 中秋) rise by this
    # share: English hit@3 on 183 tune questions 164 → 166 (0.2 to 0.5 alike; hit@1 139 throughout), on 210 untouched
    # hit@1 147 → 148, hit@3 181 → 182
    phrase_boost: float = 0.3
    # English questions: each of the best 50 candidates gains this share of the best fused score × the idf-weighted
    # share of the question's English phrases whose Chinese words its text holds (search/coverage.py): English
    # hit@1 / hit@3 on 230 tune and development questions 178 / 207 → 190 / 212, on 210 untouched 157 / 182 →
    # 162 / 189 (0.5 and 1.0 alike; 3.0 falls to 167 / 207); 0 turns it off
    english_coverage: float = 0.7
    # … and each of them gains this share × the covered share of its whole document (title and every unit), so
    # that of two similar documents the one holding more of the question's phrases leads: English hit@1 / hit@3
    # on the 230 tune and development questions 192 / 215 → 192 / 216 (0.3), 193 / 215 (0.4), 193 / 214 (0.6),
    # 190 / 214 (1.0); on the 210 untouched 162 / 189 → 163 / 190, 164 / 190, 161 / 190, 158 / 189
    english_document_coverage: float = 0.4
    # English questions rendered in the documents' Chinese (search/translate_test.py): the weight of that string's
    # BM25 list and of its own dense list (one more encoder call) beside the English lists in the weighted fusion
    translated_lexical_weight: float = 0.0
    translated_dense_weight: float = 0.0
    sentence_weight: float = 0.8  # share of the best sentence's similarity in a unit's dense score
    # an English question's vector + en_align_matrix·W q + en_align_shift·δ, renormalised (search/align.py)
    en_align_matrix: float = 0.5
    # (shift 0 → 0.5: English hit@1 on the six tune sets 0.708 → 0.745, on the nine once-scored untouched sets
    # 0.624 → 0.648; shift 1.0 or 1.5, or the matrix at 0.3 or 0.8, no better on both)
    en_align_shift: float = 0.5
    # … then + en_adapter_weight·A B q, renormalised (search/adapter.py, fitted by tools/build_adapter.py; none is
    # shipped): at 0.5 English hit@1 +1 question of 100 on the four tune sets, +0 of 98 on the four untouched ones
    # (hit@3 +2 −1); at 1.0 ±0 and −1 (hit@3 −2, −1): within noise, so off
    en_adapter_weight: float = 0.0
    # language → lowest best cosine that counts as an answer; empty: the encoder's calibrated floors
    relevance_floors: dict[str, float] = field(default_factory=dict)
    annex_weight: float = 0.8  # an annex (task table) restating the body's units weighs less than they do
    kind_weights: dict[str, float] = field(default_factory=lambda: {"preamble": 0.8})  # other kinds (default 1)
    # a unit that only announces what follows (现答复如下：, 现将名单通知如下：) weighs this much (search/routing.py)
    announce_weight: float = 0.7
    announce_carry: float = 0.3  # … and the units after it in its document gain this share of its score
    place_boost: float = 0.4  # added share of the fused score for the documents of a place the question names
    quantity_boost: float = 0.25  # added share of the fused score for targets on a quantitative question
    who_boost: float = 0.1  # … for units naming their own responsible bodies, on a "who" question
    when_boost: float = 0.2  # … for units fixing a date or time limit, on a "when" question
    support_boost: float = 0.3  # … for units stating support amounts, on a question asking what support, how much
    frequency_boost: float = 0.2  # … for units stating how often (每年召开两次), on a "how often" question
    penalty_boost: float = 0.2  # … for units stating a penalty (and an item's lead-in that does), on "what fine"
    figure_boost: float = 0.15  # … for units stating a figure of the kind asked (how much money: 2亿元; how many students: 1445名)
    person_boost: float = 0.2  # … for units saying who holds a post (秘书长：朱之文), on "who is the secretary-general"
    heading_boost: float = 0.1  # … for units whose short heading (春节, 国庆节) the question names
    places_boost: float = 0.2  # … for units naming two places or more, on a "which places" question
    # … for units saying when their text holds (自…起施行), on "from what date does it apply", those of the best
    # three documents joining the candidates: English tune hit@1 +2 of 183, Chinese untouched +3 of 396 (1.0 the same)
    in_force_boost: float = 0.5
    document_boost: float = 0.5  # … for units naming their own text (本办法), on a question about the text itself
    hnsw_threshold: int = HNSW_THRESHOLD
    dense_kind: str = "auto"  # "auto" | "flat" | "hnsw"
    # where candidates come from (search/backends/): "local" (bm25s + FAISS in memory) or "milvus"
    backend: str = "local"
    milvus_uri: str = ""  # milvus-lite file (*.db) or http://host:19530; used when backend is "milvus"
    milvus_collection_prefix: str = "policykg_units"  # each build creates <prefix>_<random hex>
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.fusion not in FUSIONS:
            raise ValueError(f"unknown fusion {self.fusion!r}; valid: {', '.join(FUSIONS)}")
        if self.max_query_chars < 1 or self.candidates < 1:
            raise ValueError("max_query_chars and candidates must be at least 1")
        if self.backend not in BACKENDS:
            raise ValueError(f"unknown search backend {self.backend!r}; valid: {', '.join(BACKENDS)}")
        if self.backend == "milvus" and not self.milvus_uri:
            raise ValueError("the milvus search backend needs milvus_uri (POLICYKG_MILVUS_URI): a milvus-lite "
                             "file path ending in .db or http://host:19530")
        if self.query_cache < 0:
            raise ValueError("query_cache must be 0 (off) or a positive number of queries")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SearchSettings:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        legacy = (known.get("extra") or {}).get("english_coverage")  # indexes saved before it was a field
        if legacy is not None and "english_coverage" not in known:
            known["english_coverage"] = float(legacy)
        return cls(**known)
