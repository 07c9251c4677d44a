"""Markdown (articles ``*.md`` and ``pages/*.md``) → safe HTML blocks and their plain text.

Markdown is rendered with Python-Markdown, made safe for text we did not write:
raw HTML in the source is shown as text (``<`` is escaped before conversion), links
keep only http(s), mailto, relative and ``#`` targets, and images become their alt
text (an image would be a request leaving the site). The HTML is split into its
top-level blocks, so paragraph ``i`` of an article is block ``i`` of the page, and the
plain text of each block is what the extractor reads.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from xml.etree import ElementTree as ET

import markdown
from markdown.treeprocessors import Treeprocessor

_SAFE_URL = re.compile(r"^(https?:|mailto:|#|[^:/?#]+(?:[/?#]|$)|/(?!/)|\.{1,2}/)", re.I)
_VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})


class _Sanitise(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "img":
                    index = list(parent).index(child)
                    alt = child.get("alt", "")
                    parent.remove(child)
                    if index == 0:
                        parent.text = (parent.text or "") + alt + (child.tail or "")
                    else:
                        prev = parent[index - 1]
                        prev.tail = (prev.tail or "") + alt + (child.tail or "")
                elif child.tag == "a":
                    href = child.get("href", "")
                    if not _SAFE_URL.match(href.strip()):
                        child.attrib.pop("href", None)
                    if href.startswith(("http:", "https:")):
                        child.set("rel", "nofollow noopener")


class _Extension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_Sanitise(md), "interpol-sanitise", 0)


def to_html(text: str) -> str:
    """Safe HTML of a Markdown text."""
    md = markdown.Markdown(extensions=[_Extension()], output_format="html")
    return md.convert(text.replace("<", "&lt;"))


class _Splitter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.blocks: list[tuple[tuple[int, int], tuple[int, int]]] = []
        self._start: tuple[int, int] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self.depth == 0:
            self._start = self.getpos()
        if tag not in _VOID:
            self.depth += 1
        elif self.depth == 0:
            self.blocks.append((self.getpos(), self.getpos()))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        self.depth = max(0, self.depth - 1)
        if self.depth == 0 and self._start is not None:
            self.blocks.append((self._start, self.getpos()))
            self._start = None


def blocks(html_text: str) -> list[str]:
    """The top-level HTML elements of ``html_text``, each as a string."""
    lines = html_text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def at(pos: tuple[int, int]) -> int:
        return offsets[pos[0] - 1] + pos[1]

    parser = _Splitter()
    parser.feed(html_text)
    parser.close()
    out = []
    for start, end in parser.blocks:
        begin = at(start)
        close = html_text.find(">", at(end)) + 1
        out.append(html_text[begin:close].strip())
    return [b for b in out if b]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain(block: str) -> str:
    """The text of an HTML block, whitespace collapsed."""
    parser = _Text()
    parser.feed(block)
    parser.close()
    return " ".join("".join(parser.parts).split())


def title_of(html_blocks: list[str]) -> tuple[str | None, list[str]]:
    """A leading ``<h1>`` as the title, and the remaining blocks."""
    if html_blocks and html_blocks[0].startswith("<h1"):
        return plain(html_blocks[0]), html_blocks[1:]
    return None, html_blocks

