"""tests.settings with the apps that add to the article admin in another order.

NEWSROOM_APP_ORDER lists some of INSTALLED_APPS, comma-separated; they swap places
among themselves and every other app stays where it is.
"""

import os

from tests.settings import *  # noqa: F403

_reordered = os.environ["NEWSROOM_APP_ORDER"].split(",")
_slots = iter(_reordered)
INSTALLED_APPS = [
    next(_slots) if app in _reordered else app
    for app in INSTALLED_APPS  # noqa: F405
]
