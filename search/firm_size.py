"""An enterprise's size: as the profile gives it (small | medium | large, 中小企业, 规上), else as its own figures give it
by the national SME classification (《中小企业划型标准规定》, 工信部联企业〔2011〕300号), whose thresholds by sector are
data (``ingest/data/sme_size.json``).  A firm that states 50 employees and 1,200万元 of revenue in manufacturing is
small whether or not it wrote so; the verdict says the size was inferred, by which rule, from which figures."""

from __future__ import annotations

from decimal import Decimal

from ingest.conditions import sme_size_rules
from kg.views import EnterpriseProfile

__all__ = ["classify_size", "gb_section", "normalise_size", "profile_size", "sme_sector"]

_SIZES = {"small": "small", "小型": "small", "小微": "small", "小微企业": "small", "中小企业": "small", "微型": "small",
          "medium": "medium", "中型": "medium", "中型企业": "medium", "large": "large", "大型": "large",
          "大型企业": "large", "规模以上": "large", "规上": "large"}
_SIZE_WORDS_OUT = {"small": ("小型（含微型）", "small (or micro)"), "medium": ("中型", "medium"), "large": ("大型", "large")}
# Divisions of GB/T 4754-2017 → its sections (01-05 A, 06-12 B, 13-43 C …)
_SECTIONS = [(5, "A"), (12, "B"), (43, "C"), (46, "D"), (50, "E"), (52, "F"), (60, "G"), (62, "H"), (65, "I"),
             (69, "J"), (70, "K"), (72, "L"), (75, "M"), (79, "N"), (82, "O"), (83, "P"), (85, "Q"), (90, "R"),
             (95, "S"), (96, "T")]


def _division_code(code: str) -> str:
    """A GB/T 4754 code with its section letter: 5212 → F5212, C34 → C34 ("" when it is no code)."""
    code = code.strip().upper()
    if code[:1].isalpha():
        return code
    section = gb_section(code)
    return section + code if section else ""


def sme_sector(profile: EnterpriseProfile) -> dict | None:
    """The sector of the SME classification (ingest/data/sme_size.json) the profile is in: by its GB/T 4754 code
    (the longest listed prefix), else by the words of its industry when they point to one sector only."""
    sectors = sme_size_rules()["sectors"]
    code = _division_code(profile.industry_code) if profile.industry_code else ""
    if code:
        best = max(((len(p), s) for s in sectors for p in s["codes"] if code.startswith(p)),
                   key=lambda pair: pair[0], default=None)
        if best is not None:
            return best[1]
    industry = profile.industry or ""
    named = [s for s in sectors if any(w in industry for w in s["words"])]
    return named[0] if len(named) == 1 else None


def _figures(profile: EnterpriseProfile) -> dict[str, Decimal | None]:
    return {"employees": Decimal(profile.employees) if profile.employees is not None else None,
            "revenue": Decimal(str(profile.revenue)) if profile.revenue is not None else None,
            "assets": None}  # 资产总额: no profile field yet, so a sector judged on it often stays undecided


def classify_size(profile: EnterpriseProfile, lang: str = "zh") -> tuple[str, str] | None:
    """The size the profile's own figures give by the national rule (工信部联企业〔2011〕300号): (small | medium |
    large, the working in ``lang``); None when the sector or the figures that decide it are missing.

    A figure below its ``medium_from`` bound makes the firm small or micro (every sector's medium bounds lie below
    its SME bounds, so it is an SME too); every ``sme_below`` figure at or above its bound makes it large; an SME
    whose every ``medium_from`` figure reaches its bound is medium.  Micro folds into small (小微)."""
    sector = sme_sector(profile)
    if sector is None:
        return None
    have = _figures(profile)
    given = {k: v for k, v in have.items() if v is not None}
    if not given:
        return None
    below_medium = any(k in given and given[k] < b for k, b in sector["medium_from"].items())
    reaches_medium = all(k in given and given[k] >= b for k, b in sector["medium_from"].items())
    below_sme = any(k in given and given[k] < b for k, b in sector["sme_below"].items())
    reaches_sme = all(k in given and given[k] >= b for k, b in sector["sme_below"].items())
    size = ("small" if below_medium else "large" if reaches_sme else "medium" if below_sme and reaches_medium
            else None)
    if size is None:
        return None
    zh = lang == "zh"
    shown = [(f"从业人员{given['employees']}人" if zh else f"{given['employees']} employees")
             if k == "employees" else (f"营业收入{given[k]}万元" if zh else f"revenue {given[k]} (10k yuan)")
             for k in ("employees", "revenue") if k in given]
    rule = sme_size_rules()["rule" if zh else "rule_en"]
    word = _SIZE_WORDS_OUT[size][0 if zh else 1]
    if zh:
        return size, f"按{rule}，{sector['zh']}{'、'.join(shown)}为{word}企业（推定）"
    return size, f"by {rule}: {sector['en']}, {', '.join(shown)}: {word} (inferred)"


def profile_size(profile: EnterpriseProfile) -> str | None:
    """The profile's size as given, else as its own figures give it by the national rule (classify_size)."""
    given = normalise_size(profile.size)
    if given is not None:
        return given
    found = classify_size(profile)
    return found[0] if found else None


def normalise_size(size: str | None) -> str | None:
    """small | medium | large from English or Chinese (中小企业 counts as small); unknown → None."""
    if not size:
        return None
    return _SIZES.get(size.strip().lower()) or next((v for k, v in _SIZES.items() if k in size), None)


def gb_section(code: str) -> str:
    """The GB/T 4754 section of a code: C34 → C, 3670 → C, C → C; "" when it is no code."""
    code = code.strip().upper()
    if code[:1].isalpha():
        return code[:1]
    digits = code[:2]
    if not digits.isdigit():
        return ""
    division = int(digits)
    return next((section for top, section in _SECTIONS if division <= top), "")
