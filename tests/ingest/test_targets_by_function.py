"""A target is a goal: a unit that decides, sets duties, states a rule, offers support or gives context holds one only
in a sentence that states an aim (到2030年, 力争, 控制在 …); its counts, caps, conditions and past events are none."""

from __future__ import annotations

from decimal import Decimal

from ingest.model import DocumentMeta
from ingest.pipeline import parse_text
from ingest.targets import extract_targets


def targets_of(text: str) -> list[tuple[str, str, Decimal]]:
    doc = parse_text(text, DocumentMeta(slug="d", title="d", source_file="d.txt"))
    return [(t.unit_path, doc.unit(t.unit_path).function, t.quantity) for t in doc.targets]


def test_a_decisions_counts_of_awards_are_no_targets():
    text = ("某省人民政府关于2031年度科学技术奖励的决定\n"
            "省人民政府决定，授予“某某技术”等12项成果科学技术进步奖一等奖，授予“某某方法”等30项成果二等奖。\n")
    assert targets_of(text) == []


def test_a_rules_caps_and_conditions_are_no_targets():
    text = ("某市住房租金补贴办法\n"
            "第一条 申请补贴的企业应当有20名以上的职工。\n"
            "第二条 补贴额度不能超过每月1500元，补贴期限不能超过36个月。\n")
    assert targets_of(text) == []


def test_a_past_event_in_a_circular_is_no_target():
    text = ("某省人民政府办公厅关于一起安全生产事故调查处理情况的通报\n"
            "2030年5月，某矿发生透水事故，造成12人死亡，8名责任人员受到处分。\n"
            "各地要深刻吸取教训。\n")
    assert targets_of(text) == []


def test_an_aim_in_a_rule_or_support_unit_stays_a_target():
    text = ("某省关于降低企业成本的若干措施\n"
            "一、清理涉企收费。省级涉企收费项目控制在15项以内，清单之外一律不得收取。\n"
            "二、加大奖补力度。对新认定的企业给予50万元奖励，到2030年力争认定企业达到300家。\n")
    found = targets_of(text)
    assert [(path, quantity) for path, _, quantity in found] == [("一", Decimal(15)), ("二", Decimal(300))]
    assert {function for _, function, _ in found} <= {"rule", "support", "action"}


def test_a_condition_a_count_of_a_list_and_a_rate_to_apply_are_no_targets_in_an_action_unit():
    """Within a unit that acts: a clause that says to whom a rule applies (…在5家及以上的，…), the count of a list
    of named places (甲市、乙市、丙市3个城市) and the rate a payment is made at (按不低于…的20%) are no aims."""
    text = ("某省关于开展医用耗材联合采购试点的工作方案\n"
            "一、试点范围。选择甲市、乙市、丙市3个城市开展联合采购试点。\n"
            "二、采购方式。同一耗材报名企业在5家及以上的，采取竞价方式；报名企业为2家的，采取议价方式。\n"
            "三、资金预付。医保基金按不低于约定采购金额的20%预付给医疗机构，加快企业回款。\n"
            "四、工作目标。到2032年，试点耗材平均价格降低30%以上，覆盖医疗机构达到200家。\n")
    assert [(path, quantity) for path, _, quantity in targets_of(text)] == [("四", Decimal("30")), ("四", Decimal("200"))]


def test_a_yearly_minimum_of_events_a_support_or_duty_unit_commits_to_is_a_target():
    """全年不少于12场 / 每年…不少于4场: a count of events a body commits to hold within a year is an aim, even in a
    unit that offers support; a rule's or a decision's counts stay none (no aim word, and not support or duty)."""
    text = ("某县2031年优化营商环境工作要点\n"
            "一、降低企业融资成本。常态化开展政银企对接活动，全年不少于10场。对符合条件的企业给予贷款贴息。\n"
            "二、支持场景应用。对采购本地软件的企业给予补助。县经济发展局每年发布场景清单，组织供需对接活动不少于6场。\n")
    assert [(path, quantity) for path, _, quantity in targets_of(text)] == [("一", Decimal(10)), ("二", Decimal(6))]
    rules = ("某市社会组织管理办法\n"
             "第一条 社会团体每年召开会员大会不少于2次。\n"
             "第二条 申请补贴的企业应当有20名以上的职工。\n")
    assert targets_of(rules) == []


def test_firms_served_counted_in_jiaci_keep_their_measure_word():
    """家次 (firms served, counted by visits) is a measure word: 每年服务企业不少于1000家次 is 1000 家次, not 1000 家."""
    found = extract_targets("每年服务企业不少于1000家次。", 0, "一", "u1")
    assert [(t.quantity, t.unit) for t in found] == [(Decimal(1000), "家次")]


def test_a_minimum_per_year_keeps_its_period_and_no_date():
    """全年不少于12场 / 每年…不少于4场 are minimums per year (period 全年 / 每年, no date), even under a goals
    section's 以上指标均为2024年全年目标; a year's total written 全年推动…200家 stays dated by it (the same year)."""
    text = ("某县2024年工作要点\n一、主要目标\n新增经营主体2万户以上。以上指标均为2024年全年目标。\n二、重点任务\n"
            "（一）降低融资成本。常态化开展银企对接活动，全年不少于12场。\n"
            "（二）推动上云。全年推动规上企业上云200家。\n"
            "（三）支持场景应用。对采购本地软件的企业给予补助。县经济发展局每年发布场景清单，组织供需对接活动不少于4场。\n")
    doc = parse_text(text, DocumentMeta(slug="d", title="d", source_file="d.txt"))
    got = {(t.unit_path, t.quantity): (t.deadline, t.period) for t in doc.targets}
    assert got[("二（一）", Decimal(12))] == (None, "全年")
    assert got[("二（三）", Decimal(4))] == (None, "每年")
    assert got[("二（二）", Decimal(200))][0] is not None
