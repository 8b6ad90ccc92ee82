"""What a new user of the HTTP API meets (fifth round's hand-run flows): ``curl "…/search?q=地震"`` sends the
question's UTF-8 bytes raw in the request line, and the served protocol reads them as a browser's percent-encoded
ones; a size the calculator cannot read is a 422 naming the accepted values (not a 200 that ignored it); English
place and issuer names filter search; a body's traditional-script name finds it. Two real State Council documents
of benchmarks/corpus_real and a city notice written for these tests (tests/cli/test_flows_r5.py); fake encoder."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.faults.helpers import api_client, fault_settings


@pytest.fixture(scope="module")
def data_dir(flows_r5_data_dir) -> Path:
    return flows_r5_data_dir


@pytest.fixture(scope="module")
def client(data_dir):
    with api_client(data_dir, raise_server_exceptions=False) as client:
        yield client


def test_match_refuses_a_size_it_cannot_read_with_the_error_shape(client):
    r = client.post("/match", json={"needs": "招用本市户籍劳动者 用工补贴", "size": "tiny"})
    assert r.status_code == 422
    error = r.json()["error"]
    assert error["code"] == "invalid_input" and error["where"] == "body.size"
    assert error["message"].startswith("body.size: unknown size 'tiny'; accepted: small, medium, large")
    assert "Value error" not in json.dumps(error)


def test_match_reads_micro_and_chinese_sizes(client):
    for size, read in (("micro", "small"), ("中小企业", "中小企业"), ("规模以上", "规模以上")):
        r = client.post("/match", json={"needs": "招用本市户籍劳动者 用工补贴", "size": size, "k": 1})
        assert r.status_code == 200, r.text
        assert r.json()["profile"]["size"] == read


def _hit_documents(client, **params) -> set[str]:
    r = client.get("/search", params={"q": "补贴", "k": 20, **params})
    assert r.status_code == 200, r.text
    return {h["document"] for h in r.json()["hits"]}


def test_search_filters_by_an_english_place_and_issuer(client):
    assert _hit_documents(client, jurisdiction="Foshan") == _hit_documents(client, jurisdiction="佛山市") == {"foshan-notice"}
    office = _hit_documents(client, issuer="General Office of the State Council")
    assert office == {"guobanfa-2018-114"}


def test_departments_finds_a_body_by_its_traditional_name(client):
    r = client.get("/departments/" + quote("佛山市人力資源社會保障局"))
    assert r.status_code == 200, r.text
    view = r.json()
    assert view["pref_label"] == "佛山市人力资源社会保障局"
    units = {x["unit_path"] for basis in ("explicit", "inferred") for x in view["responsibilities"][basis]}
    assert units == {"一", "二"}  # the two items that end with it: （市人力資源社會保障局…負責）
    missing = client.get("/departments/" + quote("佛山市氣象局"))
    assert missing.status_code == 404  # named as asked, with the close names of the graph
    assert missing.json()["error"]["message"].startswith("no department '佛山市氣象局'; did you mean: 佛山市")


def _raw_get(base: str, target: bytes) -> tuple[int, dict]:
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as conn:
        conn.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    if b"transfer-encoding: chunked" in head.lower():  # undo the chunking
        plain, rest = b"", body
        while rest:
            size, _, rest = rest.partition(b"\r\n")
            n = int(size, 16)
            if n == 0:
                break
            plain, rest = plain + rest[:n], rest[n + 2:]
        body = plain
    return status, json.loads(body)


def test_the_served_protocol_reads_raw_utf8_in_the_request_line_as_curl_sends_it(data_dir, monkeypatch):
    import uvicorn

    from api.app import create_app
    from api.serving import JsonH11Protocol
    from tests.support import free_port
    from workspace.settings import get_settings

    api = create_app()
    api.dependency_overrides[get_settings] = lambda: fault_settings(data_dir)
    import threading
    import time

    server = uvicorn.Server(uvicorn.Config(api, host="127.0.0.1", port=free_port(), log_level="warning",
                                           http=JsonH11Protocol, lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    try:
        base = f"http://127.0.0.1:{server.config.port}"
        raw = "/search?q=用工补贴&k=3&jurisdiction=佛山".encode()
        status, answer = _raw_get(base, raw)
        assert status == 200, answer
        encoded = _raw_get(base, ("/search?q=" + quote("用工补贴") + "&k=3&jurisdiction=" + quote("佛山")).encode())
        assert answer["query"] == "用工补贴" and answer["hits"] == encoded[1]["hits"]
        assert {h["document"] for h in answer["hits"]} == {"foshan-notice"}
        status, answer = _raw_get(base, "/departments/市財政局".encode())
        assert status == 200 and answer["pref_label"] == "佛山市财政局"
        status, answer = _raw_get(base, b"/search?q=\xff\xfe")  # not UTF-8: its own 400, as when percent-encoded
        assert status == 400 and answer["error"]["code"] == "invalid_utf8"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        api.dependency_overrides.clear()
