"""The same department of every county-level city and district of a city, written 各市（区）人社部门 (a prefecture whose
counties are all cities or districts), is one collective body, as 各县（市、区）人社部门 is. Texts written for these tests."""

from __future__ import annotations

import pytest

from ingest import parse_text
from ingest.model import DocumentMeta


@pytest.mark.parametrize("name", ["各市（区）人社部门", "各市（区）财政局", "各县（市、区）人社部门"])
def test_each_places_department_is_a_collective_body(name):
    text = ("青禾市零工市场建设工作要点\n一、重点任务\n（一）压实属地责任。" + name
            + "要把零工市场建设纳入年度就业工作目标考核。\n（二）开展技能培训。市人社局负责组织零工技能培训。\n")
    doc = parse_text(text, DocumentMeta(slug="t", title="", jurisdiction="青禾市"))
    body = next(d for d in doc.departments if d.pref_label.endswith(name))
    assert any(r.agent == body.key and r.unit_path == "一（一）" for r in doc.responsibilities)
