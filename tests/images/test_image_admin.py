"""Editors keep images in a library: find them, set their focal point, use them."""

from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from pytest_django.asserts import assertContains

from articles.sanitize import sanitize_html
from images.models import Image
from tests.factories import make_article, make_image, make_image_file

pytestmark = pytest.mark.django_db

CHANGELIST_URL = reverse("admin:images_image_changelist")


def change_url(image):
    return reverse("admin:images_image_change", args=[image.pk])


def change_form_data(image, **overrides):
    data = {
        "title": image.title,
        "alt_text": image.alt_text,
        "caption": image.caption,
        "credit": image.credit,
        "focal_x": image.focal_x,
        "focal_y": image.focal_y,
    }
    data.update(overrides)
    return data


class Tags(HTMLParser):
    def __init__(self, content: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(content)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def named(self, name: str) -> list[dict]:
        return [attrs for tag, attrs in self.tags if tag == name]


def listed_titles(response):
    return {image.title for image in response.context["cl"].result_list}


# The library's list


def test_changelist_shows_a_small_rendition_as_thumbnail(picture_editor_client):
    image = make_image(file=make_image_file(size=(2000, 1000)))

    response = picture_editor_client.get(CHANGELIST_URL)

    [thumbnail] = [
        attrs
        for attrs in Tags(response.content.decode()).named("img")
        if "image-thumbnail" in attrs.get("class", "")
    ]
    assert thumbnail["src"] == image.thumbnail["url"]
    assert "480w" in thumbnail["src"]
    assert (thumbnail["width"], thumbnail["height"]) == ("96", "48")
    assert "style" not in thumbnail  # The admin's CSP blocks inline styles.


@pytest.mark.parametrize(
    ("query", "field"),
    [("lighthouse", "title"), ("seagull", "alt_text"), ("fastnet", "caption")],
)
def test_search_finds_title_alt_text_and_caption(picture_editor_client, query, field):
    make_image(
        title="Lighthouse",
        alt_text="A seagull on a rail",
        caption="Fastnet, from the ferry",
    )
    make_image(title="Budget meeting", alt_text="People at a table")

    response = picture_editor_client.get(CHANGELIST_URL, {"q": query})

    assert listed_titles(response) == {"Lighthouse"}


def test_filter_by_upload_date(picture_editor_client):
    old = make_image(title="Old")
    Image.objects.filter(pk=old.pk).update(
        uploaded_at=timezone.now() - timedelta(days=60)
    )
    make_image(title="New")

    response = picture_editor_client.get(
        CHANGELIST_URL,
        # What the filter's "Past 7 days" link sends.
        {"uploaded_at__gte": str(timezone.now() - timedelta(days=7))},
    )

    assert listed_titles(response) == {"New"}


# The change page


def test_change_page_offers_html_the_sanitizer_keeps(picture_editor_client):
    image = make_image(
        alt_text='A "quoted" <b>alt</b>', caption="Dawn.", credit="Photo: J. Doe"
    )

    response = picture_editor_client.get(change_url(image))

    snippet = image.body_snippet()
    assertContains(response, escape(snippet))  # In a textarea, as text to copy.
    assert sanitize_html(snippet) == snippet
    assert snippet.startswith(f'<figure><img src="{image.body_picture["url"]}"')
    assert "<figcaption>Dawn. Photo: J. Doe</figcaption>" in snippet


def test_change_page_shows_the_focal_point_picker_without_inline_script(
    picture_editor_client,
):
    image = make_image()

    response = picture_editor_client.get(change_url(image))

    assertContains(response, "data-focal-picker")
    assertContains(response, "images/focal_point.js")
    assert "onclick" not in response.content.decode()


def test_new_focal_point_in_the_admin_makes_a_new_social_crop(picture_editor_client):
    image = make_image()
    old_crop = image.renditions["social"]["path"]

    response = picture_editor_client.post(
        change_url(image), change_form_data(image, focal_x="0.25", focal_y="0.75")
    )

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.focal_point == (0.25, 0.75)
    assert image.renditions["social"]["path"] != old_crop
    assert image.renditions["social"]["focal"] == [0.25, 0.75]


@pytest.mark.parametrize("value", ["-0.1", "1.5"])
def test_focal_point_outside_the_picture_is_a_form_error(picture_editor_client, value):
    image = make_image()

    response = picture_editor_client.post(
        change_url(image), change_form_data(image, focal_x=value)
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["focal_x"]


def test_saving_text_only_keeps_the_uploader(picture_editor_client, admin_user):
    image = make_image(uploaded_by=admin_user)

    picture_editor_client.post(change_url(image), change_form_data(image, title="New"))

    image.refresh_from_db()
    assert (image.title, image.uploaded_by) == ("New", admin_user)


def test_image_used_as_a_hero_cannot_be_deleted(picture_editor_client):
    image = make_image()
    make_article(hero=image)

    response = picture_editor_client.post(
        reverse("admin:images_image_delete", args=[image.pk]), {"post": "yes"}
    )

    assert response.status_code == 200  # The "cannot delete" page, not a redirect.
    assert Image.objects.filter(pk=image.pk).exists()


def test_delete_action_removes_the_files(
    picture_editor_client, stored_files, django_capture_on_commit_callbacks
):
    images = [make_image(), make_image()]

    with django_capture_on_commit_callbacks(execute=True):
        picture_editor_client.post(
            CHANGELIST_URL,
            {
                "action": "delete_selected",
                "_selected_action": [image.pk for image in images],
                "post": "yes",
            },
        )

    assert not Image.objects.exists()
    assert stored_files() == []


# Picking a hero on the article form


def test_article_hero_autocomplete_finds_images_by_title(admin_client):
    make_image(title="Lighthouse at dusk")
    make_image(title="Budget meeting")

    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": "article",
            "field_name": "hero",
            "term": "lighthouse",
        },
    )

    assert [result["text"] for result in response.json()["results"]] == [
        "Lighthouse at dusk"
    ]
