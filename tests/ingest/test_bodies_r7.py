"""Bodies and their roles in local notations (seventh round): an office bearing two names written with the second in
brackets (市市场监管局（市知识产权局）) is one body; a group's office written bare after the group was named
(领导小组办公室, 工作专班办公室) is that group's office, and it coordinates where the text says so; the heads of listed
bodies sitting in a group make those bodies its members. Texts written for these tests."""

from __future__ import annotations

from ingest import parse_text
from ingest.model import DocumentMeta, Role


def _parse(text: str, jurisdiction: str = "青禾市"):
    return parse_text(text, DocumentMeta(slug="t", title="", jurisdiction=jurisdiction))


def _roles(doc) -> set[tuple[str, str, str]]:
    """(unit, role, every name of the body) for each explicit responsibility."""
    by_key = {d.key: d for d in doc.departments}
    out = set()
    for r in doc.responsibilities:
        if r.basis.value != "explicit":
            continue
        dept = by_key[r.agent]
        for name in [dept.pref_label, *dept.alt_labels]:
            out.add((r.unit_path, r.role.value, name))
    return out


ALIAS = """青禾市人民政府关于加强商标品牌建设的实施意见
一、重点任务
（一）培育区域品牌。支持行业协会申请集体商标。（市市场监管局（市知识产权局）牵头，市农业农村局、市商务局配合）
（二）强化品牌保护。市公安局要会同市市场监管局（市知识产权局）严厉打击侵权假冒行为。
二、保障措施
（一）加强组织领导。成立市商标品牌建设工作领导小组，市发展改革委、市市场监管局等单位为成员。领导小组办公室设在市市场监管局（市知识产权局），负责统筹协调和日常工作。
（二）强化评估。领导小组办公室每年对各县（市、区）工作情况开展评估。
"""


def test_a_body_with_its_other_name_in_brackets_is_one_body():
    doc = _parse(ALIAS)
    names = [d.pref_label for d in doc.departments]
    regulators = [d for d in doc.departments if "市场监管局" in d.pref_label]
    assert len(regulators) == 1, names
    labels = {regulators[0].pref_label, *regulators[0].alt_labels}
    assert "市市场监管局（市知识产权局）" in labels and "市知识产权局" in labels
    assert not any(d.pref_label.endswith("知识产权局") for d in doc.departments)
    roles = _roles(doc)
    assert ("一（一）", "lead", "市市场监管局（市知识产权局）") in roles
    assert ("一（二）", "participant", "市市场监管局（市知识产权局）") in roles
    # the bare name in the group's member list is the same body
    assert ("二（一）", "participant", "市市场监管局（市知识产权局）") in roles


def test_a_bracket_closing_an_item_stays_an_owner_note():
    text = """青禾市政务服务提升方案
一、主要任务
（一）建成市政务服务中心（市行政审批局）。
"""
    doc = _parse(text)
    # the centre built and the bureau answering for it are not one body with two names
    assert not any("市政务服务中心（市行政审批局）" in [d.pref_label, *d.alt_labels] for d in doc.departments)


def test_a_groups_bare_office_is_that_groups_office_and_coordinates():
    doc = _parse(ALIAS)
    offices = [d for d in doc.departments if d.pref_label.endswith("领导小组办公室")]
    assert len(offices) == 1
    assert offices[0].pref_label == "青禾市商标品牌建设工作领导小组办公室"
    assert "领导小组办公室" in offices[0].alt_labels
    roles = _roles(doc)
    assert ("二（一）", "coordinator", "领导小组办公室") in roles
    assert ("二（一）", "lead", "市商标品牌建设工作领导小组") in roles
    assert ("二（二）", "evaluator", "领导小组办公室") in roles
    # the group is not the one that coordinates: its office is
    assert ("二（一）", "coordinator", "市商标品牌建设工作领导小组") not in roles


def test_a_task_forces_office_set_up_in_the_same_sentence():
    text = """青禾市设备更新行动方案
一、保障措施
（一）加强组织领导。成立市设备更新工作专班，工作专班办公室设在市发改委，负责统筹协调、调度推进各项工作。
（二）加强调度。各牵头单位每季度末将工作进展报工作专班办公室。
"""
    doc = _parse(text)
    roles = _roles(doc)
    assert ("一（一）", "lead", "市设备更新工作专班") in roles
    assert ("一（一）", "coordinator", "工作专班办公室") in roles
    assert ("一（一）", "coordinator", "市设备更新工作专班") not in roles
    # a report sent to the office (报…) names a recipient, not a body of its own
    assert not any("进展报" in d.pref_label for d in doc.departments)


def test_an_office_only_housed_somewhere_is_no_body():
    text = """青禾市旧区改造实施意见
一、保障措施
（一）加强协调。建立由市住建局召集，市财政局参加的旧区改造联席会议，统筹协调改造中的重大问题。联席会议办公室设在市房管局。
"""
    doc = _parse(text)
    assert not any(d.pref_label.endswith("联席会议办公室") for d in doc.departments)


def test_bodies_whose_heads_are_members_of_a_group_take_part():
    text = """青禾区平安建设工作要点
一、保障措施
（一）加强组织领导。调整充实区平安建设工作领导小组，由区委书记任组长，区委组织部、区委政法委、区人民法院等单位主要负责同志为成员。
"""
    doc = _parse(text, "青禾市青禾区")
    roles = _roles(doc)
    assert ("一（一）", "lead", "区平安建设工作领导小组") in roles
    for body in ("区委组织部", "区委政法委", "区人民法院"):
        assert ("一（一）", "participant", body) in roles


def test_a_supply_cooperative_and_a_service_centre_are_bodies_where_they_act():
    text = """青禾区平安建设工作要点
一、重点任务
（一）打击电信诈骗。严厉打击电信网络诈骗犯罪。（牵头单位：区公安分局；责任单位：区委宣传部、区金融服务中心）
（二）完善农产品流通。市供销社要在各县布局建设农产品集配中心。
（三）建设金融中心。推动建设区域金融中心。
"""
    roles = _roles(_parse(text, "青禾市青禾区"))
    assert ("一（一）", "participant", "区金融服务中心") in roles
    doc = _parse(text, "青禾市青禾区")
    assert any(d.pref_label.endswith("市供销社") for d in doc.departments)
    # a centre named by what it is for, with no service in its name, is a place or facility, no body
    assert not any(d.pref_label.endswith("金融中心") for d in doc.departments)


def test_a_conference_only_held_is_no_body_but_one_set_up_is():
    held = _parse("""青禾区楼宇经济工作要点
一、保障措施
（一）加强统筹协调。区楼宇经济工作领导小组办公室负责统筹推进各项工作，定期召开楼宇经济联席会议，研究解决重点难点问题。
""", "青禾市青禾区")
    assert not any(d.pref_label.endswith("联席会议") for d in held.departments)
    set_up = _parse("""青禾区楼宇经济工作要点
一、保障措施
（一）加强统筹协调。建立区楼宇经济联席会议制度，联席会议统筹协调楼宇发展中的重大问题。
""", "青禾市青禾区")
    assert any(d.pref_label.endswith("楼宇经济联席会议") for d in set_up.departments)


def test_a_research_institute_is_a_body_where_it_acts_and_its_short_name_is_the_same():
    text = """青禾市辣椒产业发展方案
一、重点任务
（一）选育良种。开展辣椒新品种选育。（市农业科学研究院牵头，市农业农村局配合）
（二）推广良种。市农科院负责良种示范推广。
（三）建设平台。推动建设省工业设计研究院。
"""
    doc = _parse(text)
    institutes = [d for d in doc.departments if "农" in d.pref_label and "院" in d.pref_label]
    assert len(institutes) == 1
    roles = _roles(doc)
    assert ("一（一）", "lead", "市农业科学研究院") in roles
    assert ("一（二）", "lead", "市农科院") in roles
    # an institute the text only builds is no body
    assert not any("工业设计研究院" in d.pref_label for d in doc.departments)


def test_a_levels_treasury_pays_as_a_body_in_a_bureaus_reply_not_in_a_governments_own_text():
    reply = _parse("""青禾市农业农村局关于市政协提案的答复
张委员：
您提出的提案收悉。我局会同市财政局进行了认真研究。
对订单种植面积在5000亩以上的龙头企业，市级财政给予一次性奖励20万元。
青禾市农业农村局
2024年6月1日
""")
    roles = _roles(reply)
    assert any(role == "lead" and name == "市级财政" for _, role, name in roles)
    own = _parse("""青禾市人民政府关于支持龙头企业发展的若干措施
一、加大奖励力度
（一）对新认定的龙头企业，市级财政给予一次性奖励20万元。
""")
    assert not any(d.pref_label.endswith("级财政") for d in own.departments)
