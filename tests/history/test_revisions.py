"""Every admin save keeps a revision; editors compare two and restore one as a draft."""

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains
from reversion.models import Version

from articles.models import Article, Author, LinkKind, SeeAlsoLink, Status
from corrections.models import Kind as NoteKind, Note
from faq.models import ArticleEntry
from tests.admin_form import change_url, form_data
from tests.factories import make_article, make_author, make_entry, make_section

pytestmark = pytest.mark.django_db


def history_url(article):
    return reverse("admin:articles_article_history", args=[article.pk])


def restore_url(article, version):
    return reverse("admin:articles_article_restore", args=[article.pk, version.pk])


def compare_url(article, before, after):
    return reverse(
        "admin:articles_article_compare", args=[article.pk, before.pk, after.pk]
    )


def add_row(data, prefix, **values):
    """data with one more row in the inline `prefix`, as "Add another" makes it."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    return data | {f"{prefix}-{index}-{name}": value for name, value in values.items()}


def delete_rows(data, prefix):
    """data with every saved row of the inline `prefix` ticked for deletion."""
    initial = int(data[f"{prefix}-INITIAL_FORMS"])
    return data | {f"{prefix}-{index}-DELETE": "on" for index in range(initial)}


def save(client, article, edit=lambda data: data, **changes):
    """Save the article's change form as it stands, with changes; return its revision."""
    data = edit(form_data(client.get(change_url(article)), "article_form", **changes))
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.context["errors"]
    return latest_version(article)


def latest_version(article):
    return Version.objects.get_for_object(article).order_by("-pk").first()


def saved_models(version):
    return {v.content_type.model for v in version.revision.version_set.all()}


@pytest.fixture
def article():
    return make_article(
        title="Claude gets a memory",
        body="<p>The feature is fast.</p>\n<p>It ships today.</p>",
        tags=["memory"],
        authors=[make_author(name="Ada Writer")],
    )


# Keeping revisions


def test_admin_save_keeps_a_revision_of_the_article_and_its_rows(
    editor_client, article
):
    SeeAlsoLink.objects.create(article=article, kind=LinkKind.NEWS)
    ArticleEntry.objects.create(article=article, entry=make_entry())

    version = save(editor_client, article, title="Claude gets a longer memory")

    assert version.field_dict["title"] == "Claude gets a longer memory"
    assert saved_models(version) == {
        "article",
        "byline",
        "taggeditem",
        "seealsolink",
        "articleentry",
    }


def test_rows_added_in_the_same_save_are_in_its_revision(editor_client, article):
    entry = make_entry(question="Is memory on by default?")

    def add_rows(data):
        data = add_row(data, "faq_links", entry=entry.pk, position="0")
        return add_row(data, "see_also_links", kind=LinkKind.NEWS, position="0")

    version = save(editor_client, article, edit=add_rows, tags="memory, privacy")

    rows = {(v.content_type.model, str(v)) for v in version.revision.version_set.all()}
    assert ("articleentry", f"{entry} on {article.title}") in rows
    assert ("seealsolink", "Latest news") in rows
    assert {
        v.field_dict["tag_id"]
        for v in version.revision.version_set.all()
        if v.content_type.model == "taggeditem"
    } == set(article.tags.values_list("pk", flat=True))
    assert article.tags.count() == 2


def test_revision_names_the_editor_and_what_changed(editor_client, editor, article):
    version = save(editor_client, article, title="A new title")

    assert version.revision.user == editor
    assert "Title" in version.revision.get_comment()


def test_adding_an_article_keeps_its_first_revision(editor_client, section):
    add_url = reverse("admin:articles_article_add")
    data = form_data(
        editor_client.get(add_url),
        "article_form",
        title="Brand new",
        slug="brand-new",
        section=str(section.pk),
        body="<p>First words.</p>",
        **{"bylines-0-author": str(make_author().pk)},
    )

    assert editor_client.post(add_url, data).status_code == 302

    article = Article.objects.get(slug="brand-new")
    assert saved_models(latest_version(article)) == {"article", "byline"}


def test_a_form_with_errors_keeps_no_revision(editor_client, article):
    data = form_data(editor_client.get(change_url(article)), "article_form", title="")

    editor_client.post(change_url(article), data)

    assert latest_version(article) is None


# The history page and comparing


def test_history_lists_revisions_with_links_to_changes_and_restore(
    editor_client, article
):
    first = save(editor_client, article, title="First title")
    second = save(editor_client, article, title="Second title")

    response = editor_client.get(history_url(article))

    assertContains(response, compare_url(article, first, second))
    assertContains(response, restore_url(article, first))
    assertContains(response, f'name="before" value="{first.pk}" ')


def test_history_form_leads_to_the_two_revisions_picked(editor_client, article):
    first = save(editor_client, article, title="First title")
    second = save(editor_client, article, title="Second title")
    pick_url = reverse("admin:articles_article_compare_pick", args=[article.pk])

    response = editor_client.get(pick_url, {"before": first.pk, "after": second.pk})

    assert response.url == compare_url(article, first, second)


def test_compare_shows_the_words_that_changed(editor_client, article):
    first = save(editor_client, article)
    second = save(
        editor_client,
        article,
        title="Claude gets a quick memory",
        body="<p>The feature is quick.</p>\n<p>It ships today.</p>",
    )

    response = editor_client.get(compare_url(article, first, second))

    assertContains(response, "<del>fast.</del>", html=False)
    assertContains(response, "<ins>quick.</ins>", html=False)
    assertContains(response, "Claude gets a <ins>quick </ins>memory", html=False)


def test_compare_lists_status_tags_authors_faq_and_links(editor_client, article):
    first = save(editor_client, article)
    entry = make_entry(question="Can I turn memory off?")
    make_author(name="Bo Reporter")

    def change_rows(data):
        data = delete_rows(data, "bylines")
        bo = Author.objects.get(name="Bo Reporter")
        data = add_row(data, "bylines", author=bo.pk, position="0")
        data = add_row(data, "faq_links", entry=entry.pk, position="0")
        return add_row(
            data,
            "see_also_links",
            kind=LinkKind.EXTERNAL,
            url="https://example.org/memory",
            label="The announcement",
            position="0",
        )

    second = save(
        editor_client,
        article,
        edit=change_rows,
        tags="privacy",
        _transition="unpublish",
    )

    response = editor_client.get(compare_url(article, first, second))

    assertContains(response, "<del>Published</del>", html=False)
    assertContains(response, "<ins>Draft</ins>", html=False)
    assertContains(response, "<del>memory</del> <span", html=False)
    assertContains(response, "<ins>privacy</ins>", html=False)
    assertContains(response, "<del>Ada Writer</del>", html=False)
    assertContains(response, "<ins>Bo Reporter</ins>", html=False)
    assertContains(response, "<ins>Can I turn memory off?</ins>", html=False)
    assertContains(response, "https://example.org/memory, link text", html=False)


def test_compare_puts_the_older_revision_first_whichever_order(editor_client, article):
    first = save(editor_client, article, title="Old words")
    second = save(editor_client, article, title="New words")

    response = editor_client.get(compare_url(article, second, first))

    assertContains(response, "<del>Old</del><ins>New</ins> words", html=False)


def test_compare_of_another_articles_revision_is_not_found(editor_client, article):
    first = save(editor_client, article)
    other = make_article()
    theirs = save(editor_client, other)

    response = editor_client.get(compare_url(article, first, theirs))

    assert response.status_code == 404


# Restoring


def test_restore_brings_back_body_tags_links_and_faq_as_a_draft(editor_client, article):
    SeeAlsoLink.objects.create(article=article, kind=LinkKind.NEWS)
    old = save(editor_client, article)
    entry = make_entry()

    def change_rows(data):
        data = delete_rows(data, "see_also_links")
        return add_row(data, "faq_links", entry=entry.pk, position="0")

    save(
        editor_client,
        article,
        edit=change_rows,
        title="Rewritten",
        body="<p>All new.</p>",
        tags="rewritten",
    )

    response = editor_client.post(restore_url(article, old))

    assert response.url == change_url(article)
    article.refresh_from_db()
    assert (article.title, article.body) == (
        "Claude gets a memory",
        old.field_dict["body"],
    )
    assert "fast" in article.body_html
    assert article.status == Status.DRAFT
    assert list(article.tags.names()) == ["memory"]
    assert [link.kind for link in article.see_also_links.all()] == [LinkKind.NEWS]
    assert not article.faq_links.exists()


def test_restore_keeps_the_address_publish_time_and_updated_date(
    editor_client, article
):
    old = save(editor_client, article)
    save(editor_client, article, slug="claude-memory")
    Note.objects.create(article=article, kind=NoteKind.UPDATE, text="More news.")
    article.refresh_from_db()
    before = (article.slug, article.published_at, article.revised_at)

    editor_client.post(restore_url(article, old))

    article.refresh_from_db()
    assert (article.slug, article.published_at, article.revised_at) == before
    assert article.notes.count() == 1


def test_restore_is_kept_as_a_revision_of_its_own(editor_client, article):
    old = save(editor_client, article)
    save(editor_client, article, title="Rewritten")

    editor_client.post(restore_url(article, old))

    latest = latest_version(article)
    assert latest.field_dict["title"] == "Claude gets a memory"
    assert latest.field_dict["status"] == Status.DRAFT
    assert "Restored the revision of" in latest.revision.get_comment()
    assertContains(editor_client.get(history_url(article)), "Restored the revision of")


def test_restore_page_warns_that_a_live_article_goes_offline(editor_client, article):
    old = save(editor_client, article)
    save(editor_client, article, title="Rewritten")

    response = editor_client.get(restore_url(article, old))

    assertContains(response, "Restoring takes it offline")
    assertContains(response, "<del>Published</del>", html=False)
    assertContains(response, "<ins>Draft</ins>", html=False)
    assertContains(response, 'name="csrfmiddlewaretoken"')


def test_restore_page_alone_changes_nothing(editor_client, article):
    old = save(editor_client, article)
    save(editor_client, article, title="Rewritten")

    editor_client.get(restore_url(article, old))

    article.refresh_from_db()
    assert (article.title, article.status) == ("Rewritten", Status.PUBLISHED)


def test_restore_needs_a_csrf_token(editor, article):
    editor_client = Client()
    editor_client.force_login(editor)
    old = save(editor_client, article)
    save(editor_client, article, title="Rewritten")
    csrf_checking_client = Client(enforce_csrf_checks=True)
    csrf_checking_client.force_login(editor)

    response = csrf_checking_client.post(restore_url(article, old))

    assert response.status_code == 403
    assert Article.objects.get(pk=article.pk).title == "Rewritten"


def test_restore_needs_permission_to_change_the_article(editor_client, article):
    old = save(editor_client, article)
    save(editor_client, article, title="Rewritten")
    reader = User.objects.create_user("reader", password="pw", is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_article"))
    reader_client = Client()
    reader_client.force_login(reader)

    response = reader_client.post(restore_url(article, old))

    assert response.status_code == 403
    assert Article.objects.get(pk=article.pk).title == "Rewritten"


def test_view_only_staff_can_compare_but_not_restore(editor_client, article):
    first = save(editor_client, article)
    second = save(editor_client, article, title="Rewritten")
    reader = User.objects.create_user("reader", password="pw", is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_article"))
    reader_client = Client()
    reader_client.force_login(reader)

    assert reader_client.get(compare_url(article, first, second)).status_code == 200
    assertNotContains(
        reader_client.get(history_url(article)), restore_url(article, first)
    )


def test_restore_leaves_out_an_author_deleted_since(editor_client, article):
    old = save(editor_client, article)
    ada = Author.objects.get(name="Ada Writer")
    bo = make_author(name="Bo Reporter")

    def swap_author(data):
        return add_row(
            delete_rows(data, "bylines"), "bylines", author=bo.pk, position="0"
        )

    save(editor_client, article, edit=swap_author)
    ada.delete()

    response = editor_client.post(restore_url(article, old), follow=True)

    assertContains(response, "Left out, because what they pointed to was deleted")
    article.refresh_from_db()
    assert article.body == old.field_dict["body"]
    assert article.status == Status.DRAFT


def test_restore_of_an_unknown_revision_is_not_found(editor_client, article):
    response = editor_client.post(
        reverse("admin:articles_article_restore", args=[article.pk, 999999])
    )

    assert response.status_code == 404


def test_moved_section_comes_back_on_restore(editor_client, article):
    old = save(editor_client, article)
    save(editor_client, article, section=str(make_section(name="Elsewhere").pk))

    editor_client.post(restore_url(article, old))

    article.refresh_from_db()
    assert article.section_id == old.field_dict["section_id"]
