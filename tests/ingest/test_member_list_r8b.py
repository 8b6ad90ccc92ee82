"""A group's member list written with 包括 (eighth round, helper xr8b).

包括 is a word of a clause, never of a body's name: "市某某专班成员包括市委统战部、…" must not be read as one
body-like span running from the group's name into its first member, which hid the whole list."""

import logging

from ingest.bodynames import _CLAUSE_RE
from ingest.model import DocumentMeta
from ingest.pipeline import parse_text


def test_include_is_a_clause_word():
    assert _CLAUSE_RE.search("城镇建设专班成员包括")


def test_members_listed_after_a_named_group_take_part():
    logging.disable(logging.WARNING)
    text = ("工作专班运行规则\n第四条 市乡村建设专班成员包括市委宣传部、市发展改革局、市民政局、市水务局等单位。\n")
    doc = parse_text(text, DocumentMeta(slug="zhuanban-rules", title="工作专班运行规则"))
    names = {o.key: o.pref_label for o in doc.departments}
    got = {(names.get(r.agent, r.agent), getattr(r.role, "value", r.role)) for r in doc.responsibilities}
    for body in ("市发展改革局", "市民政局", "市水务局"):
        assert any(name.endswith(body) and role == "participant" for name, role in got), (body, got)
    assert any(name.endswith("市委宣传部") and role == "participant" for name, role in got), got
