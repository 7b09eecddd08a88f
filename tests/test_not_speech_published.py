"""Not speech published under a name: a survey's finding, a data point or a timetable "according
to" a data source, an organisation's or a reported belief, a name introduced by "called"; and an
organisation credited with the words of its officer named in apposition."""
from quote_helpers import name, one

PUBLISH = 0.5


def test_a_survey_finding_is_not_the_organisations_statement(extract):
    r = extract('The Harrow Society\'s survey found that the bridge was "much weaker than feared".')
    q = one(r.quotes, "weaker")
    assert name(r, q) == "Harrow Society" and q.confidence < PUBLISH
    r = extract('The Harrow Society said that the bridge was "much weaker than feared".')
    q = one(r.quotes, "weaker")
    assert name(r, q) == "Harrow Society" and q.confidence >= PUBLISH


def test_a_tally_according_to_a_data_source_is_not_published(extract):
    r = extract("According to the Pell Foundation, as of Monday there were at least 2,345 confirmed "
                "cases in the region.")
    q = one(r.quotes, "2,345")
    assert name(r, q) == "Pell Foundation" and q.confidence < PUBLISH
    r = extract("According to the Pell Foundation, Jane Roe has amassed 1,217 pledged delegates so far.")
    assert one(r.quotes, "1,217").confidence < PUBLISH


def test_a_timetable_according_to_a_source_is_not_published(extract):
    r = extract("According to the Council of Regional Assemblies, the next vote is scheduled for May 5.")
    q = one(r.quotes, "next vote")
    assert name(r, q) == "Council of Regional Assemblies" and q.confidence < PUBLISH


def test_a_statement_according_to_an_organisation_still_counts(extract):
    r = extract("According to the Council of Regional Assemblies, the vote was unfair to small towns.")
    q = one(r.quotes, "unfair")
    assert name(r, q) == "Council of Regional Assemblies" and q.confidence >= PUBLISH


def test_a_person_giving_a_count_still_speaks(extract):
    r = extract("According to Senator Jo Roe, there were at least 40 complaints about the vote.")
    q = one(r.quotes, "40 complaints")
    assert name(r, q) == "Jo Roe" and q.confidence >= PUBLISH


def test_a_reported_belief_is_not_speech(extract):
    r = extract("The Dorian Agency and other services reportedly believe the minister ordered the raid.")
    q = one(r.quotes, "ordered the raid")
    assert q.confidence < PUBLISH


def test_an_organisations_belief_is_an_assessment_a_persons_is_kept(extract):
    r = extract("The Dorian Agency believes the minister ordered the raid.")
    assert all(q.confidence < PUBLISH for q in r.quotes)
    r = extract("Senator Jo Roe believes the minister ordered the raid.")
    q = one(r.quotes, "ordered the raid")
    assert name(r, q) == "Jo Roe" and q.confidence >= PUBLISH


def test_a_name_introduced_by_called_is_nobodys_quote(extract):
    r = extract('The Harrow Society had been hosting a course at the hall called "Building Bridges".')
    assert not [q for q in r.quotes if q.speaker]
    # a naming verb with a speaker still names in its words
    r = extract('Senator Jo Roe called the plan "a disgrace to the town".')
    assert name(r, one(r.quotes, "disgrace")) == "Jo Roe"


def test_an_officer_named_in_apposition_speaks_not_the_organisation(extract):
    r = extract('The Northland Institute of Soil Research\'s director, Dr. Mara Quellen, said of the drought, '
                '"Bottom line, it\'s going to get worse."')
    assert name(r, one(r.quotes, "get worse")) == "Mara Quellen"
    r = extract('"Ona was the finest engineer I have ever met," said Westbrook University, Ashford\'s '
                'chancellor, Tobin Reyes.')
    assert name(r, one(r.quotes, "finest engineer")) == "Tobin Reyes"


def test_an_organisation_with_no_officer_named_still_speaks(extract):
    r = extract('The Northland Institute of Soil Research said of the drought, "Bottom line, it\'s going '
                'to get worse."')
    assert name(r, one(r.quotes, "get worse")) == "Northland Institute of Soil Research"
