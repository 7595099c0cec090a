import pytest

from tests.sanitizers import IMPLEMENTATIONS, sanitizer


@pytest.fixture(scope="module", params=IMPLEMENTATIONS)
def sanitize(request):
    """sanitize_html() of each implementation in turn: bleach, then nh3."""
    return sanitizer(request.param)
