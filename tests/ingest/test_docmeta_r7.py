"""Document metadata (round 7): the genre vocabulary one filters by with the words the title writes kept beside it,
the bodies whose text a notice forwards, and the level of a county-level city.  Titles are written for these tests
or are those of corpus-real documents."""

from ingest import parse_text
from ingest.docmeta import forwarded_issuers, genre_as_written, genre_of
from ingest.jurisdiction import document_jurisdiction
from ingest.model import DocumentMeta


def test_a_kind_of_a_genre_is_filed_under_the_genre_and_kept_as_written():
    for title, genre, written in [("某县农业保险保费补贴实施细则", "细则", "实施细则"),
                                  ("某区2026年安全生产工作要点", "要点", "工作要点"),
                                  ("关于支持外贸企业稳订单的若干措施", "措施", "若干措施"),
                                  ("某市促进消费三年行动计划（2026—2028年）", "计划", "行动计划"),
                                  ("某省关于加强耕地保护的意见", "意见", "意见")]:
        assert (genre_of(title), genre_as_written(title)) == (genre, written)


def test_the_bodies_a_notice_forwards_are_read_from_its_title():
    assert forwarded_issuers("国务院办公厅转发民政部关于清理整顿社会团体意见的通知") == ("民政部",)
    assert forwarded_issuers("某市人民政府批转市发展改革委、市财政局关于2026年价格工作意见的通知") == (
        "市发展改革委", "市财政局")
    assert forwarded_issuers("关于转发《某省住房租赁管理办法》的通知") == ()


NOTICE = """某市人民政府批转市统计局关于加强统计工作意见的通知
各区县人民政府，市政府各部门：
市统计局《关于加强统计工作的意见》已经市政府同意，现转发给你们，请认真贯彻执行。

某市人民政府
2026年3月2日

关于加强统计工作的意见
一、提高统计数据质量。各部门要按时报送统计数据。
"""


def test_a_parsed_notice_records_the_forwarded_texts_author_and_its_genre():
    meta = parse_text(NOTICE, DocumentMeta(slug="fwd", title="fwd")).meta
    assert meta.issued_text_issuers == ("市统计局",)
    assert (meta.issued_text_genre, meta.issued_text_genre_as_written) == ("意见", "意见")


def test_a_county_level_city_is_at_the_county_level():
    found = document_jurisdiction("", ("新密市人民政府",), "新密市人民政府关于印发优化营商环境若干措施的通知", "")
    assert found is not None and found.level == "district" and found.name.endswith("新密市")
