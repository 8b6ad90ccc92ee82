"""Writes ingest/data/divisions.ttl: every prefecture- and county-level division of China as SKOS places, beside
the hand-kept gazetteer (ingest/data/places.ttl), so that a district's or county's document anywhere (碑林区,
雁塔区, 长阳土家族自治县) is known by its place as Shanghai's districts are.

Run by hand when the divisions change; the output is committed and nothing reads these sources at run time:

    pip install cpca==0.5.5 pypinyin && python tools/make_divisions.py

Sources: the administrative-division codes (GB/T 2260, 民政部) as shipped in the ``cpca`` package (MIT), and
pinyin from ``pypinyin`` for the English names (碑林 → Beilin).  Each division gets its full name (碑林区), and
its short form (碑林) and English name only where they are safe to find in a question:
- a name two divisions share (鼓楼区 is in four cities) is left out, as is any name the hand-kept gazetteer
  already has (普陀区 is Shanghai's there);
- a short form that is an ordinary word (it has synonyms in cilin: 和平, 平安, 安定; a county's with an ordinary
  sense in CC-CEDICT: 新建, 公安, 振兴) or only directions and generic words (城东, 市中, 矿区) is left out;
- an English name alone (Beilin, without District) is left out when another place has it or it is an English
  word (弥勒 → Mile).
A division's broader place is its city, a city's its province; where the hand-kept gazetteer has that city or
province, its concept is used (西安市 is ``pkp:xian``)."""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.concepts import PLACES_FILE, _load_scheme, PLACE_SCHEME, PLACE_NS  # noqa: E402
from search.bilingual import load_cedict  # noqa: E402
from search.thesaurus import load_thesaurus  # noqa: E402

OUT = ROOT / "ingest" / "data" / "divisions.ttl"
_SUFFIX = re.compile(r"(?:特区|地区|区|县|市|旗|盟)$")
_PLACE_GLOSS = re.compile(r"\b(?:county|district|city|prefecture|province|banner|town|township|village|autonomous|"
                          r"league|region|municipality|place name)\b", re.IGNORECASE)
_GENERIC = re.compile(r"^[东西南北中新老城郊矿市区县河江山湖海上下前后内外大小]+$")
MUNICIPALITIES = ("11", "12", "31", "50")  # 北京 天津 上海 重庆: their districts belong to the province-level city


def _cpca_file(name: str) -> Path:
    """A data file of the cpca package, which is not imported (it needs a C extension this script does not)."""
    import importlib.util

    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("needs the cpca package: pip install cpca==0.5.5")
    return Path(spec.submodule_search_locations[0]) / "resources" / name


def _autonomy() -> re.Pattern[str]:
    """自治县/旗/州 after the names of the peoples it is for (土家族, 蒙古族…; cpca's list of the 56)."""
    peoples = _cpca_file("56_nations.csv").read_text(encoding="utf-8")
    alternatives = "|".join(sorted({p.strip() for p in peoples.split() if p.strip()}, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives}|各族)*自治(?:县|旗|州)$")


def short_form(name: str, autonomy: re.Pattern[str]) -> str:
    """碑林区 → 碑林, 长阳土家族自治县 → 长阳, 甘南藏族自治州 → 甘南, 阿拉善盟 → 阿拉善."""
    stem = autonomy.sub("", name)
    return _SUFFIX.sub("", stem) if stem == name else stem


_KINDS = (("自治县", "Autonomous County"), ("自治旗", "Autonomous Banner"), ("自治州", "Autonomous Prefecture"),
          ("地区", "Prefecture"), ("区", "District"), ("县", "County"),
          ("市", "City"), ("旗", "Banner"), ("盟", "League"))


def english(short: str) -> str:
    """碑林 → Beilin (pypinyin's readings of place names: 六安 → Lu'an, 蚌埠 → Bengbu)."""
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(short)
    # an apostrophe where a syllable starting with a vowel would run into the one before (六安 → Lu'an)
    word = "".join(s if i == 0 or s[0] not in "aeo" else "'" + s for i, s in enumerate(syllables))
    return word[:1].upper() + word[1:]


def ordinary_words(candidates: set[str]) -> set[str]:
    """The candidates CC-CEDICT also gives an ordinary sense (新建: newly built; 公安: public security; 振兴: to
    revitalize), beside or instead of the place."""
    def ordinary(gloss: str) -> bool:
        return not _PLACE_GLOSS.search(gloss) and not gloss[:1].isupper() and not gloss.startswith("(")

    return {word for word, glosses in load_cedict(lambda w: w in candidates) if any(map(ordinary, glosses))}


def english_words() -> set[str]:
    """Lower-case words of CC-CEDICT's glosses: the English a pinyin name must not be (弥勒 → Mile)."""
    return {w for _, glosses in load_cedict() for g in glosses for w in re.findall(r"\b[a-z][a-z']+\b", g)}


def main() -> None:
    table = _cpca_file("adcodes.csv")
    names = {row["adcode"][:6]: row["name"] for row in csv.DictReader(table.open(encoding="utf-8"))}
    names = {code: name for code, name in names.items() if name not in ("市辖区", "县", "省直辖县级行政区划")}
    curated = _load_scheme(PLACES_FILE, PLACE_SCHEME, PLACE_NS)
    curated_key = {label: c.key for c in curated for label in (c.pref_zh, *c.alt_zh)}
    curated_en = {label.lower() for c in curated for label in (c.pref_en, *c.alt_en)}
    thesaurus = load_thesaurus()
    autonomy = _autonomy()

    def key_of(code: str) -> str:
        name = names.get(code, "")
        return curated_key.get(name) or curated_key.get(short_form(name, autonomy)) or f"cn{code}"

    def broader(code: str) -> str:
        if code.endswith("0000"):
            return "china"
        city = code[:4] + "00"
        if code.endswith("00") or code[:2] in MUNICIPALITIES or city not in names:
            return key_of(code[:2] + "0000")
        return key_of(city)

    new = [code for code in sorted(names) if not code.endswith("0000") and names[code] not in curated_key
           and short_form(names[code], autonomy) not in curated_key]
    full_count = Counter(names[c] for c in names)
    short_count = Counter(short_form(names[c], autonomy) for c in names)
    ordinary = ordinary_words({short_form(names[c], autonomy) for c in new})
    vocabulary = english_words()
    entries = []
    for code in new:
        name = names[code]
        if full_count[name] > 1:
            continue
        short = short_form(name, autonomy)
        alt = []
        county = not code.endswith("00")  # a city's short form stays (德州 is Dezhou before it is Texas)
        if (len(short) >= 2 and short != name and short_count[short] == 1 and not thesaurus.synonyms(short)
                and not _GENERIC.match(short) and not (county and short in ordinary)):
            alt.append(short)
        entries.append((code, name, alt, english(short) if len(short) >= 2 else english(name)))
    english_count = Counter(e[3].lower() for e in entries)
    lines = [
        "# Every prefecture- and county-level division of China not in places.ttl, as SKOS places: written by",
        "# tools/make_divisions.py from the GB/T 2260 codes shipped in the cpca package (MIT) and pypinyin; do not edit.",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix pkp: <https://w3id.org/policykg/place/> .",
        "@prefix pks: <https://w3id.org/policykg/scheme/> .",
        "",
    ]
    kept = 0
    for code, name, alt, en in entries:
        kind = next((label for suffix, label in _KINDS if name.endswith(suffix)), "")
        # the English name with its kind always (Beilin District); alone only where no other place has it
        alt_labels = [f'"{a}"@zh' for a in alt]
        if english_count[en.lower()] == 1 and en.lower() not in curated_en and en.lower() not in vocabulary:
            alt_labels.append(f'"{en}"@en')
        pref = f'"{name}"@zh, "{f"{en} {kind}" if kind else en}"@en'
        body = [f"pkp:cn{code} a skos:Concept ;", "    skos:inScheme pks:places ;",
                f"    skos:broader pkp:{broader(code)} ;", f"    skos:prefLabel {pref}"]
        if alt_labels:
            body[-1] += " ;"
            body.append(f"    skos:altLabel {', '.join(alt_labels)}")
        body[-1] += " ."
        lines += body + [""]
        kept += 1
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {kept} divisions ({len(new) - kept} left out as shared names)")


if __name__ == "__main__":
    main()
