from copydesk.newsroom.excerpts import derive_excerpt, paragraphs, same_text, truncate_words


def test_excerpt_is_the_first_paragraph_of_the_story():
    body = "<p>The ferry will run every forty minutes from Monday.</p><p>Tickets go on sale today.</p>"
    assert derive_excerpt(headline="Ferry changes", body_html=body) == (
        "The ferry will run every forty minutes from Monday."
    )


def test_excerpt_never_repeats_the_headline():
    body = "<p>Ferry changes announced</p><p>The harbour authority published a new timetable.</p>"
    excerpt = derive_excerpt(headline="Ferry Changes Announced!", body_html=body)
    assert excerpt == "The harbour authority published a new timetable."


def test_excerpt_falls_back_to_the_dek_and_then_to_nothing():
    assert derive_excerpt(headline="Storm", body_html="<p>Storm</p>", dek="Winds reach the coast") == (
        "Winds reach the coast"
    )
    assert derive_excerpt(headline="Storm", body_html="<p>storm.</p>", dek="") == ""


def test_long_paragraph_is_cut_on_a_word_boundary_with_an_ellipsis():
    text = "Council members argued for three hours about the budget for bridge repairs in Millbank"
    cut = truncate_words(text, 40)
    assert cut.endswith("…")
    assert len(cut) <= 40
    assert text.startswith(cut[:-1])
    assert text[len(cut) - 1] == " "  # the cut falls where a word ended


def test_paragraphs_ignore_quotes_and_markup_inside_paragraphs():
    html = "<blockquote>Quoted</blockquote><p>A <a href='x'>linked</a> <em>word</em>.</p><p> </p>"
    assert paragraphs(html) == ["A linked word."]


def test_same_text_ignores_case_spacing_and_punctuation():
    assert same_text("Bridge  repairs: approved", "bridge repairs approved")
    assert not same_text("Bridge repairs approved", "Bridge repairs delayed")
