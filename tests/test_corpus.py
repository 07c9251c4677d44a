"""The loader on articles written for the tests in other outlets' styles (Levantine and
Algerian months, Arabic-Indic digits, BOM and CRLF, agency datelines, share widgets,
"read also" lists, foreign names, other sessions and cities)."""

import datetime as dt
from pathlib import Path

import pytest
import yaml

from interpol_site.pipeline import extract_corpus

HERE = Path(__file__).resolve().parent / "corpus"
EXPECTED = yaml.safe_load((HERE / "expected.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def records():
    corpus, problems = extract_corpus(HERE)
    assert not problems
    return {a.file: a for a in corpus.articles}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_article(records, name):
    want, a = EXPECTED[name], records[name]
    if "session" in want:
        assert (a.session.number if a.session else None) == want["session"]
    if "venue" in want:
        assert (a.venue.en if a.venue else None) == want["venue"]
    for key in ("date", "published"):
        if key in want:
            assert getattr(a, key) == (want[key] if isinstance(want[key], dt.date) else None), key
    for key in ("author", "source", "title"):
        if key in want:
            assert getattr(a, key) == want[key], key
    assert sorted(p.name for p in a.people) == sorted(want["people"])
    assert sorted(c.code for c in a.countries) == sorted("NO" if c is False else c for c in want["countries"])
