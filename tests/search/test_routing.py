"""Who and when questions, and questions about the text as a whole: which questions ask them, which units state
the fact, and that those units rise."""

from __future__ import annotations

import pytest

from ingest import parse_text
from ingest.model import DocumentMeta
from search.encoders.fake import FakeEncoder
from search.hybrid import SearchIndex
from search.routing import (
    asks_about_document,
    asks_frequency,
    asks_in_force,
    asks_penalty,
    asks_person,
    asks_places,
    asks_support,
    asks_when,
    asks_who,
    names_itself,
    only_announces,
    states_frequency,
    states_owner,
    states_penalty,
    states_person,
    states_support,
    states_time,
)
from search.settings import SearchSettings
from search.units import index_units


@pytest.mark.parametrize(("question", "who"), [
    ("谁来组织年度评估", True),
    ("哪个部门牵头推进绿色工厂", True),
    ("这件事由哪家单位负责", True),
    ("which department evaluates the plan?", True),
    ("who runs the joint conference", True),
    ("which government pays for the bid?", True),  # the English forms of 哪级, 由哪, 牵头, 召集
    ("the project is led by which ministry?", True),
    ("which body convenes the joint meeting?", True),
    ("工厂想用工业机器人改造生产线", False),
    ("subsidy for machine tools", False),
])
def test_asks_who(question, who):
    assert asks_who(question) is who


@pytest.mark.parametrize(("question", "when"), [
    ("审批什么时候能办完", True),
    ("申请以后多久能拿到补贴", True),
    ("这项工作的完成时限是哪年", True),
    ("by when must the projects be finished?", True),
    ("how long does approval take", True),
    ("until when are the measures valid?", True),  # 期限, 有效期至
    ("from what date do the deductions apply?", True),  # 自…起施行
    ("when does the regulation take effect", True),
    ("how many working days may the review take?", True),  # 几个工作日
    ("which year must the target be met", True),  # 哪年
    ("哪个部门牵头推进绿色工厂", False),
    ("robots on the assembly line", False),
])
def test_asks_when(question, when):
    assert asks_when(question) is when


@pytest.mark.parametrize(("question", "support"), [
    ("养老院收住失能老人每个月补多少钱", True),
    ("首台套卖出去了能奖多少", True),
    ("贷款贴息最高能补多少", True),
    ("改造费用市里按什么比例补", True),
    ("租显卡训练模型有没有补贴", True),
    ("how much funding can a small firm get?", True),
    ("what share of the renovation cost does the city pay?", True),
    ("is there a subsidy for renting GPUs?", True),
    ("is there a ceiling on the yearly reward?", True),
    ("when does the award scheme apply?", False),  # names the scheme, asks when
    ("哪个部门牵头推进绿色工厂", False),
    ("到2025年光伏装机要达到多少", False),  # a target, not support
    ("how much time does approval take?", False),
    ("robots on the assembly line", False),
])
def test_asks_support(question, support):
    assert asks_support(question) is support


def _unit(units, path, kind=None):
    return next(u for u in units if u.path == path and (kind is None or u.kind == kind))


def test_states_owner_only_for_the_units_own_explicit_responsibility(units):
    assert states_owner(_unit(units, "三（一）"))  # 市经济信息化委每年组织评估: stated in this unit
    assert not states_owner(_unit(units, "二（一）1"))  # only an inferred lead, given to the task above


def test_states_time(units):
    assert states_time(_unit(units, "一（一）-1", "goal"))  # 15个工作日内
    assert not states_time(_unit(units, "二（一）2"))


@pytest.mark.parametrize(("text", "fixes_time"), [
    ("第二十条 本办法自2021年3月1日起施行，有效期五年。", True),
    ("本细则自二〇二二年七月一日起执行。", True),
    ("本方案自印发之日起实施，有效期至2026年12月31日。", True),
    ("本意见有效期为3年。", True),
    ("对首次认定的企业给予一次性奖励。", False),
    ("鼓励企业开展有效的质量管理。", False),
])
def test_a_text_saying_when_it_is_in_force_states_time(units, text, fixes_time):
    from dataclasses import replace

    unit = replace(_unit(units, "二（一）2"), text=text)
    assert states_time(unit) is fixes_time


def test_who_question_favours_the_unit_naming_its_body(index):
    plain = index.search("组织评估", k=3)
    asked = index.search("谁来组织评估", k=3)
    assert asked.hits[0].path == "三（一）"
    assert asked.hits[0].score >= plain.hits[0].score or plain.hits[0].path == "三（一）"


@pytest.mark.parametrize(("question", "about"), [
    ("这份文件谁来牵头抓落实", True),
    ("这个政策什么时候开始执行", True),
    ("该办法有效期几年", True),
    ("整个方案由哪个部门负责解释", True),
    ("碑林区这套养老扶持政策是哪个部门牵头抓落实的", True),
    ("这个企业能享受哪些政策", False),  # the policies it may use, not one text
    ("who interprets the scheme?", True),
    ("when did Suzhou's technical upgrade fund rules come into force?", True),
    ("does this policy apply to foreign-invested firms?", True),
    ("哪个部门牵头推进绿色工厂", False),
    ("政策支持有哪些", False),  # the support a text gives, not the text
    ("in Shanghai's upgrade plan, what makes a factory green?", False),  # its content
])
def test_asks_about_document(question, about):
    assert asks_about_document(question) is about


@pytest.mark.parametrize(("text", "names"), [
    ("本办法由市财政局负责解释。", True),
    ("商务部负责统筹推进本意见落实工作。", True),
    ("本实施方案自印发之日起施行。", True),
    ("为规范资金管理，制定本措施。", True),
    ("对首次认定的企业给予一次性奖励。", False),
    ("本市工业企业实施技术改造。", False),  # 本市 is the city, not the text
    ("从根本措施上解决融资难。", False),  # 根本 is no 本
])
def test_names_itself(units, text, names):
    from dataclasses import replace

    assert names_itself(replace(_unit(units, "二（一）2"), text=text)) is names


FUND_RULES = """示范市软件产业专项资金管理办法
第一条 为支持软件企业做大做强，制定本办法。
第二条 对首次认定的软件企业给予一次性奖励50万元。
第三条 市经济信息化委负责专项资金的申报受理和审核。
第四条 本办法由市经济信息化委负责解释，自2025年1月1日起施行，有效期5年。
"""


def _fund_index(**settings) -> SearchIndex:
    doc = parse_text(FUND_RULES, DocumentMeta(slug="demo-fund", title="示范市软件产业专项资金管理办法"))
    return SearchIndex.build(index_units([doc], concepts=[]), FakeEncoder(64), settings=SearchSettings(**settings))


@pytest.mark.parametrize("question", ["这份文件什么时候到期", "who interprets these rules?"])
def test_question_about_the_text_favours_where_it_names_itself(question):
    naming = {"第一条", "第四条"}  # 制定本办法; 本办法由…负责解释，自…起施行
    assert {h.path for h in _fund_index().search(question, k=2).hits} == naming
    assert {h.path for h in _fund_index(document_boost=0).search(question, k=2).hits} != naming


def test_the_same_topic_asked_of_its_content_is_not_moved():
    assert _fund_index().search("软件企业一次性奖励多少", k=1).hits[0].path == "第二条"


REWARD_RULES = """示范市软件企业奖励办法
第一条 奖励对象为在本市注册的软件企业，奖励资金的申请每年受理一次，软件企业奖励由市经济信息化委审核。
第二条 对首次认定的软件企业给予一次性奖励50万元。
第三条 本办法自2025年1月1日起施行。
"""


def _reward_index(**settings) -> SearchIndex:
    doc = parse_text(REWARD_RULES, DocumentMeta(slug="demo-reward", title="示范市软件企业奖励办法"))
    return SearchIndex.build(index_units([doc], concepts=[]), FakeEncoder(64), settings=SearchSettings(**settings))


def test_states_support_needs_an_amount_in_the_units_own_words():
    stated = {u.path: states_support(u) for u in _reward_index().units}
    assert stated == {"第一条": False, "第二条": True, "第三条": False}


@pytest.mark.parametrize("question", ["软件企业奖励能拿多少钱", "how much is the software firm reward?"])
def test_support_question_lifts_the_unit_stating_the_amount(question, monkeypatch):
    monkeypatch.setattr("search.boosts.DISTINCTIVE_BOOST", 0.0)  # this boost's arithmetic alone (test_distinctive_r8)
    def scores(index):
        return {h.path: h.score for h in index.search(question, k=3).hits}

    lifted, plain = scores(_reward_index(support_boost=0.3)), scores(_reward_index(support_boost=0))
    assert lifted["第二条"] == pytest.approx(plain["第二条"] + 0.3 * max(plain.values()))
    assert lifted["第一条"] == pytest.approx(plain["第一条"])  # names the reward, states no amount


@pytest.mark.parametrize(("question", "often"), [
    ("联席会议多久召开一次", True),
    ("领导小组每年开几次会", True),
    ("How often does the joint meeting meet?", True),
    ("How many meetings a year does the joint meeting hold?", True),
    ("联席会议什么时候成立", False),
    ("how much is the subsidy?", False),
])
def test_asks_frequency(question, often):
    assert asks_frequency(question) is often


@pytest.mark.parametrize(("text", "often"), [
    ("联席会议原则上每年召开两次会议。", True),
    ("国务院常务会议一般每月召开三次。", True),
    ("每3年修订1次教材。", True),
    ("区财政每年安排专项资金不少于1500万元。", False),
    ("联席会议由教育部牵头。", False),
])
def test_states_frequency(units, text, often):
    unit = units[0].__class__.from_dict({**units[0].to_dict(), "text": text})
    assert states_frequency(unit) is often


@pytest.mark.parametrize(("text", "announces"), [
    ("您提出的关于设立政务热线的建议收悉，现答复如下：", True),
    ("你部《关于调整联席会议制度的请示》（教职成〔2018〕8号）收悉。现批复如下：", True),  # a cited number
    ("国务院决定对领导小组组成人员进行调整。现将调整后的名单通知如下：", True),
    ("将24项激励措施调整增加为30项。现将有关事项通知如下：", False),  # states figures of its own
    ("清理整顿时限是1997年4月―1998年2月，具体步骤安排如下：", False),
    ("现将名单通知如下：\n主任：张三", False),  # carries what it announces
    ("对首次认定的企业给予一次性奖励。", False),
])
def test_only_announces(units, text, announces):
    from dataclasses import replace

    assert only_announces(replace(_unit(units, "二（一）2"), text=text)) is announces


REPLY = """关于设立政务热线建议的答复
您提出的关于设立政务热线的建议收悉，现答复如下：
政务热线已于去年开通，群众可以拨打热线反映意见。
"""


def test_the_sentence_announcing_a_reply_weighs_less(monkeypatch):
    monkeypatch.setattr("search.boosts.DISTINCTIVE_BOOST", 0.0)  # this boost's arithmetic alone (test_distinctive_r8)
    doc = parse_text(REPLY, DocumentMeta(slug="demo-reply", title="关于设立政务热线建议的答复"))
    units = index_units([doc], concepts=[])

    def scores(weight):
        index = SearchIndex.build(units, FakeEncoder(64), settings=SearchSettings(announce_weight=weight))
        return {h.text[:4]: h.score for h in index.search("设立政务热线的建议", k=5).hits}

    plain, lowered = scores(1.0), scores(0.7)
    assert lowered["您提出的"] == pytest.approx(0.7 * plain["您提出的"])
    assert lowered["政务热线"] == pytest.approx(plain["政务热线"])


def test_what_an_announcing_sentence_announces_carries_a_share_of_its_score(monkeypatch):
    monkeypatch.setattr("search.boosts.DISTINCTIVE_BOOST", 0.0)  # this boost's arithmetic alone (test_distinctive_r8)
    doc = parse_text(REPLY, DocumentMeta(slug="demo-reply", title="关于设立政务热线建议的答复"))
    units = index_units([doc], concepts=[])

    def scores(carry):
        settings = SearchSettings(announce_weight=1.0, announce_carry=carry)
        index = SearchIndex.build(units, FakeEncoder(64), settings=settings)
        return {h.text[:4]: h.score for h in index.search("设立政务热线的建议", k=5).hits}

    plain, carried = scores(0.0), scores(0.3)
    assert carried["政务热线"] == pytest.approx(plain["政务热线"] + 0.3 * plain["您提出的"])
    assert carried["您提出的"] == pytest.approx(plain["您提出的"])


@pytest.mark.parametrize(("question", "places"), [
    ("政府网站集约化试点选了哪些省份", True),
    ("新疆哪几个高新区获批建设示范区", True),
    ("Which provinces were chosen to pilot the scheme?", True),
    ("which high-tech zones were approved?", True),
    ("哪些部门负责", False),
    ("which department leads?", False),
])
def test_asks_places(question, places):
    assert asks_places(question) is places


PILOTS = """示范省政府网站集约化试点方案
一、确定北京、吉林、安徽、山东为试点地区。
二、试点地区要按期完成政府网站集约化。
"""


def test_which_places_question_lifts_the_unit_naming_places(monkeypatch):
    monkeypatch.setattr("search.boosts.DISTINCTIVE_BOOST", 0.0)  # this boost's arithmetic alone (test_distinctive_r8)
    doc = parse_text(PILOTS, DocumentMeta(slug="demo-pilots", title="示范省政府网站集约化试点方案"))
    units = index_units([doc], concepts=[])

    def scores(boost):
        index = SearchIndex.build(units, FakeEncoder(64), settings=SearchSettings(places_boost=boost))
        return {h.path: h.score for h in index.search("集约化试点选了哪些省份", k=5).hits}

    plain, lifted = scores(0.0), scores(0.2)
    assert lifted["一"] == pytest.approx(plain["一"] + 0.2 * max(plain.values()))
    assert lifted["二"] == pytest.approx(plain["二"])


@pytest.mark.parametrize(("question", "penalty"), [
    ("专利代理师私下接活被查到罚多少钱", True),
    ("What fine can an agency face for a conflict of interest?", True),
    ("what is the penalty for faking documents", True),
    ("专利代理机构要具备哪些条件", False),
    ("Is it fine to apply online?", False),  # fine the adjective is no fine
])
def test_asks_penalty(question, penalty):
    assert asks_penalty(question) is penalty


PENALTIES = """示范市代理条例
第一条 代理机构应当依法执业。
第二条 代理师有下列行为之一的，由市场监管部门责令限期改正，予以警告，可以处5万元以下的罚款；情节严重或者逾期未改正的，责令停止承办新的代理业务6个月：
（一）私自接受委托办理代理业务；
（二）同时在两家代理机构执业。
第三条 本条例自2025年1月1日起施行。
"""


def test_penalty_question_lifts_the_lead_in_of_the_matching_item():
    doc = parse_text(PENALTIES, DocumentMeta(slug="demo-penalty", title="示范市代理条例"))
    units = index_units([doc], concepts=[])
    assert {u.path: states_penalty(u) for u in units if u.path.startswith("第二条")}["第二条"] is True

    def ranked(boost):
        index = SearchIndex.build(units, FakeEncoder(64), settings=SearchSettings(penalty_boost=boost))
        return [h.path for h in index.search("私自接受委托办理代理业务罚多少钱", k=3).hits]

    assert ranked(0.2)[0] == "第二条"
    assert ranked(0.0)[0] == "第二条（一）"


@pytest.mark.parametrize(("question", "person"), [
    ("调整后的国家教材委员会秘书长是谁", True),
    ("联席会议办公室主任由谁兼任", True),
    ("Who is the secretary-general of the committee?", True),
    ("谁来督查", False),  # a body, not a post
    ("which department leads?", False),
])
def test_asks_person(question, person):
    assert asks_person(question) is person


@pytest.mark.parametrize(("text", "person"), [
    ("主  任：孙春兰  国务院副总理\n秘书长：朱之文", True),
    ("办公室主任由生态环境部副部长赵英民兼任。", True),
    ("国家教材委员会办公室设在教育部。", False),
])
def test_states_person(units, text, person):
    from dataclasses import replace

    assert states_person(replace(_unit(units, "二（一）2"), text=text)) is person


@pytest.mark.parametrize(("question", "heading", "named"), [
    ("2019年国庆放几天", "国庆节", True),
    ("春节放几天假", "春节", True),
    ("春节 假日", "中秋节", False),
    ("贷款没人担保怎么办", "贷款贴息", False),  # half a heading is not enough
])
def test_names_heading(question, heading, named):
    from search.boosts import names_heading

    assert names_heading(question, heading) is named


HOLIDAYS = """示范市2025年节假日安排
一、元旦：2025年1月1日放假，共1天。
二、春节：1月28日至2月4日放假调休，共8天。
三、国庆节：10月1日至8日放假调休，共8天。
"""


def test_the_part_whose_heading_the_question_names_rises(monkeypatch):
    monkeypatch.setattr("search.boosts.TIME_BOOST", 0.0)  # this boost's arithmetic alone (test_when_r8)
    doc = parse_text(HOLIDAYS, DocumentMeta(slug="demo-holidays", title="示范市2025年节假日安排"))
    units = index_units([doc], concepts=[])
    headed = {u.path: u.title for u in units}

    def scores(boost):
        index = SearchIndex.build(units, FakeEncoder(64), settings=SearchSettings(heading_boost=boost))
        return {h.path: h.score for h in index.search("2025年国庆放几天", k=5).hits}

    plain, lifted = scores(0.0), scores(0.1)
    national_day = next(p for p, t in headed.items() if t == "国庆节")
    assert lifted[national_day] == pytest.approx(plain[national_day] + 0.1 * max(plain.values()))
    assert all(lifted[p] == pytest.approx(plain[p]) for p in plain if p != national_day)


@pytest.mark.parametrize(("question", "asked"), [
    ("From what date do the special additional deductions for individual income tax apply?", True),
    ("from when and for how long does the award scheme apply?", True),
    ("When do Suzhou's fund rules come into force?", True),
    ("个税专项附加扣除从哪天起施行？", True),
    ("这个办法什么时候开始执行", True),
    ("When will the park be built?", False),
    ("什么时候完成验收", False),
])
def test_asks_in_force_is_about_the_text_as_a_whole(question, asked):
    assert asks_in_force(question) is asked
    assert asks_about_document(question) or not asked
