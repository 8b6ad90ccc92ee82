"""A reply saved from a bureau's site keeps the site's footer under the signature: a row of the site's own links
(网站地图 | 联系我们 | …) and the site's address with its postcode are the page's, not paragraphs of the reply.
Text written for these tests."""

from __future__ import annotations

from ingest import parse_text
from ingest.model import DocumentMeta

REPLY = """青禾市人力资源和社会保障局关于市人大代表第0012号建议的答复

王某某代表：
您提出的关于发展社区托育服务的建议收悉，现答复如下。

一是加大托育补贴。对新设普惠托育机构按每个托位3000元给予一次性建设补贴。

二是加强人员培训。我局会同市卫生健康委每年培训托育从业人员500人次。

感谢您对人社工作的关心和支持。

青禾市人力资源和社会保障局
2025年5月10日

【打印】　【关闭】
主办单位：青禾市人力资源和社会保障局
网站地图 | 联系我们 | 隐私声明
地址：青禾市中山路8号　　邮编：123456
"""


def test_site_links_and_address_are_no_paragraphs():
    doc = parse_text(REPLY, DocumentMeta(slug="t", title="", jurisdiction="青禾市"))
    texts = [doc.source[u.span.start : u.span.end] for u in doc.units]
    assert not any("网站地图" in t or "邮编" in t for t in texts)
    assert any("托育补贴" in t for t in texts)
