"""to_html(): block comments, shortcodes and bare links, as WordPress shows them."""

from transfer.wordpress.content import GalleryImage, to_html


def no_gallery(ids):
    return []


def convert(content, gallery_images=no_gallery):
    return to_html(content, gallery_images=gallery_images)


def test_block_editor_comments_are_removed():
    html = convert(
        '<!-- wp:paragraph {"align":"left"} -->\n<p>Hello</p>\n<!-- /wp:paragraph -->'
    ).html

    assert "wp:" not in html
    assert "<p>Hello</p>" in html


def test_block_editor_post_keeps_its_own_line_breaks():
    html = convert("<!-- wp:html -->\n<div>\na\nb\n</div>\n<!-- /wp:html -->").html

    assert "<br" not in html


def test_classic_post_gets_paragraphs():
    assert convert("One.\n\nTwo.").html == "<p>One.</p>\n<p>Two.</p>\n"


def test_caption_becomes_a_figure_with_figcaption():
    html = convert(
        '[caption id="attachment_5" align="alignnone" width="300"]'
        '<img src="/a.jpg" alt="A" /> The harbour[/caption]'
    ).html

    assert (
        html
        == '<figure><img src="/a.jpg" alt="A" /><figcaption>The harbour</figcaption></figure>\n'
    )


def test_caption_attribute_is_the_caption():
    html = convert(
        '[caption caption="From the attribute"]<img src="/a.jpg" />[/caption]'
    ).html

    assert "<figcaption>From the attribute</figcaption>" in html


def test_embed_becomes_a_link():
    html = convert("[embed]https://vimeo.com/1[/embed]").html

    assert html == '<p><a href="https://vimeo.com/1">https://vimeo.com/1</a></p>\n'


def test_bare_url_alone_on_a_line_becomes_a_link():
    html = convert(
        "Watch this:\n\nhttps://www.youtube.com/watch?v=x\n\nThen read."
    ).html

    assert '<p><a href="https://www.youtube.com/watch?v=x">' in html


def test_url_inside_a_sentence_is_left_as_it_is():
    html = convert("See https://example.org for more.").html

    assert "<a " not in html


def test_gallery_becomes_figures_of_its_images_in_order():
    def images(ids):
        return [GalleryImage(f"/{i}.jpg", f"Alt {i}", f"Caption {i}") for i in ids]

    html = convert('[gallery columns="2" ids="7,3"]', images).html

    assert html == (
        '<figure><img src="/7.jpg" alt="Alt 7"><figcaption>Caption 7</figcaption></figure>\n'
        '<figure><img src="/3.jpg" alt="Alt 3"><figcaption>Caption 3</figcaption></figure>\n'
    )


def test_gallery_without_ids_asks_for_the_posts_own_images():
    asked = []
    convert("[gallery]", lambda ids: asked.append(ids) or [])

    assert asked == [[]]


def test_unknown_shortcode_is_left_as_text_and_reported():
    body = convert('Write to us. [contact-form-7 id="3"]')

    assert '[contact-form-7 id="3"]' in body.html
    assert body.unknown_shortcodes == ["[contact-form-7]"]


def test_escaped_shortcode_is_shown_as_text_not_reported():
    body = convert("Type [[gallery]] to show a gallery.")

    assert "Type [gallery] to show a gallery." in body.html
    assert body.unknown_shortcodes == []


def test_more_and_nextpage_markers_are_removed():
    html = convert("Teaser.\n<!--more Read on-->\n\nRest.<!--nextpage-->End.").html

    assert html == "<p>Teaser.</p>\n<p>Rest.End.</p>\n"


def test_bracketed_note_in_capitals_is_not_taken_for_a_shortcode():
    assert convert("[Photo by Jo Example] The harbour.").unknown_shortcodes == []
