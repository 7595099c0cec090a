"""Running import_wordpress on the fixtures, with a media folder of real images."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image

FIXTURES = Path(__file__).parent / "fixtures"
SITE = FIXTURES / "site.xml"
SOURCE = "wordpress:https://old.example.org"


@pytest.fixture
def media(tmp_path) -> Path:
    """A copy of wp-content/uploads for site.xml: lost.jpg is missing on purpose."""
    uploads = tmp_path / "uploads"
    (uploads / "2024/05").mkdir(parents=True)
    Image.new("RGB", (1600, 1000), (40, 90, 140)).save(uploads / "2024/05/harbour.jpg")
    Image.new("RGB", (800, 600), (200, 60, 30)).save(uploads / "2024/05/market.png")
    Image.new("RGB", (640, 480), (60, 160, 60)).save(uploads / "2024/05/town-hall.png")
    (uploads / "2024/05/fake.jpg").write_text("not a picture at all")
    return uploads


def run_import(export: Path, *args: str) -> str:
    """import_wordpress's output (the summary table and problems)."""
    out = StringIO()
    call_command("import_wordpress", str(export), *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def post(
    post_id: int,
    title: str,
    *,
    status: str = "publish",
    post_type: str = "post",
    content: str = "A body.",
    excerpt: str = "A summary.",
    date: str = "2024-05-06 11:30:00",
    date_gmt: str = "2024-05-06 09:30:00",
    name: str | None = None,
    link: str | None = None,
    creator: str = "alice",
    extra: str = "",
) -> str:
    """One <item> of a WXR export (wp: and excerpt: prefixes, as WordPress writes)."""
    name = f"post-{post_id}" if name is None else name
    link = f"https://old.example.org/{name}/" if link is None else link
    return f"""
    <item>
        <title><![CDATA[{title}]]></title>
        <link>{link}</link>
        <dc:creator><![CDATA[{creator}]]></dc:creator>
        <content:encoded><![CDATA[{content}]]></content:encoded>
        <excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
        <wp:post_id>{post_id}</wp:post_id>
        <wp:post_date><![CDATA[{date}]]></wp:post_date>
        <wp:post_date_gmt><![CDATA[{date_gmt}]]></wp:post_date_gmt>
        <wp:post_name><![CDATA[{name}]]></wp:post_name>
        <wp:status><![CDATA[{status}]]></wp:status>
        <wp:post_type><![CDATA[{post_type}]]></wp:post_type>
        {extra}
    </item>"""


def write_wxr(path: Path, *items: str, version: str = "1.2") -> Path:
    """A WXR export at path holding items, in the namespaces of that WXR version."""
    path.write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"
    xmlns:excerpt="http://wordpress.org/export/{version}/excerpt/"
    xmlns:content="http://purl.org/rss/1.0/modules/content/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:wp="http://wordpress.org/export/{version}/">
<channel>
    <title>The Old Gazette</title>
    <link>https://old.example.org</link>
    <wp:wxr_version>{version}</wp:wxr_version>
    <wp:author><wp:author_login><![CDATA[alice]]></wp:author_login>
        <wp:author_display_name><![CDATA[Alice Archer]]></wp:author_display_name>
    </wp:author>
    {"".join(items)}
</channel>
</rss>
""",
        encoding="utf-8",
    )
    return path
