"""What the seed plan (上海市技术改造三年行动计划) must give."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ingest.model import Basis, Role, UnitKind

D = Decimal
MUNICIPAL = {
    "市经济信息化委": "上海市经济和信息化委员会",
    "市发展改革委": "上海市发展和改革委员会",
    "市住房城乡建设管理委": "上海市住房和城乡建设管理委员会",
    "市审改办": "上海市行政审批制度改革工作领导小组办公室",
    "市财政局": "上海市财政局",
    "市规划国土资源局": "上海市规划和国土资源管理局",
    "市环保局": "上海市环境保护局",
    "市国资委": "上海市国有资产监督管理委员会",
    "市统计局": "上海市统计局",
    "市金融办": "上海市金融服务办公室",
}


def test_kind_counts(seed):
    counts = {kind: len(seed.units_of(kind)) for kind in UnitKind}
    assert counts[UnitKind.CHAPTER] == 3
    assert counts[UnitKind.GUIDELINE] == 1
    assert counts[UnitKind.PRINCIPLE] == 4
    assert counts[UnitKind.GOAL] == 4
    assert counts[UnitKind.TASK] == 6
    assert counts[UnitKind.MEASURE] == 18
    assert counts[UnitKind.SAFEGUARD] == 4
    assert counts[UnitKind.PREAMBLE] == 1
    assert counts[UnitKind.CLOSING] == counts[UnitKind.ANNEX] == counts[UnitKind.ARTICLE] == 0


def test_chapters_and_paths(seed):
    assert [u.heading for u in seed.units_of(UnitKind.CHAPTER)] == ["总体要求", "重点任务", "保障措施"]
    assert seed.unit("一（一）").kind is UnitKind.GUIDELINE
    assert seed.unit("一（二）").kind is UnitKind.SECTION
    assert [u.path for u in seed.units_of(UnitKind.GOAL)] == ["一（三）-1", "一（三）-2", "一（三）-3", "一（三）-4"]
    assert [u.key for u in seed.units_of(UnitKind.GOAL)] == ["1.3.b1", "1.3.b2", "1.3.b3", "1.3.b4"]
    measure = seed.unit("二（一）1")
    assert (measure.key, measure.heading, measure.parent, measure.line) == (
        "2.1.1", "实施以机器人应用为特征的自动化改造", "二（一）", 36)
    assert seed.unit("二（一）").heading == "实施产业智能化改造工程"
    assert seed.unit("一（二）1").heading == "坚持对标国际"
    assert seed.unit("一（三）-1").heading == "打造国际一流、国内领先、行业引领的新标杆"
    assert seed.unit("三（一）").heading == "完善工作机制"
    assert seed.unit("二").children == [f"二（{n}）" for n in "一二三四五六"]


def test_preamble(seed):
    assert seed.preamble is not None
    preamble = seed.preamble.text(seed.source)
    assert preamble.startswith("技术改造是巩固提升实体经济能级的关键举措")
    assert preamble.endswith("制定本行动计划。")
    unit = seed.unit("序言")
    assert (unit.kind, unit.key, unit.span, unit.parent) == (UnitKind.PREAMBLE, "pre", seed.preamble, None)


def test_every_span_is_exact(seed):
    keys = [u.key for u in seed.units]
    assert len(set(keys)) == len(keys)
    for unit in seed.units:
        assert seed.source[unit.span.start : unit.span.end] == unit.text
        assert unit.text.startswith(unit.heading)
        assert seed.source[unit.heading_span.start : unit.heading_span.end] == unit.heading
    for target in seed.targets:
        assert target.span.text(seed.source) == target.text
    for dept in seed.departments:
        for span in dept.mentions:
            assert span.text(seed.source) in (dept.pref_label, *dept.alt_labels)
    for resp in seed.responsibilities:
        assert resp.span is not None


def test_targets(seed):
    got = [(t.unit_path, t.indicator, t.quantity, t.quantity_max, t.unit, t.comparator) for t in seed.targets]
    demo = ["智能制造", "技术创新", "产业链建设", "服务型制造", "质量品牌提升", "绿色制造"]
    assert got == [("一（三）-1", f"{d}示范项目", D(100), None, "个", "=") for d in demo] + [
        ("一（三）-1", "技术改造项目", D(5000), None, "项", "="),
        ("一（三）-2", "超千亿的产业集群", D(5), D(6), "个", "="),
        ("一（三）-3", "工业投资年均增速", D(5), None, "%", "≥"),
        ("一（三）-3", "技改投资年均增长", D(10), None, "%", "="),
        ("一（三）-4", "审批周期", D(15), None, "个工作日", "≤"),
    ]
    assert all(t.deadline == date(2020, 12, 31) for t in seed.targets)
    assert all(t.deadline_basis is Basis.INFERRED for t in seed.targets)
    assert all(t.deadline_evidence.startswith("到2020年底，") for t in seed.targets)
    assert [t.key for t in seed.targets][:2] == ["1.3.b1.t1", "1.3.b1.t2"]
    assert seed.targets[-1].text == "审批周期压缩至15个工作日内"


def test_departments(seed):
    by_label = {d.pref_label: d for d in seed.departments}
    for alias, full in MUNICIPAL.items():
        assert alias in by_label[full].alt_labels
    assert "上海市人民政府" in by_label
    assert "上海市各区人民政府" in by_label
    conference = by_label["上海市技术改造联席会议"]
    assert conference.created_by_document and conference.category == "joint-body"
    assert not conference.listed_in_alias_table
    assert conference.alt_labels == ["市技术改造联席会议"]
    member_labels = [next(d.pref_label for d in seed.departments if d.key == k) for k in conference.members]
    # 各相关区政府 ("the relevant districts") is its own organisation, not all districts (各区政府)
    assert member_labels == list(MUNICIPAL.values()) + ["上海市各相关区人民政府"]
    assert "上海市各区人民政府" in by_label
    assert len(seed.departments) == 14


def test_district_mention_does_not_hide_city_government(seed):
    city = next(d for d in seed.departments if d.pref_label == "上海市人民政府")
    # 由市政府领导召集 names it; 市政府印发的《…》 names the author of a cited text, no mention of an actor
    assert [s.text(seed.source) for s in city.mentions] == ["市政府"]


def test_citations(seed):
    got = [(c.title, c.identifier, c.unit_paths) for c in seed.citations]
    assert got == [
        ("中国制造2025", "", ["序言"]),
        ("关于创新驱动发展巩固提升实体经济能级的若干意见", "沪府发〔2017〕36号", ["序言"]),
        ("上海市创新产品推荐目录", "", ["二（二）3"]),
        ("上海市企业投资技术改造项目行政审批管理改革方案", "", ["三（二）"]),
    ]
    assert all(c.key.startswith("doc-") and c.key.isascii() for c in seed.citations)


def test_explicit_responsibilities(seed):
    explicit = {(r.unit_path, r.agent, r.role) for r in seed.responsibilities if r.basis is Basis.EXPLICIT}
    keys = {d.pref_label: d.key for d in seed.departments}
    assert ("三（一）", keys["上海市人民政府"], Role.CONVENER) in explicit
    assert ("三（一）", keys["上海市经济和信息化委员会"], Role.EVALUATOR) in explicit
    assert ("三（一）", keys["上海市经济和信息化委员会"], Role.SUPERVISOR) in explicit
    assert ("三（一）", keys["上海市统计局"], Role.PARTICIPANT) in explicit
    assert ("三（一）", keys["上海市各区人民政府"], Role.IMPLEMENTER) in explicit
    assert ("三（三）", keys["上海市各区人民政府"], Role.IMPLEMENTER) in explicit
    assert ("三（一）", keys["上海市人民政府"], Role.PARTICIPANT) not in explicit


def test_every_duty_of_the_safeguards_is_kept_with_its_own_evidence(seed):
    """Issue 7: 区级层面负责… and 各区政府可… are kept beside the other statements of the same body and role."""
    districts = next(d.key for d in seed.departments if d.pref_label == "上海市各区人民政府")
    said = [(r.unit_path, r.evidence) for r in seed.responsibilities if r.agent == districts and r.role is Role.IMPLEMENTER]
    assert [(p, e[:11]) for p, e in said] == [
        ("三（一）", "各区建立相应的推进机制"),
        ("三（一）", "区级层面负责研究制定三"),
        ("三（三）", "创新技术改造财政支持政"),
        ("三（三）", "鼓励符合产业导向及规划"),
    ]
    assert any("各区政府可根据产业类型和土地利用绩效情况" in e for _, e in said)
    for r in seed.responsibilities:
        assert r.span.text(seed.source) == r.evidence


def test_no_inferred_lead_anywhere(seed):
    """The plan names no owner for its tasks and measures: none is guessed."""
    assert [r for r in seed.responsibilities if r.basis is Basis.INFERRED] == []
    owned = {r.unit_path for r in seed.responsibilities}
    assert owned == {"三（一）", "三（三）"}


def test_concepts_linked(seed):
    labels = {(m.unit_path, m.concept) for m in seed.concepts}
    assert ("二（一）1", "industrial-robot") in labels
    assert ("二（一）1", "cnc-machine-tool") in labels
    assert ("三（三）", "tax-incentive") in labels
    assert ("三（四）", "financing-guarantee") in labels
    for m in seed.concepts:
        assert m.span.text(seed.source) == m.label
