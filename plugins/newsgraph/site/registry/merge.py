"""Merging names into clusters: every name of every article entity is a node of one union-find;
the steps below join the nodes that name the same person or thing (see the package docstring).
Each step reads and extends one :class:`NameGraph`."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ...engine.lexicon import (
    BODY_WORDS,
    COMPANY_WORDS,
    NAME_TITLE_WORDS,
    is_first_name,
)
from ..eligibility import EVENT_FIRST, capital_of, country_of, demonym_country, is_known_place
from .names import (
    _PARTICLES,
    _country_split,
    _generic,
    _glued,
    _initials,
    _is_acronym,
    _org_key,
    _org_words,
    _person_variants,
    _retype,
    _spelling_key,
    _strip_title,
    brand_of,
    clean_display,
    is_generic_word,
    norm,
    org_key_why,
)
from .records import ArticleRecord


class _UnionFind:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def add(self, x: str) -> None:
        self.parent.setdefault(x, x)

    def find(self, x: str) -> str:
        self.add(x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def node(name: str, etype: str, country: str | None = None) -> str:
    """A name's node: ``p:`` + its key for a person, ``t:`` + its organisation key for a thing."""
    return "p:" + norm(name) if etype == "Person" else "t:" + _org_key(name, country)


@dataclass
class NameGraph:
    """What the merge steps know of the site's names, by node (see :func:`node`)."""

    uf: _UnionFind = field(default_factory=_UnionFind)
    forms: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))   # display forms (weighted by mentions)
    types: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    roles: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    title_roles: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    person_keys: set[str] = field(default_factory=set)
    weight: Counter = field(default_factory=Counter)
    role_when: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))  # role -> newest date seen
    ent_node: dict[tuple[int, str], str] = field(default_factory=dict)     # (article index, entity id) -> node
    arts_of: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))    # indices of its articles
    ambiguous: set[str] = field(default_factory=set)    # person keys that fit several people somewhere
    entry_of: dict = field(default_factory=dict)        # node -> the alias-file entry naming it
    by_surname: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    why: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))    # node -> why it joins others

    def saw_role(self, k: str, role: str, date: float) -> None:
        self.role_when[k][role] = max(date, self.role_when[k].get(role, float("-inf")))


def _acronym_of(name: str) -> str | None:
    """The acronym a bare name is: the acronym itself ("ABC") or its brand form ("ABC News"),
    uppercase without dots; None for any other name."""
    if _is_acronym(name):
        return name.replace(".", "").upper()
    brand = brand_of(name)
    return brand.upper() if brand else None


def _name_country(words: list[str]) -> str | None:
    """The country a body's name carries in a word of it: a country ("ABC Australia") or its
    adjective ("American Broadcasting Company"); None when none or several."""
    found = {demonym_country(w) or country_of(w, states=False) for w in words} - {None}
    return found.pop() if len(found) == 1 else None


def shared_acronyms(records: list[ArticleRecord]) -> dict[str, dict[str, str]]:
    """Acronyms that bodies of several countries share on the site: {acronym: {country: the
    body's name}}. A body bears an acronym when an article gives both (its name and the acronym
    as its alias: "American Broadcasting Company (ABC)"), or when its name is the acronym plus a
    country ("ABC Australia"); its country is the one its name carries. A bare "ABC" in another
    article may be either body: see :func:`add_article_names`."""
    bodies: dict[str, dict[str, str]] = defaultdict(dict)
    for rec in records:
        for e in rec.result.entities:
            if e.type in ("Person", "Place"):
                continue
            words = clean_display(e.name).split()
            if len(words) >= 2 and _is_acronym(words[0]) and country_of(" ".join(words[1:]), states=False):
                bodies[words[0].replace(".", "").upper()].setdefault(country_of(" ".join(words[1:]), states=False),
                                                                      clean_display(e.name))
                continue
            c = _name_country(words)
            if c is None or _is_acronym(e.name):
                continue
            for a in e.aliases:
                if _is_acronym(a) and a.replace(".", "").upper() in _initials(e.name):
                    bodies[a.replace(".", "").upper()].setdefault(c, clean_display(e.name))
    return {a: by for a, by in bodies.items() if len(by) >= 2}


def add_article_names(g: NameGraph, records: list[ArticleRecord]) -> None:
    """Step 1: every name of every article entity, unioned within the entity; but not a person's
    one-word alias: "Sessions" is Jeff Sessions in one article and Pete Sessions in another
    (:func:`join_people` places an article's bare surname). A short mention the article itself
    names in full joins that person there and only there (``_local_people``); a generic body's
    name is keyed by the article's country."""
    uf, forms, types, weight = g.uf, g.forms, g.types, g.weight
    shared = shared_acronyms(records)
    for ri, rec in enumerate(records):
        local, amb, unsure = _local_people(rec.result.entities)
        g.ambiguous.update("p:" + w for w in amb)
        country = _article_country(rec.result.entities)
        org_local, org_unsure = _local_orgs(rec.result.entities, {**local, **dict.fromkeys(unsure, "")}, country)
        local.update(org_local)
        unsure |= org_unsure
        local.update(_local_storms(rec.result.entities, {**local, **dict.fromkeys(unsure, "")}))
        when = _date_key(getattr(rec.article, "date", None))
        for e in rec.result.entities:
            if e.id in local or e.id in unsure:
                continue
            names = [n for n in [e.name, *e.aliases] if norm(n)
                     and not (e.type == "Person" and n != e.name and " " not in norm(n))]
            if not names:
                continue
            first = None
            # a one-word generic alias ("Court" of the Supreme Court) names a different body in
            # each article ("this Court", a district court): it is no key joining articles (a
            # one-word name itself is placed in its article by ``_local_orgs``)
            if e.type != "Person":
                names = [n for n in names if n == e.name or not is_generic_word(n)]
                # an acronym bodies of several countries share, named bare ("ABC", "ABC News"):
                # the body of the article's country, if one is; else nobody the site can tell
                # (an article about Tonga quoting "ABC" joins neither the US nor Australian ABC)
                acr = {_acronym_of(n) for n in names}
                if len(acr) == 1 and None not in acr and acr <= shared.keys():
                    body = shared[acr.pop()].get(country)
                    if body is None:
                        continue
                    names = [body]
            for n in names:
                k = node(n, e.type, country)
                uf.add(k)
                g.arts_of[k].add(ri)
                w = max(1, e.mentions) if n == e.name else 1
                forms[k][clean_display(n)] += w
                types[k][e.type] += w
                weight[k] += w
                if e.type == "Person":
                    g.person_keys.add(k)
                else:
                    why = org_key_why(n, country)[1]
                    if why:
                        g.why[k].add(why)
                if first is None:
                    first = k
                else:
                    uf.union(first, k)
            if e.role:
                g.roles[first][e.role.strip()] += 1
                g.saw_role(first, e.role.strip(), when)
            if e.type == "Person":
                title_role = _person_variants(e.name)[2]
                if title_role:
                    g.saw_role(first, title_role, when)
            g.ent_node[(ri, e.id)] = first
        for e in rec.result.entities:
            target = g.ent_node.get((ri, local.get(e.id, "")))
            if target:
                g.ent_node[(ri, e.id)] = target
                forms[target][clean_display(e.name)] += 1
                weight[target] += max(1, e.mentions)


def add_alias_entries(g: NameGraph, entries: list) -> None:
    """Step 2: alias file entries (merge / rename), within the kind of thing already carrying the
    names."""
    uf, forms = g.uf, g.forms
    for entry in entries:
        names = [entry.name, *entry.aliases]
        if entry.type:
            kinds = [entry.type]
        else:
            kinds = [kd for kd in ("Person", "Other") if any(node(n, kd) in forms for n in names)]
        for kd in kinds:
            main = node(entry.name, kd)
            uf.add(main)
            forms[main][entry.name] += 0
            if kd == "Person":
                g.person_keys.add(main)
            g.entry_of.setdefault(main, entry)
            for a in entry.aliases:
                if norm(a):
                    uf.union(main, node(a, kd))
            if entry.type:      # the editor says what it is: its names NER typed otherwise join it
                for n in names:
                    other = node(n, "Other" if kd == "Person" else "Person")
                    if norm(n) and other in forms:
                        uf.union(main, other)


def join_person_and_thing_typings(g: NameGraph) -> None:
    """Step 2b: one multi-word name typed as a person in one article and as a thing in another
    (NER disagreement) is one identity; its type is decided by the weighted majority later."""
    for k in list(g.forms):
        if k.startswith("t:") and " " in k[2:] and "p:" + k[2:] in g.forms:
            g.uf.union(k, "p:" + k[2:])


def join_people(g: NameGraph) -> None:
    """Step 3: people: titles, middle initials, bare surnames."""
    uf, forms, person_keys = g.uf, g.forms, g.person_keys
    for k in list(person_keys):
        display = forms[k].most_common(1)[0][0]
        core, extra, role = _person_variants(display)
        ck = node(core, "Person")
        if ck != k:
            uf.union(k, ck)
            forms[ck][core] += 0
            person_keys.add(ck)
        if role:
            g.title_roles[ck][role] += 1
        for x in extra:
            if "p:" + x in forms:
                uf.union(ck, "p:" + x)
        spelling = _spelling_key(core)
        if spelling:
            uf.add(spelling)
            uf.union(ck, spelling)
    by_surname = g.by_surname
    for k in person_keys:
        words = k[2:].split()
        if len(words) >= 2:
            by_surname[words[-1]].add(uf.find(k))
    # a first name and surname join the one name of the site that adds a second surname to them
    # ("Ana Ruiz" is Ana Ruiz Molina), when the word after the first name is no first name itself
    # ("Mary Ann" could begin many names) and their articles name someone else in common, no
    # place (so "George Washington" does not join George Washington Carver)
    longer: dict[str, set[str]] = defaultdict(set)
    for k in person_keys:
        words = k[2:].split()
        if len(words) == 3 and not any(len(w) <= 2 for w in words):
            longer[" ".join(words[:2])].add(k)
    art_people: dict[int, set[str]] = defaultdict(set)       # (NER types people as things too)
    cluster_arts: dict[str, set[int]] = defaultdict(set)
    for k in forms:
        cluster_arts[uf.find(k)] |= g.arts_of[k]
        if not (k.startswith("t:") and is_known_place(k[2:])):
            for ri in g.arts_of[k]:
                art_people[ri].add(uf.find(k))

    def people_beside(k: str) -> set[str]:
        return set().union(*(art_people[ri] for ri in cluster_arts[uf.find(k)]), set()) - {uf.find(k)}
    for k in list(person_keys):
        words = k[2:].split()
        fuller = {uf.find(x) for x in longer.get(k[2:], ())}
        if len(words) == 2 and not is_first_name(words[1]) and len(fuller) == 1:
            target = next(iter(longer[k[2:]]))
            if (people_beside(k) & people_beside(target)) - {uf.find(k), uf.find(target)}:
                uf.union(k, target)
    cluster_weight = _cluster_weights(uf, g.weight)
    for k in list(person_keys):
        words = k[2:].split()
        if len(words) == 1 and words[0] in by_surname and k not in g.ambiguous:
            root = uf.find(k)
            cands = {uf.find(c) for c in by_surname[words[0]]}
            if root in cands:
                continue
            best = max(sorted(cands), key=lambda c: cluster_weight[c])
            uf.union(k, best)


def join_glued_names(g: NameGraph) -> None:
    """Step 3a: a person's name NER typed as a thing, with a country or occupation glued before it
    ("India Narendra Modi"): the person of that name, when there is one. An organisation's name
    with its country first ("United States Commission on Presidential Debates") is the body of
    that name without it, when the site has one (of 2+ words)."""
    uf, forms = g.uf, g.forms
    for k in list(forms):
        words = k[2:].split()
        if not (k.startswith("t:") and len(words) >= 3 and "@" not in k and _glued(words[0])):
            continue
        rest = " ".join(words[1:])
        person = "p:" + rest if "p:" + rest in forms else _spelling_key(rest)     # ("Zelenskyy": Zelensky)
        if person and person in uf.parent:
            uf.union(k, person)
            g.types[k] = Counter({"Person": sum(g.types[k].values())})     # NER's vote was for the glued name
    # a title glued before a person's name NER typed as a thing ("Presidential Spokesperson Jo
    # Roe"): the person, when a known first name follows the title and no organisation's word
    # is in the name; the title is the role
    for k in list(forms):
        if not k.startswith("t:") or "@" in k or len(k[2:].split()) < 3:
            continue
        display = forms[k].most_common(1)[0][0]
        title, core = _strip_title(display.split())
        if not title or not 2 <= len(core) <= 3 or not is_first_name(core[0]) or _org_words(core) \
                or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in core):
            continue
        person = node(" ".join(core), "Person")
        forms[person][" ".join(core)] += 0
        g.person_keys.add(person)
        g.title_roles[person][" ".join(title)] += 1
        uf.union(k, person)
        g.types[k] = Counter({"Person": sum(g.types[k].values())})
    for k in list(forms):
        if k.startswith("t:") and "@" not in k:
            country, rest = _country_split(k[2:])
            if country and len(rest) >= 2 and "t:" + " ".join(rest) in forms:
                uf.union(k, "t:" + " ".join(rest))
    _join_org_glued_people(g)


def _join_org_glued_people(g: NameGraph) -> None:
    """An organisation's name glued before a person's ("Harbour Watch International Jo
    Lin-Mei", NER running the spokesperson's name into their body's): the person, when the
    front is another organisation's name of the site (2+ words) and the rest has a person's
    shape: two or three capitalised words, none an acronym, title, organisation's word or
    country, and no place (whole or its first word: "Amnesty International Hong Kong" is a branch)."""
    uf, forms = g.uf, g.forms
    orgs = {k[2:] for k in forms if k.startswith("t:") and "@" not in k and " " in k[2:]
            and g.types[k] and g.types[k].most_common(1)[0][0] == "Organization"}
    for k in sorted(forms):
        if not k.startswith("t:") or "@" in k or k[2:] in orgs and len(k[2:].split()) < 4:
            continue
        words = forms[k].most_common(1)[0][0].split()
        for n in range(len(words) - 2, 1, -1):
            front, rest = norm(" ".join(words[:n])), words[n:]
            if front not in orgs or not 2 <= len(rest) <= 3:
                continue
            if all(w[:1].isupper() and w.replace("-", "").isalpha() and not w.isupper() for w in rest) \
                    and not _org_words(rest) and not _strip_title(rest)[0] \
                    and not any(w.lower() in NAME_TITLE_WORDS for w in rest) \
                    and not is_known_place(" ".join(rest)) and not is_known_place(rest[0]) \
                    and not any(country_of(w) for w in rest):        # (a surname may be a town's name)
                person = node(" ".join(rest), "Person")
                # its mentions name the person: the glued form stays an alias, never the name
                forms[person][" ".join(rest)] += forms[k][" ".join(words)]
                forms[k][" ".join(words)] = 0
                g.person_keys.add(person)
                uf.union(k, person)
                g.types[k] = Counter({"Person": sum(g.types[k].values())})
                g.why[k].add(f"'{' '.join(words)}': the organisation {' '.join(words[:n])} glued before a person's name")
            break


def join_one_word_things(g: NameGraph) -> None:
    """Step 3b: a one-word name NER typed as a person in some articles and as a thing in others,
    that is nobody's surname and has no title or fuller name ("Twitter"), is the thing when the
    thing is named more often (not when one article names both: it told them apart)."""
    uf, forms, types = g.uf, g.forms, g.types
    weight_of = _cluster_weights(uf, g.weight)
    fuller: set[str] = set()
    for k in forms:
        if k.startswith("p:") and " " in k[2:]:
            fuller.add(uf.find(k))
    for k in list(g.person_keys):
        word, thing = k[2:], "t:" + k[2:]
        if " " in word or word in g.by_surname or thing not in forms:
            continue
        pk, tk = uf.find(k), uf.find(thing)
        if pk != tk and pk not in fuller and not g.roles.get(k) and not g.title_roles.get(k) \
                and not g.arts_of[k] & g.arts_of[thing] and weight_of[tk] > weight_of[pk]:
            uf.union(k, thing)
            # its person votes go to the thing's type (the majority below must not split them)
            types[k] = Counter({types[thing].most_common(1)[0][0]: sum(types[k].values())})


def join_acronyms(g: NameGraph) -> None:
    """Step 4: organisations: an acronym joins the one name whose initials it is; then a brand's
    variants join the brand (:func:`join_brand_variants`)."""
    uf, forms = g.uf, g.forms
    initials: dict[str, set[str]] = defaultdict(set)
    for k in forms:
        if k.startswith("t:"):
            for f in forms[k]:
                for ini in _initials(f):
                    initials[ini].add(uf.find(k))
    body_names: set[str] = set()
    own_acronym: dict[str, set[str]] = defaultdict(set)
    for k in forms:
        if k.startswith("t:"):
            if any(w in BODY_WORDS for f in forms[k] for w in norm(f).split()):
                body_names.add(uf.find(k))
            own_acronym[uf.find(k)].update(f.replace(".", "").upper() for f in forms[k] if _is_acronym(f))
    cluster_arts: dict[str, set[int]] = defaultdict(set)
    for k, arts in g.arts_of.items():
        cluster_arts[uf.find(k)] |= arts
    for k in list(forms):
        if not k.startswith("t:"):
            continue
        acronym = next((f for f in forms[k] if _is_acronym(f)), None)
        letters = len(acronym.replace(".", "")) if acronym else 0
        # two letters are too ambiguous to join a name on initials alone ("WN" is not "Women in
        # Nevada"); an article that spells both out merged them already, and "UN", "EU" are known.
        # Three letters name too many things to join a name met only in other articles ("CIA" is
        # not "Calicut International Airport"): the name must be in an article with the acronym,
        # or be the site's only name of these initials and a public body's.
        if letters >= 3:
            cands = {uf.find(c) for c in initials.get(acronym.replace(".", "").upper(), ())} - {uf.find(k)}
            if letters == 3:
                shared = {c for c in cands if cluster_arts[c] & cluster_arts[uf.find(k)]}
                # none in its articles: the one public body of the site with these initials
                # ("CDC", Centers for Disease Control and Prevention), not a firm, an airport or a
                # court, nor a body with an acronym of its own ("CDCR")
                cands = shared or {c for c in cands if c in body_names
                                   and not own_acronym[c] - {acronym.replace(".", "").upper()}}
            if len(cands) == 1:
                uf.union(k, cands.pop())
    join_brand_variants(g)


def join_brand_variants(g: NameGraph) -> None:
    """Step 4 (end): an acronym-like brand plus a word such brands add ("NBC News", "CBS Inc.":
    :func:`names.brand_of`) is the brand ("NBC") when the site names the brand alone as an
    organisation: one broadcaster, not two pages. The whole first word must be the acronym
    ("CNBC News" is no NBC)."""
    for k in sorted(g.forms):
        if not k.startswith("t:") or "@" in k:
            continue
        display = g.forms[k].most_common(1)[0][0]
        brand = brand_of(display)
        target = "t:" + brand if brand else None
        if target and target in g.forms and any(f.isupper() for f in g.forms[target]) \
                and g.uf.find(target) != g.uf.find(k):
            g.uf.union(k, target)
            g.why[k].add(f"'{display}': the brand {brand.upper()} plus a word its name adds with no change of body")


# --------------------------------------------------------------------------- one article's names


def _article_country(entities) -> str | None:
    """The country an article is about: the country named at least twice as often as any other
    (a country, a US state, a capital, a body's name carrying one: "U.S. Supreme Court"); None
    when no country dominates (a US article about Ukraine names both)."""
    count: Counter = Counter()
    for e in entities:
        c = country_of(e.name) or (capital_of(e.name) if e.type == "Place" else None) \
            or (_country_split(e.name)[0] if e.type != "Person" else None)
        if c:
            count[c] += max(1, e.mentions)
    top = count.most_common(2)
    if not top or len(top) == 2 and top[0][1] < 2 * top[1][1]:
        return None
    return top[0][0]


def _local_people(entities) -> tuple[dict[str, str], set[str], set[str]]:
    """Short mentions that are the person an article names in full: ``{entity id: full entity id}``,
    the set of words (normalised) that fit several people of the article, and the ids of the
    mentions NER typed as things that fit several people ("Mendez" beside Tony and Jonna
    Mendez): such a mention is nobody's for sure.

    A one-word person ("Bernie", "Sanders", "Mr. Sanders") joins the one person of the article
    whose first name or surname (a later word) it is; a name NER typed otherwise, of one or two
    words, joins the one person whose surname it is ("Pierce", "La Riva"), unless it is an
    acronym, an organisation's word, or typed a place and known to the gazetteer ("Washington"
    beside George Washington). Several such people ("Jackson" beside Amy Berman Jackson and
    Andrew Jackson): it joins none of them."""
    full: dict[str, tuple[str, list[str]]] = {}
    for e in entities:
        if e.type == "Person" or (_retype(e.name, e.type, False) or ("",))[0] == "Person":
            core = _person_variants(e.name)[0].split()
            while len(core) > 1 and core[0].lower().replace(".", "") in NAME_TITLE_WORDS:    # "Judge Quell"
                core = core[1:]
            if len(core) >= 2:
                full.setdefault(norm(" ".join(core)), (e.id, [norm(w) for w in core]))
    out: dict[str, str] = {}
    ambiguous: set[str] = set()
    unsure: set[str] = set()
    if not full:
        return out, ambiguous, unsure
    for e in entities:
        words = clean_display(e.name).split()
        while len(words) > 1 and words[0].lower().replace(".", "") in NAME_TITLE_WORDS:    # "Judge Jackson"
            words = words[1:]
        if e.type == "Person":
            if len(words) != 1 and not all(norm(w) in _PARTICLES for w in words[:-1]):    # ("De Blasio")
                continue
        elif e.type == "Group" or not 1 <= len(words) <= 2 or _is_acronym(e.name) or _org_words(words) \
                or e.type == "Place" and is_known_place(e.name) or not all(w[:1].isupper() for w in words if w.lower() not in ("de", "la", "van", "von", "da", "del", "le")):
            continue
        kw = [norm(w) for w in words]
        if not all(kw):
            continue
        # a surname is a later word of the full name ("Vázquez" of Wanda Vázquez Garced)
        cands = {key for key, (_, core) in full.items()
                 if len(core) > len(kw) and any(core[i:i + len(kw)] == kw for i in range(1, len(core) - len(kw) + 1))
                 or e.type == "Person" and core[0] == kw[0]}
        cands.discard(norm(" ".join(words)))
        if not cands and e.type not in ("Person", "Group") and len(kw) == 1 and len(kw[0]) >= 5:
            # a thing-typed spelling of the surname one letter off ("Saree" beside Yahya Sarea)
            cands = {key for key, (_, core) in full.items() if len(core) >= 2 and _one_letter_off(core[-1], kw[0])}
        if len(cands) == 1:
            target = full[cands.pop()][0]
            if target != e.id:
                out[e.id] = target
        elif cands:
            ambiguous.add(" ".join(kw))
            if e.type != "Person":
                unsure.add(e.id)
    return out, ambiguous, unsure


def _one_letter_off(a: str, b: str) -> bool:
    """Whether two words of 5+ letters sharing their first three differ by one letter changed,
    added or dropped (transliterations: "Sarea", "Saree")."""
    if a == b or min(len(a), len(b)) < 5 or a[:3] != b[:3] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _local_storms(entities, taken: dict[str, str]) -> dict[str, str]:
    """One-word names that are a storm the article names with its kind ("Humberto" beside
    "Hurricane Humberto"): ``{entity id: the storm's entity id}`` (its most mentioned form). NER
    takes a storm's bare name for a person."""
    storms: dict[str, tuple] = {}
    for e in entities:
        words = clean_display(e.name).split()
        if EVENT_FIRST.match(e.name) and len(words) >= 2:
            best = storms.get(norm(words[-1]))
            if best is None or (e.mentions, e.type == "Event", e.id) > best[:3]:
                storms[norm(words[-1])] = (e.mentions, e.type == "Event", e.id)
    out: dict[str, str] = {}
    for e in entities:
        if e.id not in taken and " " not in clean_display(e.name) and norm(e.name) in storms:
            out[e.id] = storms[norm(e.name)][2]
    return out


def _local_orgs(entities, taken: dict[str, str], country: str | None = None) -> tuple[dict[str, str], set[str]]:
    """Short organisation names that are the end of a longer one in the same article, or its start
    when the longer one ends with a company word ("Ford" beside Ford Motor Company; not a country's
    branch, "Facebook Ireland Limited"): ``{entity
    id: longer entity id}`` when one longer name fits ("Senate" beside "U.S. Senate"), and the ids
    of those several fit ("Post" beside the Washington Post and the New York Post): such a
    mention is nobody's for sure. A generic body's one-word name ("Court") beside no longer name
    ending in it is left to the country rule."""
    longer = []
    for e in entities:
        if e.type not in ("Person", "Group") and e.id not in taken and not _is_acronym(e.name):
            longer.append((e.id, [norm(w) for w in clean_display(e.name).split()], _org_key(e.name, country)))
    out: dict[str, str] = {}
    unsure: set[str] = set()
    for e in entities:
        if e.type in ("Person", "Group") or e.id in taken or _is_acronym(e.name) or is_known_place(e.name):
            continue
        kw = [norm(w) for w in clean_display(e.name).split()]
        if not 1 <= len(kw) <= 2 or not all(kw):
            continue
        generic = len(kw) == 1 and _generic(kw)
        if generic and not is_generic_word(kw[0]):
            continue        # "Congress" is the country's one Congress, not the "116th Congress" beside it
        # ("Court" beside "Supreme Court", "Department" beside "State Department of Health";
        # beside no longer name it is left to the country rule)
        # (keyed as bodies: "United States Navy" and "U.S. Navy" are one fit)
        cands = {key: i for i, words, key in longer
                 if i != e.id and len(words) > len(kw) and (
                     words[-len(kw):] == kw
                     or generic and "of" in words[1:] and words[words.index("of") - 1] == kw[0]
                     or not generic and words[:len(kw)] == kw and words[-1] in COMPANY_WORDS
                     and not any(country_of(w) for w in words[len(kw):-1]))}
        if len(cands) == 1:
            out[e.id] = cands.popitem()[1]
        elif cands:
            unsure.add(e.id)
    for i in out:       # "Court" -> "Supreme Court" -> "U.S. Supreme Court": the end of the chain
        seen = {i}
        while out[i] in out and out[i] not in seen:
            seen.add(out[i])
            out[i] = out[out[i]]
    return out, unsure



def _cluster_weights(uf: _UnionFind, weight: Counter) -> Counter:
    """Each cluster's weight (by its root): the sum of its names' weights."""
    out: Counter = Counter()
    for k, w in weight.items():
        out[uf.find(k)] += w
    return out


def _date_key(d) -> float:
    try:
        return d.timestamp()
    except (AttributeError, ValueError, OverflowError, OSError):
        return float("-inf")
