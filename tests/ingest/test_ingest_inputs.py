"""Decoding and bad inputs: encodings, BOM, CRLF, empty, binary, undecodable, unstructured; metadata sidecars."""

from __future__ import annotations

import json

import pytest

from ingest import ParseError, load_meta, parse_plan, parse_text
from ingest.decode import read_source
from ingest.model import DocumentMeta


def _shape(doc):
    return [(u.path, u.key, u.kind, u.heading, u.text.replace("\r\n", "\n")) for u in doc.units]


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n", "whitespace only"),
        ("\u3000\u3000\n".encode(), "whitespace only"),
        (b"\x00\x01\x02binary\x00", "binary file"),
        (bytes(range(1, 32)) * 4, "binary file"),
        (b"abc\n\xff\xfe\xff\xfe", "neither UTF-8"),
        # a title, a number and a signature but no body paragraph (a plain paragraph now parses: 第1段)
        ("关于某事的通知\n国发〔2031〕1号\n国务院\n2031年1月1日\n".encode(), "no body text found"),
    ],
)
def test_bad_inputs(tmp_path, raw, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(raw)
    with pytest.raises(ParseError, match=reason) as info:
        parse_plan(path)
    assert info.value.file == str(path)


def test_undecodable_names_byte_and_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes("一、甲\n二、乙\n".encode() + b"\xff\xff")
    with pytest.raises(ParseError) as info:
        read_source(path)
    assert info.value.line == 3 and "at byte 20" in info.value.reason


def test_gbk_copy_parses_the_same(tmp_path, seed, seed_path):
    path = tmp_path / "seed-gbk.txt"
    path.write_bytes(seed.source.encode("gbk"))
    doc = parse_plan(path)
    assert doc.meta.encoding == "gb18030"
    assert _shape(doc) == _shape(seed)
    assert doc.targets == seed.targets


def test_bom_copy_keeps_offsets(tmp_path, seed):
    path = tmp_path / "seed-bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + seed.source.encode("utf-8"))
    text, encoding, _ = read_source(path)
    assert (text, encoding) == (seed.source, "utf-8-sig")
    doc = parse_plan(path)
    assert [u.span for u in doc.units] == [u.span for u in seed.units]


def test_crlf_copy_same_structure_exact_spans(tmp_path, seed):
    path = tmp_path / "seed-crlf.txt"
    path.write_bytes(seed.source.replace("\n", "\r\n").encode("utf-8"))
    doc = parse_plan(path)
    assert "\r\n" in doc.source
    assert _shape(doc) == _shape(seed)
    assert [u.line for u in doc.units] == [u.line for u in seed.units]
    for unit in doc.units:
        assert doc.source[unit.span.start : unit.span.end] == unit.text
        assert not unit.text.endswith("\r")
    assert [(t.indicator, t.quantity, t.text) for t in doc.targets] == [(t.indicator, t.quantity, t.text) for t in seed.targets]
    for t in doc.targets:
        assert t.span.text(doc.source) == t.text


def test_seed_meta_and_digest(seed, seed_path):
    assert seed.meta.slug == "shanghai-technical-transformation-plan-2018-2020"
    assert seed.meta.title == "上海市技术改造三年行动计划（2018—2020年）"
    assert seed.meta.source_file == seed_path.name
    assert seed.meta.encoding == "utf-8" and len(seed.meta.sha256) == 64


def test_meta_without_sidecar(tmp_path):
    path = tmp_path / "my-plan.txt"
    path.write_text("一、甲\n二、乙\n", encoding="utf-8")
    assert load_meta(path) == DocumentMeta(slug="my-plan", title="my-plan", source_file="my-plan.txt")


def test_meta_ignores_unknown_fields(tmp_path):
    path = tmp_path / "p.txt"
    (tmp_path / "p.meta.json").write_text(json.dumps({"slug": "s", "title": "t", "source_note": "x"}), encoding="utf-8")
    meta = load_meta(path)
    assert (meta.slug, meta.title, meta.issuer) == ("s", "t", "")


def test_bad_sidecar(tmp_path):
    path = tmp_path / "p.txt"
    (tmp_path / "p.meta.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ParseError, match="metadata sidecar"):
        load_meta(path)


def test_deterministic(seed, seed_path):
    assert parse_plan(seed_path) == seed
    assert parse_text(seed.source, seed.meta) == seed
