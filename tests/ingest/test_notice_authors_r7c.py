"""A notice that issues a text its senders wrote (省科技厅、省财政厅研究制定了《…办法》，现印发给你们) names them as the
text's authors, not as leads of work in the notice. The issued text's own articles still give them their roles.
Texts written for these tests."""

from __future__ import annotations

from ingest import parse_text
from ingest.model import DocumentMeta

TEXT = """青禾省科学技术厅　青禾省财政厅
关于印发《青禾省科技创新券管理办法》的通知

各市科技局、财政局：

为规范科技创新券管理，省科技厅、省财政厅研究制定了《青禾省科技创新券管理办法》，现印发给你们，请遵照执行。

青禾省科学技术厅　　　　青禾省财政厅
2025年3月10日

青禾省科技创新券管理办法

第一条　为规范科技创新券的发放和使用，制定本办法。
第二条　省科技厅负责创新券的发放和兑付审核，省财政厅负责资金保障。
第三条　本办法自2025年4月1日起施行。
"""


def test_authors_of_the_issued_text_are_no_leads_in_the_notice():
    doc = parse_text(TEXT, DocumentMeta(slug="t", title="", jurisdiction="青禾省"))
    names = {d.key: d.pref_label for d in doc.departments}
    held = {(r.unit_path, names[r.agent]) for r in doc.responsibilities}
    assert not any(path == "通知" for path, _ in held)
    assert any(path == "第二条" and name.endswith("科技厅") for path, name in held)
