"""Right speaker, by name (issue 11): pronouns, affiliations, descriptions, confidence.
Sentences are written for these tests."""
import pytest
from quote_helpers import name, one

from newsgraph.engine import lexicon


@pytest.fixture
def marked(extract):
    def run(text):
        r = extract(text)
        return r, [q for q in r.quotes if q.kind in ("direct", "partial")]
    return run


# --------------------------------------------------------------------------- 1. pronouns
def test_first_name_table_gives_gender():
    assert lexicon.first_name_gender("Margaret") == "f"
    assert lexicon.first_name_gender("Gregory") == "m"
    assert lexicon.first_name_gender("Jordan") is None          # given to both: the article must say


def test_she_skips_a_man_named_later_by_first_name(marked):
    # the nearest person before "she" is a man, known only by his first name's gender
    r, qs = marked("Margaret Okafor criticised the budget proposed by Gregory Vance.\n\n"
                   "“This plan abandons the farmers,” she said.")
    assert name(r, one(qs, "abandons")) == "Margaret Okafor"


def test_he_is_the_subject_of_the_previous_sentence_not_the_last_name(marked):
    # a careful reader takes the sentence's subject (the retired judge), not the name in the object
    r, qs = marked("Retired judge Tomas Brandt spoke at length about his years serving under Victor Hale.\n\n"
                   "“The courts were starved of money,” he told the audience.")
    assert name(r, one(qs, "starved")) == "Tomas Brandt"


def test_he_follows_a_chain_of_pronoun_subjects(marked):
    r, qs = marked("Campaign adviser Dmitri Olsen met reporters on Friday.\n\n"
                   "He would not say why the rally with Nathan Price was cancelled.\n\n"
                   "“We have nothing to add,” he said.")
    assert name(r, one(qs, "nothing to add")) == "Dmitri Olsen"


def test_he_looks_past_a_sentence_about_an_organisation(marked):
    # the sentence before the quote is about an agency; "he" is the man the paragraph before was about
    r, qs = marked("Commissioner Howard Lin met the press in the afternoon.\n\n"
                   "He added that the plan was meant as an incentive for the counties.\n\n"
                   "The agency announced in May that new rules were coming.\n\n"
                   "“We want a partnership, not a fight,” he said.")
    q = one(qs, "partnership")
    assert name(r, q) == "Howard Lin" and q.confidence >= 0.8


# --------------------------------------------------------------------------- 6. confidence
def test_every_attribution_has_a_confidence_that_orders_the_ways_of_finding_it(marked):
    r, qs = marked("“The harbour will reopen in June,” said Port Director Anika Svensson.\n\n"
                   "Several boats were damaged in the storm, officials said, and one sank near the pier.\n\n"
                   "“We lost everything,” he said.")
    named = one(qs, "harbour")
    assert name(r, named) == "Anika Svensson" and named.confidence >= 0.9
    for q in r.quotes:
        assert 0.0 <= q.confidence <= 1.0
        assert (q.confidence == 0.0) == (q.speaker is None)
    lost = one(qs, "lost everything")          # "he": nobody fits (the only person is a woman)
    assert lost.speaker is None or lost.confidence < named.confidence


def test_confidence_round_trips_through_the_data_model():
    from newsgraph.engine.model import SCHEMA_VERSION, ArticleResult, Quote, Span
    q = Quote(kind="direct", contents=[Span(0, 5, "Words")], speaker="person/a", confidence=0.42)
    back = ArticleResult.from_dict(ArticleResult(quotes=[q]).to_dict()).quotes[0]
    assert back.confidence == 0.42 and back.quotations()[0].confidence == 0.42
    assert SCHEMA_VERSION >= 3


def test_cli_output_carries_the_confidence(tmp_path, capsys):
    import json

    from newsgraph import cli
    p = tmp_path / "a.txt"
    p.write_text("“We will build it,” said Mayor Olga Brandt.\n", encoding="utf-8")
    assert cli.main(["extract", str(p)]) == 0
    line = json.loads(capsys.readouterr().out.splitlines()[0])
    assert line["quotes"][0]["confidence"] >= 0.9


def test_registry_publishes_only_confident_attributions():
    import datetime as dt
    from types import SimpleNamespace

    from newsgraph.engine.model import ArticleResult, Entity, Quote, Span
    from newsgraph.site import registry

    def quote(text, conf):
        return Quote(kind="direct", contents=[Span(0, len(text), text)], speaker="p1", confidence=conf)
    a = SimpleNamespace(url="a.html", title="A", date=dt.datetime(2020, 1, 1))
    result = ArticleResult(quotes=[quote("Sure.", 0.97), quote("Unsure.", 0.3)],
                           entities=[Entity(id="p1", name="Nora Quist", type="Person")])
    rec = registry.ArticleRecord(article=a, result=result)
    reg = registry.build([rec], min_confidence=0.5)
    assert [r.text for r in reg.speakers[0].quotes] == ["Sure."]
    assert [r.text for r in rec.quotes] == ["Sure."]               # the article's JSON-LD quotations too
    assert len(result.quotes) == 2                                  # the results keep both
    everything = registry.build([registry.ArticleRecord(article=a, result=result)])     # default: all
    assert sorted(r.text for r in everything.speakers[0].quotes) == ["Sure.", "Unsure."]


def test_min_confidence_setting_has_a_default():
    from newsgraph.site import settings
    s = {}
    settings.set_defaults(s)
    assert 0.0 < s["NEWSGRAPH_MIN_CONFIDENCE"] < 1.0


# --------------------------------------------------------------------------- 3. documents
def test_the_report_said_is_the_publisher_of_the_report(marked):
    r, qs = marked("The Harwick Institute released a report on rural hospitals on Monday.\n\n"
                   "Mayor Dana Whitfield welcomed it.\n\n"
                   "“Nearly a third of rural clinics could close within five years,” the report said.")
    assert name(r, one(qs, "rural clinics")) == "Harwick Institute"


def test_the_ad_said_is_whoever_made_the_ad(marked):
    r, qs = marked("Senator Ruth Calloway has a new campaign ad attacking Governor Glenn Ostrow.\n\n"
                   "“He cut the schools and raised your taxes,” the clip says.")
    assert name(r, one(qs, "cut the schools")) == "Ruth Calloway"


def test_a_document_nobody_is_said_to_have_published_is_nobodys(marked):
    r, qs = marked("Mayor Dana Whitfield spoke to the council about the budget.\n\n"
                   "“The deficit will double by next year,” the report said.")
    assert one(qs, "deficit").speaker is None


# --------------------------------------------------------------------------- 2. affiliations
def test_the_person_not_the_team_he_coaches(marked):
    r, qs = marked("“We were outplayed in the second half,” Brookvale coach Marty Delacroix said after the game.")
    assert name(r, one(qs, "outplayed")) == "Marty Delacroix"


def test_the_person_not_the_university_she_works_at(marked):
    r, qs = marked("Helena Voss of the University of Wisconsin, Madison, said the statues were carved "
                   "“with astonishing care over many generations.”")
    assert name(r, one(qs, "astonishing care")) == "Helena Voss"


def test_a_named_spokeswoman_is_the_speaker(marked):
    r, qs = marked("“The speaker has no plans to resign,” Senator Crane’s spokeswoman, Lydia Marsh, said.")
    assert name(r, one(qs, "no plans")) == "Lydia Marsh"


def test_an_unnamed_spokeswoman_is_nobody_by_name_never_her_boss(marked):
    r, qs = marked("Senator Walter Crane faced questions about the land deal on Tuesday.\n\n"
                   "“The senator has no plans to resign,” Crane’s spokeswoman said.")
    q = one(qs, "no plans")
    assert name(r, q) != "Walter Crane"


def test_a_medium_is_the_source_of_what_it_reports(marked):
    r, qs = marked("According to the Daily Ledger, the mayor “never intended to run again.”")
    assert name(r, one(qs, "never intended")) == "Daily Ledger"


def test_a_medium_is_not_the_speaker_of_words_it_relays(marked):
    r, qs = marked("The Harbor Times reported that a source close to the mayor told the paper: "
                   "“She has already packed her office.”")
    assert name(r, one(qs, "packed her office")) != "Harbor Times"


# --------------------------------------------------------------------------- 7. one lexicon
def test_every_stage_reads_its_words_from_the_one_lexicon():
    from newsgraph.engine import attribution, entities, indirect, lexicon
    from newsgraph.site import registry
    assert attribution.CUE_LEMMAS is lexicon.CUE_LEMMAS and attribution.MENTAL_CUES is indirect.MENTAL_CUES
    assert entities.CORE_TITLES is lexicon.CORE_TITLES and attribution.CORE_TITLES is lexicon.CORE_TITLES
    assert indirect.CLAUSE_CUES is lexicon.CLAUSE_CUES and registry.NAME_TITLE_WORDS is lexicon.NAME_TITLE_WORDS
    # the stages agree: a personal title the entity stage knows is stripped by the registry too
    assert lexicon.PERSONAL_TITLES <= lexicon.NAME_TITLE_WORDS and lexicon.HONORIFICS <= lexicon.PERSONAL_TITLES
    assert lexicon.INVERTED_CUES <= lexicon.CUE_LEMMAS and lexicon.SAY_CUES <= lexicon.CUE_LEMMAS


def test_registry_strips_a_title_the_entity_stage_knows():
    from newsgraph.site import registry
    title, core = registry._strip_title("Professor Anneliese Moreau".split())
    assert title == ["Professor"] and core == ["Anneliese", "Moreau"]


def test_who_after_an_apposition_is_the_person_named(marked):
    r, qs = marked("Among the critics was Rosalind Achebe, the president of the Tenants League, who said the plan "
                   "was “a gift to the developers and nothing else.”")
    assert name(r, one(qs, "gift to the developers")) == "Rosalind Achebe"


# --------------------------------------------------------------------------- 3. descriptions
def test_the_president_is_not_the_vice_president(marked):
    r, qs = marked("President Alma Ferreira and Vice President Otto Lindgren toured the dam on Monday.\n\n"
                   "“This dam will power half the province,” the president said.")
    assert name(r, one(qs, "power half")) == "Alma Ferreira"


def test_a_description_only_goes_to_someone_who_fits_it(marked):
    r, qs = marked("The developer Raymond Kessler bought the land last year.\n\n"
                   "Council member Greta Lindholm opposed the sale.\n\n"
                   "“I paid a fair price for every acre,” the businessman said.")
    assert name(r, one(qs, "fair price")) != "Greta Lindholm"


def test_the_senator_is_the_person_titled_sen_before_the_name(marked):
    # the role is only in an abbreviated title before one mention; another person is named since
    r, qs = marked("Sen. Harriet Quill toured the flooded farms on Tuesday.\n\n"
                   "Quill met growers with the county agronomist, Pieter Vos, near the river.\n\n"
                   "“These families need help before the winter,” the senator said.")
    q = one(qs, "before the winter")
    assert name(r, q) == "Harriet Quill" and q.confidence >= 0.5


def test_the_president_is_the_person_called_president_elsewhere(marked):
    r, qs = marked("President Tobias Renn opened the summit. Mr. Renn spoke for an hour.\n\n"
                   "The delegates later heard from the economist Lars Ekdahl.\n\n"
                   "“We will not raise tariffs,” the president said.")
    assert name(r, one(qs, "raise tariffs")) == "Tobias Renn"


# --------------------------------------------------------------------------- names: one person per name
def test_mr_surname_is_not_a_woman_of_the_same_surname(marked):
    # only the wife is named in full; "Mr. Hartwell" is her husband, not her
    r, qs = marked("Linda Hartwell spoke first at the gala.\n\n"
                   "Mr. Hartwell followed her to the stage. “The work is not finished,” Mr. Hartwell said.\n\n"
                   "“I am proud of this city,” Mrs. Hartwell said.")
    assert name(r, one(qs, "not finished")) != "Linda Hartwell"
    assert name(r, one(qs, "proud of this city")) == "Linda Hartwell"


def test_a_name_from_a_title_case_headline_is_not_the_canonical_name(marked):
    r, qs = marked("Vandermeer Says The River Deal Is Dead\n\n"
                   "“There is no deal,” Vandermeer said on Monday at the port.")
    assert name(r, one(qs, "no deal")) == "Vandermeer"



def test_which_after_a_name_is_that_name_when_the_parse_misses_the_relative_clause(nlp):
    from newsgraph.engine import attribution
    from newsgraph.engine.entities import extract_entities

    text = ("The reporters turned to the Harbor Police Department which reported "
            "“forty-one burglaries in the old town” since May.")
    doc = nlp(text)
    which = next(t for t in doc if t.lower_ == "which")
    verb, main = which.head, next(t for t in doc if t.lower_ == "turned")
    verb.head, verb.dep_ = main, "advcl"      # the parse seen in news text: no relative clause
    index = extract_entities(doc, text=text)
    eid = attribution.resolve_source(doc, doc[which.i:which.i + 1], index)
    assert eid is not None and next(e for e in index.entities if e.id == eid).name == "Harbor Police Department"


def test_a_description_with_no_role_match_is_the_person_the_article_is_about(marked):
    # the last man named is a minor figure; the article is about the businessman it names throughout
    r, qs = marked("Victor Haldane bought the old port last spring. Haldane promised four hundred jobs.\n\n"
                   "Haldane met the dock unions on Friday. The talks were chaired by Tomas Reyes.\n\n"
                   "“I keep my promises,” the businessman said.")
    q = one(qs, "keep my promises")
    assert name(r, q) == "Victor Haldane" and q.confidence < 0.5


def test_quoted_words_in_someones_claim_are_that_persons(marked):
    # the fact-checker examines the claim; the claim's words are the mayor's
    r, qs = marked("The watchdog group Civic Ledger checked Mayor Ione Quarry's claim that there had been "
                   "“no new debt at all” since she took office.")
    q = one(qs, "no new debt")
    assert name(r, q) == "Ione Quarry" and "there had been" in q.contents[0].text


def test_a_dateline_is_never_the_speaker(marked):
    r, qs = marked("Bridge Opens After Ten Years\n\n"
                   "HALVERSTON -- Governor Maren Oduya, opening the harbour bridge on Sunday, said it would "
                   "“carry this city into a new century.”")
    q = one(qs, "new century")
    assert name(r, q) == "Maren Oduya"


def test_a_gendered_description_is_a_person_of_that_gender(marked):
    r, qs = marked("Margaret Ellison toured the children's hospital on Monday with the surgeon Ivan Petrov.\n\n"
                   "“Every child here deserves a better building,” the former first lady said.")
    q = one(qs, "better building")
    assert name(r, q) == "Margaret Ellison" and q.confidence < 0.5


def test_the_chair_of_an_organisation_is_the_person_titled_so(marked):
    r, qs = marked("Interim Chairwoman Rosa Delgado of the Harbor Arts Council opened the meeting.\n\n"
                   "The council's budget fell by a third this year.\n\n"
                   "“We will not close a single gallery,” the chair of the Harbor Arts Council said.")
    q = one(qs, "single gallery")
    assert name(r, q) == "Rosa Delgado"


def test_the_spokesman_of_an_organisation_is_still_the_organisation(marked):
    r, qs = marked("Chairwoman Rosa Delgado of the Harbor Arts Council opened the meeting.\n\n"
                   "“No gallery will close,” a spokesman for the Harbor Arts Council said.")
    assert name(r, one(qs, "No gallery")) != "Rosa Delgado"


def test_a_speech_someone_delivered_is_theirs(marked):
    r, qs = marked("The plan is meant to help commuters, according to a speech Governor Margaret Lind delivered "
                   "at the port in March, and it would “cut waiting times by half within two years.”")
    assert name(r, one(qs, "waiting times")) == "Margaret Lind"


def test_a_surname_misspelt_once_is_the_same_person(marked):
    r, qs = marked("Two voters, Patricia Donnelly and Bruno Alves, came to the rally on Saturday.\n\n"
                   "“He comes here when he needs our votes,” Donelly said of the candidate.")
    assert name(r, one(qs, "needs our votes")) == "Patricia Donnelly"


def test_a_family_name_in_the_plural_is_not_one_of_them():
    from newsgraph.engine.entities import _one_edit
    assert _one_edit("mclenney", "mcclenney") and not _one_edit("clintons", "clinton")


def test_he_is_the_name_opening_the_previous_sentence_when_the_parse_gave_it_no_subject(nlp):
    from newsgraph.engine import attribution
    from newsgraph.engine.entities import extract_entities

    text = ("Councilman Paul Brandt is running for the Senate.\n\n"
            "“He has not shown an ambition for higher office,” said Quentin Vale, a professor.\n\n"
            "Brandt bristles at the suggestion he is not ready. “I have done the work,” he said.")
    doc = nlp(text)
    brandt = next(t for t in doc if t.text == "Brandt" and t.idx > 100)
    verb = doc[brandt.i + 1]
    for c in list(verb.children):
        if c.dep_ in ("nsubj", "nsubjpass"):
            c.dep_ = "dep"
    brandt.head, brandt.dep_ = verb, "compound"      # as the parser reads "Brandt bristles" in news text
    index = extract_entities(doc, text=text)
    ctx = attribution.make_context(doc, index)
    he = [t for t in doc if t.lower_ == "he"][-1]
    e = attribution._focus_person(ctx, he, "m")
    assert e is not None and e.name == "Paul Brandt"


def test_a_noun_misread_as_the_verb_after_a_quote_is_not_its_cue_when_a_saying_verb_follows(nlp):
    # "Tarrawong coach Phil Danton said": a parse that reads "coach" as a verb ("Tarrawong coaches
    # Phil Danton") must not make the town the speaker; the saying verb after it is the cue
    from newsgraph.engine import attribution
    from newsgraph.engine.entities import extract_entities

    text = "“I am pretty happy with that,” Tarrawong coach Phil Danton said."
    doc = nlp(text)
    town, coach, danton, said = (next(t for t in doc if t.text == w) for w in ("Tarrawong", "coach", "Danton", "said"))
    coach.pos_, coach.tag_, coach.head, coach.dep_ = "VERB", "VBP", said, "ccomp"
    town.head, town.dep_ = coach, "nsubj"
    danton.head, danton.dep_ = coach, "dobj"                 # as the parser reads it in news text
    for t in doc:
        if t.head.i == said.i and t.dep_ in ("nsubj", "nsubjpass") and t.i != said.i:
            t.dep_ = "dep"
    index = extract_entities(doc, text=text)
    (q,) = attribution.attribute(doc, index)
    assert q.cue.text == "said"
    assert next(e for e in index.entities if e.id == q.speaker).name == "Phil Danton"


def test_according_to_a_title_then_the_name_in_apposition_is_the_named_person(marked):
    # the parse leaves ", Paul Denning," outside the phrase; the town is his affiliation, not the speaker
    r, qs = marked("According to Harbor Town's first selectman, Paul Denning, the town will "
                   "“not be able to afford the repairs this year.”")
    q = one(qs, "afford the repairs")
    assert name(r, q) == "Paul Denning" and "Denning" not in q.contents[0].text


# --------------------------------------------------------------------------- 2. a medium or organisation is not the speaker
def test_a_person_of_an_organisation_is_the_speaker_not_the_organisation(marked):
    # "Cardinal X of the Y said": the person (here a name NER misses), never the organisation
    r, qs = marked("Cardinal Piero Valdani of the Pontifical Academy said the talks had been “frank and useful” "
                   "for both sides.")
    assert name(r, one(qs, "frank")) == "Piero Valdani"


def test_a_medium_reporting_after_someone_said_it_is_not_the_speaker(marked):
    # "X said A was “…”; the station reported B": the quoted words are X's
    r, qs = marked("Health Minister Ewa Marsh said the patient needed surgery, and was in a “critical” condition; "
                   "Radio Zet reported he was stable by evening.")
    assert name(r, one(qs, "critical")) == "Ewa Marsh"


def test_described_by_someone_is_theirs_not_the_reporting_agency(marked):
    r, qs = marked("The gunman was described as “ruthless” by neighbours, Agencja Nord reported.")
    q = one(qs, "ruthless")
    assert name(r, q) != "Agencja Nord" and q.sources[0].text == "neighbours"


def test_the_police_is_not_any_organisation_named_before(marked):
    r, qs = marked("Orbis Press first reported the arrest.\n\n"
                   "Kellerman, who was described as “volatile” by the police, was held overnight.")
    assert name(r, one(qs, "volatile")) is None


def test_they_is_not_a_medium_cited_earlier(extract):
    # the network is cited for one claim; "they" in the next paragraph are the marchers
    r = extract("Thousands of marchers filled the square on Saturday. According to Channel Seven, the permit was "
                "granted late.\n\nThey had demanded that the governor step down.")
    q = one([q for q in r.quotes if q.kind == "indirect"], "governor")
    assert name(r, q) != "Channel Seven"


def test_they_in_a_report_from_a_medium_is_not_the_medium(extract):
    r = extract("The bakeries had not planned any price rise, according to an interview with Radio Pomona "
                "in which they said they would keep prices at last year's level.")
    q = one([q for q in r.quotes if q.kind == "indirect"], "keep prices")
    assert name(r, q) != "Radio Pomona"


def test_they_is_not_the_owner_of_a_thing_named_before(extract):
    r = extract("The Porto group used images from JAXA's Hinode satellite to track the flare. "
                "They concluded that the flare had been underestimated.")
    q = one([q for q in r.quotes if q.kind == "indirect"], "underestimated")
    assert name(r, q) != "JAXA"


def test_the_paper_is_not_the_owner_of_a_telescope(extract):
    r = extract("With CNSA's Xuntian telescope due in 2027, the paper suggests astronomers could map faint galaxies.")
    q = one([q for q in r.quotes if q.kind == "indirect"], "faint galaxies")
    assert name(r, q) != "CNSA"


def test_a_title_with_of_is_not_an_affiliation(marked):
    # "Governor of Vermont Jo Roe said": the phrase is a title with the name inside, not a
    # person of an organisation (the title word is never made the speaker's name)
    r, qs = marked("Governor of Vermont Anna Lindqvist said, “The vote stands.”")
    assert "Lindqvist" in name(r, one(qs, "vote stands"))
