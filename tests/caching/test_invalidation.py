"""A change clears exactly the cached pages that show it, at once.

Every page is read twice first, so it is cached (the second read runs no query);
after the change, the pages that show it are made again (queries run, the change
shows) and the others are still served from the cache.
"""

import pytest
from django.test import Client
from django.test.signals import template_rendered
from django.urls import reverse

from articles import publishing
from articles.models import Kind, Status
from caching.invalidation import invalidate
from corrections.models import Note
from siteconfig.models import SiteSettings
from tests.caching.conftest import fetch, is_cached
from tests.factories import (
    make_article,
    make_author,
    make_entry,
    make_image,
    make_section,
)

pytestmark = pytest.mark.django_db

TITLE = "Breaking story about Claude"


@pytest.fixture
def site(db):
    tech = make_section(name="Tech", slug="tech")
    ada = make_author(name="Ada Writer", slug="ada")
    # 21 live pieces: home, the section and the tag have a page 2.
    older = [
        make_article(section=tech, authors=[ada], tags=["ai"], kind=Kind.EXPLAINER)
        for _ in range(20)
    ]
    bystander = make_article(
        title="Gardening guide",
        section=make_section(name="Life", slug="life"),
        tags=["garden"],
        kind=Kind.GUIDE,
    )
    story = make_article(
        title=TITLE,
        section=tech,
        authors=[ada],
        tags=["ai"],
        kind=Kind.NEWS,
        status=Status.DRAFT,
        published_at=None,
    )
    return {"story": story, "older": older, "bystander": bystander}


def touched_pages(story):
    """Where publishing story shows: first pages list it, the others shift."""
    listing = [
        reverse("articles:index"),
        reverse("articles:news"),
        reverse("articles:section", args=["tech"]),
        reverse("articles:tag", args=["ai"]),
        reverse("articles:author", args=["ada"]),
        reverse("syndication:feed_rss"),
        reverse("syndication:feed_json"),
        reverse("syndication:section_rss", args=["tech"]),
        reverse("syndication:tag_atom", args=["ai"]),
        reverse("syndication:author_rss", args=["ada"]),
        reverse("syndication:sitemap_news"),
        reverse("syndication:sitemap_section", args=["articles"]),
    ]
    shifted = [
        reverse("articles:index") + "?page=2",
        reverse("articles:section", args=["tech"]) + "?page=2",
        reverse("articles:tag", args=["ai"]) + "?page=2",
        reverse("syndication:sitemap"),
    ]
    return listing, shifted


def untouched_pages(site):
    return [
        site["bystander"].get_absolute_url(),
        reverse("articles:section", args=["life"]),
        reverse("articles:tag", args=["garden"]),
        reverse("faq:index"),
        reverse("corrections:index"),
    ]


def prime(client, urls):
    for url in urls:
        # A missing page (the section's page 2 before the story) is never stored.
        if client.get(url).status_code != 404:
            assert is_cached(client, url), url


def assert_fresh(client, urls, *, shows=None, hides=None):
    for url in urls:
        response, queries = fetch(client, url)
        assert queries > 0, f"{url} came from the cache"
        text = response.content.decode()
        if shows:
            assert shows in text, url
        if hides:
            assert hides not in text, url


def assert_cached(client, urls):
    for url in urls:
        assert is_cached(client, url), f"{url} was cleared"


def test_publish_then_unpublish(
    client, site, editor, django_capture_on_commit_callbacks
):
    story = site["story"]
    listing, shifted = touched_pages(story)
    story_url = story.get_absolute_url()
    prime(client, [*listing, *shifted, story_url, *untouched_pages(site)])
    assert client.get(story_url).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        publishing.publish(story, user=editor)
    assert client.get(story_url).status_code == 200
    assert_fresh(client, listing, shows=story.slug)
    assert_fresh(client, shifted)
    assert_cached(client, untouched_pages(site))

    prime(client, [*listing, *shifted, story_url])
    with django_capture_on_commit_callbacks(execute=True):
        publishing.unpublish(story, user=editor)
    assert client.get(story_url).status_code == 404
    assert_fresh(client, listing, hides=story.slug)
    assert_fresh(client, shifted)
    assert_cached(client, untouched_pages(site))


def test_edit_of_a_live_article(
    client, site, editor, django_capture_on_commit_callbacks
):
    article = site["older"][-1]
    pages = [
        article.get_absolute_url(),
        reverse("articles:index"),
        reverse("articles:tag", args=["ai"]),
        reverse("syndication:feed_rss"),
        # It is a related article there: its title shows.
        site["older"][0].get_absolute_url(),
    ]
    prime(client, [*pages, *untouched_pages(site)])
    before = publishing.footprint(article)
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "A retitled piece"
        article.save()
        publishing.record_edit(article, user=editor, before=before)
    assert_fresh(client, pages, shows="A retitled piece")
    assert_cached(client, untouched_pages(site))


def test_a_correction(client, site, django_capture_on_commit_callbacks):
    article = site["older"][0]
    pages = [article.get_absolute_url(), reverse("corrections:index")]
    unrelated = [reverse("articles:index"), site["bystander"].get_absolute_url()]
    prime(client, [*pages, *unrelated])
    with django_capture_on_commit_callbacks(execute=True):
        Note.objects.create(article=article, kind="correction", text="We erred.")
    assert_fresh(client, pages, shows="We erred.")
    assert_cached(client, unrelated)


def test_an_faq_entry(client, site, django_capture_on_commit_callbacks):
    entry = make_entry(question="Does Claude remember?")
    showing = site["bystander"]
    showing.faq_links.create(entry=entry, position=0)
    pages = [reverse("faq:index"), showing.get_absolute_url()]
    # Not the lists that show its card: they name the article, and are cleared.
    unrelated = [
        reverse("articles:tag", args=["ai"]),
        site["older"][0].get_absolute_url(),
    ]
    prime(client, [*pages, *unrelated])
    with django_capture_on_commit_callbacks(execute=True):
        entry.question = "Does Claude forget?"
        entry.save()
    assert_fresh(client, pages, shows="Does Claude forget?")
    assert_cached(client, unrelated)


def test_an_faq_entry_published(client, site, django_capture_on_commit_callbacks):
    entry = make_entry(question="Is it on?", is_published=False)
    showing = site["bystander"]
    showing.faq_links.create(entry=entry, position=0)
    prime(client, [showing.get_absolute_url()])
    with django_capture_on_commit_callbacks(execute=True):
        entry.is_published = True
        entry.save()
    assert_fresh(client, [showing.get_absolute_url()], shows="Is it on?")


def test_site_settings_clear_every_page(
    client, site, django_capture_on_commit_callbacks
):
    pages = [*touched_pages(site["story"])[0], *untouched_pages(site)]
    prime(client, pages)
    settings_row = SiteSettings.current()
    with django_capture_on_commit_callbacks(execute=True):
        settings_row.disclaimer = "Independent, and proud of it."
        settings_row.save()
    assert_fresh(client, pages)


def test_an_author_renamed(client, site, django_capture_on_commit_callbacks):
    author = site["story"].bylines.get().author
    pages = [
        reverse("articles:author", args=["ada"]),
        reverse("articles:index"),
        site["older"][0].get_absolute_url(),
    ]
    prime(client, [*pages, site["bystander"].get_absolute_url()])
    with django_capture_on_commit_callbacks(execute=True):
        author.name = "Ada Lovelace"
        author.save()
    assert_fresh(client, pages, shows="Ada Lovelace")
    assert_cached(client, [site["bystander"].get_absolute_url()])


def test_a_change_the_cache_missed_is_not_kept(site, editor):
    """A page made while content changed may show the old data: nobody keeps it."""
    reader = Client()
    url = reverse("articles:index")

    def change_midway(sender, **kwargs):
        invalidate({"list-home"})

    # Rendering the home page's template: the change commits while it is made.
    template_rendered.connect(change_midway)
    try:
        response = reader.get(url)
    finally:
        template_rendered.disconnect(change_midway)
    assert "private" in response["Cache-Control"]
    assert not is_cached(reader, url)


def test_a_hero_image_caption(client, site, django_capture_on_commit_callbacks):
    image = make_image(caption="Old caption")
    article = site["older"][0]
    article.hero = image
    article.save()
    prime(client, [article.get_absolute_url(), site["bystander"].get_absolute_url()])
    with django_capture_on_commit_callbacks(execute=True):
        image.caption = "A new caption"
        image.save()
    assert_fresh(client, [article.get_absolute_url()], shows="A new caption")
    assert_cached(client, [site["bystander"].get_absolute_url()])
