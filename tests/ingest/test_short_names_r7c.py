"""A short name the text declares (（以下简称区委人才办）) that the finder would also read as a body of its own
(…办 is an office's ending) is the declared body wherever it is written: one body, and the roles the short name takes
are that body's. Texts written for these tests."""

from __future__ import annotations

from ingest import parse_text
from ingest.model import DocumentMeta

TEXT = """青禾市溪口区科技人才扶持办法
第一条　青年人才的认定标准由区委人才工作领导小组办公室（以下简称区委人才办）会同区人社局另行制定。
第二条　对新引进的青年人才给予生活补贴，每人每月2000元。（区委人才办牵头，区财政局配合）
第三条　区委人才办、区科技局按职责分工在20个工作日内完成审核。
"""


def _doc():
    return parse_text(TEXT, DocumentMeta(slug="t", title="", jurisdiction="青禾市溪口区"))


def test_declared_short_name_is_not_a_second_body():
    doc = _doc()
    holding = [d for d in doc.departments if "区委人才办" in (d.pref_label, *d.alt_labels)]
    assert len(holding) == 1
    assert holding[0].pref_label.endswith("区委人才工作领导小组办公室")
    assert not any(d.pref_label.endswith("区委人才办") for d in doc.departments)


def test_short_name_roles_go_to_the_declared_body():
    doc = _doc()
    office = next(d for d in doc.departments if d.pref_label.endswith("区委人才工作领导小组办公室"))
    leads = {(r.unit_path, r.role.value) for r in doc.responsibilities if r.agent == office.key}
    assert ("第二条", "lead") in leads
