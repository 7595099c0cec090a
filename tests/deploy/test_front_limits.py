"""Posts as large as the app accepts reach it; nginx names no version."""

import pytest

pytestmark = pytest.mark.urls("tests.deploy.urls_front_cache")
MB = 1024 * 1024


def test_post_of_a_largest_image_reaches_the_app(front, page_name, app_state):
    # The image library takes uploads up to 20 MB, plus the form's other fields.
    reply = front.nginx.request("POST", f"/cached/{page_name}/", body=b"x" * 21 * MB)

    assert reply.status == 200
    assert app_state.CALLS[page_name] == 1


def test_server_header_names_no_version(front):
    reply = front.nginx.get("/healthz")

    assert reply.headers["server"] == "nginx"
