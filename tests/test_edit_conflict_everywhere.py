"""Every shared row refuses a stale save, like articles do, and keeps what was typed.

Two editors open the same row; the first saves, the second's save is refused with
"Someone else saved this …", their typed text is still in the form, and the first
save stays in place.
"""

from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from pytest_django.asserts import assertContains

from articles.models import Author, Section
from corrections.models import Note
from faq.models import Topic
from images.models import Image
from redirects.models import Redirect
from siteconfig.models import SiteSettings
from tests.admin_form import form_data
from tests.factories import (
    make_article,
    make_author,
    make_image,
    make_section,
    make_topic,
)

pytestmark = pytest.mark.django_db


@dataclass
class Case:
    make: object  # () -> the row both editors open
    admin_url: str  # the change view's URL name
    field: str  # the field each editor types into
    name: str  # how the message names the row
    saved: object  # row -> the field's saved value
    form_id: str = ""

    def url(self, row):
        return reverse(self.admin_url, args=[row.pk])


def make_note():
    article = make_article()
    Note.objects.create(article=article, text="The date was wrong.")
    return article


CASES = {
    "section": Case(
        make_section,
        "admin:articles_section_change",
        "description",
        "section",
        lambda row: Section.objects.get(pk=row.pk).description,
    ),
    "author": Case(
        make_author,
        "admin:articles_author_change",
        "bio",
        "author",
        lambda row: Author.objects.get(pk=row.pk).bio,
    ),
    "site settings": Case(
        lambda: SiteSettings.objects.create(),
        "admin:siteconfig_sitesettings_change",
        "tagline",
        "site settings",
        lambda row: SiteSettings.objects.get().tagline,
    ),
    "redirect": Case(
        lambda: Redirect.objects.create(old_path="/old/", target="/new/"),
        "admin:redirects_redirect_change",
        "target",
        "redirect",
        lambda row: Redirect.objects.get(pk=row.pk).target,
    ),
    "image": Case(
        make_image,
        "admin:images_image_change",
        "caption",
        "image",
        lambda row: Image.objects.get(pk=row.pk).caption,
    ),
    "FAQ topic": Case(
        make_topic,
        "admin:faq_topic_change",
        "name",
        "topic",
        lambda row: Topic.objects.get(pk=row.pk).name,
    ),
    # Corrections are edited on their article's form, which the article's check covers.
    "correction": Case(
        make_note,
        "admin:articles_article_change",
        "notes-0-text",
        "article",
        lambda row: Note.objects.get().text,
        form_id="article_form",
    ),
}
TYPED = {"target": ("/first/", "/second/")}


def typed(case):
    field = case.field
    return TYPED.get(field, (f"First editor's {field}", f"Second editor's {field}"))


def open_form(client, case, row, value):
    url = case.url(row)
    form_id = case.form_id or f"{url.split('/')[3]}_form"
    return form_data(client.get(url), form_id, **{case.field: value})


@pytest.fixture
def first(administrator):
    client = Client()
    client.force_login(administrator)
    return client


@pytest.fixture
def second(administrator):
    """A second editor's browser (the same account is enough: two tabs)."""
    client = Client()
    client.force_login(administrator)
    return client


@pytest.fixture(params=CASES.values(), ids=CASES.keys())
def case(request):
    return request.param


def test_stale_save_is_refused_and_keeps_the_typed_text(first, second, case):
    row = case.make()
    first_text, second_text = typed(case)
    first_data = open_form(first, case, row, first_text)
    second_data = open_form(second, case, row, second_text)
    assert first.post(case.url(row), first_data).status_code == 302

    response = second.post(case.url(row), second_data)

    assertContains(response, f"Someone else saved this {case.name} at")
    assertContains(response, escape(second_text))
    assert case.saved(row) == first_text


def test_save_from_a_fresh_form_goes_through(first, case):
    row = case.make()
    first.post(case.url(row), open_form(first, case, row, typed(case)[0]))

    response = first.post(case.url(row), open_form(first, case, row, typed(case)[1]))

    assert response.status_code == 302
    assert case.saved(row) == typed(case)[1]
