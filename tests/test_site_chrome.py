"""The header and footer, rendered once per content (articles/templatetags/site_chrome.py),
still mark the current page and show every change at once."""

import re

import pytest
from django.urls import reverse

from siteconfig.models import SiteSettings
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def current_links(html: str) -> list[str]:
    header = html[html.index("<header") : html.index("</header>")]
    return re.findall(r'<a href="([^"]+)" aria-current="page"', header)


def test_each_page_marks_its_own_place_in_the_header(client):
    guides = make_section(name="Guides", slug="guides")
    make_section(name="News items", slug="news-items")
    article = make_article(section=guides)
    news, faq = reverse("articles:news"), reverse("faq:index")

    assert current_links(client.get(reverse("articles:index")).text) == []
    section_page = guides.get_absolute_url()
    assert current_links(client.get(section_page).text) == [section_page]
    assert current_links(client.get(article.get_absolute_url()).text) == [
        guides.get_absolute_url()
    ]
    assert current_links(client.get(news).text) == [news]
    assert current_links(client.get(faq).text) == [faq]


def test_a_renamed_section_and_new_settings_show_at_once(client):
    section = make_section(name="Guides", slug="guides")
    make_article(section=section)
    home = reverse("articles:index")
    assert ">Guides</a>" in client.get(home).text

    section.name, section.slug = "How-to guides", "how-to"
    section.save()
    site = SiteSettings.current()
    site.site_name, site.disclaimer = "Renamed Site", "Not affiliated, still."
    site.save()

    html = client.get(home).text
    header, footer = html.split("</header>", 1)
    assert f'<a href="{section.get_absolute_url()}">How-to guides</a>' in header
    assert ">Renamed Site</a>" in header
    assert "Renamed Site" in footer
    assert "Not affiliated, still." in footer
