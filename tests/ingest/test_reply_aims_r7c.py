"""A reply's plans for the next step state aims where a clause gives a deadline ahead (2026年底前上线…): its figures
are targets, and a yearly minimum in a later clause of that sentence (每年举办…不少于24场) is per year, with no date.
A figure of a year already over stays a result reported. Texts written for these tests."""

from __future__ import annotations

from ingest import parse_text
from ingest.model import DocumentMeta

REPLY = """青禾市人力资源和社会保障局关于市人大代表第0031号建议的答复

李某某代表：
您提出的关于规范零工市场的建议收悉，现答复如下。

近年来，我局持续推进零工市场建设，2023年底前建成零工驿站40个。

下一步，我局将重点做好以下工作：

在提升信息服务水平上，2026年底前建成全市统一的零工信息平台，零工岗位信息线上发布率达到100%，每年举办零工专场招聘会不少于24场。

感谢您对人社工作的关心和支持。

青禾市人力资源和社会保障局
2025年6月20日
"""


def _targets():
    doc = parse_text(REPLY, DocumentMeta(slug="t", title="", jurisdiction="青禾市", issued="2025-06-20"))
    return doc.targets


def test_figures_under_a_deadline_ahead_are_targets():
    found = {(t.quantity, t.unit): t for t in _targets()}
    rate = found.get((100, "%"))
    assert rate is not None and rate.deadline is not None and rate.deadline.year == 2026
    fairs = found.get((24, "场"))
    assert fairs is not None and fairs.deadline is None and fairs.period == "每年"


def test_a_year_already_over_is_no_aim():
    assert not any(t.quantity == 40 for t in _targets())
