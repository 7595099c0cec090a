"""The article page reads the header's sections and the site settings with its
article (articles/detail_rows.py): the same as every other page shows, never stale."""

import re

import pytest
from django.urls import reverse

from siteconfig.models import SiteSettings
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def nav_of(response) -> list[str]:
    header = response.content.decode().split('class="site-nav"')[1].split("</nav>")[0]
    return re.findall(r'<a href="([^"]+)"', header)


def test_article_page_lists_sections_in_the_home_pages_order(client):
    # Ties on order fall to the name, as the database sorts it.
    for name, order in [
        ("beta", 1),
        ("Alpha", 1),
        ("Zulu", 1),
        ("first", 0),
        ("Émile", 2),
    ]:
        make_section(name=name, order=order)
    article = make_article()
    home = nav_of(client.get(reverse("articles:index")))
    assert nav_of(client.get(article.get_absolute_url())) == home


def test_article_page_shows_a_section_added_after_a_first_visit(client):
    article = make_article()
    client.get(article.get_absolute_url())
    added = make_section(name="Late")
    assert added.get_absolute_url() in nav_of(client.get(article.get_absolute_url()))


def test_article_page_shows_a_site_name_saved_after_a_first_visit(client):
    article = make_article()
    client.get(article.get_absolute_url())
    SiteSettings(site_name="Renamed Daily").save()
    response = client.get(article.get_absolute_url())
    assert (
        "<title>" + article.title + " – Renamed Daily</title>"
        in response.content.decode()
    )
