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
