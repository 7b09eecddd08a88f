"""From clusters to site identities: one :class:`~.records.Identity` per cluster of names (its
type, name, role, aliases), unique slugs, then each article's entities, quotes, speakers and
subjects linked to them, and which identities get a speaker page."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ...engine.lexicon import is_first_name
from ..eligibility import is_foreign_script, is_honorific, why_not_speaker
from .merge import NameGraph, _date_key
from .names import (
    _PARTICLES,
    _canonical,
    _country_split,
    _generic,
    _retype,
    clean_display,
    norm,
    portfolio_form,
    safe_slug,
)
from .records import ArticleRecord, Identity, QuoteRef


@dataclass
class Clusters:
    """Step 5's identities, by union-find root (None: a cluster with no usable name, or ignored),
    and what later steps need to know of them (keyed by ``id(identity)``)."""

    root_identity: dict[str, Identity | None] = field(default_factory=dict)
    slug_hint: dict[int, str] = field(default_factory=dict)
    country_of_ident: dict[int, str] = field(default_factory=dict)    # a generic body -> its country (normalised)
    editor_typed: set[int] = field(default_factory=set)     # identities whose type the alias file gives (trusted as is)
    editor_named: set[int] = field(default_factory=set)     # identities an alias-file entry names (its name is trusted)


def make_identities(g: NameGraph, ignore: Iterable[str]) -> Clusters:
    """Step 5: clusters -> identities: the type (the alias file's, else the weighted majority,
    checked by ``_retype``), the name, the role (the newest dated one), aliases and mentions."""
    uf, forms = g.uf, g.forms
    members: dict[str, list[str]] = defaultdict(list)
    for k in forms:
        members[uf.find(k)].append(k)
    ignored = {norm(n) for n in ignore}
    out = Clusters()
    for root in sorted(members):
        ks = members[root]
        entry = next((g.entry_of[k] for k in sorted(ks) if k in g.entry_of), None)
        tcount = _merged(g.types.get(k) for k in ks)
        if entry and entry.type:
            etype = entry.type
        elif tcount:
            etype = tcount.most_common(1)[0][0]
        else:
            etype = "Person" if root.startswith("p:") else "Other"
        all_forms = _merged(forms.get(k) for k in ks)
        if entry:
            name = entry.name
        else:
            name = _canonical(all_forms, etype)
        if not name:
            out.root_identity[root] = None
            continue
        if any(k[2:] in ignored for k in ks) or norm(name) in ignored:
            out.root_identity[root] = None
            continue
        role = (entry.role if entry and entry.role else None) or _dated_role(g, ks)
        retyped = None
        if not (entry and entry.type):
            change = _retype(name, etype, bool(role), set(all_forms))
            thing = "t:" + norm(name)
            if change and change[0] == "Place" and thing in forms and uf.find(thing) != root and \
                    any(g.arts_of[thing] & g.arts_of[k] for k in ks):
                change = None       # one article names the person and the place apart: NER told them apart
            if change:
                etype, retyped = change
                name = _canonical(all_forms, etype) or name
        if etype != "Person" and not (entry and entry.role):
            role = None         # a job is a person's: "Captain" of one misread mention is no country's
        ident = Identity(key="", name=name, type=etype,
                         aliases=sorted({f for f in all_forms if f and f != name}, key=lambda f: (f.lower(), f)),
                         role=role, same_as=list(entry.same_as) if entry else [],
                         mentions=sum(g.weight[k] for k in ks))
        if entry and entry.slug:
            out.slug_hint[id(ident)] = entry.slug
        if entry and entry.type:
            out.editor_typed.add(id(ident))
        if entry:
            out.editor_named.add(id(ident))
        ident.retyped = retyped
        if len({norm(f) for f in all_forms}) > 1:
            why = sorted(set().union(*(g.why.get(k, ()) for k in ks)))
            ident.joined = "; ".join(why) or None
        countries = {k.rsplit("@", 1)[1] for k in ks if "@" in k}
        if len(countries) == 1 and not entry:
            out.country_of_ident[id(ident)] = countries.pop()
        out.root_identity[root] = ident
    _name_namesakes(out.root_identity, out.country_of_ident)
    return out


def _dated_role(g: NameGraph, ks: list[str]) -> str | None:
    """A cluster's role from its articles: the role of the newest article that gives one (a role
    is dated), then the commonest; honorifics ("Dr") are no job."""
    rc = _merged([_merged(g.roles.get(k) for k in ks), _merged(g.title_roles.get(k) for k in ks)])
    rc = Counter({r: c for r, c in rc.items() if not is_honorific(r)})
    newest: dict[str, float] = {}
    for k in ks:
        for r, d in g.role_when.get(k, {}).items():
            newest[r] = max(d, newest.get(r, float("-inf")))
    return max(sorted(rc), key=lambda r: (newest.get(r, float("-inf")), rc[r])) if rc else None


def assign_slugs(clusters: Clusters, slugify: Callable[[str], str],
                 slug_taken: Callable[[str], bool] | None) -> dict[str, Identity]:
    """Slugs, unique and safe (the most mentioned of same-named identities gets the plain slug),
    and keys: ``{key: identity}``."""
    identities: dict[str, Identity] = {}
    used: set[str] = set()
    for ident in sorted((i for i in clusters.root_identity.values() if i),
                        key=lambda i: (-i.mentions, norm(i.name), i.type)):
        hint = clusters.slug_hint.get(id(ident))         # an alias file's slug: slugified like a name
        base = safe_slug((slugify(hint) if hint else "") or slugify(ident.name), ident.name)
        slug, n = base, 2
        while slug in used or slug_taken is not None and slug_taken(slug):
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        ident.slug = slug
        ident.key = f"{ident.type.lower()}/{slug}"
        identities[ident.key] = ident
    return identities


def link_article(ri: int, rec: ArticleRecord, g: NameGraph, clusters: Clusters, min_confidence: float,
                 indirect_on_pages: bool) -> None:
    """Step 6, one article: entity -> identity, quote refs (not under a name the article's
    metadata ignores, nor below ``min_confidence``), speakers, about/mentions."""
    ignore_here = {norm(n) for n in rec.ignore_speakers}
    for e in rec.result.entities:
        k = g.ent_node.get((ri, e.id))
        ident = clusters.root_identity.get(g.uf.find(k)) if k else None
        if ident is not None:
            rec.identities[e.id] = ident
    seen_art: set[str] = set()
    for e in rec.result.entities:
        ident = rec.identities.get(e.id)
        if ident is not None and ident.key not in seen_art:
            seen_art.add(ident.key)
            ident.articles.append(rec.article)
    skip = set()
    for e in rec.result.entities:
        ident = rec.identities.get(e.id)
        if ident and ignore_here and ({norm(n) for n in [e.name, *e.aliases, ident.name, *ident.aliases]}
                                      & ignore_here or _surname_hit(ident, ignore_here)):
            skip.add(ident.key)
    for n, q in enumerate((p for quote in rec.result.quotes for p in quote.quotations()), 1):
        ident = rec.identities.get(q.speaker) if q.speaker else None
        if ident is None or ident.key in skip or q.confidence < min_confidence:
            continue
        ref = QuoteRef(article=rec.article, quote=q, speaker=ident, n=n)
        ref.html, ref.kind  # noqa: B018 — computed once here, so a cached registry carries them
        rec.quotes.append(ref)
        if indirect_on_pages or q.kind != "indirect":
            ident.quotes.append(ref)
    order: dict[str, Identity] = {}
    for ref in rec.quotes:
        order.setdefault(ref.speaker.key, ref.speaker)
    rec.speakers = list(order.values())
    about: dict[str, Identity] = {}
    mentions: dict[str, Identity] = {}
    for e in rec.result.entities:
        ident = rec.identities.get(e.id)
        if ident is None or ident.key in skip:
            continue
        (about if e.salient else mentions).setdefault(ident.key, ident)
    rec.about = list(about.values())
    rec.mentions = [i for k, i in mentions.items() if k not in about]


#: Share of a site's names in Latin script from which a name with no Latin letter gets no page.
LATIN_SITE_SHARE = 0.9
#: A speaker page needs one quote attributed at least this surely (issue 12: "at least one
#: confident attribution"). Below it are the engine's indirect speech found through "it"/"they",
#: "the company" or a fallback: on the demo, most of the pages that had only such quotes named
#: the wrong speaker. The quotes stay published in their articles (``NEWSGRAPH_MIN_CONFIDENCE``).
#: Applied when the site publishes by confidence at all (``min_confidence`` > 0).
PAGE_MIN_CONFIDENCE = 0.6


def decide_pages(identities: dict[str, Identity], clusters: Clusters, speaker_types: set[str],
                 page_min_confidence: float = 0.0) -> None:
    """Each identity's quotes newest first, and whether it gets a speaker page: quoted (one quote
    at least ``page_min_confidence``), of a speaker type, and not a one-word person whose person
    is unclear. An alias-file entry naming it gives the page whatever the confidence."""
    # a one-word person that is the first or last name of another person of the site, not joined
    # to them (several fit, or none in its article): which person said it is unknown
    name_words: dict[str, str] = {}
    for ident in identities.values():
        words = ident.name.split()
        if ident.type == "Person" and len(words) >= 2:
            for w in (words[0], words[-1]):
                name_words.setdefault(norm(w), ident.name)
    # a site whose names are Latin-script: a name with no Latin letter is a foreign word NER took
    # for a name ("Свою"), far more often than a speaker
    named = [i for i in identities.values() if any(c.isalpha() for c in i.name)]
    latin_site = bool(named) and sum(not is_foreign_script(i.name) for i in named) >= LATIN_SITE_SHARE * len(named)
    for ident in identities.values():
        ident.quotes.sort(key=lambda r: (_date_key(r.date), -r.n), reverse=True)
        if latin_site and is_foreign_script(ident.name) and id(ident) not in clusters.editor_named:
            ident.no_page = "no Latin letter on a site whose names are Latin-script: a foreign word, not a name"
        words = ident.name.split()
        # a surname with its particles ("De Blasio", "van Biljon") is one word as well
        if ident.type == "Person" and (len(words) == 1 or all(norm(w) in _PARTICLES for w in words[:-1])) \
                and id(ident) not in clusters.editor_named:
            if norm(ident.name) in name_words:
                ident.no_page = f"one word, also a name of {name_words[norm(ident.name)]}: which person is unclear"
            elif not is_first_name(ident.name) and not ident.role:
                # a first name alone is how interviewees are often named ("Jaya, 34, said"), a
                # surname with a title how officials are ("President Trump"); any other single
                # word is a surname whose full name was not found, or an organisation NER took
                # for a person ("Rappler")
                ident.no_page = "one word that is no known first name, no role, and no full name found"
        if ident.quotes and not ident.no_page and id(ident) not in clusters.editor_named and \
                max(getattr(r.quote, "confidence", 1.0) for r in ident.quotes) < page_min_confidence:
            ident.no_page = (f"no quote attributed with confidence {page_min_confidence:g} or more (only indirect "
                             "speech or a pronoun's, a description's or a fallback's attribution): doubtful")
        ident.is_speaker = bool(ident.quotes) and not ident.no_page and (
            ident.type in speaker_types if id(ident) in clusters.editor_typed
            else why_not_speaker(ident.name, ident.type, speaker_types) is None)


def _name_namesakes(root_identity: dict, country_of_ident: dict[int, str]) -> None:
    """A generic body's or portfolio's name ("Parliament", "Supreme Court", "Ministry of Foreign
    Affairs") says whose it is: a form naming the
    country when one was seen ("Parliament of the United Kingdom"), else, when another identity
    has the same name, the country in brackets ("Parliament (Canada)")."""
    by_name: dict[str, list] = defaultdict(list)
    for ident in root_identity.values():
        if ident is not None:
            by_name[norm(ident.name)].append(ident)
    for same in by_name.values():
        for ident in same:
            country = country_of_ident.get(id(ident))
            if not country or not _countryless(clean_display(ident.name).split()):
                continue
            old = ident.name
            named = sorted((a for a in ident.aliases if norm(_country_split(a)[0] or "") == country
                            and _countryless(_country_split(a)[1])), key=lambda a: (-len(a), a))
            if named:
                ident.name = named[0]
            elif len(same) > 1:
                ident.name = f"{old} ({country.title()})"
            else:
                continue
            ident.aliases = sorted({*ident.aliases, old} - {ident.name}, key=lambda f: (f.lower(), f))


def _countryless(words: list[str]) -> bool:
    """A name that is one body per country: a generic body's ("Supreme Court") or a government
    portfolio's ("Ministry of Foreign Affairs")."""
    return _generic(words) or portfolio_form(words) is not None


def _merged(counters: Iterable[Counter | None]) -> Counter:
    """The sum of some counters (the counter itself when there is only one; callers don't mutate)."""
    found = [c for c in counters if c]
    if len(found) == 1:
        return found[0]
    out: Counter = Counter()
    for c in found:
        out.update(c)
    return out


def _surname_hit(ident: Identity, names: set[str]) -> bool:
    return ident.type == "Person" and len(ident.name.split()) > 1 and norm(ident.name.split()[-1]) in names
