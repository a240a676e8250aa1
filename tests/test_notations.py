"""French and German code notations, the one collision with the English notation, and
readings across the faces: CLI, HTTP API, static API."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import acupoints
from acupoints import UnknownNotationError, UnknownPointError
from acupoints.cli import main
from acupoints.codes import MERIDIAN_CODES, NATIONAL_PREFIXES, national_codes
from acupoints.names import notation_table

FRENCH = {
    "V23": "BL23", "E36": "ST36", "RP6": "SP6", "VB20": "GB20", "MC6": "PC6", "TR5": "TE5",
    "F3": "LR3", "VG20": "GV20", "VC6": "CV6", "GI4": "LI4", "IG3": "SI3", "R3": "KI3",
}  # fmt: skip
GERMAN = {
    "Di4": "LI4", "Ma36": "ST36", "MP6": "SP6", "Gb20": "GB20", "KS6": "PC6", "3E5": "TE5",
    "Le3": "LR3", "Ni3": "KI3", "Dü3": "SI3", "Due3": "SI3", "LG20": "GV20", "KG6": "CV6",
    "Lu7": "LU7", "He7": "HT7", "Bl23": "BL23", "di 4": "LI4", "ma-36": "ST36",
}  # fmt: skip


@pytest.mark.parametrize(("text", "code"), [*FRENCH.items(), *GERMAN.items()])
def test_national_codes_resolve(text: str, code: str) -> None:
    assert acupoints.resolve(text).code == code
    notation = "fr" if text in FRENCH else "de"
    assert acupoints.resolve(text, notation=notation).code == code


def test_every_meridian_has_a_french_and_a_german_prefix() -> None:
    for name, table in NATIONAL_PREFIXES.items():
        assert set(table.values()) == set(MERIDIAN_CODES), name


def test_the_collision_is_explicit() -> None:
    assert acupoints.resolve("P6").code == "PC6"
    assert acupoints.resolve("P6", notation="en").code == "PC6"
    assert acupoints.resolve("P6", notation="fr").code == "LU6"
    assert acupoints.resolve("P7", notation="fr").code == "LU7"
    assert acupoints.resolve("C7", notation="fr").code == "HT7"
    # a code with no French reading falls back to the WHO code
    assert acupoints.resolve("LI4", notation="fr").code == "LI4"
    assert national_codes("P6") == []


def test_c7_needs_the_french_notation() -> None:
    with pytest.raises(UnknownPointError) as caught:
        acupoints.resolve("C7")
    assert caught.value.suggestions[0] == "HT7"
    assert "French" in str(caught.value) and "notation='fr'" in str(caught.value)
    with pytest.raises(UnknownPointError):
        acupoints.resolve("C7", notation="en")


def test_an_unknown_notation_is_an_error() -> None:
    with pytest.raises(UnknownNotationError) as caught:
        acupoints.resolve("P6", notation="xx")
    assert isinstance(caught.value, ValueError)
    assert caught.value.known == ("en", "fr", "de")


def test_a_national_code_past_the_end_is_unknown() -> None:
    with pytest.raises(UnknownPointError):
        acupoints.resolve("V68")  # BL has 67 points


def test_notation_table_is_the_resolver_data() -> None:
    rows = {r["code"]: r for r in notation_table()}
    assert rows["BL"]["french"] == "V" and rows["BL"]["german"] == "Bl"
    assert rows["SI"]["german"] == "Dü, Due"
    assert rows["TE"]["german"] == "3E"
    for row in rows.values():
        for prefix in row["french"].split(", "):
            assert acupoints.resolve(f"{prefix}1", notation="fr").meridian == row["code"]
        for prefix in row["german"].split(", "):
            assert acupoints.resolve(f"{prefix}1", notation="de").meridian == row["code"]


@pytest.mark.parametrize(
    ("query", "code"),
    [("hapgok", "LI4"), ("ごうこく", "LI4"), ("hop coc", "LI4"), ("합곡", "LI4"), ("Hợp cốc", "LI4"),
     ("gokoku", "LI4"), ("goukoku", "LI4"), ("Gōkoku", "LI4"), ("ゴウコク", "LI4"), ("족삼리", "ST36"),
     ("ashisanri", "ST36"), ("tuc tam ly", "ST36"), ("Thận du", "BL23"), ("신수", "BL23")],
)  # fmt: skip
def test_search_by_any_reading_finds_the_point_first(query: str, code: str) -> None:
    assert acupoints.search(query)[0].point.code == code
    assert acupoints.resolve(query).code == code


# -- the faces ---------------------------------------------------------------------


@pytest.fixture
def run() -> CliRunner:
    return CliRunner()


def test_cli_show_prints_readings(run: CliRunner) -> None:
    result = run.invoke(main, ["show", "LI4"])
    assert result.exit_code == 0
    for text in ("Korean: 합곡 (Hapgok)", "Japanese: ごうこく (Gōkoku)", "Vietnamese: Hợp cốc", "GI4 (fr)", "Di4 (de)"):
        assert text in result.output
    assert "TARA_0859695" in result.output


def test_cli_show_json_carries_readings_and_xrefs(run: CliRunner) -> None:
    data = json.loads(run.invoke(main, ["show", "LI4", "--json"]).output)
    assert set(data["readings"]) == {"ko", "ko-Latn", "ja", "ja-Latn", "vi"}
    assert data["xrefs"] == {"tara": "TARA_0859695", "surface": "ILX:0794954"}
    only = json.loads(run.invoke(main, ["show", "LI4", "--json", "--lang", "ko"]).output)
    assert only["readings"] == {"ko": "합곡", "ko-Latn": "Hapgok"}
    text = run.invoke(main, ["show", "LI4", "--lang", "ja"]).output
    assert "Japanese: ごうこく" in text and "Korean" not in text


@pytest.mark.parametrize(
    ("args", "code"),
    [(["V23"], "BL23"), (["E36", "--notation", "fr"], "ST36"), (["MP6"], "SP6"), (["KS6"], "PC6"),
     (["P6"], "PC6"), (["P6", "--notation", "fr"], "LU6"), (["TARA_0913913"], "LU1"), (["합곡"], "LI4")],
)  # fmt: skip
def test_cli_show_lands_on_the_right_point(run: CliRunner, args: list[str], code: str) -> None:
    result = run.invoke(main, ["show", *args, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["code"] == code


def test_cli_show_c7_explains(run: CliRunner) -> None:
    result = run.invoke(main, ["show", "C7"])
    assert result.exit_code == 1
    assert "HT7" in result.output and "French" in result.output


@pytest.mark.parametrize("query", ["hapgok", "ごうこく", "hop coc"])
def test_cli_search_by_reading(run: CliRunner, query: str) -> None:
    result = run.invoke(main, ["search", query, "--json"])
    assert json.loads(result.output)[0]["code"] == "LI4"


def test_cli_meridian_prints_its_names(run: CliRunner) -> None:
    result = run.invoke(main, ["meridian", "LU"])
    assert "Korean: 수태음폐경" in result.output and "Vietnamese: Thủ thái âm phế kinh" in result.output


def test_http_api_notation_and_readings() -> None:
    from fastapi.testclient import TestClient

    from acupoints.server import create_app

    client = TestClient(create_app())
    assert client.get("/points/P6").json()["code"] == "PC6"
    assert client.get("/points/P6", params={"notation": "fr"}).json()["code"] == "LU6"
    assert client.get("/points/P6", params={"notation": "xx"}).status_code == 422
    li4 = client.get("/points/합곡").json()
    assert li4["code"] == "LI4" and li4["readings"]["ja-Latn"] == "Gōkoku"
    assert li4["xrefs"]["tara"] == "TARA_0859695"
    assert client.get("/points/TARA_0913913").json()["code"] == "LU1"
    assert client.get("/search", params={"q": "hop coc"}).json()[0]["code"] == "LI4"
    assert client.get("/meridians/LU").json()["readings"]["ko"] == "수태음폐경"


def test_static_api_carries_readings_and_xrefs() -> None:
    from acupoints.export import static_api

    files = static_api(acupoints.load())
    li4 = json.loads(files["points/LI4.json"])
    assert li4["readings"]["vi"] == "Hợp cốc" and li4["xrefs"]["surface"] == "ILX:0794954"
    assert json.loads(files["meridians.json"])[0]["readings"]["ja"] == "てのたいいんはいけい"
