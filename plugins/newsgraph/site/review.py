"""The editor's review report: what to look at after a build, each with the alias-file line that fixes it.

Site layer, no Pelican: :func:`findings` reads a built :class:`~newsgraph.site.registry.Registry`,
:func:`render_text` makes a plain-text report (the site never links it; see docs/review.md). Sections:

- **low confidence**: speakers whose every quote the engine attributed with low confidence
  (when it reports a ``confidence``), and people known by one word only (a bare surname or
  first name no full name in the site claimed);
- **likely duplicates**: a one-word person name that is the first or last name of another
  speaker; an organisation name that ends another's ("Supreme Court" / "U.S. Supreme Court");
- **single-quote speakers**: one quote in the whole site (a misattribution is likeliest here);
- **type conflicts**: one name that is two identities of different types, a person or
  organisation whose name is a country, region or city, and quoted names given no page (with why).

Every finding is deterministic (sorted by name and key), so a rebuild writes the same bytes.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable

from .eligibility import is_known_place, why_not_speaker
from .registry import Identity, Registry, norm
from .safe import xml_clean

#: A quote below this confidence counts as a doubtful attribution.
LOW_CONFIDENCE = 0.5

SECTIONS = (("low-confidence", "Low-confidence identities"), ("duplicates", "Likely duplicates"),
            ("single-quote", "Single-quote speakers"), ("type-conflicts", "Type conflicts"))


@dataclass(frozen=True)
class Finding:
    section: str           # one of SECTIONS' keys
    name: str              # the identity the finding is about
    url: str | None        # its page, when it has one
    why: str               # in words
    fix: str               # "section:  - item": the alias-file list item (YAML) that would settle it


def _q(s: str) -> str:
    """A YAML scalar (JSON strings are YAML)."""
    return json.dumps(s, ensure_ascii=False)


# The fix lines are list items of a section of the alias file ("entities:" or "ignore:").

def _merge(into: str, alias: str) -> str:
    return f"entities:  - {{name: {_q(into)}, aliases: [{_q(alias)}]}}"


def _typed(name: str, etype: str) -> str:
    return f"entities:  - {{name: {_q(name)}, type: {etype}}}"


def _ignore(name: str) -> str:
    return f"ignore:  - {_q(name)}"


def findings(reg: Registry, speaker_types: Iterable[str]) -> list[Finding]:
    """Everything the editor should look at, section by section, sorted."""
    speaker_types = tuple(speaker_types)
    speakers = sorted(reg.speakers, key=lambda i: (norm(i.name), i.key))
    out: list[Finding] = []
    quoted = sorted((i for i in reg.identities if i.quote_count), key=lambda i: (norm(i.name), i.key))
    dups = _duplicates(speakers, quoted)
    out += [f for f in _low_confidence(speakers) if (f.name, f.url) not in {(d.name, d.url) for d in dups}]
    out += dups
    out += [Finding("single-quote", i.name, i.url, f"one quote, in “{_title(i)}”", _ignore(i.name))
            for i in speakers if i.quote_count == 1]
    out += _type_conflicts(reg, speaker_types)
    order = {key: n for n, (key, _) in enumerate(SECTIONS)}
    return sorted(out, key=lambda f: (order[f.section], norm(f.name), f.why))


def _title(ident: Identity) -> str:
    """The headline of the article of the newest quote, as text (Pelican titles are HTML)."""
    from markupsafe import Markup
    return Markup(str(getattr(ident.quotes[0].article, "title", ""))).striptags() if ident.quotes else ""


def _low_confidence(speakers: list[Identity]) -> list[Finding]:
    out = []
    for i in speakers:
        conf = [c for c in (getattr(r.quote, "confidence", None) for r in i.quotes) if c is not None]
        if conf and max(conf) < LOW_CONFIDENCE:
            out.append(Finding("low-confidence", i.name, i.url,
                               f"every quote attributed with low confidence (best {max(conf):.2f})", _ignore(i.name)))
        elif i.type == "Person" and len(i.name.split()) == 1:
            out.append(Finding("low-confidence", i.name, i.url,
                               "a person known by one word only: no full name found", _merge(f"Full Name of {i.name}", i.name)))
    return out


def _duplicates(speakers: list[Identity], quoted: list[Identity]) -> list[Finding]:
    """One-word people (with a page or not: the registry gives none to a word that names several
    people) that may be a speaker named in full; organisation names that end another's."""
    out = []
    people = [i for i in speakers if i.type == "Person" and len(i.name.split()) >= 2]
    by_word: dict[str, list[Identity]] = {}
    for p in people:
        words = p.name.split()
        for w in {norm(words[0]), norm(words[-1])}:
            by_word.setdefault(w, []).append(p)
    orgs = [i for i in speakers if i.type == "Organization"]
    for i in quoted:
        if i.type == "Person" and len(i.name.split()) == 1:
            for other in by_word.get(norm(i.name), []):
                out.append(Finding("duplicates", i.name, i.url if i.is_speaker else None, f"may be {other.name}",
                                   _merge(other.name, i.name)))
    for i in speakers:
        if i.type == "Organization" and len(i.name.split()) >= 2:
            for other in orgs:
                if other is not i and len(other.name) > len(i.name) and norm(other.name).endswith(" " + norm(i.name)):
                    out.append(Finding("duplicates", i.name, i.url, f"may be {other.name}", _merge(other.name, i.name)))
    return out


def _type_conflicts(reg: Registry, speaker_types: tuple[str, ...]) -> list[Finding]:
    out = []
    by_name: dict[str, list[Identity]] = {}
    for i in reg.identities:
        by_name.setdefault(norm(i.name), []).append(i)
    for same in by_name.values():
        quoted = [i for i in same if i.quote_count]
        if len({i.type for i in same}) > 1 and quoted:
            main = max(same, key=lambda i: (i.quote_count, i.mentions, i.key))
            types = ", ".join(sorted(f"{i.type} ({i.quote_count} quotes)" for i in same))
            out.append(Finding("type-conflicts", main.name, main.url, f"one name, several types: {types}",
                               _typed(main.name, main.type)))
    for i in reg.identities:
        if not i.quote_count:
            continue
        if i.type in ("Person", "Organization") and len(i.name.split()) == 1 and is_known_place(i.name):
            out.append(Finding("type-conflicts", i.name, i.url,
                               f"typed {i.type} but the gazetteer knows a place of this name", _typed(i.name, "Place")))
        retyped = getattr(i, "retyped", None)
        if retyped:
            was = retyped.split()[1].rstrip(",") if retyped.startswith("typed ") else "Person"
            out.append(Finding("type-conflicts", i.name, i.url, f"now {i.type}: {retyped}", _typed(i.name, was)))
        no_page = getattr(i, "no_page", None)
        if no_page and not i.is_speaker and not (i.type == "Person" and len(i.name.split()) == 1
                                                 and any(norm(w) == norm(i.name) for p in reg.speakers
                                                         if p.type == "Person" for w in p.name.split())):
            if no_page.startswith("no quote attributed with confidence"):
                # an alias-file entry naming it gives the page (the editor vouches for it)
                out.append(Finding("low-confidence", i.name, None, f"{i.quote_count} quote(s) but no page: {no_page}",
                                   _typed(i.name, i.type)))
            else:
                fix = _typed(i.name, i.type) if no_page.startswith("no Latin letter") else \
                    _merge(f"Full Name of {i.name}", i.name)
                out.append(Finding("type-conflicts", i.name, None, f"{i.quote_count} quote(s) but no page: {no_page}", fix))
        reason = why_not_speaker(i.name, i.type, speaker_types)
        if reason and not i.is_speaker:
            # (an alias-file type is trusted: the entry gives the page when it is a speaker after all)
            out.append(Finding("type-conflicts", i.name, None,
                               f"{i.quote_count} quote(s) but no page: {reason} (typed {i.type}); if it "
                               "does speak, say what it is", _typed(i.name, "Organization" if i.type == "Place"
                                                                     else i.type if i.type in speaker_types else "Person")))
    return out


def render_text(items: list[Finding], sitename: str = "") -> str:
    """The findings as plain text, grouped by section (a text file: no page for search engines or
    the site's JSON-LD checks; control characters removed)."""
    counts = {key: sum(1 for f in items if f.section == key) for key, _ in SECTIONS}
    lines = [f"newsgraph review: {sitename}", "",
             "Not linked from the site. Each entry names an identity to check and the alias-file item",
             "(NEWSGRAPH_ALIASES) that would settle it, with the section to put it under; a placeholder",
             "like 'Full Name of ...' is yours to fill in.", ""]
    lines += [f"  {title}: {counts[key]}" for key, title in SECTIONS]
    for key, title in SECTIONS:
        lines += ["", f"== {title} ({counts[key]})", ""]
        for f in (f for f in items if f.section == key):
            section, _, item = f.fix.partition(":  ")
            where = f"  [/{f.url}]" if f.url else ""
            lines += [f"* {f.name}{where}", f"    why: {f.why}", f"    fix, under {section}:  {item}"]
        if not counts[key]:
            lines.append("None.")
    return xml_clean("\n".join(lines) + "\n")
