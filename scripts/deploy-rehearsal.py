#!/usr/bin/env python3
"""The file work of scripts/deploy-rehearsal.sh (which runs the processes and the checks).

  env-file SRC DEST [STORAGE]   .env.example -> a test .env: every change-me value replaced by a
                                test secret (one secret per distinct placeholder), and
                                STORAGE_PROVIDER=STORAGE when given (the documented step for the
                                postgres profile). Nothing else changes.
  ports N                       N distinct free TCP ports on 127.0.0.1, one per line.
  prepare CONFIG WORK           from `docker-compose config` output (CONFIG) and the ports and paths
                                in the environment (see PREPARE_VARIABLES): each process's
                                environment and arguments (WORK/run/<name>.env, .args; NUL-separated),
                                nginx's and Prometheus' configuration, and WORK/rewrites.txt, the
                                list of every difference from compose. Fails when compose's services
                                or their order are not the ones rehearsed, or when a difference is
                                not a host name, a port or a path of the image's filesystem.
  smtp-sink PORT DIR            an SMTP server on 127.0.0.1:PORT that requires STARTTLS (with
                                SINK_CERT / SINK_KEY) and then AUTH with SINK_USER / SINK_PASSWORD
                                (from the environment), and keeps every message as DIR/<n>.eml.
  metric-names FILE...          the metric names the expressions of Prometheus rules files (.yml) and
                                Grafana dashboards (.json) use.
  dashboard-check RULES_OUT KNOWN DASHBOARD...
                                Grafana dashboards: the JSON parses, every panel has a data source (the
                                provisioned Prometheus) and targets with a PromQL expr, and every metric
                                they use is in KNOWN (the exported names) or in deploy/prometheus/alerts.yml.
                                Writes the exprs as recording rules to RULES_OUT for `promtool check rules`.
  tls-check PORT CA [CERT KEY]  a TLS client on 127.0.0.1:PORT that trusts only CA (no name check, as the
                                cluster's nodes): prints refused (the handshake or the first read fails,
                                or the server closes), accepted (the server waits for the client's
                                first bytes, or speaks), or untrusted (the server's certificate is not CA's).
  value CONFIG SERVICE KEY      one variable of a service's environment in `docker-compose config` output.
  mongo-uri URI DATABASE        URI with its database replaced (options kept).
"""

import asyncio
import base64
import ipaddress
import os
import re
import secrets
import shutil
import socket
import ssl
import sys

import yaml

LOOPBACK = "127.0.0.1"

# The services of docker-compose.yml, dependencies first (checked against depends_on below). The
# rehearsal runs all but mongodb (it runs migrate against a MongoDB server when one is given) and
# grafana (no package here: its provisioning is checked against compose and Prometheus instead, and
# its dashboards' metrics must have live series); prometheus depends on nothing and starts first.
SERVICES = ["postgres", "mongodb", "migrate", "silo", "api", "web", "prometheus", "grafana"]

# What the rehearsal waits for before starting each service, as compose's depends_on conditions.
DEPENDENCIES = {
    "migrate": {},
    "silo": {"migrate": "service_completed_successfully"},
    "api": {"migrate": "service_completed_successfully", "silo": "service_healthy"},
    "web": {"api": "service_healthy"},
    "prometheus": {},
    "grafana": {"prometheus": "service_started"},
}

# What the base images set (docker inspect mcr.microsoft.com/dotnet/aspnet:10.0): behaviour-relevant
# variables only (the version numbers are left out). HOME is the image user's home (/home/app).
ASPNET_IMAGE_ENV = {
    "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "APP_UID": "1654",
    "ASPNETCORE_HTTP_PORTS": "8080",
    "DOTNET_RUNNING_IN_CONTAINER": "true",
    "HOME": "/home/app",
}

# Variables whose value may differ from compose's, and why. Anything else that differs fails.
HOST_PORT_VARIABLES = {
    "PORT", "SILO_PORT", "GATEWAY_PORT", "METRICS_PORT", "SMTP_HOST", "SMTP_PORT", "SILO_ADVERTISED_IP", "METRICS_HOST",
    "POSTGRES_CONNECTION",  # Host and Port only (checked)
    "MONGO_URI",            # the caller's MongoDB server (migrate against MongoDB only)
}
ADDED_HOST_VARIABLES = {
    "ASPNETCORE_URLS",  # the API node listens on 127.0.0.1 instead of 0.0.0.0 (PORT's host)
    "METRICS_HOST",     # a silo's /metrics on 127.0.0.1 instead of every interface
    "SMTP_PORT",        # the SMTP stand-in's port instead of the default 587
}
PATH_VARIABLES = {"HOME", "MAIL_PICKUP_DIR", "PATH"}
# The trust store (.NET reads SSL_CERT_FILE): the machine's roots plus the SMTP stand-in's
# certificate, where the image's bundle trusts a real relay's.
TRUST_VARIABLES = {"SSL_CERT_FILE"}

PREPARE_VARIABLES = [
    "REPO", "WEB_DIST", "PG_PORT", "SMTP_SINK_PORT", "API_PORT", "NGINX_PORT", "PROMETHEUS_PORT",
    "SILO1_PORTS", "SILO2_PORTS", "SHIM_DIR", "SILO_APP", "API_APP", "MONGO_TEST_URI", "SMTP_CA_BUNDLE",
]


def die(message):
    print(f"deploy-rehearsal: {message}", file=sys.stderr)
    sys.exit(1)


# ------------------------------------------------------------------ env-file

def env_file(source, dest, storage=None):
    placeholders = {}
    out = []
    changed = set()
    with open(source, encoding="utf-8") as f:
        for line in f:
            if line.lstrip().startswith("#") or "=" not in line:
                out.append(line)
                continue
            name, value = line.rstrip("\n").split("=", 1)

            def secret(match):
                token = match.group(0)
                if token not in placeholders:
                    placeholders[token] = "t" + secrets.token_hex(24)
                return placeholders[token]

            new = re.sub(r"change-me[A-Za-z0-9-]*", secret, value)
            if storage and name == "STORAGE_PROVIDER":
                new = storage
            if new != value:
                changed.add(name)
            out.append(f"{name}={new}\n")
    with open(dest, "w", encoding="utf-8") as f:
        f.writelines(out)
    os.chmod(dest, 0o600)
    print(" ".join(sorted(changed)))


# ------------------------------------------------------------------ ports

def free_ports(count):
    sockets = []
    try:
        for _ in range(int(count)):
            s = socket.socket()
            s.bind((LOOPBACK, 0))
            sockets.append(s)
        for s in sockets:
            print(s.getsockname()[1])
    finally:
        for s in sockets:
            s.close()


# ------------------------------------------------------------------ prepare

def dockerfile_env(path):
    """ENV of the last stage of a Dockerfile (KEY=value form, with line continuations)."""
    with open(path, encoding="utf-8") as f:
        text = f.read().replace("\\\n", " ")
    env = {}
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("FROM "):
            env = {}
        elif line.startswith("ENV "):
            for match in re.finditer(r'([A-Za-z_][A-Za-z0-9_]*)=("([^"]*)"|\S*)', line[4:]):
                env[match.group(1)] = match.group(3) if match.group(3) is not None else match.group(2)
    return env


def compose_env(service):
    raw = service.get("environment") or {}
    if isinstance(raw, list):  # docker compose v2 may render a list
        raw = dict(item.split("=", 1) if "=" in item else (item, None) for item in raw)
    return {k: ("" if v is None else str(v)) for k, v in raw.items()}


def depends_on(service):
    raw = service.get("depends_on") or {}
    if isinstance(raw, list):
        return {name: "service_started" for name in raw}
    return {name: (condition or {}).get("condition", "service_started") for name, condition in raw.items()}


def is_port(value):
    return value is not None and re.fullmatch(r"[0-9]{1,5}", value.strip() or "x") is not None and 1 <= int(value) <= 65535


def is_ip(value):
    try:
        ipaddress.ip_address((value or "").strip())
        return True
    except ValueError:
        return False


def set_port(e, key, port):
    """A valid port becomes the loopback one; a bad value stays, so the process meets it as in compose."""
    if is_port(e.get(key)):
        e[key] = str(port)


def npgsql(connection):
    parts = [p for p in connection.split(";") if p.strip()]
    return [(k.strip(), v) for k, v in (p.split("=", 1) for p in parts)]


def rewrite_npgsql(connection, hosts):
    out = []
    for key, value in npgsql(connection):
        if key.lower() in ("host", "server") and value in hosts:
            value = LOOPBACK
        elif key.lower() == "port" and value == "5432":
            value = os.environ["PG_PORT"]
        out.append(f"{key}={value}")
    return ";".join(out)


def prepare(config_path, work):
    for name in PREPARE_VARIABLES:
        if name not in os.environ:
            die(f"prepare needs {name} in the environment")
    env = os.environ
    repo = env["REPO"]
    with open(config_path, encoding="utf-8") as f:
        config = yaml.safe_load(f)
    services = config.get("services") or {}

    # -- the services and their order
    if sorted(services) != sorted(SERVICES):
        die(f"compose has the services {sorted(services)}; the rehearsal knows {sorted(SERVICES)}: "
            "teach scripts/deploy-rehearsal.sh the change")
    for name, service in services.items():
        for dependency in depends_on(service):
            if SERVICES.index(dependency) > SERVICES.index(name):
                die(f"{name} depends on {dependency}, which the rehearsal starts later")
    for name, dependencies in DEPENDENCIES.items():
        if depends_on(services[name]) != dependencies:
            die(f"{name} depends on {depends_on(services[name])}; the rehearsal waits for {dependencies}")

    compose_hosts = set(services)
    silo_ports = [dict(zip(("SILO_PORT", "GATEWAY_PORT", "METRICS_PORT"), env[v].split(","))) for v in ("SILO1_PORTS", "SILO2_PORTS")]
    run = os.path.join(work, "run")
    os.makedirs(run, exist_ok=True)
    report = []

    def process(name, service_name, dockerfile, base, rewrite, args):
        service = services[service_name]
        given = compose_env(service)
        image = dict(base)
        image.update(dockerfile_env(os.path.join(repo, dockerfile)))
        container = dict(image)
        container.update(given)
        final = dict(container)
        rewrite(final)
        for key, value in final.items():
            mounted = in_volume(service, value)
            if mounted is not None and value == container.get(key):
                final[key] = mounted
        # Every difference must be a host name, a port, a path of the image's filesystem or a file of
        # a folder compose mounts (read where compose would mount it from).
        lines = []
        for key in sorted(set(container) | set(final)):
            before, after = container.get(key), final.get(key)
            if before == after:
                continue
            if key in PATH_VARIABLES:
                kind = "path"
            elif key in TRUST_VARIABLES and before is None:
                kind = "trust store (added)"
            elif key in HOST_PORT_VARIABLES and before is not None:
                kind = "host/port"
                if key == "POSTGRES_CONNECTION":
                    b, a = dict(npgsql(before)), dict(npgsql(after))
                    if {k for k in b if b[k] != a.get(k)} - {"Host", "Port"} or set(b) != set(a):
                        die(f"{name}: POSTGRES_CONNECTION differs from compose's in more than Host and Port")
                    before = f"Host={b.get('Host')};Port={b.get('Port')}"
                    after = f"Host={a.get('Host')};Port={a.get('Port')}"
                elif key == "MONGO_URI":
                    before, after = "(compose's)", "(the caller's server, a database of its own)"
            elif key in ADDED_HOST_VARIABLES and before is None:
                kind = "host (added)"
            elif before is not None and in_volume(service, before) == after:
                kind = "file of a folder compose mounts"
            else:
                die(f"{name}: {key} would differ from compose's; only host names, ports and image paths may")
            if key == "PATH":
                before, after = "(the image's)", "the same after a folder with `hostname` (prints 127.0.0.1) and `dotnet`"
            lines.append(f"  {name:<14} {key:<20} {before if before is not None else '(unset)'} -> {after} [{kind}]")
        report.extend(lines or [f"  {name:<14} (exactly compose's environment)"])
        with open(os.path.join(run, f"{name}.env"), "w", encoding="utf-8") as f:
            f.write("".join(f"{k}={v}\0" for k, v in final.items()))
        os.chmod(os.path.join(run, f"{name}.env"), 0o600)
        with open(os.path.join(run, f"{name}.args"), "w", encoding="utf-8") as f:
            f.write("".join(f"{a}\0" for a in args))
        return final

    def common(final, home):
        final["PATH"] = f"{env['SHIM_DIR']}:{final['PATH']}"
        final["HOME"] = home
        if "POSTGRES_CONNECTION" in final:
            final["POSTGRES_CONNECTION"] = rewrite_npgsql(final["POSTGRES_CONNECTION"], compose_hosts)
        if final.get("SMTP_HOST"):
            final["SMTP_HOST"] = LOOPBACK
            if "SMTP_PORT" in final:
                set_port(final, "SMTP_PORT", env["SMTP_SINK_PORT"])
            else:
                final["SMTP_PORT"] = env["SMTP_SINK_PORT"]
        if "MAIL_PICKUP_DIR" in final:
            final["MAIL_PICKUP_DIR"] = os.path.join(work, "mail")
        if final.get("SMTP_HOST"):
            final["SSL_CERT_FILE"] = env["SMTP_CA_BUNDLE"]

    def command(service_name):
        return [str(a) for a in (services[service_name].get("command") or [])]

    entrypoint = [os.path.join(env["SILO_APP"], "silo-entrypoint.sh")]
    silo_df = "deploy/docker/silo.Dockerfile"
    process("migrate", "migrate", silo_df, ASPNET_IMAGE_ENV,
            lambda e: common(e, os.path.join(work, "home")), entrypoint + command("migrate"))
    if env["MONGO_TEST_URI"]:
        mongo_config = os.path.join(work, "compose-mongodb.yml")
        with open(mongo_config, encoding="utf-8") as f:
            mongo_services = yaml.safe_load(f)["services"]

        def mongo(e):
            common(e, os.path.join(work, "home"))
            e["MONGO_URI"] = env["MONGO_TEST_URI"]
        services["migrate-mongodb"] = mongo_services["migrate"]
        if compose_env(services["migrate-mongodb"]).get("STORAGE_PROVIDER") != "mongodb":
            die("the default (MongoDB) .env does not select STORAGE_PROVIDER=mongodb")
        process("migrate-mongodb", "migrate-mongodb", silo_df, ASPNET_IMAGE_ENV, mongo, entrypoint + command("migrate"))
    for i, ports in enumerate(silo_ports, 1):
        def silo(e, ports=ports):
            common(e, os.path.join(work, "home"))
            for key, port in ports.items():
                set_port(e, key, port)
            if "SILO_PORT" not in e or "GATEWAY_PORT" not in e:
                die("a silo gets no SILO_PORT / GATEWAY_PORT (the silo image sets them)")
            # Empty: the entrypoint asks `hostname -i`, which answers 127.0.0.1 here.
            if is_ip(e.get("SILO_ADVERTISED_IP")):
                e["SILO_ADVERTISED_IP"] = LOOPBACK
            # Unset or an address: every interface or that one; here loopback.
            if "METRICS_PORT" in e and (not e.get("METRICS_HOST", "").strip() or is_ip(e["METRICS_HOST"])):
                e["METRICS_HOST"] = LOOPBACK
        process(f"silo-{i}", "silo", silo_df, ASPNET_IMAGE_ENV, silo, entrypoint + command("silo"))

    def api(e):
        common(e, os.path.join(work, "home"))
        if not is_port(e.get("PORT")) or e.get("ASPNETCORE_URLS"):
            die(f"the API node gets PORT={e.get('PORT')!r} and ASPNETCORE_URLS={e.get('ASPNETCORE_URLS')!r}; "
                "the rehearsal expects a PORT number and no ASPNETCORE_URLS")
        e["PORT"] = env["API_PORT"]
        e["ASPNETCORE_URLS"] = f"http://{LOOPBACK}:{env['API_PORT']}"
    # ENTRYPOINT ["dotnet", "/app/Shop.Api.dll"]
    process("api", "api", "deploy/docker/api.Dockerfile", ASPNET_IMAGE_ENV, api,
            ["dotnet", os.path.join(env["API_APP"], "Shop.Api.dll")] + command("api"))

    # -- nginx: deploy/nginx.conf with its listen port, web root and API address rewritten
    backends = {("api", "5000"): f"{LOOPBACK}:{env['API_PORT']}"}
    with open(os.path.join(repo, "deploy/nginx.conf"), encoding="utf-8") as f:
        nginx = f.read()
    published = services["web"].get("ports") or []
    if len(published) != 1:
        die(f"web publishes {published}; the rehearsal expects one port")
    substitutions = [
        (r"^(\s*listen\s+)80(\s+default_server;)", rf"\g<1>{LOOPBACK}:{env['NGINX_PORT']}\g<2>", "listen port"),
        (r"^(\s*root\s+)/usr/share/nginx/html;", rf"\g<1>{env['WEB_DIST']};", "web root (the image's copy of web/dist)"),
        (r"^(\s*set \$shop_api http://)api:5000;", rf"\g<1>{backends[('api', '5000')]};", "API address"),
    ]
    for pattern, replacement, what in substitutions:
        nginx, count = re.subn(pattern, replacement, nginx, flags=re.M)
        if count != 1:
            die(f"deploy/nginx.conf: the {what} was found {count} times, expected once")
        report.append(f"  {'nginx':<14} {what}")
    for host in ("api", "silo", "postgres", "mongodb"):
        if re.search(rf"\b{host}:\d+", nginx):
            die(f"deploy/nginx.conf names {host}:<port> somewhere the rehearsal does not rewrite")
    os.makedirs(os.path.join(work, "nginx"), exist_ok=True)
    with open(os.path.join(work, "nginx", "shop.conf"), "w", encoding="utf-8") as f:
        f.write(nginx)

    # -- Prometheus: the mounted folder, with Docker DNS discovery replaced by the loopback targets
    prometheus = services["prometheus"]
    mounts = volume_mounts(prometheus)
    config_dir = os.path.join(work, "prometheus")
    source_dir = mounts.get("/etc/prometheus")
    if not source_dir or os.path.realpath(source_dir) != os.path.realpath(os.path.join(repo, "deploy/prometheus")):
        die(f"prometheus mounts {mounts}; the rehearsal expects deploy/prometheus on /etc/prometheus")
    shutil.copytree(os.path.join(repo, "deploy/prometheus"), config_dir)
    with open(os.path.join(config_dir, "prometheus.yml"), encoding="utf-8") as f:
        scrape = yaml.safe_load(f)
    targets = {("api", 5000): [f"{LOOPBACK}:{env['API_PORT']}"],
               ("silo", 9464): [f"{LOOPBACK}:{p['METRICS_PORT']}" for p in silo_ports]}
    for job in scrape.get("scrape_configs") or []:
        static = []
        for sd in job.pop("dns_sd_configs", []) or []:
            for host in sd["names"]:
                key = (host, int(sd["port"]))
                if key not in targets:
                    die(f"prometheus.yml: job {job['job_name']} discovers {host}:{sd['port']}, which compose does not run")
                static.extend(targets[key])
        if static:
            job["static_configs"] = [{"targets": static}]
            report.append(f"  {'prometheus':<14} job {job['job_name']}: DNS discovery -> {', '.join(static)}")
    with open(os.path.join(config_dir, "prometheus.yml"), "w", encoding="utf-8") as f:
        yaml.safe_dump(scrape, f, sort_keys=False, allow_unicode=True)
    args = []
    for arg in command("prometheus"):
        if arg.startswith("--config.file="):
            path = arg.split("=", 1)[1]
            if not path.startswith("/etc/prometheus/"):
                die(f"prometheus reads {path}, outside the mounted folder")
            arg = "--config.file=" + os.path.join(config_dir, path[len("/etc/prometheus/"):])
        elif arg.startswith("--storage.tsdb.path="):
            arg = "--storage.tsdb.path=" + os.path.join(work, "prometheus-data")
        elif arg.startswith("--web.listen-address="):
            die("prometheus sets --web.listen-address; teach the rehearsal to rewrite it")
        args.append(arg)
    port_map = [str(p) for p in prometheus.get("ports") or []]
    args.append(f"--web.listen-address={LOOPBACK}:{env['PROMETHEUS_PORT']}")
    report.append(f"  {'prometheus':<14} listen {port_map} -> {LOOPBACK}:{env['PROMETHEUS_PORT']}; config and data folders -> temporary")
    with open(os.path.join(run, "prometheus.args"), "w", encoding="utf-8") as f:
        f.write("".join(f"{a}\0" for a in args))

    # -- Grafana (not run): what compose mounts is deploy/grafana, and its data source is the
    # prometheus service's container port
    check_grafana(services, repo)
    report.append(f"  {'grafana':<14} not run (no package); provisioning checked, dashboards' metrics queried below")

    with open(os.path.join(work, "rewrites.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(report) + "\n")


def in_volume(service, path):
    """Where PATH, a file in a folder that SERVICE bind-mounts from the host, is on the host (else None)."""
    if not isinstance(path, str) or not path.startswith("/"):
        return None
    for target, source in volume_mounts(service).items():
        if source and os.path.isabs(source) and (path + "/").startswith(target.rstrip("/") + "/"):
            return os.path.join(source, os.path.relpath(path, target))
    return None


def volume_mounts(service):
    mounts = {}
    for volume in service.get("volumes") or []:
        if isinstance(volume, dict):
            source, target = volume.get("source"), volume.get("target")
        else:
            source, target = volume.split(":")[:2]
        mounts[target] = source
    return mounts


def check_grafana(services, repo):
    grafana = services["grafana"]
    mounts = volume_mounts(grafana)
    provisioning = os.path.join(repo, "deploy/grafana/provisioning")
    if os.path.realpath(mounts.get("/etc/grafana/provisioning", "")) != os.path.realpath(provisioning):
        die(f"grafana mounts {mounts}; the rehearsal expects deploy/grafana/provisioning on /etc/grafana/provisioning")
    with open(os.path.join(provisioning, "dashboards", "shop.yml"), encoding="utf-8") as f:
        providers = yaml.safe_load(f)["providers"]
    for provider in providers:
        path = provider["options"]["path"]
        if os.path.realpath(mounts.get(path, "")) != os.path.realpath(os.path.join(repo, "deploy/grafana/dashboards")):
            die(f"grafana's dashboard provider reads {path}, where compose mounts {mounts.get(path)}, not deploy/grafana/dashboards")
    with open(os.path.join(provisioning, "datasources", "prometheus.yml"), encoding="utf-8") as f:
        sources = yaml.safe_load(f)["datasources"]
    ports = {str(p.get("target")) if isinstance(p, dict) else str(p).split(":")[-1].split("/")[0]
             for p in services["prometheus"].get("ports") or []}
    for source in sources:
        match = re.fullmatch(r"http://([^:/]+):(\d+)/?", source.get("url", ""))
        if source.get("type") == "prometheus" and (not match or match.group(1) != "prometheus" or match.group(2) not in ports):
            die(f"grafana's data source {source.get('name')} points at {source.get('url')}, not the prometheus service's port {sorted(ports)}")


# ------------------------------------------------------------------ smtp-sink

class SmtpSink:
    """An SMTP relay stand-in: STARTTLS (when given a certificate) before AUTH and mail, as real relays do."""

    def __init__(self, folder, user, password, tls=None):
        self.folder, self.user, self.password, self.count, self.tls = folder, user, password, 0, tls

    async def session(self, reader, writer):
        def send(line):
            writer.write((line + "\r\n").encode())

        async def read():
            line = await asyncio.wait_for(reader.readline(), 60)
            if not line:
                raise ConnectionError
            return line.decode("utf-8", "replace").rstrip("\r\n")

        authenticated, sender, recipients, secured = False, None, [], self.tls is None
        send("220 localhost rehearsal SMTP sink")
        try:
            while True:
                await writer.drain()
                line = await read()
                verb = line.split(" ", 1)[0].upper()
                if verb in ("EHLO", "HELO"):
                    send("250-localhost")
                    send("250-AUTH PLAIN LOGIN" if secured else "250-STARTTLS")
                    send("250 SIZE 10485760")
                elif verb == "STARTTLS" and not secured:
                    send("220 ready to start TLS")
                    await writer.drain()
                    await writer.start_tls(self.tls)
                    secured, authenticated, sender, recipients = True, False, None, []
                elif not secured and verb in ("AUTH", "MAIL"):
                    print(f"smtp-sink: {verb} before STARTTLS refused", flush=True)
                    send("530 must issue a STARTTLS command first")
                elif verb == "AUTH":
                    parts = line.split()
                    mechanism = parts[1].upper() if len(parts) > 1 else ""
                    if mechanism == "PLAIN":
                        if len(parts) > 2:
                            blob = parts[2]
                        else:
                            send("334 ")
                            await writer.drain()
                            blob = await read()
                        _, user, password = base64.b64decode(blob).decode().split("\0")
                    elif mechanism == "LOGIN":
                        send("334 VXNlcm5hbWU6")
                        await writer.drain()
                        user = base64.b64decode(await read()).decode()
                        send("334 UGFzc3dvcmQ6")
                        await writer.drain()
                        password = base64.b64decode(await read()).decode()
                    else:
                        send("504 unsupported mechanism")
                        continue
                    if (user, password) == (self.user, self.password):
                        authenticated = True
                        send("235 authenticated")
                    else:
                        print(f"smtp-sink: AUTH refused for user {user!r}", flush=True)
                        send("535 authentication failed")
                elif verb == "MAIL":
                    if self.user and not authenticated:
                        send("530 authentication required")
                        continue
                    sender, recipients = line[5:].strip(), []
                    send("250 ok")
                elif verb == "RCPT":
                    recipients.append(line[5:].strip())
                    send("250 ok")
                elif verb == "DATA":
                    send("354 end with <CRLF>.<CRLF>")
                    await writer.drain()
                    body = []
                    while True:
                        data = await read()
                        if data == ".":
                            break
                        body.append(data[1:] if data.startswith("..") else data)
                    self.count += 1
                    path = os.path.join(self.folder, f"{self.count:04d}.eml")
                    with open(path, "w", encoding="utf-8") as f:
                        f.write("\n".join(body) + "\n")
                    subject = next((b[9:] for b in body if b.lower().startswith("subject: ")), "")
                    print(f"smtp-sink: message {self.count} {sender} -> {' '.join(recipients)} subject {subject!r}", flush=True)
                    send("250 queued")
                elif verb == "RSET":
                    sender, recipients = None, []
                    send("250 ok")
                elif verb == "NOOP":
                    send("250 ok")
                elif verb == "QUIT":
                    send("221 bye")
                    await writer.drain()
                    break
                else:
                    send("502 not implemented")
        except (ConnectionError, asyncio.TimeoutError, ValueError, UnicodeDecodeError, ssl.SSLError):
            pass
        finally:
            writer.close()


async def smtp_sink(port, folder):
    os.makedirs(folder, exist_ok=True)
    tls = None
    if os.environ.get("SINK_CERT"):
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(os.environ["SINK_CERT"], os.environ["SINK_KEY"])
    sink = SmtpSink(folder, os.environ.get("SINK_USER", ""), os.environ.get("SINK_PASSWORD", ""), tls)
    server = await asyncio.start_server(sink.session, LOOPBACK, int(port))
    print(f"smtp-sink: listening on {LOOPBACK}:{port}", flush=True)
    async with server:
        await server.serve_forever()


# ------------------------------------------------------------------ metric-names

PROMQL_WORDS = {"sum", "max", "min", "avg", "count", "rate", "increase", "by", "on", "and", "or", "unless",
                "absent", "without", "ignoring", "group_left", "group_right", "bool", "offset", "irate",
                "histogram_quantile", "time", "vector", "scalar", "topk", "bottomk", "delta", "deriv", "le"}


def expr_metric_names(expr):
    expr = re.sub(r'"[^"]*"', '""', expr)                            # label values
    expr = re.sub(r"\{[^}]*\}", "{}", expr)                          # label matchers
    expr = re.sub(r"\b(by|on|without|ignoring)\s*\([^)]*\)", "", expr)  # grouping labels
    expr = re.sub(r"\[[^\]]*\]", "", expr)                           # ranges
    return {name for name in re.findall(r"[a-zA-Z_:][a-zA-Z0-9_:]*", expr)
            if name not in PROMQL_WORDS and not re.fullmatch(r"\d+[smhdw]?", name)}


def rule_exprs(path):
    with open(path, encoding="utf-8") as f:
        rules = yaml.safe_load(f)
    return [rule["expr"] for group in rules.get("groups") or [] for rule in group.get("rules") or []]


def dashboard_panels(dashboard):
    for panel in dashboard.get("panels") or []:
        if panel.get("type") == "row":
            yield from dashboard_panels(panel)
        else:
            yield panel


def dashboard_exprs(path):
    import json
    with open(path, encoding="utf-8") as f:
        dashboard = json.load(f)
    return [t.get("expr", "") for p in dashboard_panels(dashboard) for t in p.get("targets") or []]


def metric_names(*paths):
    names = set()
    for path in paths:
        for expr in dashboard_exprs(path) if path.endswith(".json") else rule_exprs(path):
            names |= expr_metric_names(expr)
    print("\n".join(sorted(names)))


def dashboard_check(rules_out, known_path, *paths):
    import json
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(repo, "deploy/grafana/provisioning/datasources/prometheus.yml"), encoding="utf-8") as f:
        uids = {s.get("uid") for s in yaml.safe_load(f)["datasources"]}
    with open(known_path, encoding="utf-8") as f:
        known = {line.strip() for line in f if line.strip() and not line.startswith("#")}
    for expr in rule_exprs(os.path.join(repo, "deploy/prometheus/alerts.yml")):
        known |= expr_metric_names(expr)
    problems, records = [], []
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                dashboard = json.load(f)
        except (OSError, ValueError) as e:
            problems.append(f"{path}: not JSON: {e}")
            continue
        panels = list(dashboard_panels(dashboard))
        if not panels:
            problems.append(f"{path}: no panels")
        for panel in panels:
            where = f"{os.path.basename(path)}: panel {panel.get('title')!r}"
            targets = panel.get("targets") or []
            if (panel.get("datasource") or {}).get("uid") not in uids:
                problems.append(f"{where}: its datasource is not the provisioned Prometheus ({sorted(uids)})")
            if not targets:
                problems.append(f"{where}: no targets")
            for target in targets:
                expr = (target.get("expr") or "").strip()
                if not expr:
                    problems.append(f"{where}: target {target.get('refId')} has no PromQL expr")
                    continue
                if (target.get("datasource") or panel.get("datasource") or {}).get("uid") not in uids:
                    problems.append(f"{where}: target {target.get('refId')} uses another datasource")
                if "$" in expr:
                    problems.append(f"{where}: {expr!r} uses a Grafana variable; the checks need plain PromQL")
                unknown = sorted(expr_metric_names(expr) - known)
                if unknown:
                    problems.append(f"{where}: {', '.join(unknown)} is neither exported (deploy/grafana/exported-metrics.txt) nor in alerts.yml")
                records.append({"record": f"dashboard:panel_{panel.get('id')}_{target.get('refId')}", "expr": expr})
    with open(rules_out, "w", encoding="utf-8") as f:
        yaml.safe_dump({"groups": [{"name": "dashboards", "rules": records}]}, f, sort_keys=False, allow_unicode=True)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(paths)} dashboard(s), {len(records)} expression(s)")
    sys.exit(1 if problems else 0)


def tls_check(port, ca, cert=None, key=None):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.load_verify_locations(ca)
    if cert:
        context.load_cert_chain(cert, key)
    with socket.create_connection((LOOPBACK, int(port)), timeout=10) as raw:
        try:
            with context.wrap_socket(raw) as tls:
                tls.settimeout(3)
                data = tls.recv(1)
        except ssl.SSLCertVerificationError:
            print("untrusted")
            return
        except socket.timeout:
            print("accepted")
            return
        except (ssl.SSLError, OSError):
            print("refused")
            return
    print("accepted" if data else "refused")


def service_value(config_path, service, key):
    with open(config_path, encoding="utf-8") as f:
        services = yaml.safe_load(f)["services"]
    print(compose_env(services[service]).get(key, ""))


def mongo_uri(uri, database):
    match = re.fullmatch(r"(mongodb(?:\+srv)?://[^/?]+)(/[^?]*)?(\?.*)?", uri.strip())
    if not match:
        die("SHOP_TEST_MONGO_URI / MONGO_URI is not a mongodb:// URI")
    print(f"{match.group(1)}/{database}{match.group(3) or ''}")


def main():
    if len(sys.argv) < 2:
        die(__doc__)
    command, args = sys.argv[1], sys.argv[2:]
    if command == "env-file":
        env_file(*args)
    elif command == "ports":
        free_ports(*args)
    elif command == "prepare":
        prepare(*args)
    elif command == "smtp-sink":
        asyncio.run(smtp_sink(*args))
    elif command == "metric-names":
        metric_names(*args)
    elif command == "dashboard-check":
        dashboard_check(*args)
    elif command == "value":
        service_value(*args)
    elif command == "tls-check":
        tls_check(*args)
    elif command == "mongo-uri":
        mongo_uri(*args)
    else:
        die(f"unknown command {command}")


if __name__ == "__main__":
    main()
