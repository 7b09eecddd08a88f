"""Inline SVG pictures for the site's pages: a speaker's quotes per month, who is quoted alongside
whom, the most quoted speakers of the last months.

Site layer, no Pelican import: fed from the registry (``registry.Identity`` / ``QuoteRef`` and the
articles' ``newsgraph_speakers``), returns ``Markup`` for templates. Every picture is a
``<figure class="newsgraph-chart newsgraph-chart-<kind>">`` holding an ``<svg>`` with ``<title>``
and ``<desc>`` and a ``<details>`` table with the same data (and links) for screen readers and
anyone who prefers text. No script, no external resource; colours come from CSS classes
(``ng-quoted``, ``ng-reported``, ``ng-bar``, ``ng-node``, ``ng-edge``, ``ng-axis``, ``ng-label``),
with ``currentColor`` presentation attributes as a fallback for themes without those rules.
Output is deterministic: fixed ordering, a seeded layout, coordinates rounded to 0.1.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from markupsafe import Markup, escape

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WIDTH = 400                     # viewBox width: scaled to the column; text stays readable on a phone
FONT = 12
Month = tuple[int, int]         # (year, month)


@dataclass(frozen=True)
class Node:
    """One linked item of a picture: a speaker with a count (quotes or shared articles)."""

    key: str
    name: str
    url: str | None
    count: int


# --------------------------------------------------------------------------- data from the registry


def month_of(d: Any) -> Month | None:
    return (d.year, d.month) if d is not None and hasattr(d, "year") else None


def month_range(first: Month, last: Month) -> list[Month]:
    """Every month from ``first`` to ``last`` inclusive."""
    out, (y, m) = [], first
    while (y, m) <= last:
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def month_label(m: Month) -> str:
    return f"{MONTHS[m[1] - 1]} {m[0]}"


def site_months(articles: Iterable[Any]) -> tuple[Month, Month] | None:
    """First and last month of the site's dated articles."""
    months = [m for m in (month_of(getattr(a, "date", None)) for a in articles) if m]
    return (min(months), max(months)) if months else None


def quotes_per_month(quotes: Iterable[Any]) -> dict[Month, tuple[int, int]]:
    """``{month: (quoted, reported)}``: direct and partial quotes apart from reported speech."""
    quoted: Counter = Counter()
    reported: Counter = Counter()
    for ref in quotes:
        m = month_of(ref.date)
        if m is None:
            continue
        (reported if ref.kind == "indirect" else quoted)[m] += 1
    return {m: (quoted[m], reported[m]) for m in sorted(set(quoted) | set(reported))}


def _node(ident: Any, count: int) -> Node:
    return Node(ident.key, ident.name, ident.url, count)


def _ranked(count: Counter, who: dict[str, Any], limit: int) -> list[Node]:
    keys = sorted(count, key=lambda k: (-count[k], who[k].sort_key))[:limit]
    return [_node(who[k], count[k]) for k in keys]


def co_quoted(articles: Iterable[Any], limit: int, center: Any = None,
              types: Sequence[str] = ("Person", "Organization")) -> tuple[list[Node], dict[tuple[str, str], int]]:
    """The people and organisations quoted most often in ``articles`` (or, with ``center``, in the
    same articles as ``center``, who comes first, whatever its type) and how many articles each
    pair shares.

    Returns ``(nodes, edges)``: nodes most frequent first, edges ``{(key_a, key_b): articles}``
    with ``key_a < key_b``, only between the nodes returned.
    """
    arts = list({id(a): a for a in articles}.values())
    count: Counter = Counter()
    who: dict[str, Any] = {}
    groups: list[list[str]] = []
    for art in arts:
        keys = []
        for ident in getattr(art, "newsgraph_speakers", None) or []:
            wanted = ident.type in types or center is not None and ident.key == center.key
            if ident.is_speaker and wanted and ident.key not in keys:
                keys.append(ident.key)
                who[ident.key] = ident
        if center is not None and center.key not in keys:
            continue
        groups.append(keys)
        count.update(k for k in keys if center is None or k != center.key)
    nodes = _ranked(count, who, limit)
    if center is not None:
        nodes.insert(0, _node(center, len(groups)))
    chosen = {n.key for n in nodes}
    edges: Counter = Counter()
    for keys in groups:
        inside = sorted(k for k in keys if k in chosen)
        for i, a in enumerate(inside):
            for b in inside[i + 1:]:
                edges[(a, b)] += 1
    return nodes, dict(sorted(edges.items()))


def most_quoted(speakers: Iterable[Any], last: Month, months: int, limit: int) -> tuple[list[Node], Month]:
    """The ``limit`` speakers with most quotes in the ``months`` months ending with ``last``;
    returns them and the first month of that period."""
    y, m = last
    first = (y + (m - months) // 12, (m - months) % 12 + 1)
    count: Counter = Counter()
    who: dict[str, Any] = {}
    for ident in speakers:
        n = sum(1 for ref in ident.quotes if (mo := month_of(ref.date)) is not None and first <= mo <= last)
        if n:
            count[ident.key], who[ident.key] = n, ident
    return _ranked(count, who, limit), first


# --------------------------------------------------------------------------- SVG


def _n(x: float) -> str:
    """A coordinate rounded to 0.1 without trailing zeros (stable text across platforms)."""
    s = f"{round(x, 1):.1f}"
    return s[:-2] if s.endswith(".0") else s


def _href(siteurl: str, url: str | None) -> str | None:
    if url is None:
        return None
    return f"{siteurl}/{url}" if siteurl or not url.startswith("/") else url


def _linked(inner: str, siteurl: str, url: str | None) -> str:
    """A node or row of a picture: a link to its page when it has one, else a plain group."""
    href = _href(siteurl, url)
    return f'<a href="{escape(href)}">{inner}</a>' if href else f"<g>{inner}</g>"


def _short(name: str, n: int) -> str:
    return name if len(name) <= n else name[: n - 1].rstrip() + "…"


def _figure(kind: str, uid: str, title: str, desc: str, height: float, body: list[str],
            caption: str, table: str) -> Markup:
    """The figure around one picture: svg (title, desc), visible caption, data table."""
    tid, did = f"ng-{kind}-{uid}-t", f"ng-{kind}-{uid}-d"
    role = "group" if "<a " in "".join(body) else "img"   # a picture with links is navigable, not one image
    svg = (f'<svg class="newsgraph-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {_n(height)}" '
           f'width="100%" preserveAspectRatio="xMinYMin meet" role="{role}" aria-labelledby="{tid}" '
           f'aria-describedby="{did}" '
           f'font-size="{FONT}" font-family="inherit">'
           f'<title id="{tid}">{escape(title)}</title><desc id="{did}">{escape(desc)}</desc>'
           + "".join(body) + "</svg>")
    return Markup(f'<figure class="newsgraph-chart newsgraph-chart-{kind}">{svg}'
                  f'<figcaption>{escape(caption)}</figcaption>'
                  f'<details class="newsgraph-chart-data"><summary>The data as a table</summary>{table}</details>'
                  "</figure>")


def _link_cell(node: Node, siteurl: str) -> str:
    href = _href(siteurl, node.url)
    return f'<a href="{escape(href)}">{escape(node.name)}</a>' if href else str(escape(node.name))


def timeline_svg(name: str, per_month: dict[Month, tuple[int, int]], span: tuple[Month, Month],
                 uid: str = "speaker") -> Markup:
    """Stacked bars of quotes per month (quoted below, reported above) over the site's months."""
    months = month_range(min(span[0], *per_month), max(span[1], *per_month)) if per_month else \
        month_range(*span)
    top = max((q + r for q, r in per_month.values()), default=0) or 1
    left, right, y0, plot_h = 28, 6, 26, 110
    bottom = y0 + plot_h
    slot = (WIDTH - left - right) / len(months)
    bar = max(slot * 0.8, 1)
    scale = plot_h / top
    body = [f'<g class="ng-legend"><rect class="ng-quoted" x="{left}" y="6" width="10" height="10" fill="currentColor"/>'
            f'<text class="ng-label" x="{left + 14}" y="15" fill="currentColor">quoted</text>'
            f'<rect class="ng-reported" x="{left + 70}" y="6" width="10" height="10" fill="currentColor" fill-opacity=".4"/>'
            f'<text class="ng-label" x="{left + 84}" y="15" fill="currentColor">reported</text></g>',
            f'<g class="ng-axis" fill="currentColor" stroke="currentColor">'
            f'<line x1="{left}" y1="{bottom}" x2="{WIDTH - right}" y2="{bottom}" stroke-width="1"/>'
            f'<line x1="{left}" y1="{y0}" x2="{WIDTH - right}" y2="{y0}" stroke-width=".5" stroke-dasharray="2 3"/>'
            f'<text class="ng-label" x="{left - 4}" y="{y0 + 4}" text-anchor="end" stroke="none">{top}</text>'
            f'<text class="ng-label" x="{left - 4}" y="{bottom + 4}" text-anchor="end" stroke="none">0</text>']
    for i, text, anchor in _month_ticks(months, slot):
        x = left + i * slot + (slot / 2 if anchor == "middle" and slot >= 60 else 0)
        tx = min(x, WIDTH - right - 14) if anchor == "middle" else x
        body.append(f'<line x1="{_n(x)}" y1="{bottom}" x2="{_n(x)}" y2="{bottom + 4}" stroke-width="1"/>'
                    f'<text class="ng-label" x="{_n(tx)}" y="{bottom + 16}" text-anchor="{anchor}" '
                    f'stroke="none">{escape(text)}</text>')
    body.append("</g><g class=\"ng-bars\">")
    for i, m in enumerate(months):
        q, r = per_month.get(m, (0, 0))
        if not q and not r:
            continue
        x = left + i * slot + (slot - bar) / 2
        parts = [f"<title>{escape(month_label(m))}: {q} quoted, {r} reported</title>"]
        if q:
            parts.append(f'<rect class="ng-quoted" x="{_n(x)}" y="{_n(bottom - q * scale)}" width="{_n(bar)}" '
                         f'height="{_n(q * scale)}" fill="currentColor"/>')
        if r:
            parts.append(f'<rect class="ng-reported" x="{_n(x)}" y="{_n(bottom - (q + r) * scale)}" '
                         f'width="{_n(bar)}" height="{_n(r * scale)}" fill="currentColor" fill-opacity=".4"/>')
        body.append("<g>" + "".join(parts) + "</g>")
    body.append("</g>")
    total_q = sum(q for q, _r in per_month.values())
    total_r = sum(r for _q, r in per_month.values())
    busiest = max(per_month, key=lambda k: (sum(per_month[k]), k)) if per_month else None
    desc = (f"Bar chart of {name}'s quotes per month from {month_label(months[0])} to {month_label(months[-1])}: "
            f"{total_q} quoted, {total_r} reported"
            + (f"; most in {month_label(busiest)} ({sum(per_month[busiest])})." if busiest else "."))
    rows = "".join(f"<tr><th scope=\"row\">{month_label(m)}</th><td>{q}</td><td>{r}</td></tr>"
                   for m, (q, r) in per_month.items())
    table = ('<table><thead><tr><th scope="col">Month</th><th scope="col">Quoted</th>'
             f'<th scope="col">Reported</th></tr></thead><tbody>{rows}</tbody></table>')
    return _figure("timeline", uid, f"Quotes by {name} per month", desc, bottom + 22, body,
                   f"Quotes per month, {month_label(months[0])} – {month_label(months[-1])}", table)


def _month_ticks(months: list[Month], slot: float) -> list[tuple[int, str, str]]:
    """Axis labels ``(index, text, anchor)``: every month when there is room, else each January
    (the year) and the first month ("Nov 2017") when it fits before the first January; a label
    that would touch the one before is left out (the caption names the first and last month)."""
    if slot >= 60:                              # room for every month's name, under its bar
        return [(i, month_label(m), "middle") for i, m in enumerate(months)]
    januaries, end = [], -1e9                  # end: x where the last label ends, roughly
    for i, m in enumerate(months):
        if m[1] == 1 and i * slot - 16 >= end:
            januaries.append((i, str(m[0]), "middle" if i else "start"))
            end = i * slot + (16 if i else 30)
    if months[0][1] != 1 and (not januaries or januaries[0][0] * slot - 16 >= 60):
        return [(0, month_label(months[0]), "start"), *januaries]
    return januaries


def layout(nodes: Sequence[Node], center: bool) -> dict[str, tuple[float, float]]:
    """Node positions in [-1, 1]²: networkx's shell layout, the speaker (``center``: the first node)
    in the middle and the others on a ring, most frequent first, clockwise from the top. A ring
    keeps every name readable (a force layout piled the well-connected ones in the middle) and is
    the same in every build; coordinates are rounded."""
    import networkx as nx  # imported only when a network is drawn (not on warm rebuilds)

    keys = [n.key for n in nodes]
    ring = keys[1:] if center else keys
    g = nx.Graph()
    g.add_nodes_from(keys)
    shells = [keys[:1], ring] if center else [ring]
    pos = {k: (float(p[0]), float(p[1])) for k, p in nx.shell_layout(g, nlist=shells, rotate=0).items()}
    if len(ring) == 1:                    # (a ring of one is drawn in the middle: put it on top)
        pos[ring[0]] = (1.0, 0.0)
    radius = max(math.hypot(*pos[k]) for k in ring) or 1.0
    # shell_layout starts at 3 o'clock counter-clockwise (y up); turn to 12 o'clock clockwise, y down
    return {k: (round(y / radius, 3) + 0.0, round(-x / radius, 3) + 0.0) for k, (x, y) in pos.items()}


def network_svg(title: str, nodes: Sequence[Node], edges: dict[tuple[str, str], int], siteurl: str,
                uid: str, what: str, center: bool = False) -> Markup:
    """Nodes (linked circles with names outside the ring) and lines weighted by shared articles.
    ``what`` heads the count column of the table ("Articles" …)."""
    pos = layout(nodes, center)
    height, rx, ry = 290, 80, 110
    cx, cy = WIDTH / 2, height / 2
    top = max(n.count for n in nodes) or 1
    xy = {k: (cx + x * rx, cy + y * ry) for k, (x, y) in pos.items()}
    strongest = max(edges.values(), default=1)
    body = ['<g class="ng-edges" stroke="currentColor" stroke-opacity=".35">']
    for (a, b), w in edges.items():
        (x1, y1), (x2, y2) = xy[a], xy[b]
        body.append(f'<line class="ng-edge" x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
                    f'stroke-width="{_n(1 + 3 * w / strongest)}"/>')
    body.append('</g><g class="ng-nodes">')
    for i, n in enumerate(nodes):
        (x, y), (ux, uy) = xy[n.key], pos[n.key]
        r = 4 + 7 * math.sqrt(n.count / top)
        is_center = center and i == 0
        if is_center:                                  # name below the centre node
            tx, ty, anchor = x, y + r + FONT, "middle"
        else:                                          # name outside the ring, away from the centre
            anchor = "start" if ux > 0.2 else "end" if ux < -0.2 else "middle"
            tx = x + (r + 3) * (1 if anchor == "start" else -1 if anchor == "end" else 0)
            ty = y + (4 if anchor != "middle" else (-r - 4 if uy < 0 else r + FONT))
        cls = "ng-node ng-center" if is_center else "ng-node"
        inner = (f'<circle class="{cls}" cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" fill="currentColor"/>'
                 f'<text class="ng-label" x="{_n(tx)}" y="{_n(ty)}" text-anchor="{anchor}" '
                 f'fill="currentColor">{escape(_short(n.name, 16))}</text>'
                 f"<title>{escape(n.name)} ({n.count})</title>")
        body.append(_linked(inner, siteurl, n.url))
    body.append("</g>")
    others = nodes[1:] if center else nodes
    desc = (f"Network of {len(nodes)} people and organisations; lines join those quoted in the same articles. "
            + ", ".join(f"{n.name} ({n.count})" for n in others) + ".")
    names = {n.key: n.name for n in nodes}
    rows = "".join(f'<tr><th scope="row">{_link_cell(n, siteurl)}</th><td>{n.count}</td>'
                   f'<td>{escape(", ".join(names[b if a == n.key else a] for (a, b) in edges if n.key in (a, b)))}</td></tr>'
                   for n in nodes)
    table = (f'<table><thead><tr><th scope="col">Speaker</th><th scope="col">{escape(what)}</th>'
             f'<th scope="col">Quoted in the same articles as</th></tr></thead><tbody>{rows}</tbody></table>')
    return _figure("network", uid, title, desc, height, body, title, table)


def bars_svg(nodes: Sequence[Node], first: Month, last: Month, siteurl: str, uid: str = "site") -> Markup:
    """Horizontal bars, one linked row per speaker, longest first."""
    row, label_w, y0 = 22, 150, 4
    top = max(n.count for n in nodes) or 1
    span = WIDTH - label_w - 36
    body = ['<g class="ng-rows">']
    for i, n in enumerate(nodes):
        y = y0 + i * row
        w = max(span * n.count / top, 1)
        inner = (f'<text class="ng-label" x="{label_w - 6}" y="{y + 15}" text-anchor="end" fill="currentColor">'
                 f"{escape(_short(n.name, 22))}</text>"
                 f'<rect class="ng-bar" x="{label_w}" y="{y + 3}" width="{_n(w)}" height="{row - 6}" fill="currentColor"/>'
                 f'<text class="ng-label ng-value" x="{_n(label_w + w + 4)}" y="{y + 15}" fill="currentColor">{n.count}</text>'
                 f"<title>{escape(n.name)}: {n.count} quotes</title>")
        body.append(_linked(inner, siteurl, n.url))
    body.append("</g>")
    period = f"{month_label(first)} – {month_label(last)}"
    title = f"Most quoted, {period}"
    desc = (f"Bar chart of the {len(nodes)} most quoted speakers from {period}: "
            + ", ".join(f"{n.name} ({n.count})" for n in nodes) + ".")
    rows = "".join(f'<tr><th scope="row">{_link_cell(n, siteurl)}</th><td>{n.count}</td></tr>' for n in nodes)
    table = f'<table><thead><tr><th scope="col">Speaker</th><th scope="col">Quotes</th></tr></thead><tbody>{rows}</tbody></table>'
    return _figure("top", uid, title, desc, y0 + len(nodes) * row + 4, body, title, table)


# --------------------------------------------------------------------------- one build's pictures


#: Settings read here (defaults in ``settings.DEFAULTS``).
SETTINGS = ("NEWSGRAPH_CHART_TIMELINE", "NEWSGRAPH_CHART_TIMELINE_MIN_QUOTES", "NEWSGRAPH_CHART_NETWORK",
            "NEWSGRAPH_CHART_NETWORK_SIZE", "NEWSGRAPH_CHART_NETWORK_MIN", "NEWSGRAPH_CHART_TOP",
            "NEWSGRAPH_CHART_TOP_MONTHS", "NEWSGRAPH_CHART_TOP_SIZE")


class Charts:
    """The pictures of one build, drawn on demand when a page's template asks for one (pages the
    build skips as unchanged never ask) and kept for the build's other pages of the same subject."""

    KINDS = ("timeline", "alongside", "topic", "top")

    def __init__(self, settings: dict, registry: Any):
        self.settings = settings
        self.registry = registry
        self._memo: dict[tuple, Markup] = {}
        self._span: tuple[Month, Month] | None | bool = False

    def span(self) -> tuple[Month, Month] | None:
        """First and last month of the site's articles (computed once, when first needed)."""
        if self._span is False:
            self._span = site_months(r.article for r in self.registry.records)
        return self._span  # type: ignore[return-value]

    def _int(self, key: str, default: int) -> int:
        try:
            return max(int(self.settings.get(key, default)), 0)
        except (TypeError, ValueError):
            return default

    def render(self, kind: str, subject: Any = None, articles: Iterable[Any] | None = None,
               siteurl: str = "") -> Markup:
        """The picture ``kind`` for ``subject`` (an Identity; a Tag for ``"topic"``), or "" when it is
        turned off or there is too little to show."""
        if kind not in self.KINDS:
            raise ValueError(f"newsgraph_chart: unknown picture {kind!r} (one of {', '.join(self.KINDS)})")
        key = (kind, getattr(subject, "key", None) or getattr(subject, "slug", None), siteurl)
        if key not in self._memo:
            self._memo[key] = getattr(self, "_" + kind)(subject, articles, siteurl)
        return self._memo[key]

    def _timeline(self, ident: Any, _articles, _siteurl: str) -> Markup:
        s = self.settings
        if ident is None or not s.get("NEWSGRAPH_CHART_TIMELINE", True) or self.span() is None:
            return Markup("")
        if len(ident.quotes) < self._int("NEWSGRAPH_CHART_TIMELINE_MIN_QUOTES", 5):
            return Markup("")
        per_month = quotes_per_month(ident.quotes)
        return timeline_svg(ident.name, per_month, self.span(), uid=ident.slug or "speaker") if per_month \
            else Markup("")

    def _network(self, title: str, nodes: list[Node], edges: dict, siteurl: str, uid: str, what: str,
                 center: bool) -> Markup:
        others = len(nodes) - (1 if center else 0)
        if others < max(self._int("NEWSGRAPH_CHART_NETWORK_MIN", 2), 1):
            return Markup("")
        return network_svg(title, nodes, edges, siteurl, uid, what, center)

    def _alongside(self, ident: Any, _articles, siteurl: str) -> Markup:
        if ident is None or not self.settings.get("NEWSGRAPH_CHART_NETWORK", True):
            return Markup("")
        arts = [r.article for r in ident.quotes]
        nodes, edges = co_quoted(arts, self._int("NEWSGRAPH_CHART_NETWORK_SIZE", 10), center=ident)
        return self._network(f"Quoted alongside {ident.name}", nodes, edges, siteurl, ident.slug or "speaker",
                             "Articles", center=True)

    def _topic(self, tag: Any, articles, siteurl: str) -> Markup:
        if not self.settings.get("NEWSGRAPH_CHART_NETWORK", True) or not articles:
            return Markup("")
        nodes, edges = co_quoted(articles, self._int("NEWSGRAPH_CHART_NETWORK_SIZE", 10))
        name = getattr(tag, "name", None) or str(tag)
        return self._network(f"Who is quoted on {name}", nodes, edges, siteurl,
                             getattr(tag, "slug", None) or "topic", "Articles quoted in", center=False)

    def _top(self, _subject, _articles, siteurl: str) -> Markup:
        if not self.settings.get("NEWSGRAPH_CHART_TOP", True) or self.span() is None:
            return Markup("")
        months = max(self._int("NEWSGRAPH_CHART_TOP_MONTHS", 12), 1)
        nodes, first = most_quoted(self.registry.speakers, self.span()[1], months,
                                   self._int("NEWSGRAPH_CHART_TOP_SIZE", 10))
        return bars_svg(nodes, first, self.span()[1], siteurl) if nodes else Markup("")
