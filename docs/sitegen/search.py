"""Search terms of the site's pages, from the library's own resolver data.

The site's search (lunr, in the browser) matches words, so a point page
carries, as hidden tags, every way the resolver accepts of writing the point:
its code in each notation, compact and split into prefix and number (``LI4``,
``LI 4``, ``Co4``; ``li-4`` and ``ST-36`` are split the same way by the
search), its pinyin with and without tones, its hanzi in both scripts, its
English name and its aliases with their readings. A term is kept only if
``atlas.resolve`` gives this point back for it (alone, or among the points an
ambiguous name fits), so the tags never send a reader to the wrong page.
"""

from __future__ import annotations

import json

from acupoints import AcupointsError, AmbiguousPointError, Atlas, Point
from acupoints.codes import PREFIX_ALIASES
from acupoints.names import toneless_forms

from .readings import national_notations, reading_keywords

__all__ = ["NORMALISER", "code_table", "notations", "point_terms", "search_normaliser"]

# how the other prefixes are usually written (PREFIX_ALIASES holds them upper-cased)
_SHOWN = {"DU": "Du", "REN": "Ren", "RN": "Rn", "CO": "Co", "LIV": "Liv", "HE": "He"}


def _resolves(atlas: Atlas, text: str, point: Point) -> bool:
    """Whether the resolver names this point for ``text`` (alone or among several)."""
    try:
        return atlas.resolve(text).code == point.code
    except AmbiguousPointError as error:
        return point.code in error.matches
    except AcupointsError:
        return False


def notations(point: Point) -> list[str]:
    """The point's code in every notation the resolver knows: ``['BL23', 'UB23', 'B23']``."""
    if point.meridian is None or point.number is None:
        return [point.code]
    prefixes = [point.meridian] + [p for p, c in PREFIX_ALIASES.items() if c == point.meridian]
    return [f"{_SHOWN.get(p, p)}{point.number}" for p in prefixes]


def point_terms(atlas: Atlas, point: Point) -> list[str]:
    """Hidden search tags of a point page, each checked against the resolver."""
    # The WHO code also split ("LI 4"): the search makes "LI 4", "li-4" and "ST-36" two words each.
    # Other prefixes only compact ("Liv4"), or "li*" would find "Liv 4" as readily as "LI 4".
    candidates = [point.code]
    if point.number is not None:
        candidates.append(f"{point.group} {point.number}")
    candidates += notations(point)
    if point.group.startswith("EX-"):
        candidates.append(point.code.replace("-", ""))
    candidates += [point.pinyin, *toneless_forms(point.pinyin), point.hanzi, point.hanzi_traditional]
    candidates.append(point.english)
    for alias in point.aliases:
        candidates.append(alias.text)
        if alias.kind != "notation":
            candidates += toneless_forms(alias.text)
        if alias.pinyin:
            candidates += [alias.pinyin, *toneless_forms(alias.pinyin)]
    if point.meridian is not None and point.number is not None:
        candidates += [code.split(" ")[0] for code in national_notations(point.meridian, point.number)]
    candidates += reading_keywords(point)
    terms = [term for term in dict.fromkeys(candidates) if term and _resolves(atlas, term, point)]
    return list(dict.fromkeys([*terms, *(tail for term in terms for tail in _han_tails(term))]))


def _han_tails(term: str) -> list[str]:
    """The tails of a name in hanzi: 足三里 -> 三里, 里.

    The search cuts a Chinese query into pieces, each the start of what follows it
    (足三里 becomes 足 and 三); with every tail as a tag, each piece finds the point."""
    if not term or not all("\u3400" <= ch <= "\u9fff" for ch in term):
        return []
    return [term[i:] for i in range(1, len(term))]


NORMALISER = "assets/search-normalise.js"
"""Where the query normaliser is written; the search worker loads it (see hooks.py)."""


def code_table(atlas: Atlas) -> dict[str, str]:
    """Every point's notations, upper-cased without separators, to its code as tagged
    (``{"UB23": "BL23", "LIV3": "LR3", "EXB2": "EXB2"}``), each checked with the resolver."""
    table: dict[str, str] = {}
    for point in atlas.points():
        tagged = point.code.replace("-", "")
        national = []
        if point.meridian is not None and point.number is not None:
            national = [code.split(" ")[0] for code in national_notations(point.meridian, point.number)]
        for notation in [point.code, tagged, *notations(point), *national]:
            if _resolves(atlas, notation, point):
                table[notation.upper().replace("-", "")] = tagged
    return table


def search_normaliser(atlas: Atlas) -> str:
    """The script the search worker runs before Material's own: a query that is a point code
    in any notation or spacing (``LI 4``, ``li-4``, ``ST-36``, ``UB 23``, ``Du20``, ``LI04``)
    becomes that point's code, required and exact (``+LI4``: so LI1 does not find LI10).
    Chinese queries get a trailing ``〇``: Material cuts a Chinese query into words from its
    index but never lets a word end on the last character, so 足三里 would search for 足 alone."""
    codes = json.dumps(code_table(atlas), separators=(",", ":"), sort_keys=True)
    return f"""// Written by docs/gen_pages.py from the acupoints library: do not edit.
(function () {{
  var CODES = {codes};
  function normalise(query) {{
    var key = query.toUpperCase().replace(/[\\s._\\-]+/g, "").replace(/^([A-Z]+)0+(?=[1-9])/, "$1");
    if (Object.prototype.hasOwnProperty.call(CODES, key)) return "+" + CODES[key];
    return query.replace(/(\\p{{sc=Han}}+)/gu, "$1\\u3007");
  }}
  var add = self.addEventListener;
  self.addEventListener = function (type, listener, options) {{
    if (type !== "message") return add.call(self, type, listener, options);
    return add.call(self, type, function (event) {{
      var data = event.data;
      if (data && data.type === 2 && typeof data.data === "string")
        return listener({{ data: {{ type: 2, data: normalise(data.data) }} }});
      return listener(event);
    }}, options);
  }};
}})();
"""
