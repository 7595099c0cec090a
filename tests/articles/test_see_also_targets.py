"""Contributors pick see-also targets among published articles and their own only.

Otherwise choosing a colleague's draft as a target showed its title: in the
picker's search results, or on the form after a crafted POST.
"""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertNotContains

from articles.models import LinkKind, SeeAlsoLink, Status
from roles.permissions import Role
from roles.services import staff_user_create
from tests.admin_form import change_url, inline_prefix, read_form, with_inline_row
from tests.factories import make_article

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Secret merger talks"


@pytest.fixture
def own_draft(contributor):
    return make_article(title="My draft", status=Status.DRAFT, created_by=contributor)


@pytest.fixture
def others_draft(role_groups):
    colleague = staff_user_create(
        username="colleague", role=Role.CONTRIBUTOR, password="pw"
    )
    return make_article(title=SECRET_TITLE, status=Status.DRAFT, created_by=colleague)


def target_titles(client, term=""):
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": "seealsolink",
            "field_name": "target_article",
            "term": term,
        },
    )
    assert response.status_code == 200
    return {result["text"] for result in response.json()["results"]}


def test_contributor_picker_offers_published_and_own_articles(
    contributor_client, own_draft, others_draft
):
    make_article(title="Published piece")

    titles = target_titles(contributor_client)

    assert {"Published piece", "My draft"} <= titles
    assert SECRET_TITLE not in titles


def test_contributor_picker_search_does_not_find_anothers_draft(
    contributor_client, others_draft
):
    assert target_titles(contributor_client, "merger") == set()


def test_editor_picker_finds_every_draft(editor_client, others_draft):
    assert SECRET_TITLE in target_titles(editor_client, "merger")


def post_link_to(client, article, target):
    url = change_url(article)
    form = read_form(client.get(url))
    data = with_inline_row(
        form,
        inline_prefix(form, "target_article"),
        kind=LinkKind.ARTICLE,
        target_article=str(target.pk),
        position="0",
    )
    return client.post(url, data)


def test_crafted_post_linking_anothers_draft_is_refused(
    contributor_client, own_draft, others_draft
):
    response = post_link_to(contributor_client, own_draft, others_draft)

    assert response.status_code == 200  # The form again, with an error.
    assertNotContains(response, SECRET_TITLE)
    assert not SeeAlsoLink.objects.filter(article=own_draft).exists()


def test_contributor_links_a_published_article(contributor_client, own_draft):
    published = make_article(title="Published piece")

    response = post_link_to(contributor_client, own_draft, published)

    assert response.status_code == 302
    assert SeeAlsoLink.objects.get(article=own_draft).target_article == published
