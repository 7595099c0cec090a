"""Django's SQLite backend, keeping the query planner's statistics up to date.

Without statistics (sqlite_stat1) SQLite guesses that any index narrows a query to
a few rows, and at 100,000 articles it picks badly: related articles walk the
whole published list (~30 ms, up to 140) instead of the few hundred articles that
share a tag (~2 ms). SQLite's advice for short-lived connections is to run
PRAGMA optimize as each one closes: it analyzes only the tables this connection
read that were never analyzed or have grown well past their statistics, so it is
almost always a no-op (well under 1 ms) and now and then one ANALYZE (about 0.4 s
at 100,000 articles).
"""

import sqlite3

from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    def _close(self):
        if self.connection is not None and not self.is_in_memory_db():
            try:
                self.connection.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass  # Locked or read-only: the statistics wait for another close.
        super()._close()
