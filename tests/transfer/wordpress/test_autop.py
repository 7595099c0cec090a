"""autop(): paragraphs from blank lines, as WordPress's wpautop() shows a post."""

from transfer.wordpress.autop import autop


def test_blank_line_separates_paragraphs():
    assert autop("One.\n\nTwo.") == "<p>One.</p>\n<p>Two.</p>\n"


def test_single_newline_is_a_line_break_inside_a_paragraph():
    assert autop("Line one\nline two") == "<p>Line one<br />\nline two</p>\n"


def test_block_elements_are_not_wrapped_in_paragraphs():
    html = autop("<h2>Heading</h2>\nText.\n\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>")

    assert (
        html == "<h2>Heading</h2>\n<p>Text.</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"
    )


def test_preformatted_text_keeps_its_blank_lines():
    assert autop("<pre>a\n\nb</pre>") == "<pre>a\n\nb</pre>\n"


def test_blockquote_gets_paragraphs_inside():
    assert autop("<blockquote>One\n\nTwo</blockquote>") == (
        "<blockquote><p>One</p>\n<p>Two</p></blockquote>\n"
    )


def test_newline_inside_a_tag_is_not_a_break():
    assert (
        autop('<a\nhref="/x">link</a> text') == '<p><a\nhref="/x">link</a> text</p>\n'
    )


def test_figure_caption_is_not_broken_up():
    html = autop(
        '<figure><img src="/a.jpg" alt="A">\n<figcaption>Cap</figcaption></figure>'
    )

    assert (
        html
        == '<figure><img src="/a.jpg" alt="A"><figcaption>Cap</figcaption></figure>\n'
    )


def test_empty_text_stays_empty():
    assert autop(" \n\n ") == ""
