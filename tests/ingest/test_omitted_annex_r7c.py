"""An annex the published text leaves out, only naming it (附件：重点项目清单（略）), is no unit: nothing of it is
there to read. An annex written out stays one. Texts written for these tests."""

from __future__ import annotations

from ingest import parse_text
from ingest.model import DocumentMeta

BODY = """青禾县茶叶产业发展实施方案
一、重点任务
（一）建设良种繁育基地。新建茶树良种繁育基地500亩。（县农业农村局牵头）
（二）培育加工企业。培育茶叶加工龙头企业3家。（县工信局牵头）
"""


def _paths(text: str) -> list[str]:
    return [u.path for u in parse_text(text, DocumentMeta(slug="t", title="", jurisdiction="青禾市青禾县")).units]


def test_an_omitted_annex_is_no_unit():
    paths = _paths(BODY + "\n附件：青禾县茶叶产业重点项目清单（略）\n")
    assert not any(p.startswith("附件") for p in paths)
    assert "一（二）" in paths


def test_an_annex_written_out_is_a_unit():
    paths = _paths(BODY + "\n附件\n青禾县茶叶产业重点项目清单\n1.茶树良种繁育基地建设项目，总投资2000万元。\n")
    assert any(p.startswith("附件") for p in paths)
