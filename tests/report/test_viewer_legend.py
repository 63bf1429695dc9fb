"""The report viewer's legend names the colour of each mark ("the finding's cell is outlined
in red, its row in yellow, related cells in blue; a narrative finding's sentence in red"):
the page's own style sheet must draw each mark in that colour, on a PDF page (the .mark
boxes over the page image) and in a Word draft's table or paragraph (no page image). A
paragraph of a Word draft marked with a bare <mark> was yellow (the browser's default)
while the legend said red.

Read from the HTML the tool writes: the legend's words, the <style> element, the marked
elements; the colours are classified by hue."""

from __future__ import annotations

import colorsys
import html as htmlmod
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from lkip_audit.cli import main

ROOT = Path(__file__).resolve().parents[2]
DRAFT = ROOT / "samples" / "wild" / "konvensi-lain.docx"

# the legend's subjects and colour words, per language
SUBJECTS = {"en": [("related", "related"), ("sentence", "sentence"), ("row", "row"), ("cell", "cell")],
            "id": [("terkait", "related"), ("kalimat", "sentence"), ("baris", "row"), ("sel", "cell")]}
COLOURS = {"en": {"red": "red", "yellow": "yellow", "blue": "blue"},
           "id": {"merah": "red", "kuning": "yellow", "biru": "blue"}}
# the elements that show each mark: on a page image, and in a Word draft's snippet
SELECTORS = {"cell": [".mark.cell", "table.docx td.cell"],
             "row": [".mark.row", "table.docx tr.hit td"],
             "related": [".mark.related", "table.docx td.rel"],
             "sentence": [".mark.sentence", "table.docx mark"]}
UA_DEFAULT = {"table.docx mark": ["#ffff00"]}  # a browser paints <mark> yellow unless styled


@pytest.fixture(scope="module", params=["id", "en"])
def viewer(request, tmp_path_factory):
    lang = request.param
    out = tmp_path_factory.mktemp(f"viewer-{lang}") / "draft.html"
    r = CliRunner().invoke(main, ["check", str(DRAFT), "--lang", lang, "--no-cache", "--no-progress",
                                  "--format", "html", "-o", str(out)])
    assert r.exit_code in (0, 1), r.output
    return lang, out.read_text(encoding="utf-8")


def _legend(lang: str, page: str) -> dict[str, str]:
    m = re.search(r'<p class="legend[^"]*">(.*?)<button', page, re.S)
    assert m, "no legend"
    text = htmlmod.unescape(re.sub(r"<[^>]+>", " ", m.group(1))).casefold()
    out = {}
    for clause in re.split(r"[,;]", text):
        subject = next((s for w, s in SUBJECTS[lang] if re.search(rf"\b{w}", clause)), None)
        colour = next((c for w, c in COLOURS[lang].items() if re.search(rf"\b{w}\b", clause)), None)
        if subject and colour:
            out[subject] = colour
    return out


def _rules(page: str) -> dict[str, str]:
    css = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    css = re.sub(r"@media[^{]*\{", "", css)  # nested blocks: their rules stand on their own
    rules: dict[str, str] = {}
    for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        for s in sel.split(","):
            rules[" ".join(s.split())] = rules.get(" ".join(s.split()), "") + ";" + body
    return rules


def _colours(decls: str, root: str) -> list[str]:
    vars_ = dict(re.findall(r"(--[\w-]+):\s*([^;]+)", root))
    decls = re.sub(r"var\((--[\w-]+)\)", lambda m: vars_.get(m.group(1), m.group(0)), decls)
    out = []
    for prop, value in re.findall(r"(background(?:-color)?|outline(?:-color)?|border(?:-color)?|box-shadow)\s*:\s*([^;]+)",
                                  decls):
        out += re.findall(r"#[0-9a-fA-F]{3,6}\b|rgba?\([^)]*\)", value)
    return out


def _hue(colour: str) -> str:
    if colour.startswith("#"):
        h = colour[1:]
        h = "".join(c * 2 for c in h) if len(h) == 3 else h
        r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    else:
        r, g, b = (float(x) for x in colour[colour.index("(") + 1:-1].split(",")[:3])
    hue, _l, sat = colorsys.rgb_to_hls(r / 255, g / 255, b / 255)
    deg = hue * 360
    assert sat > 0.3, f"{colour}: grey, no colour"
    if deg < 20 or deg > 340:
        return "red"
    if 40 <= deg <= 65:
        return "yellow"
    if 195 <= deg <= 250:
        return "blue"
    return f"other ({deg:.0f} deg)"


def test_the_legend_names_a_colour_for_every_mark(viewer):
    lang, page = viewer
    assert _legend(lang, page) == {"cell": "red", "row": "yellow", "related": "blue", "sentence": "red"}


def test_every_mark_is_drawn_in_the_colour_the_legend_names(viewer):
    lang, page = viewer
    legend = _legend(lang, page)
    rules = _rules(page)
    root = rules.get(":root", "")
    for mark, selectors in SELECTORS.items():
        for sel in selectors:
            colours = _colours(rules[sel], root) if sel in rules else UA_DEFAULT.get(sel, [])
            assert colours, f"{sel}: no colour"
            assert {_hue(c) for c in colours} == {legend[mark]}, (sel, colours, legend[mark])


def test_the_word_draft_marks_a_paragraph_and_a_cell(viewer):
    """The Word draft's snippets use the styled elements: a sentence finding's paragraph
    holds a <mark> inside table.docx, a table finding a td.cell in a tr.hit row."""
    _lang, page = viewer
    assert re.search(r'<table class="docx"><tr><td>[^<]*<mark>[^<]+</mark>', page)
    assert re.search(r'<tr class="hit">(?:(?!</tr>).)*<td class="cell">', page, re.S)
