"""What the service's cheap endpoints cost, and the small hardening of issue 22: ``/healthz`` answers from the
manifest (never counts the graph), ``/export`` serialises a generation once however many ask at once, a Host
allow-list refuses DNS-rebinding names, and a deeply nested SPARQL query is refused as what it is."""

from __future__ import annotations

import threading
import time

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from workspace.settings import get_settings
from tests.faults.helpers import fault_settings


@pytest.fixture
def client_of(fault_data_dir):
    made = []

    def make(**changes):
        settings = fault_settings(fault_data_dir, **changes)
        app = create_app(settings)
        app.dependency_overrides[get_settings] = lambda: settings
        client = TestClient(app)
        client.__enter__()
        made.append(client)
        return client

    yield make
    for client in made:
        client.__exit__(None, None, None)


def test_healthz_never_counts_the_graph(client_of, monkeypatch):
    client = client_of()
    expected = client.get("/healthz").json()["triples"]
    assert expected > 0

    def counting_forbidden(self):
        raise AssertionError("/healthz counted the graph's triples")

    from rdflib import Graph

    monkeypatch.setattr(Graph, "__len__", counting_forbidden)
    started = time.perf_counter()
    answer = client.get("/healthz")
    assert answer.status_code == 200 and answer.json()["triples"] == expected
    assert answer.json()["status"] == "ok"
    assert time.perf_counter() - started < 1.0


def test_concurrent_first_exports_serialise_the_graph_once(client_of, monkeypatch):
    import kg.export

    client = client_of()
    calls = []
    real = kg.export.serialize

    def slow_serialize(graph, fmt):
        calls.append(fmt)
        time.sleep(0.5)  # long enough for every request to arrive while the first one writes
        return real(graph, fmt)

    monkeypatch.setattr(kg.export, "serialize", slow_serialize)
    bodies: list[bytes] = []

    def fetch() -> None:
        answer = client.get("/export", params={"format": "nt"})
        assert answer.status_code == 200
        bodies.append(answer.content)

    threads = [threading.Thread(target=fetch) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert calls == ["nt"], calls
    assert len(bodies) == 4 and len(set(bodies)) == 1 and bodies[0].count(b"\n") > 100
    fetch()  # later requests stream the same file
    assert calls == ["nt"]


def test_a_host_outside_the_allow_list_is_refused(client_of):
    client = client_of(allowed_hosts=["localhost", "127.0.0.1"])
    assert client.get("/healthz", headers={"Host": "localhost:8000"}).status_code == 200
    answer = client.get("/healthz", headers={"Host": "rebind.attacker.example:8000"})
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "host_not_allowed"
    # the Origin check alone passed when Origin equalled Host: the Host check comes first
    answer = client.post("/sparql", content="ASK {}", headers={"Host": "rebind.attacker.example",
                                                               "Origin": "http://rebind.attacker.example",
                                                               "Content-Type": "application/sparql-query"})
    assert answer.status_code == 400


def test_9000_nested_braces_are_refused_as_too_deep_not_as_memory(client_of):
    client = client_of()
    query = "SELECT * WHERE " + "{" * 9000 + "?s ?p ?o" + "}" * 9000  # under the 20,000-character limit
    answer = client.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query"})
    assert answer.status_code == 400, answer.text
    message = answer.json()["error"]["message"]
    assert "9000 levels deep" in message and "memory" not in message
