"""Local pages' notations (round 8): a mark after an item's number (1*. / 2★、, a new or key measure) leaves it an
item; a document number whose closing 号 the page dropped is still the number; a site's name for its public-
information pages (某局政府信息公开, 政府信息公开 规章库) is page chrome, not the title. Lines written for these tests."""

from ingest.frontlines import identifier_of
from ingest.model import DocumentMeta
from ingest.pipeline import parse_text
from ingest.webchrome import is_chrome


def test_a_mark_after_the_number_leaves_an_item():
    doc = parse_text("一、任务\n1*.推行告知承诺制。\n2★、压缩审批时限。\n3.优化服务。\n", DocumentMeta(slug="x", title="x"))
    assert [u.path for u in doc.units] == ["一", "一1", "一2", "一3"]
    assert doc.units[1].heading == "推行告知承诺制"


def test_a_document_number_without_its_closing_hao_is_the_number():
    assert identifier_of("某政发〔2024〕7") == "某政发〔2024〕7"
    assert identifier_of("某政发〔2024〕7号") == "某政发〔2024〕7号"
    assert identifier_of("某政发〔2024〕") == ""


def test_a_sites_public_information_banner_is_chrome():
    assert is_chrome("某区市场监督管理局政府信息公开")
    assert is_chrome("政府信息公开 规章库")
    assert not is_chrome("某市人民政府办公室关于做好政府信息公开工作的通知")


def test_a_title_broken_after_zhengfu_xinxi_gongkai_is_no_chrome():
    assert not is_chrome("某市人民政府办公室关于进一步做好政府信息公开")
