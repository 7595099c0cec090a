"""A library image pasted into a body cannot be deleted or swapped out from under it."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains

from images.models import Image, ImageUse
from tests.factories import make_article, make_entry, make_image, make_image_file

pytestmark = pytest.mark.django_db

CHANGELIST_URL = reverse("admin:images_image_changelist")


def delete_url(image):
    return reverse("admin:images_image_delete", args=[image.pk])


def change_url(image):
    return reverse("admin:images_image_change", args=[image.pk])


def body_with(image) -> str:
    return f"<p>Before the picture.</p>{image.body_snippet()}<p>After it.</p>"


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


def image_files_exist(image) -> bool:
    storage = image.file.storage
    paths = [image.file.name, *(i["path"] for i in image.renditions["responsive"])]
    return all(storage.exists(path) for path in paths)


# Deleting


def test_delete_of_an_image_a_body_uses_is_refused_naming_the_article(
    picture_editor_client, django_capture_on_commit_callbacks
):
    image = make_image()
    make_article(title="Boats at dawn", body=body_with(image))

    with django_capture_on_commit_callbacks(execute=True):
        response = picture_editor_client.post(delete_url(image), {"post": "yes"})

    assert response.status_code == 200  # The "cannot delete" page, not a redirect.
    assertContains(response, "Boats at dawn")
    assert Image.objects.filter(pk=image.pk).exists()
    assert image_files_exist(image)


def test_delete_action_is_refused_naming_the_article_and_deletes_none(
    picture_editor_client, django_capture_on_commit_callbacks
):
    used, unused = make_image(), make_image()
    make_article(title="Boats at dawn", body=body_with(used))

    with django_capture_on_commit_callbacks(execute=True):
        response = picture_editor_client.post(
            CHANGELIST_URL,
            {
                "action": "delete_selected",
                "_selected_action": [used.pk, unused.pk],
                "post": "yes",
            },
        )

    assertContains(response, "Boats at dawn")
    assert Image.objects.count() == 2
    assert image_files_exist(used)


def test_delete_of_an_image_an_faq_answer_uses_is_refused_naming_the_question(
    picture_editor_client,
):
    image = make_image()
    make_entry(question="Where is the harbour?", answer=body_with(image))

    response = picture_editor_client.post(delete_url(image), {"post": "yes"})

    assertContains(response, "Where is the harbour?")
    assert Image.objects.filter(pk=image.pk).exists()


def test_body_using_the_original_file_also_counts(picture_editor_client):
    image = make_image()
    make_article(
        title="Full size", body=f'<p><img src="{image.file.url}" alt="Boats"></p>'
    )

    response = picture_editor_client.post(delete_url(image), {"post": "yes"})

    assertContains(response, "Full size")
    assert Image.objects.filter(pk=image.pk).exists()


def test_delete_is_allowed_once_the_body_stops_using_the_image(
    picture_editor_client,
):
    image = make_image()
    article = make_article(body=body_with(image))
    article.body = "<p>No picture any more.</p>"
    article.save()

    response = picture_editor_client.post(delete_url(image), {"post": "yes"})

    assert response.status_code == 302
    assert not Image.objects.filter(pk=image.pk).exists()


def test_delete_is_allowed_once_the_article_is_deleted(picture_editor_client):
    image = make_image()
    make_article(body=body_with(image)).delete()

    response = picture_editor_client.post(delete_url(image), {"post": "yes"})

    assert response.status_code == 302
    assert not Image.objects.filter(pk=image.pk).exists()


def test_an_image_of_the_same_month_that_no_body_shows_can_be_deleted(
    picture_editor_client,
):
    shown, other = make_image(), make_image()
    make_article(body=body_with(shown))

    response = picture_editor_client.post(delete_url(other), {"post": "yes"})

    assert response.status_code == 302
    assert not Image.objects.filter(pk=other.pk).exists()


# Replacing the file


def test_new_file_for_an_image_a_body_uses_is_refused_naming_the_article(
    picture_editor_client, django_capture_on_commit_callbacks
):
    image = make_image()
    make_article(title="Boats at dawn", body=body_with(image))
    old_name = image.file.name

    with django_capture_on_commit_callbacks(execute=True):
        response = picture_editor_client.post(
            change_url(image),
            change_form_data(image, file=make_image_file("new.jpg", size=(900, 600))),
        )

    assert response.status_code == 200
    [error] = response.context["adminform"].form.errors["file"]
    assert "Boats at dawn" in error
    image.refresh_from_db()
    assert image.file.name == old_name
    assert image_files_exist(image)


def test_new_file_for_an_image_no_body_uses_replaces_it(picture_editor_client):
    image = make_image()
    make_article(hero=image)  # A hero follows the image wherever it goes.

    response = picture_editor_client.post(
        change_url(image),
        change_form_data(image, file=make_image_file("new.jpg", size=(900, 600))),
    )

    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.width, image.height) == (900, 600)


def test_text_of_an_image_in_use_can_still_be_changed(picture_editor_client):
    image = make_image()
    make_article(body=body_with(image))

    response = picture_editor_client.post(
        change_url(image), change_form_data(image, caption="A better caption")
    )

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.caption == "A better caption"


# Showing where an image is used


def test_change_page_lists_the_bodies_and_heroes_using_the_image(
    picture_editor_client,
):
    image = make_image()
    in_body = make_article(title="Boats at dawn", body=body_with(image))
    as_hero = make_article(title="Harbour news", hero=image)
    make_entry(question="Where is the harbour?", answer=body_with(image))
    make_article(title="Unrelated piece")

    response = picture_editor_client.get(change_url(image))

    assertContains(response, "Used in")
    assertContains(
        response, reverse("admin:articles_article_change", args=[in_body.pk])
    )
    assertContains(response, escape("Boats at dawn"))
    assertContains(response, "Harbour news")
    assertContains(
        response, reverse("admin:articles_article_change", args=[as_hero.pk])
    )
    assertContains(response, "Where is the harbour?")
    assertNotContains(response, "Unrelated piece")


def test_backfill_command_records_bodies_saved_before_tracking(
    picture_editor_client,
):
    image = make_image()
    make_article(title="Boats at dawn", body=body_with(image))
    ImageUse.objects.all().delete()  # As content saved before uses were tracked.

    call_command("record_image_uses", verbosity=0)

    response = picture_editor_client.post(delete_url(image), {"post": "yes"})
    assertContains(response, "Boats at dawn")
    assert Image.objects.filter(pk=image.pk).exists()
