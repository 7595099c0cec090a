"""gunicorn's settings for deploy/stack and the systemd unit, from the environment.

NEWSROOM_APP_PORT (default 8000) on 127.0.0.1, behind nginx; NEWSROOM_WORKERS
(default 2 x CPUs + 1) sync workers.
"""

import multiprocessing
import os

bind = f"127.0.0.1:{os.environ.get('NEWSROOM_APP_PORT', '8000')}"
workers = int(os.environ.get("NEWSROOM_WORKERS") or 2 * multiprocessing.cpu_count() + 1)
worker_class = "sync"
# A request that takes longer is a bug or an attack: nginx gives up at 60 s.
timeout = 30
graceful_timeout = 20
# Recycle workers now and then: bounds the cost of any slow leak.
max_requests = 5000
max_requests_jitter = 500
forwarded_allow_ips = "127.0.0.1"
