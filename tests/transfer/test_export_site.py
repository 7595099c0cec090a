"""manage.py export_site DIR: the layout import_markdown and static-site generators read."""

from io import StringIO

import pytest
import yaml
from django.core.management import CommandError, call_command

from articles.models import Status
from corrections.models import Note
from redirects.models import Redirect
from tests.factories import make_article, make_image
from transfer.markdown_files import split_front_matter

pytestmark = pytest.mark.django_db


def export(folder) -> str:
    out = StringIO()
    call_command("export_site", str(folder), stdout=out)
    return out.getvalue()


def front_matter(path):
    return split_front_matter(path.read_text(encoding="utf-8"))


def test_article_is_a_markdown_file_with_front_matter(tmp_path):
    make_article(
        slug="hello", title="Hello", body="<h2>Why</h2><p>A <em>fine</em> day.</p>"
    )

    export(tmp_path / "out")

    front, body = front_matter(tmp_path / "out" / "articles" / "hello.md")
    assert (front["title"], front["status"]) == ("Hello", "published")
    assert front["date"] == front["published_at"]
    assert body.strip() == "## Why\n\nA *fine* day."


def test_draft_is_marked_for_static_site_generators(tmp_path):
    make_article(slug="wip", status=Status.DRAFT)

    export(tmp_path / "out")

    front, _body = front_matter(tmp_path / "out" / "articles" / "wip.md")
    assert (front["draft"], front["published"]) == (True, False)


def test_body_markdown_cannot_carry_stays_html(tmp_path):
    make_article(
        slug="table",
        body="<table><caption>Prices</caption><tr><td>1</td></tr></table>",
    )

    export(tmp_path / "out")

    front, body = front_matter(tmp_path / "out" / "articles" / "table.md")
    assert front["body_format"] == "html"
    assert "<caption>Prices</caption>" in body


def test_hero_file_is_copied_beside_the_articles(tmp_path):
    make_article(slug="pictured", hero=make_image(alt_text="A blue field"))

    export(tmp_path / "out")

    front, _body = front_matter(tmp_path / "out" / "articles" / "pictured.md")
    assert front["hero"]["alt"] == "A blue field"
    assert (tmp_path / "out" / "articles" / front["hero"]["path"]).is_file()


def test_redirects_and_corrections_are_written(tmp_path):
    article = make_article(slug="moved")
    Redirect.objects.create(old_path="/old-moved/", target="/articles/moved/")
    Redirect.objects.create(old_path="/elsewhere/", target="https://example.com/")
    Note.objects.create(article=article, text="We fixed a date.")

    export(tmp_path / "out")

    front, _body = front_matter(tmp_path / "out" / "articles" / "moved.md")
    assert front["old_paths"] == ["/old-moved/"]
    redirects = yaml.safe_load((tmp_path / "out" / "redirects.yaml").read_text())
    assert redirects == [{"old_path": "/elsewhere/", "target": "https://example.com/"}]
    notes = yaml.safe_load((tmp_path / "out" / "corrections.yaml").read_text())
    assert [(n["article"], n["text"]) for n in notes] == [("moved", "We fixed a date.")]


def test_readme_says_what_is_where(tmp_path):
    export(tmp_path / "out")

    readme = (tmp_path / "out" / "README.txt").read_text()
    for name in (
        "articles/",
        "images/",
        "sections.yaml",
        "faq.yaml",
        "import_markdown",
    ):
        assert name in readme


def test_folder_with_files_is_refused(tmp_path):
    (tmp_path / "keep.txt").write_text("mine")

    with pytest.raises(CommandError, match="not empty"):
        export(tmp_path)


@pytest.mark.parametrize("src", ["/media/gone.jpg", "/media/../../etc/hostname"])
def test_a_body_image_not_stored_is_reported_and_the_export_goes_on(tmp_path, src):
    make_article(slug="first", body=f'<p>Look:</p><img src="{src}" alt="x">')
    make_article(slug="second", body="<p>Fine.</p>")

    output = export(tmp_path / "out")

    assert "Not copied" in output
    assert (tmp_path / "out" / "articles" / "second.md").exists()
    assert (tmp_path / "out" / "redirects.yaml").exists()
