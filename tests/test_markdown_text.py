"""markdown_text: Markdown from untrusted sources renders safely, split into blocks."""

from __future__ import annotations

from interpol_site.markdown_text import blocks, plain, title_of, to_html


def test_raw_html_is_shown_as_text():
    out = to_html("نص <script>alert(1)</script> و<b>غامق</b> {{ 7*7 }}")
    assert "<script" not in out and "&lt;script&gt;" in out and "<b>" not in out
    assert "{{ 7*7 }}" in out  # template syntax is just text here; Jinja2 never evaluates it


def test_unsafe_links_lose_their_target_and_images_become_text():
    out = to_html("[أ](javascript:alert(1)) [ب](https://example.org/x) [ج](../x.html) ![صورة](http://evil.example/a.png)")
    assert "javascript:" not in out
    assert '<a href="https://example.org/x" rel="nofollow noopener">ب</a>' in out
    assert '<a href="../x.html">ج</a>' in out
    assert "<img" not in out and "evil.example" not in out and "صورة" in out


def test_blocks_are_the_top_level_elements():
    html = to_html("# عنوان\n\nفقرة **أولى**.\n\n- أ\n- ب\n\nفقرة ثانية<br>\n\n---\n\nأخيرة")
    parts = blocks(html)
    assert [p.split(">")[0] for p in parts] == ["<h1", "<p", "<ul", "<p", "<hr", "<p"]
    assert "".join(parts).replace("\n", "") == html.replace("\n", "")
    title, rest = title_of(parts)
    assert title == "عنوان" and len(rest) == 5
    assert plain(rest[0]) == "فقرة أولى."
    assert title_of(parts[1:])[0] is None
