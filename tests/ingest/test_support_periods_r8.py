"""The period of a support (round 8): an item's or article's own period is its supports', not the whole text's, and
the whole text's is not read off one item's sentence.  Texts written for these tests in the shape local measures use."""

from datetime import date

from ingest.model import DocumentMeta
from ingest.pipeline import parse_text
from ingest.support import document_validity, extract_supports

ISSUED = date(2025, 3, 1)

MEASURES = (
    "一、稳定就业岗位\n"
    "1.延续稳岗返还。上年度未裁员的中小微企业，按其上年度实际缴纳失业保险费的60%返还。政策执行期限至2025年12月31日。\n"
    "2.发放培训补助。对未裁员的中小微企业，按参保职工每人500元发放一次性培训补助。\n"
    "3.扩岗补助。企业招用登记失业人员的，按每人1500元给予一次性扩岗补助。本条补助申领截止时间为2025年9月30日。\n"
    "二、附则\n"
    "本措施自印发之日起施行，除已明确执行期限的条款外，有效期至2026年12月31日。\n"
)


def _support(doc, words):
    return next(s for s in doc.supports if words in s.text)


def test_an_items_own_period_stays_with_that_item():
    doc = parse_text(MEASURES, DocumentMeta(slug="t", title="稳就业若干措施", issued=ISSUED.isoformat()))
    assert _support(doc, "60%").valid_until == date(2025, 12, 31)
    assert _support(doc, "每人1500元").valid_until == date(2025, 9, 30)  # an application deadline ends it


def test_an_item_without_a_period_takes_the_whole_texts():
    doc = parse_text(MEASURES, DocumentMeta(slug="t", title="稳就业若干措施", issued=ISSUED.isoformat()))
    support = _support(doc, "每人500元")
    assert support.valid_until == date(2026, 12, 31)
    assert "有效期至2026年12月31日" in support.validity_text


def test_the_whole_texts_period_skips_an_articles_scoped_period():
    body = ("第三条 上年度未裁员的企业，按缴纳失业保险费的50%返还。\n本条政策执行期为2025年1月1日至2025年6月30日。\n"
            "第九条 本办法自2025年4月1日起施行，有效期至2027年3月31日。")
    assert document_validity(body, ISSUED).valid_until == date(2027, 3, 31)


def test_a_regulations_own_start_is_not_an_articles_scope():
    # 本条例 is the whole regulation, not 本条 (this article)
    found = document_validity("第四十条 本条例自2019年3月1日起施行，有效期5年。", ISSUED)
    assert found is not None and found.valid_until == date(2024, 2, 29)


def test_a_length_the_sentence_itself_states_as_a_support_still_dates_the_text():
    # a programme's cycle written in a paragraph of its own work (周期为1年) is the period of the whole programme
    text = "各地按采购价格签订合同并实施采购，于2019年初开始执行采购结果，周期为1年。"
    doc = parse_text(text, DocumentMeta(slug="t", title="试点方案", issued="2019-01-01"))
    assert document_validity(text, date(2019, 1, 1)).valid_until == date(2019, 12, 31)
    assert all(s.valid_until == date(2019, 12, 31) for s in doc.supports)


def test_an_articles_scoped_period_reaches_every_support_of_it():
    text = ("对新引进的博士、硕士，分别按每人每月2000元、1000元给予租房补贴，补贴期限最长不超过36个月。"
            "本条执行期限为2024年7月1日至2025年12月31日。")
    found = extract_supports(text, 0, "第五条", "u5", ISSUED)
    assert found and all(s.valid_until == date(2025, 12, 31) for s in found)
