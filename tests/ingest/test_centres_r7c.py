"""A level's centre named by the work it does (县茶叶产业发展中心, 市农业技术推广中心) is a public institution: a body where
it acts, and a member of the group its head sits in; a centre named only by its field (产业创新中心) stays a place or
facility. Texts written for these tests."""

from __future__ import annotations

from ingest import parse_text
from ingest.model import DocumentMeta

TEXT = """青禾县茶叶产业发展实施方案
一、重点任务
（一）建设良种繁育基地。新建茶树良种繁育基地500亩。
责任单位：县茶叶产业发展中心、县科技局
（二）打造产业平台。建设县茶叶产业创新中心。
责任单位：县农业农村局
二、保障措施
（一）加强组织领导。成立青禾县茶叶产业发展工作专班，县长任组长，县农业农村局、县财政局、县茶叶产业发展中心等单位主要负责同志为成员。
"""


def _doc():
    return parse_text(TEXT, DocumentMeta(slug="t", title="", jurisdiction="青禾市青禾县"))


def _labels(doc):
    return {name for d in doc.departments for name in (d.pref_label, *d.alt_labels)}


def test_a_centre_named_by_its_work_is_a_body_where_it_acts():
    doc = _doc()
    assert "县茶叶产业发展中心" in _labels(doc)
    assert not any(d.pref_label.endswith("产业创新中心") for d in doc.departments)


def test_the_centre_takes_its_roles():
    doc = _doc()
    centre = next(d for d in doc.departments if d.pref_label.endswith("县茶叶产业发展中心"))
    roles = {(r.unit_path, r.role.value) for r in doc.responsibilities if r.agent == centre.key}
    assert ("一（一）", "participant") in roles or ("一（一）", "lead") in roles
    assert ("二（一）", "participant") in roles
