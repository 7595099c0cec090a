"""A bucket on a local S3-compatible server, with media stored in it as settings.py
would configure it.

.ci/run starts moto's standalone server and exports NEWSROOM_TEST_S3_ENDPOINT_URL.
Without it the tests that use these fixtures skip, unless NEWSROOM_REQUIRE_S3=1 (as
in CI), where they fail. Locally: `.venv/bin/moto_server -p 18501 &` and
`NEWSROOM_TEST_S3_ENDPOINT_URL=http://127.0.0.1:18501`.
"""

import json
import os
import subprocess
import sys
import urllib.request
import uuid
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import boto3
import pytest
from django.conf import settings
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
ENDPOINT_VARIABLE = "NEWSROOM_TEST_S3_ENDPOINT_URL"
# The local server takes any keys; boto3 only needs some.
TEST_KEYS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
PRINT_MEDIA_SETTINGS = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({'STORAGES': settings.STORAGES, 'MEDIA_URL': settings.MEDIA_URL,"
    " 'CONTENT_SECURITY_POLICY': settings.CONTENT_SECURITY_POLICY}))"
)


def media_settings(**env) -> dict:
    """STORAGES, MEDIA_URL and the CSP as newsroom/settings.py makes them from env."""
    base = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "newsroom.settings"}
    result = subprocess.run(
        [sys.executable, "-c", PRINT_MEDIA_SETTINGS],
        cwd=ROOT,
        env={**base, "DJANGO_SECRET_KEY": "tests-only", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def public_read_policy(bucket: str) -> dict:
    """The bucket policy that lets anyone read its objects (and list nothing)."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicRead",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket}/*",
            }
        ],
    }


def _server_or_skip() -> str:
    endpoint = os.environ.get(ENDPOINT_VARIABLE, "").rstrip("/")
    reason = ""
    if not endpoint:
        reason = (
            f"No S3-compatible server: set {ENDPOINT_VARIABLE} (.ci/run starts "
            "moto_server and sets it)"
        )
    else:
        try:
            urllib.request.urlopen(endpoint, timeout=10).close()
        except OSError as error:
            reason = f"The S3-compatible server at {endpoint} does not answer: {error}"
    if reason:
        if os.environ.get("NEWSROOM_REQUIRE_S3") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return endpoint


class ImageAddresses(HTMLParser):
    """Every address a page's <img> and <source> elements make a browser fetch."""

    def __init__(self, content: str):
        super().__init__()
        self.urls: set[str] = set()
        self.feed(content)

    def handle_starttag(self, tag, attrs):
        if tag not in ("img", "source"):
            return
        attrs = dict(attrs)
        if attrs.get("src"):
            self.urls.add(attrs["src"])
        for candidate in (attrs.get("srcset") or "").split(","):
            if candidate.strip():
                self.urls.add(candidate.split()[0])


@dataclass(frozen=True)
class Bucket:
    """A fresh bucket media is stored in, and a client to look inside it."""

    name: str
    client: object
    media_url: str
    endpoint: str

    def env(self) -> dict[str, str]:
        """The environment that puts a site's media in this bucket."""
        return {
            "NEWSROOM_S3_BUCKET": self.name,
            "NEWSROOM_S3_ENDPOINT_URL": self.endpoint,
            "AWS_DEFAULT_REGION": "us-east-1",
            **TEST_KEYS,
        }

    def keys(self) -> list[str]:
        """Every object's key, sorted."""
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.name)
        return sorted(
            item["Key"] for page in pages for item in page.get("Contents", [])
        )

    def head(self, key: str) -> dict:
        return self.client.head_object(Bucket=self.name, Key=key)


@pytest.fixture(scope="module")
def s3_bucket() -> Bucket:
    """Media goes to a new bucket for this module, configured by settings.py itself."""
    endpoint = _server_or_skip()
    name = f"newsroom-test-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=TEST_KEYS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=TEST_KEYS["AWS_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(Bucket=name)
    # As the README has operators do: anyone may read, only the site's keys write.
    client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_read_policy(name)))
    made = media_settings(
        NEWSROOM_S3_BUCKET=name, NEWSROOM_S3_ENDPOINT_URL=endpoint, **TEST_KEYS
    )
    storage = made["STORAGES"]["default"]
    # The keys the production environment would give boto3, here given directly.
    options = {
        **storage["OPTIONS"],
        "access_key": TEST_KEYS["AWS_ACCESS_KEY_ID"],
        "secret_key": TEST_KEYS["AWS_SECRET_ACCESS_KEY"],
        "region_name": "us-east-1",
    }
    with override_settings(
        STORAGES={**settings.STORAGES, "default": {**storage, "OPTIONS": options}},
        MEDIA_URL=made["MEDIA_URL"],
        CONTENT_SECURITY_POLICY=made["CONTENT_SECURITY_POLICY"],
    ):
        yield Bucket(name, client, made["MEDIA_URL"], endpoint)
