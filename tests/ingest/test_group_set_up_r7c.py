"""A group set up with its head written between the verb and its name (成立由市长任组长的…领导小组) leads the work of
the unit that sets it up, as a group set up plainly (成立…领导小组) does. Texts written for these tests."""

from __future__ import annotations

from ingest import parse_text
from ingest.model import DocumentMeta

TEXT = """青禾市氢能产业发展行动方案
一、保障措施
（一）加强组织领导。成立由市政府主要领导任组长的市氢能产业发展工作领导小组，领导小组办公室设在市发展改革委，负责统筹协调重大事项。
（二）强化资金保障。市财政局统筹安排氢能产业发展资金。
"""


def test_group_set_up_with_its_head_written_first_leads():
    doc = parse_text(TEXT, DocumentMeta(slug="t", title="", jurisdiction="青禾市"))
    names = {d.key: d.pref_label for d in doc.departments}
    held = {(r.unit_path, r.role.value, names[r.agent]) for r in doc.responsibilities}
    assert ("一（一）", "lead", "青禾市氢能产业发展工作领导小组") in held
