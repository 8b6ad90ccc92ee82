"""Synthetic plan documents for the scale benchmark: seeded, shaped like real ones, written from our own words.

``generate(seed, index)`` returns one ``SyntheticDocument``: the text of an action plan (行动方案 / 实施意见 /
工作方案) of a national, provincial, municipal or district issuer, with what the generator put in it, so a test
can check that the real ingest pipeline reads the same numbers back. Nothing here is copied from a real
document: titles, measures and targets are composed from the word lists below (place and body names are
ordinary proper names).

Shape of a document (every choice drawn from ``random.Random(f"{seed}:{index}")``, so it is deterministic
and independent of every other index):

* front matter: the title (place + topic + genre + period), the 发文字号 (``浙政办发〔2021〕17号``), the
  addressees line;
* a preamble citing one or two earlier documents of the same corpus by 《title》 and （发文字号）
  (``document_meta(seed, j)``, j < index: cheap, so citations never need the cited body);
* 一、主要目标: one paragraph with 2–3 targets (indicator, comparator, number, unit, deadline year);
* 二、重点任务: 3–4 sections （一）…, each a heading and a sentence, some with 1–2 numbered items in one of
  several notations (``1.`` / ``1、`` / ``（1）``), each section with an owner note in one of four
  notations (``（牵头单位：A；配合单位：B、C）``, ``（A牵头，B、C参与）``, ``责任单位：A、B`` on a line of
  its own, ``（A负责）``);
* 三、保障措施: 2 sections, one with a support amount (给予最高N万元补助);
* the issuer and the date as a signature.

``expected`` counts what was written: units (chapters, sections, items), targets, owner notes and the
bodies they name, citations.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

__all__ = ["Jurisdiction", "DocumentMeta", "Expected", "SyntheticDocument", "JURISDICTIONS", "document_meta",
           "generate", "documents"]


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    """An issuing government: its level, name, 文号 prefix, issuer, and the bodies its plans name."""

    level: str  # national | provincial | municipal | district
    place: str  # as it opens a title: 国家 / 浙江省 / 杭州市 / 杭州市西湖区
    prefix: str  # of the 发文字号, before 〔year〕
    issuer: str
    bodies: tuple[str, ...]


def _bodies(level_prefix: str, names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(level_prefix + n for n in names)


_PROVINCIAL = ("发展改革委", "经济和信息化厅", "财政厅", "商务厅", "科技厅", "人力资源社会保障厅", "生态环境厅",
               "住房城乡建设厅", "市场监管局", "教育厅")
_MUNICIPAL = ("发展改革委", "经济和信息化局", "财政局", "商务局", "科技局", "人力资源社会保障局", "生态环境局",
              "住房城乡建设局", "市场监管局", "教育局")
_DISTRICT = ("发展改革委", "经济和信息化局", "财政局", "商务局", "科技局", "人力资源社会保障局", "生态环境局",
             "住房城乡建设局", "市场监管局", "教育局")
_NATIONAL = ("国家发展改革委", "工业和信息化部", "财政部", "商务部", "科技部", "人力资源社会保障部", "生态环境部",
             "住房城乡建设部", "市场监管总局", "教育部")

_PROVINCES = (("浙江省", "浙"), ("江苏省", "苏"), ("广东省", "粤"), ("湖北省", "鄂"), ("四川省", "川"),
              ("山东省", "鲁"), ("福建省", "闽"), ("河南省", "豫"))
_CITIES = (("杭州市", "杭"), ("南京市", "宁"), ("广州市", "穗"), ("武汉市", "武"), ("成都市", "成"),
           ("济南市", "济"), ("厦门市", "厦"), ("郑州市", "郑"))
_DISTRICTS = (("杭州市西湖区", "西"), ("南京市鼓楼区", "鼓"), ("广州市天河区", "天"), ("武汉市江汉区", "汉"),
              ("成都市武侯区", "武"), ("济南市历下区", "历"))

JURISDICTIONS: tuple[Jurisdiction, ...] = (
    (Jurisdiction("national", "国家", "国办发", "国务院办公厅", _NATIONAL),)
    + tuple(Jurisdiction("provincial", p, f"{a}政办发", f"{p}人民政府办公厅", _bodies("省", _PROVINCIAL))
            for p, a in _PROVINCES)
    + tuple(Jurisdiction("municipal", p, f"{a}政办发", f"{p}人民政府办公厅", _bodies("市", _MUNICIPAL))
            for p, a in _CITIES)
    + tuple(Jurisdiction("district", p, f"{a}政办", f"{p[3:]}人民政府办公室", _bodies("区", _DISTRICT))
            for p, a in _DISTRICTS)
)

# Topics: (name in a title, indicators (name, unit, low, high), objects a measure works on).
_TOPICS = (
    ("数字经济高质量发展", (("数字经济核心产业增加值", "亿元", 200, 3000), ("新建5G基站", "个", 1000, 20000),
                             ("上云企业", "家", 500, 8000)), ("工业互联网平台", "数据中心", "智能工厂", "软件企业")),
    ("制造业绿色低碳转型", (("绿色工厂", "家", 20, 400), ("光伏装机容量", "万千瓦", 50, 900),
                             ("节能改造项目", "个", 30, 600)), ("绿色供应链", "节能设备", "循环化改造", "清洁能源")),
    ("养老服务体系建设", (("养老机构床位", "张", 2000, 60000), ("社区养老服务中心", "个", 50, 900),
                           ("护理型床位占比", "%", 40, 70)), ("居家养老", "护理人员", "适老化改造", "助餐服务")),
    ("外贸稳定增长", (("跨境电商进出口额", "亿元", 100, 2000), ("海外仓", "个", 10, 300),
                       ("外贸主体", "家", 1000, 20000)), ("跨境电商", "出口品牌", "展会", "贸易便利化")),
    ("高技能人才队伍建设", (("高技能人才", "万人", 5, 120), ("技能大师工作室", "个", 20, 500),
                             ("职业技能培训", "万人次", 10, 300)), ("职业院校", "技能竞赛", "实训基地", "人才评价")),
    ("城镇老旧小区改造", (("改造老旧小区", "个", 100, 3000), ("加装电梯", "部", 200, 5000),
                           ("新增停车位", "个", 1000, 30000)), ("管网更新", "社区服务设施", "物业管理", "电梯加装")),
)
_GENRES = (("行动方案", "方案"), ("实施意见", "意见"), ("工作方案", "方案"), ("三年行动计划", "计划"))
_COMPARATORS = ("达到", "超过", "不少于", "力争达到")
_VERBS = ("支持", "推动", "引导", "鼓励", "加快")
_SUBJECTS = ("重点企业", "行业龙头", "中小企业", "园区", "高校和科研院所", "社会资本")
_ACTIONS = ("建设", "培育", "升级", "推广", "布局", "完善")
_OUTCOMES = ("形成一批可复制的经验", "提升服务能力和水平", "增强发展的内生动力", "带动上下游协同发展",
             "降低企业运行成本", "扩大有效投资")
_SAFEGUARDS = (("加强组织领导", "建立工作协调机制，定期研究解决推进中的重大问题"),
               ("加大资金支持", "统筹用好各级专项资金"),
               ("强化监测评估", "建立年度评估制度，及时通报工作进展"),
               ("优化营商环境", "精简审批环节，压缩办理时限"))
_ITEM_STYLES = (("1.", "2."), ("1、", "2、"), ("（1）", "（2）"))
_NOTES = ("lead-participants", "lead-marker", "responsible-line", "responsible")
_CN = "一二三四五六七八九十"


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What a document is, without its body: enough for another document to cite it."""

    index: int
    slug: str
    title: str
    identifier: str  # 发文字号
    year: int
    jurisdiction: Jurisdiction
    topic: int
    genre: int


@dataclass(frozen=True, slots=True)
class Expected:
    """What the generator wrote into a document (what a parser should read back)."""

    units: int
    targets: int
    owner_notes: int
    owner_bodies: int  # body mentions in owner notes (a body named in two notes counts twice)
    citations: int
    supports: int


@dataclass(frozen=True, slots=True)
class SyntheticDocument:
    meta: DocumentMeta
    text: str
    expected: Expected
    cited: tuple[int, ...] = field(default=())


def _rng(seed: int, index: int, part: str = "") -> random.Random:
    return random.Random(f"{seed}:{index}:{part}")


def document_meta(seed: int, index: int) -> DocumentMeta:
    """Title, 文号, year and issuer of document ``index``: cheap and independent of its body."""
    rng = _rng(seed, index, "meta")
    place = rng.choice(JURISDICTIONS)
    topic = rng.randrange(len(_TOPICS))
    genre_index = rng.randrange(len(_GENRES))
    genre = _GENRES[genre_index][0]
    year = 2016 + rng.randrange(10)
    period = f"（{year}—{year + 2}年）" if genre.endswith(("方案", "计划")) else ""
    title = f"{place.place if place.level != 'national' else ''}关于{_TOPICS[topic][0]}的{genre}{period}"
    if place.level == "national":
        title = f"国务院办公厅关于{_TOPICS[topic][0]}的{genre}{period}"
    identifier = f"{place.prefix}〔{year}〕{1 + index % 97}号"
    return DocumentMeta(index, f"synthetic-{seed}-{index:07d}", title, identifier, year, place, topic, genre_index)


def _owner_note(rng: random.Random, bodies: tuple[str, ...]) -> tuple[str, str, int]:
    """(notation, text, number of bodies named): inline notes end the section's line, a line note stands alone."""
    style = rng.choice(_NOTES)
    named = rng.sample(bodies, rng.randint(1, 3))
    lead, rest = named[0], named[1:]
    if style == "lead-participants":
        text = f"（牵头单位：{lead}" + (f"；配合单位：{'、'.join(rest)}" if rest else "") + "）"
    elif style == "lead-marker":
        text = f"（{lead}牵头" + (f"，{'、'.join(rest)}参与" if rest else "") + "）"
    elif style == "responsible-line":
        text = f"责任单位：{'、'.join(named)}"
    else:
        text = f"（{'、'.join(named)}负责）"
    return style, text, len(named)


def _measure(rng: random.Random, objects: tuple[str, ...]) -> str:
    return (f"{rng.choice(_VERBS)}{rng.choice(_SUBJECTS)}{rng.choice(_ACTIONS)}{rng.choice(objects)}，"
            f"{rng.choice(_OUTCOMES)}。")


def generate(seed: int, index: int) -> SyntheticDocument:
    """Document ``index`` of the corpus ``seed``: the same arguments always give the same text."""
    meta = document_meta(seed, index)
    rng = _rng(seed, index, "body")
    name, indicators, objects = _TOPICS[meta.topic]
    bodies = meta.jurisdiction.bodies
    addressees = ("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：" if meta.jurisdiction.level == "national"
                  else "各有关单位：")
    cited = tuple(sorted(rng.sample(range(index), min(index, rng.randint(1, 2)))))
    refs = "、".join(f"《{document_meta(seed, j).title}》（{document_meta(seed, j).identifier}）" for j in cited)
    basis = f"根据{refs}的部署，" if refs else ""
    lines = [meta.title, meta.identifier, addressees,
             f"为{basis}推进{name}工作，{rng.choice(_OUTCOMES)}，结合实际，制定本{_GENRES[meta.genre][1]}。"]

    deadline = meta.year + 2
    chosen = rng.sample(indicators, rng.randint(2, 3))
    goals = "，".join(f"{ind}{rng.choice(_COMPARATORS)}{rng.randint(lo, hi)}{unit}" for ind, unit, lo, hi in chosen)
    lines += ["一、主要目标", f"到{deadline}年，{goals}。"]
    units, notes, named = 1, 0, 0

    lines.append("二、重点任务")
    units += 1
    items = rng.choice(_ITEM_STYLES)
    for s in range(rng.randint(3, 4)):
        heading = f"{rng.choice(_ACTIONS)}{rng.choice(objects)}"
        style, note, count = _owner_note(rng, bodies)
        notes, named = notes + 1, named + count
        inline = "" if style == "responsible-line" else note
        lines.append(f"（{_CN[s]}）{heading}。{_measure(rng, objects)}{inline}")
        units += 1
        for i in range(rng.choice((0, 0, 1, 2))):
            lines.append(f"{items[i]}{_measure(rng, objects)}")
            units += 1
        if style == "responsible-line":
            lines.append(note)

    lines.append("三、保障措施")
    units += 1
    amount = rng.choice((50, 100, 200, 300, 500))
    for s, (heading, text) in enumerate(rng.sample(_SAFEGUARDS, 2)):
        extra = f"对符合条件的项目，给予最高{amount}万元补助。" if s == 0 else ""
        lines.append(f"（{_CN[s]}）{heading}。{text}。{extra}")
        units += 1

    month, day = rng.randint(1, 12), rng.randint(1, 28)
    lines += [meta.jurisdiction.issuer, f"{meta.year}年{month}月{day}日"]
    expected = Expected(units=units, targets=len(chosen), owner_notes=notes, owner_bodies=named,
                        citations=len(cited), supports=1)
    return SyntheticDocument(meta, "\n".join(lines) + "\n", expected, cited)


def documents(seed: int, start: int, stop: int):
    """Documents ``start`` … ``stop - 1`` of corpus ``seed``, one at a time (never the whole corpus in memory)."""
    for index in range(start, stop):
        yield generate(seed, index)
