"""On PostgreSQL, a query a worker runs again and again is planned once (issue #10)."""

import pytest
from django.db import connection

from articles.models import Section

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="prepared statements: PostgreSQL"
    ),
]


def _prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


def test_a_repeated_query_is_prepared_on_the_server():
    # psycopg prepares a statement on its fifth run on a connection.
    for _ in range(6):
        list(Section.objects.filter(slug="prepared-statements-probe"))
    assert any(
        "prepared-statements-probe" not in statement
        and '"articles_section"' in statement
        for statement in _prepared_statements()
    )
