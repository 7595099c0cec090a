"""The shipped configuration renders safely, and its TLS variant passes nginx -t."""

import subprocess

import pytest

from tests.deploy.front import nginx_test, render, require_nginx

BLANKS = {
    "listen": "127.0.0.1:18449",
    "upstream": ["127.0.0.1:18447", "127.0.0.1:18448"],
    "server_name": "news.example.org",
}


@pytest.fixture
def roots(tmp_path):
    for name in ("static", "media"):
        (tmp_path / name).mkdir()
    return {
        "static_root": tmp_path / "static",
        "media_root": tmp_path / "media",
        "cache_dir": tmp_path / "cache",
    }


@pytest.fixture
def certificate(tmp_path):
    """A self-signed certificate and its key, made with openssl for this test."""
    cert, key = tmp_path / "fullchain.pem", tmp_path / "privkey.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=news.example.org", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    return {"tls_certificate": cert, "tls_certificate_key": key}


def test_two_app_servers_pass_nginx_t(tmp_path, roots):
    require_nginx()
    conf = render(tmp_path / "plain", **BLANKS, **roots)

    checked = nginx_test(conf)

    assert checked.returncode == 0, checked.stderr
    assert "server 127.0.0.1:18448;" in conf.read_text()


def test_tls_variant_passes_nginx_t(tmp_path, roots, certificate):
    require_nginx()
    conf = render(tmp_path / "tls", **BLANKS, **roots, **certificate)

    checked = nginx_test(conf)

    assert checked.returncode == 0, checked.stderr


def test_tls_variant_redirects_plain_http(tmp_path, roots, certificate):
    render(tmp_path / "tls", **BLANKS, **roots, **certificate)

    servers = (tmp_path / "tls" / "server-https.conf").read_text()

    assert "return 301 https://$host$request_uri;" in servers
    assert f"ssl_certificate {certificate['tls_certificate']};" in servers


def test_hsts_is_sent_on_https_only(tmp_path, roots, certificate):
    hsts = "max-age=31536000; includeSubDomains"
    render(tmp_path / "tls", **BLANKS, **roots, **certificate, hsts=hsts)

    conf = (tmp_path / "tls" / "nginx.conf").read_text()

    assert f'on "{hsts}";\n        default "";' in conf


def test_purge_allow_list_extends_this_machine(tmp_path, roots):
    render(tmp_path / "allow", **BLANKS, **roots, purge_allow="10.0.0.0/8")

    site = (tmp_path / "allow" / "purge.conf").read_text()

    assert "allow 127.0.0.1;\n    allow 10.0.0.0/8;\n    deny all;" in site


@pytest.mark.parametrize(
    "blank",
    [
        {"server_name": "x; include /etc/passwd"},
        {"listen": "8080; root /"},
        {"upstream": "127.0.0.1:8000; server evil:80"},
        {"static_root": "relative/path"},
        {"purge_allow": "everyone"},
        {"hsts": 'max-age=1"; add_header X 1'},
    ],
)
def test_blank_with_nginx_syntax_is_refused(tmp_path, roots, blank):
    with pytest.raises(RuntimeError, match="render.py failed"):
        render(tmp_path / "bad", **{**BLANKS, **roots, **blank})
