"""One fallback for an article's description: meta description, summary, body."""

from articles.models import Article

BODY_HTML = "<p>Q&amp;A: <b>fish</b>\n and chips</p>"


def article(**fields):
    fields = {"meta_description": "", "summary": "", "body_html": BODY_HTML, **fields}
    return Article(**fields)


def test_meta_description_comes_first():
    source = article(meta_description="For  engines.", summary="In short.")

    assert source.description_source() == ("meta description", "For engines.")


def test_summary_comes_when_there_is_no_meta_description():
    assert article(summary="In short.").description_source() == ("summary", "In short.")


def test_body_text_comes_last():
    assert article().description_source() == ("body", "Q&A: fish and chips")


def test_body_html_can_stand_in_for_a_form_s_unsaved_body():
    source = article().description_source(body_html="<p>Typed just now.</p>")

    assert source == ("body", "Typed just now.")


def test_description_is_the_source_cut_at_160_characters():
    assert article(summary="word " * 50).description == ("word " * 32)[:159] + "…"
