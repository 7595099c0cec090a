"""Media goes to the local disk unless the environment names a bucket."""

from tests.images.s3 import media_settings


def test_without_a_bucket_media_stays_on_the_local_disk():
    made = media_settings()
    assert made["STORAGES"]["default"] == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"
    }
    assert made["MEDIA_URL"] == "/media/"
    assert "img-src 'self';" in made["CONTENT_SECURITY_POLICY"]


def test_bucket_and_endpoint_select_public_unsigned_s3_storage():
    made = media_settings(
        NEWSROOM_S3_BUCKET="news-media",
        NEWSROOM_S3_ENDPOINT_URL="https://objects.example.net/",
    )
    assert made["STORAGES"]["default"] == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "news-media",
            "endpoint_url": "https://objects.example.net",
            "url_protocol": "https:",
            "custom_domain": "objects.example.net/news-media",
            "querystring_auth": False,
            "default_acl": None,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=604800"},
        },
    }
    assert made["MEDIA_URL"] == "https://objects.example.net/news-media/"


def test_public_url_names_where_readers_fetch_media():
    made = media_settings(
        NEWSROOM_S3_BUCKET="news-media",
        NEWSROOM_S3_PUBLIC_URL="https://cdn.example.org/newsroom",
        NEWSROOM_S3_ACL="public-read",
    )
    options = made["STORAGES"]["default"]["OPTIONS"]
    assert (options["custom_domain"], options["url_protocol"]) == (
        "cdn.example.org/newsroom",
        "https:",
    )
    assert options["endpoint_url"] is None  # AWS itself.
    assert options["default_acl"] == "public-read"
    assert made["MEDIA_URL"] == "https://cdn.example.org/newsroom/"


def test_bucket_on_aws_without_a_public_url_is_read_from_the_bucket_host():
    made = media_settings(NEWSROOM_S3_BUCKET="news-media")
    assert made["MEDIA_URL"] == "https://news-media.s3.amazonaws.com/"


def test_content_security_policy_lets_images_come_from_the_bucket():
    made = media_settings(
        NEWSROOM_S3_BUCKET="news-media",
        NEWSROOM_S3_PUBLIC_URL="https://cdn.example.org/newsroom/",
    )
    assert "img-src 'self' https://cdn.example.org;" in made["CONTENT_SECURITY_POLICY"]
