"""opendata: the files beside the site validate against their published JSON Schemas and
agree with the records they come from."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest

from interpol_site.opendata import FILES, open_data, schema_path
from interpol_site.records import to_json
from tests import fixtures


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return dict(open_data(fixtures.corpus(), "أرشيف"))


def validate(files: dict[str, bytes], path: str, data: object) -> None:
    schema = json.loads(files[schema_path(path)])
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)


@pytest.mark.parametrize("path", [p for p in FILES if p.endswith(".json")])
def test_json_files_match_their_schema(files, path):
    validate(files, path, json.loads(files[path]))


def test_csv_rows_match_their_schema(files):
    rows = list(csv.DictReader(io.StringIO(files["data/articles.csv"].decode("utf-8"))))
    assert len(rows) == len(fixtures.corpus().articles)
    for row in rows:
        validate(files, "data/articles.csv", row)


def test_schemas_reject_what_they_should(files):
    records = json.loads(files["data/records.json"])
    broken = [dict(records[0], countries=[{"code": "Norway", "ar": "", "ar_canonical": "", "en": ""}])]
    with pytest.raises(jsonschema.ValidationError):
        validate(files, "data/records.json", broken)
    with pytest.raises(jsonschema.ValidationError):
        validate(files, "data/articles.csv", {"id": "x"})


def test_records_are_the_extract_contract(files):
    corpus = fixtures.corpus()
    want = [to_json(a) for a in sorted(corpus.articles, key=lambda a: a.file)]
    assert json.loads(files["data/records.json"]) == json.loads(json.dumps(want, ensure_ascii=False))


def test_entities_list_the_articles_naming_them(files):
    corpus = fixtures.corpus()
    entities = json.loads(files["data/entities.json"])
    for country in entities["countries"]:
        naming = sorted(a.id for a in corpus.articles if any(c.code == country["code"] for c in a.countries))
        assert sorted(country["articles"]) == naming
    numbers = {s["number"] for s in entities["sessions"]}
    assert numbers >= {a.session.number for a in corpus.articles if a.session}


def test_timeline_has_dated_articles_and_session_eras(files):
    corpus = fixtures.corpus()
    doc = json.loads(files["data/timeline.json"])
    assert {e["unique_id"] for e in doc["events"]} == {a.id for a in corpus.articles if a.date}
    assert len(doc["eras"]) == sum(1 for s in corpus.sessions if s.dates)


def test_open_data_is_deterministic():
    assert open_data(fixtures.corpus(), "x") == open_data(fixtures.corpus(), "x")
