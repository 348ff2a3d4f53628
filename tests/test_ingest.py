"""Readers: formats, identity, and bad input becoming failures (no NLP needed)."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import expand_inputs, read_bytes, read_inputs
from newsgraph.ingest.dates import parse_published
from newsgraph.ingest.identity import article_id, normalize_url
from newsgraph.ingest.text import read_text, split_front_matter
from newsgraph.records import Article, Failure

MIXED = Path(__file__).parent / "fixtures" / "ingest" / "mixed"


def _split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Failure)]


def test_front_matter_fields_are_read():
    art = read_text(
        "---\ntitle: A title\npublished: 2025-04-08\nsource: wire\nurl: https://x.invalid/a\n---\nBody text here.",
        input_name="x.md",
    )
    assert (art.title, art.published, art.published_precision) == ("A title", "2025-04-08", "day")
    assert art.source == "wire" and art.url == "https://x.invalid/a"
    assert art.text == "Body text here."


def test_markdown_heading_becomes_title_when_none_given():
    art = read_text("# Ceasefire holds\n\nThe ceasefire held overnight.", input_name="x.md")
    assert art.title == "Ceasefire holds"
    assert art.text == "The ceasefire held overnight."


def test_bad_front_matter_is_an_input_error():
    with pytest.raises(InputError) as info:
        split_front_matter("---\ntitle: [unclosed\n---\nbody")
    assert info.value.kind == "bad-front-matter"


def test_default_published_applies_only_without_a_date():
    dated = read_text("---\npublished: 2024-05-01\n---\nText.", input_name="a", published="2025-01-01")
    undated = read_text("Text.", input_name="b", published="2025-01-01")
    assert dated.published == "2024-05-01"
    assert undated.published == "2025-01-01"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-04-08", ("2025-04-08", "day")),
        ("2025-04-08T09:30:00Z", ("2025-04-08", "day")),
        ("2025-04-08 09:15:00", ("2025-04-08", "day")),
        ("2025-04", ("2025-04", "month")),
        ("2025", ("2025", "year")),
        ("April 8, 2025", ("2025-04-08", "day")),
        ("not a date", (None, None)),
        (None, (None, None)),
    ],
)
def test_parse_published(value, expected):
    assert parse_published(value) == expected


def test_jsonl_accepts_news_please_names_and_reports_bad_lines():
    lines = "\n".join(
        [
            json.dumps({"id": "a1", "text": "One report.", "published": "2025-01-02"}),
            "{broken",
            json.dumps({"maintext": "Two report.", "date_publish": "2025-01-03 08:00:00", "source_domain": "s.invalid"}),
            json.dumps(["not", "an", "object"]),
            json.dumps({"title": "no text"}),
        ]
    ).encode()
    arts, fails = _split(read_bytes(lines, name="f.jsonl"))
    assert [a.id for a in arts][0] == "a1"
    assert arts[1].published == "2025-01-03" and arts[1].source == "s.invalid"
    assert [(f.input, f.kind) for f in fails] == [
        ("f.jsonl:2", "not-json"),
        ("f.jsonl:4", "not-json-object"),
        ("f.jsonl:5", "no-text"),
    ]


def test_identity_prefers_explicit_id_then_url_then_text():
    assert article_id(text="x", url="https://a.invalid/1", explicit="mine") == "mine"
    assert article_id(text="x", url="https://www.a.invalid/1/?utm_source=feed") == article_id(
        text="y", url="http://a.invalid/1"
    )
    assert article_id(text="Same  text\n") == article_id(text="Same text")
    assert article_id(text="Same text") != article_id(text="Other text")
    assert normalize_url("https://www.A.invalid/p/?b=2&a=1#frag") == "a.invalid/p?a=1&b=2"


def test_html_page_gives_body_title_date_and_url():
    data = (MIXED / "nested" / "good-page.html").read_bytes()
    (art,) = read_bytes(data, name="p.html")
    assert isinstance(art, Article)
    assert art.title == "Talks on prisoner exchange resume in Istanbul"
    assert art.published == "2025-05-16"
    assert art.url == "https://fixtures.newsgraph.invalid/2025/05/istanbul-talks"
    assert "exchange a thousand prisoners" in art.text
    assert "Home" not in art.text


def test_gzip_and_stdin_and_glob(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"The council met on Monday to discuss the budget."))
    arts, fails = _split(read_inputs([str(tmp_path / "*.gz")]))
    assert len(arts) == 1 and not fails
    arts, fails = _split(read_inputs(["-"], stdin=io.BytesIO(b"Police arrested two men in Lagos on Sunday.")))
    assert arts[0].input == "<stdin>"
    _arts, fails = _split(read_inputs([str(tmp_path / "nothing-*.txt"), str(tmp_path / "missing.txt")]))
    assert [f.kind for f in fails] == ["no-match", "not-found"]


def test_hidden_files_in_folders_are_not_inputs(tmp_path):
    (tmp_path / ".hidden.txt").write_text("Secret notes of the editor on Monday.")
    (tmp_path / "visible.txt").write_text("Visible report.")
    assert [name for name, _ in expand_inputs([str(tmp_path)])] == [str(tmp_path / "visible.txt")]


def test_mixed_folder_each_bad_input_has_a_reason():
    arts, fails = _split(read_inputs([str(MIXED)]))
    assert sorted(a.title for a in arts) == [
        "Farmers block motorway near Brussels",
        "Port authority reopens grain terminal after storm damage",
        "Talks on prisoner exchange resume in Istanbul",
        "Vaccines arrive in Nairobi",
    ]
    kinds = {Path(f.input.split(":")[0]).name + (":" + f.input.rsplit(":", 1)[1] if f.input.endswith(("2", "3")) else ""): f.kind for f in fails}
    assert kinds == {
        "blank.md": "empty-file",
        "empty.txt": "empty-file",
        "good-lines.jsonl:2": "not-json",
        "good-lines.jsonl:3": "no-text",
        "image.bin": "binary",
        "menu-only.html": "html-no-body",
        "french.txt": "unsupported-language",
        "noise.txt": "undecodable",
    }
    french = next(f for f in fails if f.kind == "unsupported-language")
    assert "'fr'" in french.message


def test_latin1_text_is_decoded():
    data = "The minister met Mr Müller in Zürich on Tuesday to talk about the crisis.".encode("latin-1")
    (art,) = read_bytes(data, name="l.txt")
    assert isinstance(art, Article) and "Müller" in art.text
