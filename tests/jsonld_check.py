"""The project's own JSON-LD checker for built pages (no network, no ../shared).

``check_html(html) -> (graph_doc, problems)``: exactly one ``<script type="application/ld+json">``,
script text that cannot break out of the tag, strict JSON, ``@context`` schema.org with one flat
``@graph``; every ``@type`` and property exists in the schema.org vocabulary (the compact copy in
``tests/data/schemaorg/schemaorg-vocab.json``) and fits the property's domain and range; every
``@id`` reference resolves to a node on the same page; every ``@id`` and URL is absolute;
dates and datetimes parse (datetimes with a UTC offset).

Rebuild the compact vocabulary from a schema.org release file::

    python tests/jsonld_check.py --build-vocab ../shared/schemaorg/schemaorg-current-https.jsonld
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
VOCAB_FILE = ROOT / "tests" / "data" / "schemaorg" / "schemaorg-vocab.json"
SCHEMA_CONTEXTS = {"https://schema.org", "https://schema.org/"}
KEYWORDS = {"@context", "@graph", "@id", "@type"}
DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# --------------------------------------------------------------------------- vocabulary


def build_vocab(src: str | Path, dst: str | Path = VOCAB_FILE) -> dict:
    """Extract classes (parents), properties (domains, ranges) and term status from a release."""
    graph = json.loads(Path(src).read_text(encoding="utf-8"))["@graph"]

    def ids(v):
        v = v if isinstance(v, list) else [v] if v is not None else []
        return sorted(x["@id"][7:] for x in v if isinstance(x, dict) and x["@id"].startswith("schema:"))

    classes, props, pending, superseded = {}, {}, [], {}
    for n in graph:
        if not n["@id"].startswith("schema:"):
            continue
        name = n["@id"][7:]
        types = n["@type"] if isinstance(n["@type"], list) else [n["@type"]]
        if "rdfs:Class" in types:
            classes[name] = ids(n.get("rdfs:subClassOf")) + (["DataType"] if "schema:DataType" in types else [])
        elif "rdf:Property" in types:
            props[name] = [ids(n.get("schema:domainIncludes")), ids(n.get("schema:rangeIncludes"))]
        else:
            continue  # enumeration members: not used by newsgraph
        parts = n.get("schema:isPartOf")
        if any(p.get("@id") == "https://pending.schema.org" for p in (parts if isinstance(parts, list) else [parts])
               if isinstance(p, dict)):
            pending.append(name)
        if n.get("schema:supersededBy"):
            superseded[name] = ids(n["schema:supersededBy"])
    digest = hashlib.sha256(Path(src).read_bytes()).hexdigest()
    vocab = {"source": f"schema.org vocabulary {Path(src).name} (sha256 {digest}), extracted by "
                       "tests/jsonld_check.py --build-vocab",
             "license": "CC BY-SA 3.0 https://creativecommons.org/licenses/by-sa/3.0/ (see SCHEMAORG-NOTICE.md)",
             "classes": dict(sorted(classes.items())), "properties": dict(sorted(props.items())),
             "pending": sorted(pending),
             "superseded": dict(sorted(superseded.items()))}
    lines = ["{"]
    items = list(vocab.items())
    for i, (k, v) in enumerate(items):
        end = "," if i < len(items) - 1 else ""
        if isinstance(v, dict):
            lines.append(f" {json.dumps(k)}: {{")
            sub = list(v.items())
            for j, (sk, sv) in enumerate(sub):
                lines.append(f"  {json.dumps(sk)}: {json.dumps(sv, separators=(',', ':'))}"
                             + ("," if j < len(sub) - 1 else ""))
            lines.append(" }" + end)
        else:
            lines.append(f" {json.dumps(k)}: {json.dumps(v, separators=(',', ':'))}{end}")
    lines.append("}")
    Path(dst).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return vocab


@dataclass
class Vocab:
    classes: dict[str, list[str]]
    properties: dict[str, list[list[str]]]
    pending: set[str]
    superseded: dict[str, list[str]]

    @lru_cache(maxsize=None)  # noqa: B019 (one vocabulary per test run)
    def ancestors(self, cls: str) -> frozenset[str]:
        out, todo = {cls}, [cls]
        while todo:
            for p in self.classes.get(todo.pop(), ()):
                if p not in out:
                    out.add(p)
                    todo.append(p)
        return frozenset(out)

    def __hash__(self) -> int:  # for lru_cache on methods
        return id(self)

    def is_datatype(self, cls: str) -> bool:
        return "DataType" in self.ancestors(cls)


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    d = json.loads(VOCAB_FILE.read_text(encoding="utf-8"))
    return Vocab(d["classes"], d["properties"], set(d["pending"]), d["superseded"])


# --------------------------------------------------------------------------- checks


def is_abs_url(v) -> bool:
    if not isinstance(v, str) or any(c.isspace() for c in v):
        return False
    u = urlsplit(v)
    return u.scheme in ("http", "https") and bool(u.netloc)


def parse_datetime(s: str) -> dt.datetime:
    """A schema.org DateTime with an offset (``Z`` or ``±hh:mm``), else ValueError."""
    if not DATETIME_RE.match(s):
        raise ValueError(f"not an ISO 8601 datetime with offset: {s!r}")
    d = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
    if d.utcoffset() is None:
        raise ValueError(f"no UTC offset: {s!r}")
    return d


def extract_scripts(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [s.string or "" for s in soup.find_all("script", attrs={"type": "application/ld+json"})]


def _strict_json(text: str):
    def no_dups(pairs):
        keys = [k for k, _ in pairs]
        dup = {k for k in keys if keys.count(k) > 1}
        if dup:
            raise ValueError(f"duplicate keys {sorted(dup)}")
        return dict(pairs)

    def no_nan(c):
        raise ValueError(f"non-finite number {c}")

    return json.loads(text, object_pairs_hook=no_dups, parse_constant=no_nan)


def check_html(html: str) -> tuple[dict | None, list[str]]:
    """(the JSON-LD document, problems) of one page; problems == [] when everything holds."""
    problems: list[str] = []
    blocks = extract_scripts(html)
    if len(blocks) != 1:
        return None, [f"expected exactly one JSON-LD script, found {len(blocks)}"]
    raw = blocks[0]
    if html.count('type="application/ld+json"') != 1:
        problems.append("JSON-LD script tag count in the source differs from the parsed count")
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        if bad in raw:
            problems.append(f"unescaped {bad!r} in script text")
    try:
        doc = _strict_json(raw)
    except ValueError as exc:
        return None, problems + [f"invalid JSON: {exc}"]
    return doc, problems + check_doc(doc)


def check_doc(doc) -> list[str]:
    """Vocabulary, references, URLs and dates of one JSON-LD document (our flat @graph shape)."""
    v = vocab()
    problems: list[str] = []
    if not isinstance(doc, dict) or doc.get("@context") not in SCHEMA_CONTEXTS:
        return ["top level must be an object with @context https://schema.org"]
    if set(doc) != {"@context", "@graph"} or not isinstance(doc["@graph"], list):
        return ["top level must hold exactly @context and one @graph list"]
    nodes: dict[str, dict] = {}
    for n in doc["@graph"]:
        if not isinstance(n, dict) or not isinstance(n.get("@id"), str) or "@type" not in n:
            problems.append(f"graph member without @id/@type: {str(n)[:80]}")
            continue
        if n["@id"] in nodes:
            problems.append(f"@id {n['@id']} defined twice")
        nodes[n["@id"]] = n

    def types_of(node) -> list[str]:
        t = node.get("@type")
        return t if isinstance(t, list) else [t]

    def check_node(node, where: str) -> None:
        types = types_of(node)
        for t in types:
            if t not in v.classes:
                problems.append(f"{where}: unknown type {t!r}")
            elif v.is_datatype(t):
                problems.append(f"{where}: data type {t!r} used as a node type")
            elif t in v.superseded:
                problems.append(f"{where}: type {t!r} superseded by {v.superseded[t]}")
        if "@id" in node and not is_abs_url(node["@id"]):
            problems.append(f"{where}: @id {node['@id']!r} is not an absolute URL")
        for key, val in node.items():
            if key.startswith("@"):
                if key not in KEYWORDS:
                    problems.append(f"{where}: unexpected keyword {key}")
                continue
            if key not in v.properties:
                problems.append(f"{where}: unknown property {key!r}")
                continue
            if key in v.superseded:
                problems.append(f"{where}: property {key!r} superseded by {v.superseded[key]}")
            domains, ranges = v.properties[key]
            if domains and not any(v.ancestors(t) & set(domains) for t in types if t in v.classes):
                problems.append(f"{where}: property {key!r} not expected on {types} (domain {domains})")
            for i, item in enumerate(val if isinstance(val, list) else [val]):
                check_value(f"{where}.{key}[{i}]", key, ranges, item)

    def check_value(where: str, key: str, ranges: list[str], item) -> None:
        dtypes = {r for r in ranges if r in v.classes and v.is_datatype(r)}
        if isinstance(item, dict):
            if set(item) == {"@id"}:
                target = nodes.get(item["@id"])
                if target is None:
                    problems.append(f"{where}: reference {item['@id']!r} does not resolve on this page")
                    return
                ttypes = types_of(target)
            else:
                check_node(item, where)
                ttypes = types_of(item)
            if not any(v.ancestors(t) & set(ranges) for t in ttypes if t in v.classes):
                problems.append(f"{where}: {ttypes} where {ranges} expected")
            return
        if isinstance(item, bool):
            ok = "Boolean" in dtypes
        elif isinstance(item, (int, float)):
            ok = bool(dtypes & {"Integer", "Number", "Float", "Text"}) or \
                any("Quantity" in v.ancestors(r) for r in ranges if r in v.classes)  # width: 600
        elif isinstance(item, str):
            ok = False
            if ("URL" in dtypes or key == "item") and is_abs_url(item):  # Google: ListItem.item as a URL
                ok = True
            elif "DateTime" in dtypes and "T" in item:
                try:
                    parse_datetime(item)
                    ok = True
                except ValueError as exc:
                    problems.append(f"{where}: {exc}")
                    return
            elif "Date" in dtypes and DATE_RE.match(item):
                try:
                    dt.date.fromisoformat(item)
                    ok = True
                except ValueError:
                    pass
            elif dtypes & {"Text"} and not (dtypes & {"URL"} and "://" in item):
                ok = True
            elif "URL" in dtypes:
                problems.append(f"{where}: {item[:80]!r} is not an absolute http(s) URL")
                return
        else:
            ok = False
        if not ok:
            problems.append(f"{where}: literal {str(item)[:80]!r} does not fit {ranges}")

    for nid, n in nodes.items():
        check_node(n, f"{'/'.join(types_of(n))}<{nid}>")
    return problems


def nodes_by_id(doc: dict) -> dict[str, dict]:
    return {n["@id"]: n for n in doc["@graph"]}


def nodes_of_type(doc: dict, t: str) -> list[dict]:
    return [n for n in doc["@graph"] if t in (n["@type"] if isinstance(n["@type"], list) else [n["@type"]])]


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--build-vocab":
        build_vocab(argv[1])
        print(f"wrote {VOCAB_FILE}")
        return 0
    bad = 0
    for f in argv:
        _, problems = check_html(Path(f).read_text(encoding="utf-8"))
        for p in problems:
            print(f"{f}: {p}")
        bad += bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
