"""PURGE removes one page's entry, exactly as the app's invalidation asks for it."""

import pytest

pytestmark = pytest.mark.urls("tests.deploy.urls_front_cache")


def test_purge_from_this_machine_removes_the_entry(front, page_name, app_state):
    front.nginx.get(f"/cached/{page_name}/")

    purged = front.nginx.purge(f"/cached/{page_name}/")
    reply = front.nginx.get(f"/cached/{page_name}/")

    assert purged.status == 200
    assert reply.cache == "MISS"
    assert reply.text.startswith(f"{page_name} call 2 ")


def test_purge_with_tracking_arguments_removes_the_shared_entry(
    front, page_name, app_state
):
    front.nginx.get(f"/cached/{page_name}/?utm_source=feed")

    front.nginx.purge(f"/cached/{page_name}/")

    assert front.nginx.get(f"/cached/{page_name}/").cache == "MISS"


def test_purge_of_one_page_keeps_the_next_page(front, page_name, app_state):
    front.nginx.get(f"/cached/{page_name}/")
    front.nginx.get(f"/cached/{page_name}/?page=2")

    front.nginx.purge(f"/cached/{page_name}/")

    assert front.nginx.get(f"/cached/{page_name}/?page=2").cache == "HIT"


def test_purge_of_a_page_not_cached_answers_404(front, page_name):
    assert front.nginx.purge(f"/cached/{page_name}/").status == 404


def test_purge_from_another_address_is_refused(front, page_name, app_state):
    # 127.0.0.2 is this machine too, but not on the allow list.
    front.nginx.get(f"/cached/{page_name}/")

    refused = front.nginx.purge(f"/cached/{page_name}/", source="127.0.0.2")

    assert refused.status == 403
    assert front.nginx.get(f"/cached/{page_name}/").cache == "HIT"


def test_purging_crashes_no_worker(front, page_name, app_state):
    front.nginx.get(f"/cached/{page_name}/")
    front.nginx.purge(f"/cached/{page_name}/")

    errors = (front.nginx.prefix / "logs" / "error.log").read_text()

    assert "exited on signal" not in errors
