"""Two editors saving two articles at the same moment, on the default database.

A real gunicorn with two sync workers on a SQLite file, as the site runs when
DATABASE_URL is unset; the editors log in and post the admin form over HTTP.
"""

import sqlite3
import threading

import pytest

from tests.admin_form import FormReader
from tests.server import Client, running_server, seed_site, server_env

ROUNDS = 20
EDITORS = ("editor1", "editor2")


@pytest.fixture(scope="module")
def sqlite_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("concurrent-saves")
    database = tmp / "site.sqlite3"
    env = server_env(f"sqlite:///{database}", tmp)
    seed_site(env)
    with running_server(env, workers=2) as server:
        yield server, database


def article_ids(database) -> list[int]:
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT id FROM articles_article WHERE slug IN ('story-1', 'story-2')"
            " ORDER BY slug"
        )
        return [row[0] for row in rows]


def typed(editor: str, round_: int) -> str:
    return f"<p>{editor} typed this in round {round_}.</p>"


def edit_repeatedly(server, editor, article_id, start, problems):
    """Open the form, wait for the other editor, save; ROUNDS times."""
    client = Client(server.url)
    client.log_in(editor)
    url = f"/admin/articles/article/{article_id}/change/"
    for round_ in range(ROUNDS):
        page = client.get(url)
        form = FormReader("article_form")
        form.feed(page.text)
        if round_ and typed(editor, round_ - 1) not in form.fields.get("body", ""):
            problems.append(f"{editor}: round {round_ - 1}'s text was not kept")
        start.wait()
        reply = client.post(url, {**form.fields, "body": typed(editor, round_)})
        if reply.status != 302:
            problems.append(f"{editor}: save {round_} answered {reply.status}")


def test_two_editors_saving_at_once_lose_nothing(sqlite_site):
    server, database = sqlite_site
    start = threading.Barrier(len(EDITORS))
    problems: list[str] = []
    threads = [
        threading.Thread(
            target=edit_repeatedly, args=(server, editor, pk, start, problems)
        )
        for editor, pk in zip(EDITORS, article_ids(database), strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert problems == []
    with sqlite3.connect(database) as connection:
        bodies = dict(
            connection.execute(
                "SELECT slug, body FROM articles_article WHERE slug IN (?, ?)",
                ("story-1", "story-2"),
            )
        )
    assert typed("editor1", ROUNDS - 1) in bodies["story-1"]
    assert typed("editor2", ROUNDS - 1) in bodies["story-2"]
