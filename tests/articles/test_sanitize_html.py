import pytest

from articles.sanitize import anchor_headings
from tests.sanitizers import same_html

REL = 'rel="noopener noreferrer"'


def test_script_is_stripped_but_its_text_kept(sanitize):
    # Bleach keeps the text of tags it strips; the text is inert, but readers see it.
    assert sanitize("<script>x</script>") == "x"


def test_empty_body_stays_empty(sanitize):
    assert sanitize("") == ""


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        pytest.param('<p onclick="x()">Hi</p>', "<p>Hi</p>", id="onclick"),
        pytest.param(
            '<img src="/a.png" alt="A" onerror="x()">',
            '<img src="/a.png" alt="A">',
            id="onerror",
        ),
        pytest.param(
            '<a href="/x" onmouseover="x()">Hi</a>',
            '<a href="/x">Hi</a>',
            id="onmouseover",
        ),
        pytest.param(
            "<p ONCLICK=x()>Hi</p>", "<p>Hi</p>", id="uppercase-unquoted-handler"
        ),
    ],
)
def test_event_handlers_are_removed(sanitize, dirty, clean):
    assert same_html(sanitize(dirty), clean)


@pytest.mark.parametrize(
    "href",
    [
        pytest.param("javascript:alert(1)", id="javascript"),
        pytest.param("JaVaScRiPt:alert(1)", id="mixed-case"),
        pytest.param("java&#x09;script:alert(1)", id="tab-entity"),
        pytest.param("java\tscript:alert(1)", id="literal-tab"),
        pytest.param("jav&#x0A;ascript:alert(1)", id="newline-entity"),
        pytest.param(" javascript:alert(1)", id="leading-space"),
        pytest.param(
            "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
            id="decimal-entities",
        ),
        pytest.param("&#x6A;avascript:alert(1)", id="hex-entity"),
        pytest.param("vbscript:msgbox(1)", id="vbscript"),
        pytest.param("data:text/html,<script>alert(1)</script>", id="data"),
        pytest.param("DATA:text/html;base64,PHNjcmlwdD4=", id="data-upper"),
        pytest.param("ftp://example.com/file", id="ftp"),
        pytest.param("java\x01\x0bscript:alert(1)", id="control-characters"),
    ],
)
def test_link_with_forbidden_scheme_loses_its_href(sanitize, href):
    assert same_html(sanitize(f'<a href="{href}">x</a>'), "<a>x</a>")


@pytest.fixture
def site_url(settings):
    settings.SITE_URL = "https://news.example.org"
    return settings.SITE_URL


@pytest.mark.parametrize(
    "src",
    [
        pytest.param("javascript:alert(1)", id="javascript"),
        pytest.param("JaVaScRiPt:alert(1)", id="mixed-case"),
        pytest.param("java&#x09;script:alert(1)", id="tab-entity"),
        pytest.param("data:image/png;base64,iVBORw0KGgo=", id="data"),
        pytest.param("data:image/svg+xml,<svg onload=alert(1)>", id="data-svg"),
        pytest.param("https://example.com/a.png", id="other-site"),
        pytest.param("//example.com/a.png", id="other-site-protocol-relative"),
        pytest.param("/\\example.com/a.png", id="other-site-backslash"),
        pytest.param("http://news.example.org/a.png", id="other-scheme"),
        pytest.param("https://news.example.org:8443/a.png", id="other-port"),
        pytest.param("https://news.example.org.evil.test/a.png", id="longer-host"),
        pytest.param("", id="empty"),
    ],
)
def test_image_not_from_the_site_is_removed(sanitize, site_url, src):
    # The Content-Security-Policy (img-src 'self') would block it: readers would
    # see a broken image.
    dirty = f'<figure><img src="{src}" alt="A"><figcaption>C</figcaption></figure>'
    assert same_html(sanitize(dirty), "<figure><figcaption>C</figcaption></figure>")


def test_image_without_src_is_removed(sanitize):
    assert same_html(sanitize('<p>a<img alt="A">b</p>'), "<p>ab</p>")


@pytest.mark.parametrize(
    "src",
    [
        pytest.param("/media/a.jpg", id="root-relative"),
        pytest.param("media/a.jpg", id="path-relative"),
        pytest.param("https://news.example.org/media/a.jpg", id="site-url"),
        pytest.param("HTTPS://NEWS.example.org/media/a.jpg", id="site-url-upper"),
        pytest.param("//news.example.org/media/a.jpg", id="site-protocol-relative"),
    ],
)
def test_image_from_the_site_is_kept(sanitize, site_url, src):
    html = f'<img src="{src}" alt="A">'
    assert same_html(sanitize(html), html)


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        pytest.param('<p style="color:red">x</p>', "<p>x</p>", id="p"),
        pytest.param(
            '<a href="/x" style="position:fixed">x</a>', '<a href="/x">x</a>', id="a"
        ),
        pytest.param(
            '<img src="/a.png" alt="A" style="width:1px">',
            '<img src="/a.png" alt="A">',
            id="img",
        ),
    ],
)
def test_style_attribute_is_removed(sanitize, dirty, clean):
    assert same_html(sanitize(dirty), clean)


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        pytest.param('<iframe src="https://example.com/"></iframe>', "", id="iframe"),
        pytest.param('<object data="x.swf">fallback</object>', "fallback", id="object"),
        pytest.param('<embed src="x.swf">', "", id="embed"),
        pytest.param(
            '<form action="/x"><input name="q"><button>Go</button></form>',
            "Go",
            id="form",
        ),
        pytest.param("<style>p{color:red}</style>y", "p{color:red}y", id="style"),
        pytest.param(
            '<div class="c"><span>kept</span> text</div>', "kept text", id="div-span"
        ),
        pytest.param("<h1>Headline</h1>", "Headline", id="h1"),
        pytest.param('<meta http-equiv="refresh" content="0;url=/x">', "", id="meta"),
        pytest.param('<link rel="stylesheet" href="/x.css">', "", id="link"),
    ],
)
def test_unknown_tag_is_stripped_and_its_text_kept(sanitize, dirty, clean):
    assert same_html(sanitize(dirty), clean)


@pytest.mark.parametrize(
    ("dirty", "text"),
    [
        pytest.param("<svg><circle r=1 /><text>t</text></svg>", "t", id="svg"),
        pytest.param("<math><mi>x</mi></math>", "x", id="math"),
    ],
)
def test_svg_and_math_are_stripped_leaving_at_most_their_text(sanitize, dirty, text):
    # bleach keeps the text, as for any tag; nh3 drops SVG and MathML content whole.
    assert sanitize(dirty) in (text, "")


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        pytest.param('<h2 id="x" class="big">T</h2>', "<h2>T</h2>", id="h2-id-class"),
        pytest.param('<p lang="en" title="t">x</p>', "<p>x</p>", id="p-lang-title"),
        pytest.param(
            '<a href="/x" target="_blank">x</a>', '<a href="/x">x</a>', id="a-target"
        ),
        pytest.param(
            '<a href="/x" rel="opener">x</a>', '<a href="/x">x</a>', id="a-rel"
        ),
        pytest.param(
            '<ol start="2" type="a" reversed><li>x</li></ol>',
            '<ol start="2"><li>x</li></ol>',
            id="ol-type",
        ),
        pytest.param(
            '<td colspan="2" scope="row">x</td>',
            "x",
            id="td-outside-table",
        ),
    ],
)
def test_attributes_outside_the_allow_list_are_removed(sanitize, dirty, clean):
    assert same_html(sanitize(dirty), clean)


@pytest.mark.parametrize(
    "html",
    [
        pytest.param("<h2>Two</h2><h3>Three</h3><h4>Four</h4>", id="headings"),
        pytest.param("<p>One<br>two</p><hr>", id="paragraph"),
        pytest.param("<ul><li>a</li><li>b</li></ul>", id="ul"),
        pytest.param('<ol start="3"><li>c</li></ol>', id="ol-start"),
        pytest.param(
            "<p><strong>s</strong> <em>e</em> <b>b</b> <i>i</i> <u>u</u> <s>s</s> "
            "<sub>1</sub><sup>2</sup> <mark>m</mark> <small>sm</small></p>",
            id="inline",
        ),
        pytest.param(
            "<blockquote><p>Quote</p><cite>Someone</cite></blockquote>", id="blockquote"
        ),
        pytest.param(
            '<p><q>q</q> <abbr title="HyperText">HTML</abbr></p>', id="q-abbr"
        ),
        pytest.param(
            "<pre><code>if a &lt; b:\n    pass</code></pre><p><kbd>Ctrl</kbd></p>",
            id="code",
        ),
        pytest.param("<p>Tom &amp; Jerry &lt;3</p>", id="entities"),
        pytest.param('<a href="/articles/x/" title="More">x</a>', id="a-relative"),
        pytest.param('<a href="#section">x</a>', id="a-fragment"),
        pytest.param('<a href="?page=2&amp;q=x">x</a>', id="a-query"),
        pytest.param('<a href="mailto:desk@example.com">x</a>', id="a-mailto"),
        pytest.param(
            "<table><caption>C</caption><thead><tr>"
            '<th scope="col" colspan="2" rowspan="1">H</th></tr></thead>'
            '<tbody><tr><td colspan="2" rowspan="1">1</td></tr></tbody>'
            "<tfoot><tr><td>f</td></tr></tfoot></table>",
            id="table",
        ),
        pytest.param(
            '<figure><img src="/media/a.jpg" alt="A cat" width="640" height="360">'
            "<figcaption>A cat.</figcaption></figure>",
            id="figure",
        ),
    ],
)
def test_allowed_markup_is_kept_exactly(sanitize, html):
    assert same_html(sanitize(html), html)


@pytest.mark.parametrize(
    "href",
    [
        pytest.param("http://example.com/", id="http"),
        pytest.param("https://example.com/a?b=1", id="https"),
        pytest.param("//example.com/", id="protocol-relative"),
        pytest.param(
            "HTTPS://example.com/",
            id="uppercase-scheme",
        ),
        pytest.param(
            " https://example.com/",
            id="leading-space",
        ),
        pytest.param(
            "/\\example.com/",
            id="backslash",
        ),
    ],
)
def test_absolute_link_gets_rel_noopener_noreferrer(sanitize, href):
    assert same_html(
        sanitize(f'<a href="{href}">x</a>'), f'<a href="{href}" {REL}>x</a>'
    )


def test_rel_given_by_the_editor_is_replaced_on_absolute_link(sanitize):
    dirty = '<a href="https://example.com/" rel="nofollow">x</a>'
    assert same_html(sanitize(dirty), f'<a href="https://example.com/" {REL}>x</a>')


@pytest.mark.parametrize(
    "href",
    [
        pytest.param("/articles/x/", id="root-relative"),
        pytest.param("x/", id="path-relative"),
        pytest.param("#section", id="fragment"),
        pytest.param("mailto:desk@example.com", id="mailto"),
    ],
)
def test_relative_link_gets_no_rel(sanitize, href):
    assert same_html(sanitize(f'<a href="{href}">x</a>'), f'<a href="{href}">x</a>')


def test_image_without_alt_gets_empty_alt(sanitize):
    assert sanitize('<img src="/a.png">') == '<img src="/a.png" alt="">'


def test_image_alt_given_by_the_editor_is_kept(sanitize):
    assert (
        sanitize('<img alt="A cat" src="/a.png">') == '<img alt="A cat" src="/a.png">'
    )


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        pytest.param("<!-- note --><p>a</p>", "<p>a</p>", id="comment"),
        pytest.param("<p>a<!-- <script>x</script> --></p>", "<p>a</p>", id="nested"),
        pytest.param(
            "<p>a</p><!--[if IE]><script>x</script><![endif]-->",
            "<p>a</p>",
            id="conditional",
        ),
    ],
)
def test_comments_are_removed(sanitize, dirty, clean):
    assert same_html(sanitize(dirty), clean)


@pytest.mark.parametrize(
    "dirty",
    [
        pytest.param("<p onclick=x()>a <b>b</p></b> <i>c", id="misnested"),
        pytest.param(
            '<a href="https://example.com/?a=1&b=2">x</a>', id="bare-ampersand"
        ),
        pytest.param("<script>alert('<b>')</script><style>p{}</style>", id="script"),
        pytest.param("<table><tr><td>1<td>2</table>", id="table-implied"),
        pytest.param('<img src=/a.png alt="5 > 3 &amp; 2 < 4">', id="img-alt"),
        pytest.param("<h2>T &eacute; &nbsp;</h2><p>&#x29;&unknown;</p>", id="entities"),
        pytest.param(
            '<a title="&quot;A&quot; &amp; B" href="/x">x</a>', id="quot-title"
        ),
        pytest.param(
            '<img alt=\'He said "hi" &amp; left\' src="/a.png">',
            id="single-quoted-alt",
        ),
    ],
)
def test_sanitizing_twice_changes_nothing(sanitize, dirty):
    once = sanitize(dirty)
    assert sanitize(once) == once


def test_heading_gets_slugified_id():
    html, _ = anchor_headings("<h2>What changed?</h2>")
    assert html == '<h2 id="what-changed">What changed?</h2>'


def test_repeated_headings_get_numbered_ids():
    html, _ = anchor_headings("<h2>Why</h2><p>a</p><h2>Why</h2><h2>Why</h2>")
    assert html == (
        '<h2 id="why">Why</h2><p>a</p><h2 id="why-2">Why</h2><h2 id="why-3">Why</h2>'
    )


def test_heading_without_slug_text_gets_fallback_id():
    html, _ = anchor_headings("<h2>!!!</h2>")
    assert html == '<h2 id="section">!!!</h2>'


def test_toc_lists_id_and_plain_text_of_each_heading():
    _, toc = anchor_headings(
        "<h2>Tom &amp; <em>Jerry</em></h2><p>x</p>"
        '<h2>Why &lt;b&gt; <a href="/x">is</a> bold</h2>'
    )
    assert toc == [
        {"id": "tom-jerry", "text": "Tom & Jerry"},
        {"id": "why-b-is-bold", "text": "Why <b> is bold"},
    ]


def test_toc_text_of_a_heading_typed_over_two_lines_reads_on_one():
    _, toc = anchor_headings("<h2>What\n  changed</h2>")
    assert toc == [{"id": "what-changed", "text": "What changed"}]


def test_toc_ids_follow_duplicate_numbering():
    _, toc = anchor_headings("<h2>Why</h2><h2>Why</h2><h2>Why</h2>")
    assert [entry["id"] for entry in toc] == ["why", "why-2", "why-3"]


def test_toc_text_ignores_greater_than_sign_in_attribute(sanitize):
    _, toc = anchor_headings(sanitize('<h2><abbr title="a > b">AB</abbr> rules</h2>'))
    assert toc == [{"id": "ab-rules", "text": "AB rules"}]


def test_headings_other_than_h2_are_untouched():
    html = "<h3>Three</h3><h4>Four</h4><p>Two</p>"
    assert anchor_headings(html) == (html, [])


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [("FAQ title", "h-faq-title"), ("See also title", "see-also-title-2")],
)
def test_heading_never_takes_an_id_the_page_uses(heading, anchor):
    _, toc = anchor_headings(f"<h2>{heading}</h2>")
    assert toc[0]["id"] == anchor


def test_heading_never_takes_an_faq_question_anchor():
    _, toc = anchor_headings("<h2>FAQ: pricing</h2>")
    assert toc[0]["id"] == "h-faq-pricing"
