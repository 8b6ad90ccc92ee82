"""Eighth round (mf8): a profile field sent where the CLI's options would put it (age, premiums) is answered in one
line with where it goes (person.age, unemployment_premiums_last_year), not only "unknown field"."""

from __future__ import annotations


def test_age_at_the_top_level_says_it_goes_in_person(client):
    response = client.post("/match", json={"needs": "赡养老人能扣多少", "age": 45})
    assert response.status_code == 422, response.text
    message = response.json()["error"]["message"]
    assert "unknown field 'age'" in message and '"person": {"age"' in message
    assert "\n" not in message


def test_the_cli_option_name_points_to_the_api_field(client):
    response = client.post("/match", json={"needs": "稳岗返还", "premiums": 12000})
    assert response.status_code == 422, response.text
    assert "use 'unemployment_premiums_last_year'" in response.json()["error"]["message"]
