"""packaging/server/: the systemd unit, the nginx site, the env file and the admin wrapper parse,
and say what docs/deploy.md says (checked with systemd and nginx themselves when installed)."""

from __future__ import annotations

import configparser
import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from tls_cert import self_signed_certificate

from team_server.cli import build_parser
from team_server.research.pseudonyms import ENV_HOME_PAGE, ENV_SEASON
from team_server.settings import ENV_DATABASE_URL, ENV_LRS, ENV_S3_CREDENTIALS, ENV_STORAGE

SERVER = Path(__file__).resolve().parents[2] / "packaging" / "server"
UNIT = SERVER / "team-server.service"
SITE = SERVER / "team-server.nginx"
ENV_EXAMPLE = SERVER / "env.example"
ADMIN = SERVER / "team-server-admin"
INSTALLED = "/opt/team-server/venv/bin/team-server"


def unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read_string(UNIT.read_text(encoding="utf-8"))
    return parser


def team_server_executable() -> str:
    """The team-server of this environment, standing in for the installed one."""
    beside = Path(sys.executable).with_name("team-server")
    found = str(beside) if beside.exists() else shutil.which("team-server")
    if not found:
        pytest.fail("no team-server executable beside the Python running the tests")
    return found


def test_the_unit_runs_the_server_on_loopback_behind_nginx():
    service = unit()
    assert set(service.sections()) == {"Unit", "Service", "Install"}
    values = service["Service"]
    command = shlex.split(values["ExecStart"])
    assert command[0] == INSTALLED
    # The arguments are the real command line's: parsed by team-server's own parser.
    options = build_parser().parse_args(["serve", *command[1:]])
    assert (options.host, options.workers, options.forwarded_allow_ips) == (
        "127.0.0.1",
        4,
        "127.0.0.1",
    )
    upstream = re.search(
        r"upstream team_server \{[^}]*server 127\.0\.0\.1:(\d+);", SITE.read_text()
    )
    assert int(upstream.group(1)) == options.port == 8765
    assert values["User"] == "team-server" and values["EnvironmentFile"] == "/etc/team-server/env"
    assert values["Environment"] == "TEAM_SERVER_DATA_DIR=/var/lib/team-server"
    assert values["StateDirectory"] == "team-server"
    assert values["Restart"] == "on-failure"
    for key, value in (
        ("NoNewPrivileges", "yes"),
        ("ProtectSystem", "strict"),
        ("PrivateTmp", "yes"),
    ):
        assert values[key] == value
    assert service["Install"]["WantedBy"] == "multi-user.target"


def test_systemd_accepts_the_unit(tmp_path: Path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed: only the configparser checks ran")
    # `verify` checks that ExecStart exists: point it at this environment's team-server.
    copy = tmp_path / UNIT.name
    copy.write_text(UNIT.read_text().replace(INSTALLED, team_server_executable()))
    done = subprocess.run(
        [analyze, "verify", str(copy)], capture_output=True, text=True, timeout=60
    )
    # It warns (and still exits 0) on an unknown key or a bad value: none may be about us.
    complaints = [line for line in (done.stdout + done.stderr).splitlines() if UNIT.name in line]
    assert done.returncode == 0 and not complaints, done.stdout + done.stderr


def test_nginx_accepts_the_site(tmp_path: Path):
    nginx = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/sbin/nginx") if os.access(p, os.X_OK)), None
    )
    if nginx is None:
        reason = "nginx is not installed (apt-get install nginx): the site was not checked"
        if os.environ.get("TEAM_TEST_REQUIRE_NGINX") == "1":
            pytest.fail(reason + ", and TEAM_TEST_REQUIRE_NGINX=1 requires it")
        pytest.skip(reason)
    cert, key = self_signed_certificate(tmp_path, "team.example.org")
    site = SITE.read_text()
    site = site.replace("/etc/letsencrypt/live/team.example.org/fullchain.pem", str(cert))
    site = site.replace("/etc/letsencrypt/live/team.example.org/privkey.pem", str(key))
    assert str(cert) in site and str(key) in site, "the site's certificate paths changed"
    (tmp_path / "team-server").write_text(site)
    # The smallest nginx.conf around the site, every path it writes under tmp_path.
    temp_paths = "".join(
        f"    {kind}_temp_path {tmp_path / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        f"pid {tmp_path / 'nginx.pid'};\nerror_log {tmp_path / 'error.log'};\n"
        f"events {{}}\nhttp {{\n    access_log {tmp_path / 'access.log'};\n{temp_paths}"
        f"    include {tmp_path / 'team-server'};\n}}\n"
    )
    done = subprocess.run(
        [nginx, "-t", "-c", str(conf), "-p", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "syntax is ok" in done.stderr and "test is successful" in done.stderr


def env_names() -> dict[str, bool]:
    """Variables of env.example: name -> set (True) or only shown commented out (False)."""
    names = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        match = re.match(r"^(#?)([A-Z][A-Z_]+)=", line)
        if match:
            names[match.group(2)] = not match.group(1)
    return names


def test_the_env_file_names_only_settings_the_server_reads():
    names = env_names()
    read = {ENV_DATABASE_URL, *ENV_LRS.values(), *ENV_STORAGE.values(), *ENV_S3_CREDENTIALS}
    assert set(names) <= read | {ENV_HOME_PAGE, ENV_SEASON}
    assert names[ENV_DATABASE_URL] is True and not any(
        on for name, on in names.items() if name != ENV_DATABASE_URL
    )
    assert "postgresql://" in ENV_EXAMPLE.read_text()


def run_admin(env_file: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TEAM_SERVER_ENV": str(env_file)}
    env["TEAM_SERVER_BIN"] = team_server_executable()
    env.pop(ENV_DATABASE_URL, None)
    return subprocess.run(
        ["sh", str(ADMIN), *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_the_admin_wrapper_uses_the_service_database_or_refuses(tmp_path: Path):
    env_file = tmp_path / "env"
    env_file.write_text("# no database configured yet\n")
    refused = run_admin(env_file, "migrate")
    assert refused.returncode == 2 and "TEAM_DATABASE_URL is not set" in refused.stderr
    database = tmp_path / "team.sqlite3"
    env_file.write_text(f"{ENV_DATABASE_URL}=sqlite:///{database}\n")
    done = run_admin(env_file, "migrate")
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(database) as migrated:
        assert migrated.execute("SELECT count(*) FROM schema_version").fetchone()[0] > 0


def test_the_unit_caps_memory_and_the_site_limits_request_rates():
    """Issue 14: a runaway server could take the machine's memory, and nothing in front of
    it slowed password guessing or a request flood."""
    assert unit()["Service"]["MemoryMax"] == "2G"
    site = SITE.read_text()
    zones = dict(
        re.findall(r"limit_req_zone \$binary_remote_addr zone=(\w+):\S+ rate=(\S+);", site)
    )
    assert zones == {"team_guess": "10r/m", "team_api": "20r/s"}
    guessing = re.search(
        r"location ~ \^/api/v1/\(login\|accounts\|groups/join\)\$ \{([^}]*)\}", site
    )
    assert guessing and "limit_req zone=team_guess" in guessing.group(1)
    assert "proxy_pass http://team_server;" in guessing.group(1)
    assert re.search(r"location / \{[^}]*limit_req zone=team_api", site)
