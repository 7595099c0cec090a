#!/usr/bin/env python3
"""Render the front server's nginx configuration from deploy/nginx/*.in.

The output folder is nginx's prefix: start it with
`nginx -p OUT -c OUT/nginx.conf` (logs/, temp/ and nginx.pid go there). Standard
library only, so it runs before the project's virtualenv exists. Every value is
checked before it reaches the configuration: a blank never carries nginx syntax.
"""

import argparse
import ipaddress
import re
import sys
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent / "nginx"
BLANK = re.compile(r"\{\{([A-Z_]+)\}\}")
# A host name, a port, a path: nothing nginx would read as syntax.
SAFE = re.compile(r"^[A-Za-z0-9_.:/@+*~-]+$")
PORT_OR_ADDRESS = re.compile(r"^(?:[0-9.]+:|\[[0-9a-fA-F:]+\]:)?[0-9]{1,5}$")
HSTS = re.compile(r"^(max-age=[0-9]+(; includeSubDomains)?(; preload)?)?$")
UPSTREAM = re.compile(r"^[A-Za-z0-9.-]+:[0-9]{1,5}$|^unix:/[A-Za-z0-9_./-]+$")


def _safe(name: str, value: str) -> str:
    if not SAFE.match(value):
        raise ValueError(f"{name}: {value!r} holds characters nginx would misread")
    return value


def _absolute(name: str, value: str | Path) -> str:
    value = str(value).rstrip("/") or "/"
    if not value.startswith("/"):
        raise ValueError(f"{name}: {value!r} is not an absolute path")
    return _safe(name, value)


def fill(template: str, values: dict[str, str]) -> str:
    """template with each {{NAME}} replaced; a blank without a value is an error."""
    missing = sorted(set(BLANK.findall(template)) - set(values))
    if missing:
        raise ValueError(f"No value for {', '.join(missing)}")
    return BLANK.sub(lambda match: values[match.group(1)], template)


def render(
    out: Path,
    *,
    server_name: str,
    listen: str,
    upstreams: list[str],
    static_root: str | Path,
    media_root: str | Path,
    cache_dir: str | Path,
    purge_allow: list[str] = (),
    user: str | None = None,
    tls_certificate: str | Path | None = None,
    tls_certificate_key: str | Path | None = None,
    hsts: str = "",
) -> Path:
    """Write nginx.conf and what it includes into out; return nginx.conf's path."""
    if not upstreams:
        raise ValueError("At least one upstream app server is needed")
    if not PORT_OR_ADDRESS.match(listen):
        raise ValueError(f"listen: {listen!r} is not a port or address:port")
    for upstream in upstreams:
        if not UPSTREAM.match(upstream):
            raise ValueError(f"upstream: {upstream!r} is not host:port or unix:/path")
    # PURGE always works from the machine itself, where the app usually runs.
    allow = ["127.0.0.1"]
    for entry in purge_allow:
        network = str(ipaddress.ip_network(entry, strict=False))
        if network not in allow and network != "127.0.0.1/32":
            allow.append(network)
    if not HSTS.match(hsts):
        raise ValueError(
            f"hsts: {hsts!r} is not max-age=N[; includeSubDomains][; preload]"
        )
    if bool(tls_certificate) != bool(tls_certificate_key):
        raise ValueError("TLS needs both the certificate and its key")
    values = {
        "USER_LINE": f"user {_safe('user', user)};" if user else "",
        "SERVER_NAME": " ".join(_safe("server_name", n) for n in server_name.split()),
        "LISTEN": listen,
        "UPSTREAM_SERVERS": "\n".join(
            f"        server {upstream};" for upstream in upstreams
        ),
        "STATIC_ROOT": _absolute("static_root", static_root),
        "MEDIA_ROOT": _absolute("media_root", media_root),
        "CACHE_DIR": _absolute("cache_dir", cache_dir),
        "HSTS": hsts,
        "PURGE_ALLOW": "\n".join(f"    allow {entry};" for entry in allow),
    }
    if tls_certificate:
        values["TLS_CERTIFICATE"] = _absolute("tls_certificate", tls_certificate)
        values["TLS_CERTIFICATE_KEY"] = _absolute(
            "tls_certificate_key", tls_certificate_key
        )
    server = "https.conf.in" if tls_certificate else "http.conf.in"

    out = Path(out)
    for folder in ("logs", "temp", "acme"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    for stale in out.glob("server-*.conf"):
        stale.unlink()
    files = {
        "nginx.conf": "nginx.conf.in",
        "site.conf": "site.conf.in",
        "purge.conf": "purge.conf.in",
        f"server-{server.removesuffix('.conf.in')}.conf": server,
    }
    for name, template in files.items():
        text = fill((TEMPLATES / template).read_text(), values)
        (out / name).write_text(text)
    return out / "nginx.conf"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="nginx's prefix folder to write")
    parser.add_argument("--server-name", default="_")
    parser.add_argument("--listen", default="8080", help="port or address:port")
    parser.add_argument(
        "--upstream",
        action="append",
        required=True,
        help="an app server, host:port (repeat for several)",
    )
    parser.add_argument("--static-root", required=True)
    parser.add_argument("--media-root", required=True)
    parser.add_argument("--cache-dir", required=True)
    parser.add_argument(
        "--purge-allow",
        action="append",
        default=[],
        help="an address or network allowed to PURGE besides 127.0.0.1 (repeat)",
    )
    parser.add_argument("--user", help="nginx's worker user when started as root")
    parser.add_argument("--tls-certificate", help="e.g. .../fullchain.pem")
    parser.add_argument("--tls-certificate-key", help="e.g. .../privkey.pem")
    parser.add_argument(
        "--hsts", default="", help="HTTPS responses' Strict-Transport-Security value"
    )
    args = parser.parse_args(argv)
    try:
        conf = render(
            args.out,
            server_name=args.server_name,
            listen=args.listen,
            upstreams=args.upstream,
            static_root=args.static_root,
            media_root=args.media_root,
            cache_dir=args.cache_dir,
            purge_allow=args.purge_allow,
            user=args.user,
            tls_certificate=args.tls_certificate,
            tls_certificate_key=args.tls_certificate_key,
            hsts=args.hsts,
        )
    except ValueError as error:
        sys.stderr.write(f"render.py: {error}\n")
        return 2
    sys.stdout.write(f"{conf}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
