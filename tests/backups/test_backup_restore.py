"""manage.py backup and restore, in this process's own (test) database.

The archive is made once, from rows that are rolled back afterwards, so each test
starts from an empty, migrated database like the one a restore is for. The round
trip between SQLite and PostgreSQL is tests/backups/test_round_trip.py.
"""

import gzip
import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
import reversion
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings
from reversion.models import Version
from taggit.models import TaggedItem

from articles.models import Article, Section
from search.models import Document
from tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db

TITLE = "Backups keep every row"


def make_site() -> None:
    """A little of everything a backup must carry: media, tags, users, history."""
    User = get_user_model()
    writer = User.objects.create_user("writer", password="a-long-password-1")
    writer.user_permissions.add(Permission.objects.get(codename="publish_article"))
    writer.groups.add(Group.objects.get(name="Editor"))
    with reversion.create_revision():
        reversion.set_user(writer)
        reversion.set_comment("First draft")
        article = make_article(title=TITLE, hero=make_image(), tags=("backups",))
    LogEntry.objects.log_actions(
        writer.pk, [article], ADDITION, change_message="Added", single_object=True
    )


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("backup")
    path = folder / "site.tar.gz"
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=folder / "media"),
        transaction.atomic(),
    ):
        make_site()
        call_command("backup", str(path), stdout=io.StringIO())
        transaction.set_rollback(True)
    return path


def members(path: Path) -> dict[str, bytes]:
    with tarfile.open(path) as tar:
        return {
            member.name: tar.extractfile(member).read() for member in tar.getmembers()
        }


def rewrite(path: Path, target: Path, change) -> Path:
    """Copy the archive to target with change(members) applied, in the same order."""
    contents = members(path)
    change(contents)
    with tarfile.open(target, "w:gz") as tar:
        for name, data in contents.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return target


def restore(path: Path) -> str:
    out = io.StringIO()
    call_command("restore", str(path), stdout=out)
    return out.getvalue()


def media_files(settings) -> list[str]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(
        p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()
    )


def assert_nothing_restored(settings) -> None:
    assert not Article.objects.exists()
    assert not get_user_model().objects.exists()
    assert not Version.objects.exists()
    assert media_files(settings) == []


def test_backup_archive_lists_every_member_with_its_checksum(archive):
    contents = members(archive)
    manifest = json.loads(contents.pop("manifest.json"))

    assert manifest["format_version"] == 1
    assert set(contents) == set(manifest["members"])
    for name, data in contents.items():
        assert manifest["members"][name] == {
            "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
        }
    counts = {model["label"]: model["count"] for model in manifest["models"]}
    assert counts["articles.article"] == 1
    assert counts["reversion.version"] >= 1
    assert counts["admin.logentry"] == 1
    assert counts["auth.user"] == 1
    assert "search.document" not in counts
    assert any(name.startswith("media/images/") for name in contents)


def test_backup_rows_name_content_types_and_permissions_by_natural_key(archive):
    contents = members(archive)
    user = json.loads(contents["data/auth.user.jsonl"])
    tagged = json.loads(contents["data/taggit.taggeditem.jsonl"])

    assert user["fields"]["user_permissions"] == [
        ["publish_article", "articles", "article"]
    ]
    assert tagged["fields"]["content_type"] == ["articles", "article"]


def test_backup_refuses_to_overwrite_an_archive(archive):
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", str(archive))


def test_restore_into_empty_database_brings_back_site_and_history(
    archive, client, settings
):
    output = restore(archive)

    assert "Restored" in output
    article = Article.objects.get(title=TITLE)
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert TITLE in page.content.decode()
    assert Path(settings.MEDIA_ROOT, article.hero.file.name).is_file()
    assert list(article.tags.names()) == ["backups"]
    assert Version.objects.get_for_object(article).get().revision.comment == (
        "First draft"
    )
    assert LogEntry.objects.get().get_edited_object() == article
    assert Document.objects.filter(object_id=article.pk).exists()
    # The password hash came back (the login form itself is throttled by axes).
    writer = get_user_model().objects.get(username="writer")
    assert writer.check_password("a-long-password-1")
    assert writer.has_perm("articles.publish_article")
    assert list(writer.groups.values_list("name", flat=True)) == ["Editor"]
    # New rows take new ids: the sequences moved past the restored ones.
    assert Section.objects.create(name="After", slug="after").pk > article.section_id


def test_restore_refuses_database_with_content_and_changes_nothing(archive, settings):
    Section.objects.create(name="Existing", slug="existing")

    with pytest.raises(CommandError, match="empty database only") as error:
        restore(archive)

    assert "articles.section (1)" in str(error.value)
    assert list(Section.objects.values_list("slug", flat=True)) == ["existing"]
    assert not get_user_model().objects.exists()
    assert media_files(settings) == []


def test_restore_of_truncated_archive_changes_nothing(archive, tmp_path, settings):
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])

    with pytest.raises(CommandError, match="damaged or cut short"):
        restore(cut)

    assert_nothing_restored(settings)


def test_restore_of_archive_with_altered_rows_changes_nothing(
    archive, tmp_path, settings
):
    def retitle(contents):
        rows = contents["data/articles.article.jsonl"]
        contents["data/articles.article.jsonl"] = rows.replace(b"every", b"no")

    with pytest.raises(CommandError, match="don't match their checksum"):
        restore(rewrite(archive, tmp_path / "altered.tar.gz", retitle))

    assert_nothing_restored(settings)


def test_restore_refuses_member_outside_media_root(archive, tmp_path, settings):
    def escape(contents):
        contents["media/../../escaped.txt"] = b"outside"

    with pytest.raises(CommandError, match="unsafe member name"):
        restore(rewrite(archive, tmp_path / "escape.tar.gz", escape))

    assert not (Path(settings.MEDIA_ROOT).parent / "escaped.txt").exists()
    assert_nothing_restored(settings)


def test_restore_failing_halfway_rolls_back_every_row(archive, tmp_path, settings):
    """Rows that pass the checksums but can't load (a section that isn't there)."""

    def break_section(contents):
        rows = json.loads(contents["data/articles.article.jsonl"])
        rows["fields"]["section"] = 999_999
        data = json.dumps(rows).encode() + b"\n"
        contents["data/articles.article.jsonl"] = data
        manifest = json.loads(contents["manifest.json"])
        manifest["members"]["data/articles.article.jsonl"] = {
            "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
        }
        contents["manifest.json"] = json.dumps(manifest).encode()

    with pytest.raises(CommandError, match="rows don't load"):
        restore(rewrite(archive, tmp_path / "broken.tar.gz", break_section))

    assert_nothing_restored(settings)
    assert TaggedItem.objects.count() == 0


def test_restore_refuses_archive_from_newer_version(archive, tmp_path, settings):
    def add_migration(contents):
        manifest = json.loads(contents["manifest.json"])
        manifest["migrations"]["articles"].append("9999_from_the_future")
        contents["manifest.json"] = json.dumps(manifest).encode()

    with pytest.raises(CommandError, match="newer version of the site"):
        restore(rewrite(archive, tmp_path / "newer.tar.gz", add_migration))

    assert_nothing_restored(settings)


def test_restore_refuses_file_that_is_not_an_archive(tmp_path, settings):
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(gzip.compress(b"not a tar file at all" * 100))

    with pytest.raises(CommandError, match="Nothing was changed"):
        restore(junk)

    assert_nothing_restored(settings)
