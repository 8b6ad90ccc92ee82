"""A text's pronouns for bodies (issue 20): a reply's 你省 / 你部 is the one body its addressee line names, and a
report's 我局 / 我部 is the body that signs it, also a report a notice forwards (国家地震局's 我局将尽快…); the
pronoun must fit the name (我局 is no 部). An addressee line of several bodies, or a pronoun for the country (我国),
names no body."""

from __future__ import annotations

from ingest.model import DocumentMeta
from ingest.pipeline import parse_text


def duties(text: str) -> set[tuple[str, str, str]]:
    doc = parse_text(text, DocumentMeta(slug="d", title="d", source_file="d.txt"))
    names = {d.key: d.pref_label for d in doc.departments}
    return {(names[r.agent], r.unit_path, r.role.value) for r in doc.responsibilities if r.basis.value == "explicit"}


REPLY = ("国务院办公厅关于某省某项目有关问题的复函\n国办函〔2031〕9号\n辽宁省人民政府：\n"
         "你省《关于某项目的请示》收悉。经国务院同意，现函复如下：\n"
         "一、关于资金问题。请你省统筹安排地方资金，加快项目建设。\n"
         "二、关于用地问题。建议你省按照有关规定，做好用地保障工作。\n"
         "国务院办公厅\n2031年8月12日\n")

FORWARDED = ("国务院办公厅转发国家地震局关于加强防震减灾工作意见的通知\n国办发〔2031〕2号\n"
             "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
             "国家地震局《关于加强防震减灾工作的意见》已经国务院同意，现转发给你们，请认真贯彻执行。\n"
             "国务院办公厅\n2031年2月5日\n"
             "关于加强防震减灾工作的意见\n国务院：\n"
             "一、加强宣传教育。要使防震减灾知识家喻户晓。我局将尽快编写宣传教育大纲。\n"
             "二、加强监测。我国地震活动进入活跃期，我部将组织开展监测。\n"
             "国家地震局\n2031年1月25日\n")


def test_a_replys_you_is_its_one_addressee():
    found = duties(REPLY)
    assert ("辽宁省人民政府", "一", "lead") in found
    assert ("辽宁省人民政府", "二", "lead") in found


def test_a_forwarded_reports_we_is_the_body_that_signs_it():
    found = duties(FORWARDED)
    assert any(name == "国家地震局" and path == "一" and role == "lead" for name, path, role in found)
    assert not any(path == "二" and name == "国家地震局" for name, path, _ in found)  # 我部 is no 局


def test_a_documents_own_we_and_a_cited_requests_author_name_no_body():
    """The issuer's own 我市 is the issuer speaking (no body of the text); 你局《…的请示》收悉 cites a request."""
    own = ("某市人民政府关于加快发展的实施意见\n各区人民政府：\n一、加强统筹。我市将建立工作机制。\n某市人民政府\n2031年1月5日\n")
    assert duties(own) == set()
    cited = ("国务院关于同意组建某委员会的批复\n国函〔2031〕38号\n民航总局：\n"
             "你局《关于报送某委员会组建方案的请示》收悉。现批复如下：\n同意组建某委员会。\n国务院\n2031年5月1日\n")
    doc = parse_text(cited, DocumentMeta(slug="d", title="d", source_file="d.txt"))
    assert not any("民用航空" in d.pref_label for d in doc.departments)


def test_places_a_national_text_puts_to_work_are_implementers():
    """各省、自治区、直辖市 (bare, the provinces as a whole), the places where something lies (…所在地, …所在地人民政府)
    and the cities concerned (有关的大中城市) act as collectives when a clause makes them; a 特别是… aside between
    a collective and its verb singles out a part that acts too."""
    text = ("一、加强宣传\n各地、各部门，特别是地震重点监视防御区所在地，要尽早组织开展宣传教育活动。\n"
            "二、加强立法\n各省、自治区、直辖市，特别是重点监视防御区所在地人民政府，也要抓紧地方立法工作。"
            "有关的大中城市应完成震害预测工作。\n"
            "三、其他\n对重点监视防御区所在地的工程开展检查。\n")
    found = duties(text)
    assert found == {("地震重点监视防御区所在地", "一", "implementer"), ("各省、自治区、直辖市", "二", "implementer"),
                     ("重点监视防御区所在地人民政府", "二", "implementer"), ("有关的大中城市", "二", "implementer")}


def test_a_government_named_as_the_authority_behind_the_text_is_no_body():
    """按照党中央、国务院决策部署 / 经国务院同意 / 报国务院: the State Council named as the authority behind a text is
    no body of it; a government that acts (国务院将…组织督查) is."""
    text = ("一、总体要求\n按照党中央、国务院决策部署，经国务院同意，各省（区、市）人民政府要加快推广。\n"
            "二、工作要求\n推广情况报国务院。\n")
    doc = parse_text(text, DocumentMeta(slug="d", title="d", source_file="d.txt"))
    assert "中华人民共和国国务院" not in [d.pref_label for d in doc.departments]
    acting = text + "三、督查\n国务院将适时组织开展督查。\n"
    doc = parse_text(acting, DocumentMeta(slug="d", title="d", source_file="d.txt"))
    assert "中华人民共和国国务院" in [d.pref_label for d in doc.departments]


def test_the_functions_section_of_a_body_the_text_sets_up_states_that_bodys_duties():
    """组建方案 一、主要职能: the sentences have no subject; they are the duties of the one body the text sets up,
    its coordinator where they coordinate (协调…重大事项), else its lead."""
    text = ("国务院关于同意组建2030年亚运会机场协调委员会的批复\n国函〔2031〕38号\n某部：\n同意组建2030年亚运会机场协调委员会。\n国务院\n2031年5月1日\n"
            "附件：\n2030年亚运会机场协调委员会组建方案\n一、主要职能\n研究拟订保障措施；制订工作计划；协调机场运行的重大事项。\n"
            "二、工作要求\n各成员单位要积极参加工作。\n")
    assert ("2030年亚运会机场协调委员会", "附件一", "coordinator") in duties(text)
