"""Every body of a list a 向 (or 报送) opens is one the work is sent to (择优向市科技局、市财政局联合行文推荐), not an
actor; the body that sends stays one. Texts written for these tests."""

from __future__ import annotations

from ingest import parse_text
from ingest.model import DocumentMeta

TEXT = """青禾市科技创新券管理办法
第一条　为规范科技创新券管理，制定本办法。
第二条　各区科技局会同各区财政局在20个工作日内完成初审，择优向市科技局、市财政局联合行文推荐。
第三条　本办法自2025年4月1日起施行。
"""


def test_later_members_of_a_recipient_list_are_no_actors():
    doc = parse_text(TEXT, DocumentMeta(slug="t", title="", jurisdiction="青禾市"))
    names = {d.key: d.pref_label for d in doc.departments}
    held = {names[r.agent] for r in doc.responsibilities if r.unit_path == "第二条"}
    assert not any(n.endswith("市财政局") and "各区" not in n for n in held)
    assert not any(n.endswith("市科技局") and "各区" not in n for n in held)
    assert any(n.endswith("各区科技局") for n in held)
