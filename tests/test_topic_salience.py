"""Issue 12: an article's topics are what it is about, judged from how its own words name them
(registry/topics.py ``_about_in_own_words``, ``_without_passed_cities``): mentions inside direct
quotations, in long lists or in a person's label do not count; a city only locates the story of
the person the headline names. No spaCy: the engine's entities are written by hand, with spans
at the offsets the engine would give (its text of the HTML)."""
import datetime as dt
import re
from types import SimpleNamespace

from newsgraph.engine.model import ArticleResult, Entity, Quote, Span
from newsgraph.engine.text import from_html
from newsgraph.site import registry

TYPES = ("Person", "Organization", "Place", "Event")
LEAD = ("Ferry crossings on the northern route were cancelled on Monday after a storm damaged the "
        "landing stage, the operator said in a statement to passengers.")


#: Paragraphs naming nothing, to make an article longer than a brief (``topics.BRIEF``).
FILLER = ["Firefighters worked through the night to save the warehouses along the quay, and the "
          "council thanked them on Tuesday for the long hours they had spent there."] * 8


def _article(headline, paragraphs, names, quoted=(), answers=(), filler=True):
    """One article (``filler``: made longer than a brief): its HTML, every name's spans (all its occurrences, aliases too), salient as
    the engine marks them, and direct quotes of the ``quoted`` passages (``answers``: interview
    answers, the label before each being cue and source)."""
    html = "".join(f"<p>{p}</p>" for p in [*paragraphs, *(FILLER if filler else ())])
    text = from_html(html).source
    entities = []
    for i, (name, etype, *aliases) in enumerate(names):
        forms = sorted([name, *aliases], key=len, reverse=True)
        spans = [Span(m.start(), m.end(), m.group())
                 for m in re.finditer(r"(?<!\w)(?:%s)(?!\w)" % "|".join(map(re.escape, forms)), text)]
        entities.append(Entity(id=f"e{i}", name=name, type=etype, aliases=list(aliases),
                               mentions=len(spans), salient=True, spans=spans))
    quotes = []
    for passage in quoted:
        s = text.index(passage)
        quotes.append(Quote(kind="direct", contents=[Span(s, s + len(passage), passage)]))
    for label, answer in answers:
        s, ls = text.index(answer), text.index(label)
        lab = Span(ls, ls + len(label), label)
        quotes.append(Quote(kind="direct", contents=[Span(s, s + len(answer), answer)], cue=lab, sources=[lab]))
    art = SimpleNamespace(url=f"{abs(hash(headline))}.html", title=headline, date=dt.datetime(2021, 5, 1),
                          content=html)
    return registry.ArticleRecord(article=art, result=ArticleResult(quotes=quotes, entities=entities))


def _topics(rec):
    registry.build([rec], topic_types=TYPES, topic_min_mentions=2, topic_salient_only=True, topic_min_articles=1)
    return sorted(i.name for i in rec.topics)


def test_mentions_inside_a_direct_quotation_do_not_make_the_article_about_a_place():
    quote = ("Fernwick has waited long enough. Fernwick deserves a bridge, and Fernwick will get one")
    said = _article("Council approves ferry budget", [LEAD, f'"{quote}," said Odile Marchbank at the meeting.'],
                    [("Fernwick", "Place")], quoted=[quote])
    told = _article("Council approves ferry budget", [LEAD, "Fernwick has waited long for a bridge. Fernwick "
                                                             "will get one next year, and Fernwick is pleased."],
                    [("Fernwick", "Place")])
    assert _topics(said) == [] and _topics(told) == ["Fernwick"]


def test_interview_answers_are_the_articles_own_words():
    answer = "Fernwick is where I grew up. Fernwick taught me the sea, and Fernwick keeps me honest."
    rec = _article("Ferry captain talks to the Courier", [LEAD, "((Courier)) Where did you learn to sail?",
                                                          f"((Odile Marchbank)) {answer}"],
                   [("Fernwick", "Place")], answers=[("Odile Marchbank", answer)])
    assert _topics(rec) == ["Fernwick"]


def test_a_place_that_labels_a_person_or_an_office_does_not_count():
    labels = ("Senator Odile Marchbank of Fernwick voted against the plan. The mayor of Fernwick wrote to "
              "the board, and Fernwick Governor Aldo Pelling called it a mistake.")
    rec = _article("Northern ferry plan passes", [LEAD, labels],
                   [("Odile Marchbank", "Person"), ("Fernwick", "Place"), ("Aldo Pelling", "Person")])
    assert "Fernwick" not in _topics(rec)
    story = "Storms hit Fernwick again. Fernwick lost power for a day, and Fernwick harbour flooded."
    rec = _article("Northern ferry plan passes", [LEAD, labels + " " + story],
                   [("Odile Marchbank", "Person"), ("Fernwick", "Place"), ("Aldo Pelling", "Person")])
    assert "Fernwick" in _topics(rec)


def test_a_name_in_a_list_of_four_or_more_is_one_of_many_not_three():
    many = ("Crews came from Ardley, Fernwick, Oxmere and Quillby. Donations came from Ardley, Fernwick, "
            "Oxmere and Quillby too; later Ardley, Fernwick, Oxmere and Quillby signed the pact.")
    few = many.replace("Oxmere and Quillby", "Oxmere").replace(", Oxmere", " and Oxmere")
    places = [(n, "Place") for n in ("Ardley", "Fernwick", "Oxmere", "Quillby")]
    assert _topics(_article("Harbour towns sign pact", [LEAD, many], places)) == []
    assert _topics(_article("Harbour towns sign pact", [LEAD, few], places[:3])) == ["Ardley", "Fernwick", "Oxmere"]


def test_a_name_and_its_acronym_in_brackets_are_one_mention():
    once = "The Harbour Safety Board (HSB) will inspect the landing stage. The HSB said nothing else."
    rec = _article("Ferry landing stage to be inspected", [LEAD, once],
                   [("Harbour Safety Board", "Organization", "HSB")])
    assert _topics(rec) == []
    rec = _article("Ferry landing stage to be inspected", [LEAD, once + " The HSB inspects every pier yearly."],
                   [("Harbour Safety Board", "Organization", "HSB")])
    assert _topics(rec) == ["Harbour Safety Board"]


def test_a_name_of_the_lead_or_the_headline_is_a_topic_with_fewer_mentions():
    lead = LEAD.replace("the operator", "Tidewater Ferries")
    assert _topics(_article("Crossings cancelled", [lead, "Tidewater Ferries apologised."],
                            [("Tidewater Ferries", "Organization")])) == ["Tidewater Ferries"]
    # a passing name: twice, after the lead, not in the headline
    assert _topics(_article("Crossings cancelled", [LEAD, "Tidewater Ferries apologised. Later Tidewater "
                                                          "Ferries refunded tickets."],
                            [("Tidewater Ferries", "Organization")])) == []
    # the headline names it by its adjective: a country's, or a one-word name's ending
    body = "Hungary bought the yard; Hungary will build ferries there. Congress of ship owners voted, Congress said."
    names = [("Hungary", "Place"), ("Congress", "Organization")]
    assert _topics(_article("Hungarian state firm buys shipyard; Congressional vote follows", [LEAD, body],
                            names)) == ["Congress", "Hungary"]
    assert _topics(_article("State firm buys shipyard; vote follows", [LEAD, body], names)) == []


def test_a_city_only_locating_the_story_of_the_headlines_person_is_not_a_topic():
    trip = ("Odile Marchbank was flown from Omsk to Berlin on Friday. Doctors in Berlin said she was stable; "
            "doctors in Omsk had found nothing. Marchbank thanked her doctors in Berlin.")
    names = [("Odile Marchbank", "Person", "Marchbank"), ("Omsk", "Place"), ("Berlin", "Place"), ("Germany", "Place")]
    got = _topics(_article("Marchbank flown to Germany for treatment", [trip, LEAD], names))
    assert got == ["Odile Marchbank"]
    # no person in the headline: the city is where the story happens
    got = _topics(_article("Ferry workers strike in two cities", [trip, LEAD], names))
    assert "Berlin" in got and "Omsk" in got
    # a country is never only a place the story passed through
    got = _topics(_article("Marchbank ill after trip", [trip.replace("Berlin", "Germany"), LEAD], names))
    assert "Germany" in got and "Omsk" not in got


def test_in_a_brief_two_mentions_of_its_own_are_enough():
    brief = ["The Harbor Gang set the fires, police said.", '"We will stop them," the mayor said.',
             "Police arrested two members of the Harbor Gang."]              # no paragraph of 15 words
    gang = [("Harbor Gang", "Organization")]
    assert _topics(_article("Arrests after fires", brief, gang, filler=False)) == ["Harbor Gang"]
    assert _topics(_article("Arrests after fires", brief, gang)) == []
