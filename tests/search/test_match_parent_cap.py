"""An article's closing paragraph (a line after its last item bounding every item) caps each item's sum."""

from __future__ import annotations

from decimal import Decimal

from kg.matchviews import Amount
from search.match_closing import closing_capped, closing_caps
from search.types import IndexUnit

LAST = "年化贴息率最高不超过1.5个百分点。\n单个企业年度贴息额最高不超过300万元，同一项目贴息期限最长不超过2年。"


def _item(n: int, text: str, start: int) -> IndexUnit:
    mark = "一二三"[n - 1]
    return IndexUnit(f"doc/a5.{n}", "item", "doc", "细则", f"第五条（{mark}）", "", text, text, start,
                     start + len(text))


UNITS = [_item(1, "一般项目按企业实际支付利息的40%给予贴息；", 100), _item(2, "示范项目按实际支付利息的60%给予贴息；", 130),
         _item(3, LAST, 160)]


def test_every_item_of_the_article_takes_the_closing_cap_with_its_span():
    for unit in UNITS:
        caps = closing_caps(unit, UNITS)
        assert [(c.cap, c.unit, c.unit_path) for c in caps] == [(300, "万元", "第五条")]
        at = LAST.index("单个")
        assert caps[0].start == 160 + at and caps[0].text.startswith("单个企业年度贴息额最高不超过300万元")


def test_the_cap_bounds_the_sum_an_item_works_out():
    caps = closing_caps(UNITS[0], UNITS)
    rate = Amount(Decimal(4200000), "元", "rate", "40% × 10,500,000 元 = 4,200,000 元", 40)
    small = Amount(Decimal(100000), "元", "rate", "40% × 250,000 元 = 100,000 元", 40)
    capped, kept = closing_capped([rate, small], caps, "zh")
    assert capped.value == Decimal(3000000) and capped.kind == "cap" and "300万元" in capped.formula
    assert kept == small


def test_no_closing_line_no_item_no_cap():
    plain = [_item(1, "按40%给予贴息；", 100), _item(2, "最高不超过1.5个百分点。", 120)]
    assert closing_caps(plain[0], plain) == []
    article = IndexUnit("doc/a4", "article", "doc", "细则", "第四条", "", LAST, LAST, 0, len(LAST))
    assert closing_caps(article, [article]) == []
