"""A 责任单位 line under a section's last item stands for the whole section only when the other items name no owners;
when an earlier item's own sentence names its owners (由市工信局会同…组织实施), the line is the last item's.
Texts written for these tests."""

from __future__ import annotations

from ingest import parse_text
from ingest.model import DocumentMeta

OWNED_SIBLING = """青禾市智能制造行动方案
一、重点任务
（一）壮大整机企业
1.培育龙头企业。对年产值首次突破10亿元的企业给予一次性奖励100万元。由市工信局会同市财政局组织实施。
2.发展配套企业。对首次进入龙头企业供应商名录的本地企业给予奖励20万元。
责任单位：市商务局、市科技局
（二）优化产业生态
3.建设公共服务平台。建成工业互联网公共服务平台2个。（市工信局牵头）
"""

NO_OWNERS = """青禾市智能制造行动方案
一、重点任务
（一）壮大整机企业
1.培育龙头企业。对年产值首次突破10亿元的企业给予一次性奖励100万元。
2.发展配套企业。对首次进入龙头企业供应商名录的本地企业给予奖励20万元。
责任单位：市商务局、市科技局
（二）优化产业生态
3.建设公共服务平台。建成工业互联网公共服务平台2个。（市工信局牵头）
"""


def _held(text: str) -> set[tuple[str, str]]:
    doc = parse_text(text, DocumentMeta(slug="t", title="", jurisdiction="青禾市"))
    names = {d.key: d.pref_label for d in doc.departments}
    return {(r.unit_path, names[r.agent]) for r in doc.responsibilities}


def test_the_line_is_the_last_items_when_a_sibling_names_its_owners():
    held = _held(OWNED_SIBLING)
    assert ("一（一）2", "青禾市科技局") in held
    assert ("一（一）", "青禾市科技局") not in held


def test_the_line_stands_for_the_section_when_no_item_names_owners():
    held = _held(NO_OWNERS)
    assert ("一（一）", "青禾市科技局") in held
