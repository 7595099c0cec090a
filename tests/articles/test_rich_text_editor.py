"""The WYSIWYG editor for article bodies and FAQ answers, and what it lets through.

The browser tests need Debian's chromium and chromium-driver (see tests/browser.py).
"""

import base64
import hashlib
import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django_prose_editor.config import allowlist_from_extensions
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from articles.models import Article, Status
from articles.sanitize import ALLOWED_TAGS
from faq.models import Entry
from newsroom.rich_text import RICH_TEXT_EXTENSIONS
from tests.admin_form import form_data
from tests.browser import click, csp_messages, wait_for
from tests.factories import make_article, make_author, make_section, make_topic

ADD_URL = reverse("admin:articles_article_add")
EDITOR = ".prose-editor .ProseMirror[contenteditable]"

# What the clipboard holds after copying from Google Docs (trimmed to two blocks).
GOOGLE_DOCS_PASTE = (
    '<meta charset="utf-8"><b style="font-weight:normal;" '
    'id="docs-internal-guid-5c1e4a7b-7fff-3b2d-9c1a-0e6f2d8b4a11">'
    '<h2 dir="ltr" style="line-height:1.38;margin-top:18pt;margin-bottom:6pt;">'
    '<span style="font-size:16pt;font-family:Arial,sans-serif;color:#000000;'
    "background-color:transparent;font-weight:400;font-style:normal;"
    'vertical-align:baseline;white-space:pre-wrap;">What changed</span></h2>'
    '<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;">'
    '<span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;'
    'font-weight:400;">Claude can now </span><span style="font-size:11pt;'
    'font-family:Arial,sans-serif;color:#000000;font-weight:700;">read maps</span>'
    '<span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;'
    'font-weight:400;">.</span></p></b><br class="Apple-interchange-newline">'
)
# And after copying from Word: a whole document, its style sheet in the head.
WORD_PASTE = (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w="urn:schemas-microsoft-com:office:word"><head>'
    "<meta name=ProgId content=Word.Document><style><!-- p.MsoNormal {margin:0cm; "
    'font-size:11.0pt;font-family:"Calibri",sans-serif;} --></style></head>'
    "<body lang=EN-GB style='tab-interval:36.0pt'><!--StartFragment-->"
    "<p class=MsoNormal><b><span lang=EN-US style='font-size:12.0pt;"
    "mso-bidi-font-family:Calibri'>Bold lead</span></b> and <i>italic</i> text."
    "<o:p></o:p></p>"
    "<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;"
    "mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>"
    "·<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span>"
    "<![endif]>First point<o:p></o:p></p>"
    "<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;"
    "mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>"
    "·<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span>"
    "<![endif]>Second point<o:p></o:p></p>"
    '<p class=MsoNormal><font face="Calibri" color="#1f497d">In an old font tag'
    "</font><o:p>&nbsp;</o:p></p><!--EndFragment--></body></html>"
)


# The toolbar and the sanitizer


def test_toolbar_offers_only_markup_the_sanitizer_keeps():
    tags = allowlist_from_extensions(RICH_TEXT_EXTENSIONS)["tags"]

    assert tags <= ALLOWED_TAGS


def test_toolbar_offers_the_newsroom_set_of_markup():
    tags = allowlist_from_extensions(RICH_TEXT_EXTENSIONS)["tags"]

    assert tags == {
        *("p", "br", "h2", "h3", "h4", "strong", "em", "a", "code", "pre"),
        *("ul", "ol", "li", "blockquote", "hr"),
        *("table", "thead", "tbody", "tr", "th", "td"),
        *("figure", "figcaption", "img", "sub", "sup", "s", "u"),
    }


# The admin forms


@pytest.mark.django_db
def test_article_body_gets_the_editor(editor_client):
    content = editor_client.get(ADD_URL).content.decode()

    assert re.search(r'<textarea name="body"[^>]*data-django-prose-editor-', content)


@pytest.mark.django_db
def test_faq_answer_gets_the_editor(editor_client):
    content = editor_client.get(reverse("admin:faq_entry_add")).content.decode()

    assert re.search(r'<textarea name="answer"[^>]*data-django-prose-editor-', content)


@pytest.mark.parametrize(
    "path",
    [
        "django_prose_editor/editor.js",
        "django_prose_editor/configurable.js",
        "django_prose_editor/material-icons.woff2",
        "admin-extra/paste-cleanup.js",
    ],
)
def test_editor_files_are_our_own_static_files(path):
    assert finders.find(path)


@pytest.mark.django_db
def test_editor_loads_nothing_from_other_origins(editor_client):
    content = editor_client.get(ADD_URL).content.decode()

    assert not re.search(r"""(?:src|href)=["'](?:https?:)?//""", content)


def rendered_importmap(content):
    return re.search(r'<script type="importmap">(.*?)</script>', content, re.S)[1]


@pytest.mark.django_db
def test_policy_allows_the_import_map_the_page_renders(editor_client):
    response = editor_client.get(ADD_URL)

    importmap = rendered_importmap(response.content.decode())
    digest = base64.b64encode(hashlib.sha256(importmap.encode()).digest()).decode()
    assert f"script-src 'self' 'sha256-{digest}'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_policy_allows_no_inline_code(editor_client):
    response = editor_client.get(ADD_URL)

    assert "unsafe-inline" not in response["Content-Security-Policy"]


# Pasted HTML that reaches the server as it is (no editor, or an old browser)


def add_article(client, body):
    data = form_data(
        client.get(ADD_URL),
        "article_form",
        title="Claude learns to count",
        slug="claude-learns-to-count",
        section=make_section().pk,
        body=body,
        **{"bylines-0-author": make_author().pk},
    )
    response = client.post(ADD_URL, data)
    assert response.status_code == 302, response.context["errors"]
    return Article.objects.get(slug="claude-learns-to-count")


@pytest.mark.django_db
def test_google_docs_paste_is_stored_clean(editor_client):
    article = add_article(editor_client, GOOGLE_DOCS_PASTE)

    assert article.body_html == (
        '<h2 id="what-changed">What changed</h2><p>Claude can now read maps.</p><br>'
    )


@pytest.mark.django_db
def test_word_paste_is_stored_clean(editor_client):
    article = add_article(editor_client, WORD_PASTE)

    assert article.body_html == (
        "<p><b>Bold lead</b> and <i>italic</i> text.</p>"
        "<p>First point</p><p>Second point</p><p>In an old font tag&nbsp;</p>"
    )


@pytest.mark.django_db
def test_google_docs_paste_in_faq_answer_is_stored_clean(editor_client):
    url = reverse("admin:faq_entry_add")
    data = form_data(
        editor_client.get(url),
        "entry_form",
        question="Can Claude read maps?",
        slug="can-claude-read-maps",
        topic=make_topic().pk,
        answer=GOOGLE_DOCS_PASTE,
    )

    editor_client.post(url, data)

    assert Entry.objects.get().answer_html == (
        "<h2>What changed</h2><p>Claude can now read maps.</p><br>"
    )


# In a real browser


def wait_for_editor(browser):
    return wait_for(browser, lambda _: browser.find_element(By.CSS_SELECTOR, EDITOR))


def paste(browser, editor, html):
    """Paste html into the editor as the clipboard would hand it over."""
    browser.execute_script(
        "const data = new DataTransfer();"
        "data.setData('text/html', arguments[1]);"
        "data.setData('text/plain', arguments[0].innerText);"
        "arguments[0].dispatchEvent(new ClipboardEvent("
        "  'paste', {clipboardData: data, bubbles: true, cancelable: true}));",
        editor,
        html,
    )


def body_field(browser):
    return browser.find_element(By.ID, "id_body").get_attribute("value")


@pytest.mark.django_db(transaction=True)
def test_bold_button_and_typing_save_strong_text(logged_in_browser, live_server):
    article = make_article(status=Status.DRAFT, body="<p>Body text.</p>")
    logged_in_browser.get(
        live_server.url + reverse("admin:articles_article_change", args=[article.pk])
    )
    editor = wait_for_editor(logged_in_browser)

    click(logged_in_browser, editor)
    editor.send_keys(Keys.CONTROL, Keys.END)
    editor.send_keys(" Then ")
    bold = logged_in_browser.find_element(By.CSS_SELECTOR, "button[data-name=bold]")
    click(logged_in_browser, bold)
    editor.send_keys("bold news")
    click(logged_in_browser, logged_in_browser.find_element(By.NAME, "_continue"))
    wait_for(
        logged_in_browser,
        lambda browser: browser.find_elements(By.CSS_SELECTOR, ".messagelist .success"),
    )

    article.refresh_from_db()
    assert article.body == "<p>Body text. Then <strong>bold news</strong></p>"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("clipboard", "expected"),
    [
        (
            GOOGLE_DOCS_PASTE,
            "<h2>What changed</h2><p>Claude can now <strong>read maps</strong>.</p>",
        ),
        (
            WORD_PASTE,
            "<p><strong>Bold lead</strong> and <em>italic</em> text.</p>"
            "<ul><li><p>First point</p></li><li><p>Second point</p></li></ul>"
            "<p>In an old font tag&nbsp;</p>",
        ),
    ],
    ids=["google-docs", "word"],
)
def test_paste_in_editor_becomes_clean_markup(
    logged_in_browser, live_server, clipboard, expected
):
    logged_in_browser.get(live_server.url + ADD_URL)
    editor = wait_for_editor(logged_in_browser)

    paste(logged_in_browser, editor, clipboard)

    # The editor copies its document into the form field after the paste is handled.
    wait_for(logged_in_browser, body_field)
    assert body_field(logged_in_browser) == expected


@pytest.mark.django_db(transaction=True)
def test_paste_in_editor_breaks_no_csp_rule(logged_in_browser, live_server):
    logged_in_browser.get(live_server.url + ADD_URL)
    editor = wait_for_editor(logged_in_browser)

    paste(logged_in_browser, editor, GOOGLE_DOCS_PASTE + WORD_PASTE)

    assert csp_messages(logged_in_browser) == []


@pytest.mark.django_db(transaction=True)
def test_editor_starts_on_faq_entry_form_without_csp_messages(
    logged_in_browser, live_server
):
    logged_in_browser.get(live_server.url + reverse("admin:faq_entry_add"))

    wait_for_editor(logged_in_browser)

    assert csp_messages(logged_in_browser) == []
