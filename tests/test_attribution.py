"""Attribution of quotations: cues, both orders, asides, pronouns, organisations, partial quotes."""
import pytest
from quote_helpers import name, one, said_by

from newsgraph.engine import attribution, entities
from newsgraph.engine.quotes import paragraphs


@pytest.fixture
def marked(extract):
    """text -> (result, quote-marked quotes) from the whole engine on plain text."""
    def run(text):
        r = extract(text)
        return r, [q for q in r.quotes if q.kind in ("direct", "partial")]
    return run


def test_x_said_and_said_x(marked):
    r, qs = marked("“We will rebuild the bridge by spring,” Mayor Anna Kovacs said on Monday.\n\n"
                   "“The money is there,” said Peter Lindqvist, the city treasurer.")
    a = one(qs, "rebuild")
    assert a.kind == "direct" and a.cue.text == "said" and "Kovacs" in a.sources[0].text
    assert name(r, a) == "Anna Kovacs"
    b = one(qs, "money")
    assert "Lindqvist" in b.sources[0].text and name(r, b) == "Peter Lindqvist"


def test_appositive_and_relative_clause_between_speaker_and_verb(marked):
    r, qs = marked("Hugh Hill, a doctor at the county hospital, said: “We have never seen so many cases.”\n\n"
                   "Vince Cable, who replaced Tim Farron in July, said “the party is united again.”")
    a = one(qs, "so many cases")
    assert name(r, a) == "Hugh Hill"
    b = one(qs, "united again")
    assert name(r, b) == "Vince Cable"


def test_interrupted_quote_is_one_quote_with_two_spans(marked):
    r, qs = marked("“We are ready,” she said, “and we will not wait any longer.” Maria Lopez had campaigned for years.")
    q = one(qs, "ready")
    assert [s.text for s in q.contents] == ["We are ready,", "and we will not wait any longer."]
    assert q.breaks == [] and q.quotations() == [q]


def test_quote_resumed_after_the_cue_sentence_is_a_second_quotation(marked):
    r, qs = marked("“Ralph Northam is weak on crime,” Trump tweeted. “Vote Ed Gillespie!”")
    q = one(qs, "weak on crime")
    assert [s.text for s in q.contents] == ["Ralph Northam is weak on crime,", "Vote Ed Gillespie!"]
    assert q.breaks == [1]                      # one attribution (as annotated), two quotations
    parts = q.quotations()
    assert [p.text for p in parts] == ["Ralph Northam is weak on crime,", "Vote Ed Gillespie!"]
    assert name(r, q) == "Trump" and {p.speaker for p in parts} == {q.speaker}
    assert all(p.cue == q.cue and p.kind == "direct" for p in parts)


def test_pronoun_source_resolves_to_the_named_person(marked):
    r, qs = marked("Governor Sarah Blake visited the flooded town on Tuesday.\n\n"
                   "“Nobody will be left behind,” she said.")
    q = one(qs, "left behind")
    assert q.sources[0].text == "she"
    assert name(r, q) == "Sarah Blake"


def test_he_said_after_another_persons_quote_goes_to_the_last_person_named(marked):
    r, qs = marked("“The plan is sound,” Tom Archer said at the hearing.\n\n"
                   "Senator Paul Whitaker disagreed with the budget office.\n\n"
                   "“It will cost twice as much,” he said.")
    assert name(r, one(qs, "twice as much")) == "Paul Whitaker"
    assert name(r, one(qs, "plan is sound")) == "Tom Archer"


def test_description_resolves_to_the_person(marked):
    r, qs = marked("Senator Ruth Okafor introduced the bill in March.\n\n"
                   "“This is about fairness,” the senator said.")
    q = one(qs, "fairness")
    assert q.sources[0].text == "the senator"
    assert name(r, q) == "Ruth Okafor"


def test_quote_continuing_in_the_next_paragraph_keeps_its_speaker(marked):
    r, qs = marked("“We tried everything,” said coach Dan Reyes.\n\n"
                   "“In the end the other team was simply better on the day.”\n\nThe season ends next week.")
    q = one(qs, "tried everything")
    assert any("simply better" in s.text for s in q.contents)
    assert name(r, q) == "Dan Reyes"


def test_sentence_continuation_in_the_same_paragraph(marked):
    r, qs = marked("“We tried everything,” Reyes said. “Nothing worked for us tonight.”")
    q = one(qs, "tried everything")
    assert len(q.contents) == 2 and name(r, q) == "Reyes"


def test_colon_introduces_a_quote(marked):
    r, qs = marked("Sessions: “We will not back down on this issue.”")
    q = one(qs, "back down")
    assert "Sessions" in q.sources[0].text and q.cue.text == ":"
    r2, qs2 = marked("After the vote, Dr. Kelli Ward stated:\n\n"
                     "\"The decision is wrong and the people will remember it.\n\n"
                     "\"We will appeal it in every court that will hear us.\"\n\nThe vote was 5-4.")
    q2 = one(qs2, "decision is wrong")
    assert len(q2.contents) == 2 and "Ward" in q2.sources[0].text


def test_dash_line_after_a_quote(marked):
    r, qs = marked("“Access to broadband is a civil right for the twenty-first century.” —Commissioner Geoffrey Starks")
    q = one(qs, "broadband")
    assert "Geoffrey Starks" in q.sources[0].text
    assert name(r, q) and "Starks" in name(r, q)


def test_according_to(marked):
    r, qs = marked("“The shipment never arrived at the port,” according to Lena Marsh, a customs officer.")
    q = one(qs, "shipment")
    assert q.cue.text == "according to" and "Lena Marsh" in q.sources[0].text


def test_organisations_speak(marked):
    r, qs = marked("The Environmental Protection Agency announced on Friday that “the rule will take effect "
                   "in January.”\n\n“We stand by our product,” a Coca-Cola spokesman said.")
    a = one(qs, "take effect")
    e = r.entity(a.speaker)
    assert e is not None and e.type == "Organization" and "Environmental Protection Agency" in e.name
    b = one(qs, "stand by")
    e2 = r.entity(b.speaker)
    assert e2 is not None and e2.name == "Coca-Cola"


def test_partial_quote_content_is_the_reported_clause(marked):
    r, qs = marked("Attorney General Jeff Sessions called on police to \"dismantle\" the gang through better "
                   "information sharing.")
    q = one(qs, "dismantle")
    assert q.kind == "partial"
    assert [m.text for m in q.marked] == ["dismantle"]
    assert "the gang through better information sharing" in q.contents[0].text
    assert name(r, q) == "Jeff Sessions"


def test_two_partial_quotes_under_one_verb_make_one_quote(marked):
    r, qs = marked("The mayor described the plan as \"reckless\" and \"a waste of money\" during the meeting.")
    assert len(qs) == 1
    assert [m.text for m in qs[0].marked] == ["reckless", "a waste of money"]


def test_scare_quotes_titles_and_nicknames_are_not_speech(marked):
    r, qs = marked("A homeless man who goes by the name “Shorty” sleeps near the station.\n\n"
                   "The so-called “fusion fuel” is rare.\n\n"
                   "“Sons of Trump” is an adaptation of a Spanish play.")
    assert qs == []


def test_quote_with_no_findable_speaker_is_kept_without_speaker(marked):
    r, qs = marked("The crowd went quiet.\n\n“This is the end of an era and nothing will be the same.”")
    q = one(qs, "end of an era")
    assert q.speaker is None and q.sources == []


def test_never_a_pronoun_speaker(marked):
    r, qs = marked("“It is over,” he said.\n\n“We won,” they said.")
    for q in qs:
        e = r.entity(q.speaker)
        assert e is None or e.name.lower() not in ("he", "she", "they", "it", "we")


def test_nyt_two_apostrophe_quotes_are_attributed(marked):
    r, qs = marked("''We've come close to maxing out the system,'' said Peter Orszag, a former budget director. "
                   "''There is not much left.''")
    q = one(qs, "maxing out")
    assert len(q.contents) == 2 and name(r, q) == "Peter Orszag"


def test_speaker_after_a_headline_line_is_not_glued_to_it(marked):
    r, qs = marked("12:30 p.m.\n\nThe campaign manager says he is “gratified” by the decision.")
    q = one(qs, "gratified")
    assert "p.m." not in q.sources[0].text


def test_resolve_source_for_a_pronoun_span(nlp):
    doc = nlp("Maria Lopez won the race. She said it was hard.")
    index = entities.extract_entities(doc)
    she = doc[6:7]
    assert she.text == "She"
    eid = attribution.resolve_source(doc, she, index)
    assert eid is not None and index.find("Maria Lopez").id == eid


def test_attribute_runs_without_paragraph_hints(nlp):
    doc = nlp("“Fine,” Ana Ruiz said.")
    index = entities.extract_entities(doc)
    qs = attribution.attribute(doc, index)
    assert len(qs) == 1 and qs[0].contents[0].text == "Fine,"
    assert attribution.attribute(doc, index, paragraphs(doc.text))[0].speaker == qs[0].speaker


def test_horizontal_bar_signature_lines(marked):
    r, qs = marked("Readers wrote in.\n“Maybe we can build a wall around the candidate.” ― Steve Quinlan\n"
                   "“The most unqualified child to ever run.”― Francisco Herrero")
    assert name(r, one(qs, "build a wall")) == "Steve Quinlan"
    assert name(r, one(qs, "unqualified")) == "Francisco Herrero"


def test_dash_line_paragraph_after_a_quote(marked):
    r, qs = marked("\"I will look into it. I don't know the status, but I will look into it.\"\n\n- Hillary Clinton.")
    assert name(r, one(qs, "look into it")) == "Hillary Clinton"


def test_adding_starts_a_new_quote_but_keeps_the_speaker(marked):
    r, qs = marked("\"We have tremendous respect for the governor,\" Ted Cruz said, adding: "
                   "\"I would enthusiastically welcome his support.\"")
    a, b = one(qs, "tremendous respect"), one(qs, "welcome his support")
    assert a is not b
    assert name(r, a) == name(r, b) == "Ted Cruz"


def test_interrupted_quote_with_an_aside_between_is_one_quote(marked):
    r, qs = marked("“Many people are uncertain this year,” Peter Thiel wrote in a statement explaining why "
                   "he is speaking, “but most Americans agree that we are on the wrong track.”")
    q = one(qs, "uncertain")
    assert len(q.contents) == 2 and name(r, q) == "Peter Thiel"


def test_passive_asked_is_not_the_speaker(marked):
    r, qs = marked("Sidney Blumenthal was asked, “Would you have told her it is not a good idea?”")
    q = one(qs, "good idea")
    assert q.speaker is None or name(r, q) != "Sidney Blumenthal"


def test_question_then_answer_in_the_next_sentence(marked):
    r, qs = marked("Blumenthal was asked, “Did you know about the server?” He answered, “I have no idea at all.”")
    b = one(qs, "no idea")
    assert b.sources[0].text == "He"
    a = one(qs, "the server")
    assert a is not b


def test_he_and_she_skip_a_person_of_the_other_gender(marked):
    r, qs = marked("Mrs. Ellen Park met Mr. David Cho on Monday.\n\n“We agreed on nothing,” she said.\n\n"
                   "“Nothing at all,” he said.")
    assert name(r, one(qs, "agreed on nothing")) == "Ellen Park"
    assert name(r, one(qs, "Nothing at all")) == "David Cho"


def test_reporting_word_after_the_quote_when_the_parse_fails(marked):
    r, qs = marked("“Go back to your seat,” Trump barked and a guard escorted the reporter out.\n\n"
                   "“They know she is strong enough,” a voice-over in the ad states.")
    assert name(r, one(qs, "back to your seat")) == "Trump"
    assert "voice-over" in one(qs, "strong enough").sources[0].text


def test_quote_after_a_long_attribution_sentence_goes_on_with_the_same_quote(marked):
    r, qs = marked("“We have to fix the roads first, and then the schools,” Mayor Anna Kovacs said on Monday "
                   "during a long speech to the chamber of commerce at the old city hall in Springfield. "
                   "“One, the bridge. Two, the ring road. Three, the tunnel under the river.”\n\n"
                   "“That is a lie,” said Peter Lindqvist, the city treasurer, after a long pause in "
                   "the meeting of the budget committee on Tuesday. Lindqvist also said taxes would rise. "
                   "“We cannot pay for it.”")
    a = one(qs, "roads first")
    assert len(a.contents) == 2 and "tunnel" in a.contents[1].text and name(r, a) == "Anna Kovacs"
    # another sentence with its own report in between: a separate quote
    b = one(qs, "cannot pay")
    assert b is not one(qs, "a lie")


def test_quote_marks_glued_to_words_are_tokens_of_their_own(nlp, marked):
    assert [t.text for t in nlp.tokenizer("It was paranoia,”Clinton said,“Look")] == \
        ["It", "was", "paranoia", ",", "”", "Clinton", "said", ",", "“", "Look"]
    r, qs = marked("Mayor Anna Kovacs said,“We will rebuild the bridge by spring.”")
    assert name(r, one(qs, "rebuild")) == "Anna Kovacs"


def test_sentences_never_cross_a_line_break(nlp):
    doc = nlp("Mayor vows to fix the bridge by May\n\nAnna Kovacs said taxes would not rise.")
    assert all("\n" not in s.text.strip() for s in doc.sents)


def test_name_hung_on_an_earlier_noun_is_still_the_subject(marked):
    r, qs = marked("On Tuesday in Ohio, campaigning for his wife Democratic front-runner Hillary Clinton, "
                   "former president Bill Clinton said his wife was uniquely qualified because "
                   "“the world’s in tough shape.”")
    q = one(qs, "tough shape")
    assert q.kind == "partial" and "uniquely qualified" in q.contents[0].text
    assert name(r, q) == "Bill Clinton"


def test_she_after_a_name_ner_typed_as_an_organisation(extract):
    for text in ("The city council met on Monday. Kaepernick said the budget was too small. "
                 "She added that taxes would rise.",
                 "Mary Smith spoke first. “We are broke,” Kaepernick said. “We need help,” she added."):
        r = extract(text)
        last = max(r.quotes, key=lambda q: q.start)
        assert [s.text.lower() for s in last.sources] in (["she"], [])
        assert r.entity(last.speaker).name == "Kaepernick"


def test_a_name_found_by_the_attribution_stage_is_an_antecedent(extract):
    r = extract("Mayor Tom Baker opened the meeting. Lopez said the budget was too small. "
                "She added that taxes would rise.")
    q = next(q for q in r.quotes if "taxes" in q.text)
    assert r.entity(q.speaker).name == "Lopez"


def test_quote_after_an_aside_of_the_same_speaker_goes_on(marked):
    r, qs = marked("“Revenues are up a little bit,” said Tom Baker, who noted that the price of some "
                   "golf courses had “cratered” in the recession. “Things are moving in the right direction.”\n\n"
                   "“It was booming,” Ms. Hughes said, pointing out where the old hardware store used to be. "
                   "“But those days are never coming back.”")
    a = one(qs, "Revenues")
    assert any("right direction" in s.text for s in a.contents) and name(r, a) == "Tom Baker"
    assert one(qs, "cratered").kind == "partial"
    b = one(qs, "booming")
    assert any("never coming back" in s.text for s in b.contents)


def test_description_hung_on_an_earlier_name_is_the_subject(marked):
    r, qs = marked("In an interview with the hosts Anna Kovacs and Peter Lindqvist, the presidential candidate "
                   "stated that the mayor's “divisive” comments do not “fit with what I knew about him.”")
    q = one(qs, "divisive")
    assert q.kind == "partial" and "candidate" in q.sources[0].text


def test_a_name_in_marks_after_as_under_a_speech_verb_is_quoted(marked):
    r, qs = marked("At the bank, Mary Sherry said she and her peers jokingly referred to themselves "
                   "as “The Glass Ceiling Club.”")
    q = one(qs, "Glass Ceiling")
    assert q.kind == "partial" and name(r, q) == "Mary Sherry"
    # a title that is not named in speech stays out
    r, qs = marked("She starred in “The Walking Dead” for years.")
    assert qs == []


def test_people_described_by_a_nationality_are_not_the_nationality(extract):
    r = extract("Japanese officials said the man had shown symptoms of the virus.\n\n"
                "“We are watching closely,” Chinese officials said on Tuesday.\n\n"
                "The Democrats said the vote was rigged.")
    names = said_by(r, 20)
    assert not any(n in ("Japanese", "Chinese") for n in names.values()), names
    assert "Democrats" in names.values(), names                       # a group itself still speaks


def test_they_is_not_a_nationality_used_as_an_adjective(extract):
    r = extract("The Italian foreign minister, Luigi Di Maio, joined the talks as an observer.\n\n"
                "They concluded that the agreement is “null and void” and cannot stand.")
    speakers = {r.entity(q.speaker).name for q in r.quotes if r.entity(q.speaker)}
    assert "Italian" not in speakers, speakers


def test_the_speaker_is_the_head_of_a_long_description(extract):
    r = extract("Road Transport and Bridges Minister Obaidul Quader said public transport would stay shut.\n\n"
                "Former Trump adviser Steve Bannon predicted Trump would run again.\n\n"
                "“We are ready,” a Coca-Cola spokesman said.")
    speakers = [name(r, q) for q in r.quotes]
    assert speakers == ["Obaidul Quader", "Steve Bannon", "Coca-Cola"], speakers


def test_a_description_resolves_to_someone_it_can_name(extract):
    r = extract("The European Commission proposed the rules. Amnesty International criticised them.\n\n"
                "The commission said the debate would be held online.\n\n"
                "Lena Moss took the bus downhill in the storm.\n\n"
                "The bus driver said he had lost control. The ruling said the contract was void.\n\n"
                "The academy said the prize would be shared.")
    said = said_by(r, 12)
    assert said["the debate w"] == "European Commission", said                  # the one with that word
    assert said["he had lost "] == "Lena Moss", said                            # a noun for a person
    assert said["the contract"] is None, said                                   # a thing is nobody
    assert said["the prize wo"] is None, said                                   # no academy named


def test_he_is_not_a_name_used_as_a_thing(extract):
    r = extract("Prime Minister Kyriakos Mitsotakis met the press in Athens.\n\n"
                "Work on the EastMed pipeline will start next year.\n\n"
                "“We seek to exclude no one,” he said.")
    (q,) = [q for q in r.quotes if "exclude" in q.text]
    assert r.entity(q.speaker) is not None and r.entity(q.speaker).name == "Kyriakos Mitsotakis"


def test_they_is_an_organisation_named_lately_not_paragraphs_ago(extract):
    filler = "".join(f"The rain fell for the {n} day in a row.\n\n" for n in ("first", "second", "third", "fourth"))
    far = extract("Amnesty International opened an office in town.\n\n" + filler +
                  "They told her that the money was gone.")
    near = extract("Amnesty International opened an office in town.\n\nThey said that the office would hire locals.")
    (q_far,) = [q for q in far.quotes if "money" in q.text]
    (q_near,) = [q for q in near.quotes if "hire" in q.text]
    assert far.entity(q_far.speaker) is None
    assert near.entity(q_near.speaker) is not None and near.entity(q_near.speaker).name == "Amnesty International"


def test_someone_described_by_their_relation_to_a_named_person_is_not_that_person(extract):
    r = extract("President Donald Trump lost the case on Friday.\n\n"
                "“We will appeal,” Trump's lawyer said on Monday.\n\n"
                "Fire chief Tom Smith died in the blaze. “He was a kind man,” Smith's widow told reporters.\n\n"
                "“We are ready,” said Maria Lopez, the wife of Senator John Kerry.\n\n"
                "“We will win,” Trump's lawyer, Rudy Giuliani, said on Tuesday.")
    said = said_by(r, 10)
    assert said["We will ap"] is None and said["He was a k"] is None, said
    assert said["We are rea"] == "Maria Lopez" and said["We will wi"] == "Rudy Giuliani", said


@pytest.mark.parametrize("text,speaker", [
    ("The Verge reported that the company had hired a law firm.", "Verge"),
    ("The post was removed by the social media site Facebook. Facebook said the ruling was wrong.", "Facebook"),
    ("Lawyers for TVN24 appeared. TVN24 reported that the mayor was in a serious condition.", "TVN24"),
])
def test_a_one_word_source_ner_missed_that_reads_as_a_thing_is_an_organisation(extract, text, speaker):
    r = extract(text)
    (q,) = r.quotes
    e = r.entity(q.speaker)
    assert (e.name, e.type) == (speaker, "Organization")


def test_a_disease_ner_missed_is_a_condition_not_someone(extract):
    from newsgraph.engine.entities import shape_type

    assert shape_type("H1N1", "Person") == "Condition"            # (conditions get no speaker page)
    r = extract("In 2009 the H1N1 strain spread. That year's H1N1 was called \"swine flu.\"")
    # (what an agentless passive names is nobody's speech: no quote, or one whose speaker is no one)
    for q in r.quotes:
        e = r.entity(q.speaker)
        assert e is None or e.type == "Condition"


def test_quoted_sentences_with_words_after_them_go_on_with_the_last_speaker(marked):
    # the second quotation is whole sentences, then a few words of the writer's: not a partial
    # quote under some verb, but the same speaker going on
    r, qs = marked("“It is a patch, not a plan,” said Ingrid Solberg, an analyst at the Harbor Institute. "
                   "“Nobody fixed the code. It is basically a new levy” on the smallest firms.")
    q = one(qs, "patch")
    assert any("Nobody fixed the code" in c.text for c in q.contents) and name(r, q) == "Ingrid Solberg"


def test_a_title_in_marks_after_a_quote_does_not_go_on_with_it(marked):
    r, qs = marked("“We sang it every night,” said the singer Mara Quist.\n\n"
                   "“Blue River Morning Song” was written by her brother in 1990.")
    assert not any("Blue River" in c.text for q in qs for c in q.contents if name(r, q) == "Mara Quist")


def test_a_transcript_inside_marks_credits_each_turn_by_its_label(marked):
    # a debate excerpt: every paragraph opens a mark (none closes) and a capitals label
    r, qs = marked("Moderator Dana Hollis questioned Mayor Ruth Brandt on Sunday. Here is part of the exchange:\n\n"
                   "\"HOLLIS: Will the bridge open this year, as you promised in the spring?\n\n"
                   "\"BRANDT: It will open in June, and it will be paid for without new taxes.\n\n"
                   "\"HOLLIS: And what about the tolls that drivers have been asking about?")
    bridge = one(qs, "Will the bridge open")
    june = one(qs, "open in June")
    assert bridge is not june
    assert name(r, bridge) == "Dana Hollis" and name(r, june) == "Ruth Brandt" and june.confidence >= 0.8


def test_a_capitals_label_nobody_in_the_article_has_is_nobody(marked):
    r, qs = marked("The exchange was heated, viewers said.\n\n"
                   "\"GRANT: You never answered the question about the budget for the schools.\n\n"
                   "\"MORROW: I answered it twice tonight, and I will answer it again tomorrow.")
    assert all(q.speaker is None for q in qs)


def test_according_to_x_partial_keeps_the_clause_after_the_name(marked):
    r, qs = marked("The council met on Monday.\n\n"
                   "According to the radio host Vince Marlow, the new parking plan reeks of “panic” and haste.\n\n"
                   "The mayor did not reply.")
    q = one(qs, "panic")
    assert "parking plan reeks of" in q.contents[0].text and name(r, q) == "Vince Marlow"


def test_a_partial_quote_takes_the_rest_of_the_verbs_complements(marked):
    # the reported content goes on after the quoted words to the end of what the verb governs
    r, qs = marked("At a rally, Governor Edith Varga likened the new tax to a “slow poison” in a long speech "
                   "about the farms of the valley.")
    q = one(qs, "slow poison")
    assert q.contents[0].text.startswith("the new tax") and q.contents[0].text.endswith("farms of the valley")
    assert name(r, q) == "Edith Varga"


def test_a_short_aside_reports_the_whole_sentence(marked):
    r, qs = marked("The river has changed.\n\n"
                   "Over the last ten years, Ms. Varkey said, most farmers have come to believe "
                   "“that the river is dying and that someone must act.”")
    assert name(r, one(qs, "river is dying")) == "Varkey"


def test_capitals_labels_naming_nobody_keep_the_quotes_own_speaker(marked):
    r, qs = marked("The notice was read out by the harbour master, Ilse Varga.\n\n"
                   "“WARNING: the north pier is closed until Monday.\n\n"
                   "“NOTICE: ferries leave from the south pier,” Varga said.")
    assert all(name(r, q) == "Ilse Varga" for q in qs if "pier" in q.contents[0].text)
