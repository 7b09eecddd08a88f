"""Words that are nobody's speech: captions, slogans on things, scare quotes, titles, empty cues."""
from quote_helpers import name

from newsgraph.engine import text


def quoted(result):
    return {q.text: name(result, q) for q in result.quotes}


def test_a_caption_ending_with_its_image_credit_is_cut_from_the_story():
    body = ("Jo Jorgensen speaks to supporters in Raleigh.Image: Gage Skidmore.\n\n"
            "Protesters outside the court in March (Image: Ana Ruiz)\n\n"
            "The council met on Monday. Video: the session lasted two hours.")
    doc = text.from_markdown(body)
    assert "Skidmore" not in doc.clean and "Ana Ruiz" not in doc.clean
    assert "the session lasted two hours" in doc.clean          # a sentence, not a credit
    assert {r for *_, r in doc.removed} == {"photo credit"}


def test_a_caption_gives_no_speaker(extract):
    r = extract("Senator Maria Okonkwo greets voters in Dayton, saying “Vote early”.Image: Ohio Senate.\n\n"
                "“The bill will pass,” Senator Maria Okonkwo told reporters on Monday.", format="markdown")
    assert quoted(r) == {"The bill will pass,": "Maria Okonkwo"}


def test_slogans_on_signs_banners_and_shirts_are_not_quotes(extract):
    r = extract("Hundreds marched through Leeds on Saturday. A hand-painted sign said “No jobs, no peace”, "
                "and protesters carried placards reading “Hands off our parks”. Many wore T-shirts "
                "printed with “Nurses not bombs”.\n\n"
                "“We will be back every week,” organiser Carla Mendes said.")
    assert quoted(r) == {"We will be back every week,": "Carla Mendes"}


def test_scare_quotes_and_titles_of_works_are_not_quotes(extract):
    r = extract("The mayor's so-called “efficiency plan” closed three libraries. Author Grace Okafor "
                "published her third novel, “The Salt Road”, in March, and the band played "
                "“Nights in Lisbon” to close the festival.\n\n"
                "Councillor Dana Price said the plan had failed.")
    assert quoted(r) == {"the plan had failed": "Dana Price"}


def test_a_cue_with_no_content_is_not_a_quote(extract):
    r = extract("The jury announced the winners on Friday. Coach Liam Burke announced the squad on Tuesday. "
                "The ministry announced new rules for drivers.")
    assert set(quoted(r)) == {"new rules for drivers"}
