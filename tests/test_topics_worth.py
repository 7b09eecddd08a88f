"""Issue 12 point 5: topic tags worth a page (no spaCy): held by >= N articles, never adjectives,
time zones, bylines or the publisher."""
from test_registry import art, ent, rec

from newsgraph.site import registry

TYPES = ("Person", "Organization", "Place", "Event")


def _topics(records, **kw):
    registry.build(records, topic_types=TYPES, topic_min_mentions=2, **kw)
    return [sorted(i.name for i in r.topics) for r in records]


def test_a_topic_of_one_article_only_is_no_tag_at_two_articles():
    records = [rec(art("a", 1), [ent("o1", "Lantern Guild", "Organization", mentions=3),
                                 ent("o2", "Tidewater Ferries", "Organization", mentions=3)], []),
               rec(art("b", 2), [ent("o1", "Lantern Guild", "Organization", mentions=2)], [])]
    assert _topics(records, topic_min_articles=2) == [["Lantern Guild"], ["Lantern Guild"]]


def test_one_article_topics_stay_when_the_setting_is_one():
    records = [rec(art("a", 1), [ent("o2", "Tidewater Ferries", "Organization", mentions=3)], [])]
    assert _topics(records, topic_min_articles=1) == [["Tidewater Ferries"]]


def test_bylines_and_publisher_are_never_topics_even_in_many_articles():
    records = [rec(art(s, d), [ent("p1", "Marta Quillfeather", mentions=2),
                               ent("o1", "Bramble Gazette", "Organization", mentions=2),
                               ent("o3", "Lantern Guild", "Organization", mentions=2)], []) for s, d in (("a", 1), ("b", 2))]
    got = _topics(records, topic_min_articles=2, topic_exclude=["marta quillfeather", "Bramble Gazette"])
    assert got == [["Lantern Guild"], ["Lantern Guild"]]


def test_adjectives_and_time_zones_are_never_topic_names():
    for bad in ("Chinese", "Democratic", "Syrian", "British", "Islamic", "Mexican",
                "EST", "GMT", "Pacific Time", "Eastern Standard Time", "Central European Summer Time"):
        assert not registry.is_topic_name(bad, "Organization"), bad
    for good in ("Lantern Guild", "Taliban", "Hamas", "NATO", "Democratic Party"):
        assert registry.is_topic_name(good, "Organization"), good
    # a person or a place may have the shape of an adjective
    assert registry.is_topic_name("Christian", "Person") and registry.is_topic_name("Pacific", "Place")


def test_adjective_typed_as_organisation_in_two_articles_is_no_tag():
    records = [rec(art(s, d), [ent("o1", "Democratic", "Organization", mentions=3)], []) for s, d in (("a", 1), ("b", 2))]
    assert _topics(records, topic_min_articles=2) == [[], []]


def _article(title, day, body, author="Marta Quillfeather"):
    return f"Title: {title}\nDate: 2021-03-{day:02d}\nAuthor: {author}\nTags: Harbour life\n\n{body}\n"


def test_site_topics_need_two_articles_and_skip_bylines(tmp_path):
    from sitebuild import build
    guild = ("The Lantern Guild opened its new hall on Monday. Members of the Lantern Guild said the hall "
             "would host concerts. Marta Quillfeather reported from the opening, and Marta Quillfeather "
             "spoke to the Lantern Guild about its plans.")
    ferries = ("Tidewater Ferries cancelled three crossings. Tidewater Ferries blamed the storm, and "
               "Tidewater Ferries promised refunds to every passenger.")
    res = build(tmp_path, {"one": _article("Lantern Guild opens hall", 1, guild),
                           "two": _article("Lantern Guild hall hosts first concert", 2, guild.replace("opened", "filled")),
                           "three": _article("Ferries cancelled", 3, ferries)},
                settings={"NEWSGRAPH_TAG_MIN_ARTICLES": 2})
    tags = res.output / "tag"
    assert (tags / "lantern-guild.html").is_file()
    assert not (tags / "tidewater-ferries.html").exists()          # one article only
    assert not (tags / "marta-quillfeather.html").exists()         # the byline
    assert (tags / "harbour-life.html").is_file()                 # the author's own tag, one article: kept


def _spread(id, name, type, starts, salient=True):
    """An entity mentioned at ``starts`` (character offsets of the article's text)."""
    from newsgraph.engine.model import Entity, Span
    return Entity(id=id, name=name, type=type, mentions=len(starts), salient=salient,
                  spans=[Span(s, s + len(name), name) for s in starts])


def _long(slug, day, title, entities):
    """A 20,000-character round-up: the last name found near its end."""
    a = art(slug, day)
    a.title = title
    return rec(a, [*entities, _spread("o9", "Quarry Almanac", "Organization", [19990], salient=False)], [])


def test_a_long_article_is_not_about_a_name_of_its_lead_or_a_few_mentions():
    records = [_long(s, d, "Monthly notes from the harbour", [
        _spread("l1", "Fernwick", "Place", [120, 9000]),                 # the lead and once more
        _spread("o1", "Lantern Guild", "Organization", [150, 600, 4000, 8000, 12000, 16000, 19000]),
        _spread("p1", "Odile Marchbank", "Person", [5000, 5100, 5200])])  # one quoted passage
        for s, d in (("a", 1), ("b", 2))]
    assert _topics(records, topic_min_articles=2, topic_salient_only=True) == [["Lantern Guild"]] * 2


def test_a_long_article_is_about_the_names_of_its_headline():
    records = [_long(s, d, "Marchbank <em>leaves</em> the Fernwick council", [
        _spread("l1", "Fernwick", "Place", [120, 9000]),
        _spread("p1", "Odile Marchbank", "Person", [5000, 5100])])       # her surname is enough
        for s, d in (("a", 1), ("b", 2))]
    assert _topics(records, topic_min_articles=2, topic_salient_only=True) == [["Fernwick", "Odile Marchbank"]] * 2


def test_a_short_article_is_still_about_its_lead():
    records = [rec(art(s, d), [_spread("l1", "Fernwick", "Place", [120, 900]),
                               _spread("o9", "Quarry Almanac", "Organization", [1500], salient=False)], [])
               for s, d in (("a", 1), ("b", 2))]
    assert _topics(records, topic_min_articles=2, topic_salient_only=True) == [["Fernwick"]] * 2


def test_a_person_with_an_abbreviated_surname_is_a_fragment_not_a_topic():
    for bad in ("Tomas R.", "Ilse K."):
        assert not registry.is_topic_name(bad, "Person"), bad
    for good in ("Malcolm X", "Tomas Rendel"):
        assert registry.is_topic_name(good, "Person"), good
    assert registry.is_topic_name("Hepatitis B", "Condition")


def _with_text(slug, day, body, entities):
    a = art(slug, day)
    a.content = f"<p>{body}</p>"
    return rec(a, entities, [])


def test_a_name_only_cited_as_a_source_is_not_a_topic():
    cited = ("According to the Quillby Courier, the ferry sank at dawn. Harbour master Odile Marchbank told "
             "the Quillby Courier that nobody was hurt; Fernwick wrote on Chirper that the crew swam ashore, "
             "Chirper and the Quillby Courier reported.")
    records = [_with_text(s, d, cited, [ent("o1", "Quillby Courier", "Organization", mentions=3, salient=True),
                                        ent("o2", "Chirper", "Organization", mentions=2, salient=True),
                                        ent("l1", "Fernwick", "Place", mentions=2, salient=True)])
               for s, d in (("a", 1), ("b", 2))]
    assert _topics(records, topic_min_articles=2, topic_salient_only=True) == [["Fernwick"]] * 2


def test_a_source_that_is_also_what_the_article_is_about_stays_a_topic():
    about = ("The Quillby Courier closed its print edition on Monday. According to the Quillby Courier, "
             "the website will carry on; the Quillby Courier had printed daily since 1881.")
    records = [_with_text(s, d, about, [ent("o1", "Quillby Courier", "Organization", mentions=3, salient=True)])
               for s, d in (("a", 1), ("b", 2))]
    assert _topics(records, topic_min_articles=2, topic_salient_only=True) == [["Quillby Courier"]] * 2


def test_a_collective_byline_excludes_the_publication_it_names():
    records = [rec(art(s, d), [ent("o1", "Bramble Gazette", "Organization", mentions=2),
                               ent("o3", "Lantern Guild", "Organization", mentions=2)], []) for s, d in (("a", 1), ("b", 2))]
    got = _topics(records, topic_min_articles=2, topic_exclude=["Bramble Gazette contributors"])
    assert got == [["Lantern Guild"], ["Lantern Guild"]]


def test_a_one_word_name_mostly_glued_after_another_capitalised_word_is_a_fragment():
    glued = ("Engineers moved the servers to Quarry Lumen last spring. Lumen replaced the old system, and "
             "users of Quarry Lumen now get updates weekly; Quarry Lumen is free.")
    alone = ("Engineers moved the servers to Lumen last spring. Lumen replaced the old system, and users "
             "of Lumen now get updates weekly. Senator Lumen is unrelated.")
    for body, want in ((glued, []), (alone, ["Lumen"])):
        records = [_with_text(s, d, body, [ent("o1", "Lumen", "Organization", mentions=4, salient=True)])
                   for s, d in (("a", 1), ("b", 2))]
        assert _topics(records, topic_min_articles=2, topic_salient_only=True) == [want] * 2, body
