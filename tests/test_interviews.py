"""Interview transcripts: every answer is the interviewee's quote, by full name; questions are nobody's."""
from quote_helpers import name, said_by


def answers(result, who):
    return [q.text for q in result.quotes if name(result, q) == who]


WIKINEWS_FORM = """The Daily Ledger spoke with marine biologist Helena Vasquez about the reef survey.

((DL))  How long did the survey take?

((Helena Vasquez))  Nearly three years. We counted every coral head by hand.

((DL))  What surprised you most?

((Helena Vasquez))  The recovery near the harbour. Nobody expected it there.

It was faster than any model predicted, and we checked it twice.

((DL))  Thank you for your time.

((Helena Vasquez))  My pleasure.
"""


def test_wikinews_labels_credit_every_answer_to_the_interviewee(extract):
    r = extract(WIKINEWS_FORM, title="Helena Vasquez talks to the Daily Ledger about coral")
    got = answers(r, "Helena Vasquez")
    assert len(got) == 3
    assert got[0].startswith("Nearly three years.")
    # an unlabelled paragraph inside the transcript continues the answer before it
    assert "faster than any model" in got[1] and "recovery near the harbour" in got[1]
    assert not any("((" in t or "How long" in t for t in got)
    # questions are nobody's quotes; the publication speaks no answer
    for q in r.quotes:
        assert "?" not in q.text or name(r, q) is None
        assert name(r, q) not in ("DL", "Daily Ledger")


def test_q_and_a_labels_take_the_interviewee_from_the_title(extract):
    text = ("Tomasz Wielgus, an engineer from Gdansk, designed the new lock on the river.\n\n"
            "Q: Why did the old lock fail?\n\n"
            "A: The gates were a century old. Water found every crack.\n\n"
            "Q: When will the new one open?\n\n"
            "A: In May, if the spring floods allow it.\n")
    r = extract(text, title="Interview: Tomasz Wielgus on the river lock")
    assert said_by(r, 20) == {"The gates were a cen": "Tomasz Wielgus", "In May, if the sprin": "Tomasz Wielgus"}


def test_name_labels_surnames_and_initials_resolve_to_the_full_name(extract):
    text = ("Reporter Sam Ortiz met the novelist Ingrid Halvorsen and the translator Kwame Mensah.\n\n"
            "Ortiz: What drew you to the story?\n\n"
            "Halvorsen: My grandmother's letters. She wrote one every week for forty years.\n\n"
            "Ortiz: And the translation?\n\n"
            "KM: The letters are in an old dialect. Some words exist nowhere else.\n\n"
            "Ortiz: Was it hard?\n\n"
            "KM: Every page took a day.\n")
    r = extract(text)
    assert len(answers(r, "Ingrid Halvorsen")) == 1
    assert len(answers(r, "Kwame Mensah")) == 2
    assert answers(r, "Sam Ortiz") == []                 # the interviewer: questions are not quotes


def test_unlabelled_answers_after_labelled_questions_go_to_the_title_interviewee(extract):
    text = ("Candidate Rosa Delgado is running for the council seat in Millbrook.\n\n"
            "((WN)) : Why are you running?\n\n"
            "Because the library closed and nobody fought for it.\n\n"
            "((WN)) : What is your first priority?\n\n"
            "Reopening it within a year.\n\n"
            "((WN)) : Thank you.\n")
    r = extract(text, title="Wikinews interviews Rosa Delgado, council candidate")
    assert answers(r, "Rosa Delgado") == ["Because the library closed and nobody fought for it.",
                                          "Reopening it within a year."]


def test_questions_without_answers_and_narrative_between_them_are_nobodys(extract):
    text = ("Three candidates spoke with the paper.\n\n"
            "((WN))  What is your plan for roads?\n\n"
            "((WN))  What about schools?\n\n"
            "The second candidate, Omar Farouk, runs a bakery in the old town.\n\n"
            "((WN))  Why did you enter the race?\n")
    r = extract(text, title="On the campaign trail")
    assert all(name(r, q) is None for q in r.quotes)


def test_a_stray_label_in_a_one_on_one_interview_is_the_interviewees(extract):
    text = ("The Daily Ledger spoke with marine biologist Helena Vasquez about the reef survey.\n\n"
            "((DL))  How long did the survey take?\n\n"
            "((Helena Vasquez))  Nearly three years.\n\n"
            "((DL))  Who paid for it?\n\n"
            "((HX))  The regional government, mostly.\n\n"
            "((DL))  Will you go back?\n\n"
            "((Helena Vasquez))  Next spring.\n")
    r = extract(text)
    assert answers(r, "Helena Vasquez") == ["Nearly three years.", "The regional government, mostly.", "Next spring."]


def test_quotes_around_the_transcript_keep_their_speakers_and_quotes_inside_answers_are_the_answer(extract):
    text = ("“The reef is coming back,” said Mark Ellison, the park director, on Tuesday.\n\n"
            "((WN))  What did the director tell you?\n\n"
            "((Helena Vasquez))  He told me “keep counting” and so we did.\n\n"
            "((WN))  Thank you.\n\n"
            "The survey ends in June, Ellison said.\n")
    r = extract(text, title="Helena Vasquez on the reef")
    by = said_by(r, 20)
    assert by["The reef is coming b"] == "Mark Ellison"
    assert by["He told me “keep cou"] == "Helena Vasquez"
    assert not any(q.text.startswith("keep counting") for q in r.quotes)


def test_a_real_interview_built_into_a_site_puts_the_answers_on_the_interviewees_page(tmp_path):
    """A Wikinews interview from the demo content (CC BY 2.5): ((WN)) questions, "NG:" answers."""
    import re

    from bs4 import BeautifulSoup
    from sitebuild import ROOT, build

    src = next((ROOT / "content" / "wikinews").glob("*natasha-gownaris.md")).read_text(encoding="utf-8")
    answers = re.findall(r"^(?:NG|Natasha Gownaris): (\S+(?: \S+){5})", src, re.M)
    questions = re.findall(r"^\(\((?:WN|Wikinews)\)\)\s+(\S+(?: \S+){4})", src, re.M)
    assert len(answers) >= 10 and len(questions) >= 10
    res = build(tmp_path, {"penguins": src}, settings={"NEWSGRAPH_QUOTES_PER_PAGE": 100})
    page = BeautifulSoup(res.read("speakers/natasha-gownaris/index.html"), "html.parser")
    shown = " ".join(li.get_text(" ", strip=True) for li in page.select("li.newsgraph-quote"))
    shown = re.sub(r"\s+", " ", shown)
    for words in answers:
        assert words in shown
    for words in questions:
        assert words not in shown
    speakers = {p.name for p in (res.output / "speakers").iterdir() if p.is_dir()}
    assert not speakers & {"wikinews", "wn"}          # the publication asks; it is quoted nowhere
