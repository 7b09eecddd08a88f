"""Quotation-mark pairing (no NLP): every mark style, nesting, stray marks, paragraphs."""
from newsgraph.engine.quotes import find_marked, paragraphs


def texts(text):
    return [q.text(text) for q in find_marked(text)]


def test_straight_and_curly_pairs():
    assert texts('He said "we will win," and left.') == ["we will win,"]
    assert texts("“We will win,” she said. “Count on it.”") == ["We will win,", "Count on it."]


def test_mixed_curly_open_straight_close():
    t = '“Let me repeat my call. Let’s go," the minister said.'
    assert texts(t) == ["Let me repeat my call. Let’s go,"]


def test_two_apostrophes_open_and_close():
    t = "''The reason is simple, '' said Mr. Gunn. ''He sees himself as a fighter.''"
    assert texts(t) == ["The reason is simple, ", "He sees himself as a fighter."]


def test_two_apostrophes_with_nested_single_quote():
    t = "''She told me, 'not now,''' the mayor said."
    assert texts(t) == ["She told me, 'not now,'"]


def test_guillemets():
    assert texts("Il a dit « nous gagnerons » hier.") == [" nous gagnerons "]


def test_nested_quotes_of_the_other_style_do_not_break_the_pair():
    t = '“He called it "nonsense" today,” she said.'
    assert texts(t) == ['He called it "nonsense" today,']
    t2 = '"We are not about “Equal Justice” anymore," he said.'
    assert texts(t2) == ["We are not about “Equal Justice” anymore,"]


def test_nested_single_quotes_and_apostrophes():
    t = "“She said, ‘I refuse to use the phrase,’ and that’s it,” he noted."
    assert texts(t) == ["She said, ‘I refuse to use the phrase,’ and that’s it,"]


def test_apostrophes_are_not_marks_in_single_quote_texts():
    # no double marks at all: single quotes are the primary marks (British style)
    t = "Let’s see: O'Rourke said 'we shouldn‘t wait' and left 'til noon with the students' bags."
    assert texts(t) == ["we shouldn‘t wait"]


def test_single_quotes_are_not_top_level_when_double_marks_exist():
    t = "Sessions calls to 'dismantle' gangs.\n\nHe said \"now\" loudly."
    assert texts(t) == ["now"]


def test_multi_paragraph_quote():
    t = ('Ward stated:\n\n"The first paragraph goes on.\n\n"The second one too.\n\n'
         '"The last one closes," he said.\n\nNarration follows.')
    qs = find_marked(t)
    assert len(qs) == 1
    assert [t[s:e] for s, e in qs[0].spans] == ["The first paragraph goes on.", "The second one too.",
                                                "The last one closes,"]
    assert qs[0].closed


def test_unclosed_mark_is_closed_at_its_paragraph_end():
    t = 'An "unclosed mark here.\n\nThe next paragraph has a "real" quote and "another one."'
    qs = find_marked(t)
    assert [q.text(t) for q in qs] == ["unclosed mark here.", "real", "another one."]
    assert qs[0].closed is False and qs[1].closed and qs[2].closed


def test_odd_number_of_marks_recovers_locally():
    t = '“First one never closes. “Second one does,” he said. Then “third.”'
    assert texts(t) == ["First one never closes.", "Second one does,", "third."]


def test_stray_closing_mark_is_ignored():
    t = 'Nothing opens here” but “this does,” she said.'
    assert texts(t) == ["this does,"]


def test_double_mark_run_acts_as_one():
    assert texts('"“If I was a donor, I’d want answers,” he said.') == ["If I was a donor, I’d want answers,"]


def test_paragraphs_split_on_blank_and_single_newlines():
    t = "One.\n\nTwo a.\nTwo b.\n\n\nThree."
    assert [t[s:e] for s, e in paragraphs(t)] == ["One.", "Two a.", "Two b.", "Three."]


def test_offsets_point_into_the_text():
    t = 'Intro.\n\n“Quoted words,” he said.'
    (q,) = find_marked(t)
    assert t[q.open_start] == "“" and t[q.close_end - 1] == "”"
    assert t[q.start:q.end] == "Quoted words,"


def test_colon_glued_to_the_opening_mark():
    assert texts('Rep. Trey Gowdy (R-S.C.):"Who told you that?"') == ["Who told you that?"]


def test_closing_curly_mark_used_to_open_at_a_word_start():
    t = "Readers answered.\n\n\u202a”Sorry Sarah, you should have said it!!” posted Sharon Geyer."
    assert texts(t) == ["Sorry Sarah, you should have said it!!"]
