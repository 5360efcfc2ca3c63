#!/usr/bin/env python3
"""Checks deploy/k8s offline (no cluster, no kubectl): run by scripts/validate-deploy.sh.

- every manifest parses, and each object is a kind/apiVersion the shop uses (no Secret: no secret
  value is committed);
- the silo Deployment, the API Deployment and the migrate Job run docker-compose.yml's silo, api and
  migrate services: same image, same command, same `environment:` values, same ports, a grace period
  at least compose's stop_grace_period, and settings of .env.example through the ConfigMap (whose
  values ops edit, except NODE_ENV=production);
- every variable name is one the shop documents (.env.example, compose); secrets come only from
  secretKeyRef of shop-secrets, whose keys are those of secrets.env.example (placeholders only);
- selectors of Deployments, Services, PodDisruptionBudgets and the HPA match pod labels, and probes
  name declared ports;
- the cluster's certificates (CLUSTER_TLS_*): the silos and API nodes mount the Secret
  shop-cluster-tls (never committed) where compose mounts ./cluster-tls and the paths point;
- Orleans' Kubernetes hosting: SILO_HOSTING=kubernetes, POD_NAME / POD_NAMESPACE / POD_IP from the
  downward API, orleans/clusterId and orleans/serviceId labels equal to CLUSTER_ID and SERVICE_ID, and
  a Role bound to the silos' ServiceAccount granting the pod verbs it uses;
- the kustomizations list files that exist and give the silo image one tag.

`--self-test` breaks the manifests in memory, one mistake at a time, and fails unless every mistake
is reported: a check that cannot fail is caught here.
"""
import copy
import pathlib
import posixpath
import re
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
K8S = ROOT / "deploy" / "k8s"

KINDS = {
    ("v1", "Namespace"), ("v1", "ConfigMap"), ("v1", "ServiceAccount"), ("v1", "Service"),
    ("apps/v1", "Deployment"), ("batch/v1", "Job"), ("policy/v1", "PodDisruptionBudget"),
    ("rbac.authorization.k8s.io/v1", "Role"), ("rbac.authorization.k8s.io/v1", "RoleBinding"),
    ("autoscaling/v2", "HorizontalPodAutoscaler"), ("kustomize.config.k8s.io/v1beta1", "Kustomization"),
}
CLUSTER_SCOPED = {"Namespace", "Kustomization"}
# Applied on its own, by choice (the runbook says when).
NOT_IN_KUSTOMIZATION = {"silo-hpa.yaml"}
SECRET = "shop-secrets"
CONFIG = "shop-config"
# Which secrets each workload gets, and the two the shop cannot run without (not optional).
SECRETS = {
    "silo": {"MONGO_URI", "POSTGRES_CONNECTION", "SMTP_PASSWORD", "TWILIO_SID", "TWILIO_AUTH_TOKEN"},
    "api": {"MONGO_URI", "POSTGRES_CONNECTION", "SMTP_PASSWORD", "TWILIO_SID", "TWILIO_AUTH_TOKEN",
            "JWT_SECRET", "JWT_SECRET_PREVIOUS", "WEBHOOK_API_KEY", "ADMIN_PASSWORD", "ALERT_WEBHOOK_URL", "SENTRY_DSN"},
    "migrate": {"MONGO_URI", "POSTGRES_CONNECTION"},
}
REQUIRED_SECRETS = {"JWT_SECRET", "WEBHOOK_API_KEY"}
ALL_SECRETS = set().union(*SECRETS.values())
# Compose service -> (kind, name) here.
WORKLOADS = {"silo": ("Deployment", "shop-silo"), "api": ("Deployment", "shop-api"), "migrate": ("Job", "shop-migrate")}
# Where Kubernetes gives what compose computes: the pod's IP instead of the entrypoint's guess.
FIELD_REFS = {
    "silo": {"SILO_ADVERTISED_IP": "status.podIP", "POD_NAME": "metadata.name",
             "POD_NAMESPACE": "metadata.namespace", "POD_IP": "status.podIP"},
}
KUBERNETES_ONLY = {"silo": {"SILO_HOSTING": "kubernetes"}}
# The cluster's certificates (CLUSTER_TLS_*): files of this Secret, mounted where compose mounts ./cluster-tls.
CLUSTER_TLS_SECRET = "shop-cluster-tls"
CLUSTER_TLS_PATHS = ("CLUSTER_TLS_CERT", "CLUSTER_TLS_KEY", "CLUSTER_TLS_CA")
# The verbs Orleans.Hosting.Kubernetes 10.4.2 uses on pods (its own example Role names them).
POD_VERBS = {"get", "list", "watch", "patch"}


def load():
    """Everything the checks read, as plain data (so --self-test can break a copy)."""
    manifests = {}
    for path in sorted(K8S.rglob("*.yaml")):
        rel = path.relative_to(K8S).as_posix()
        try:
            manifests[rel] = [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d is not None]
        except yaml.YAMLError as e:
            manifests[rel] = e
    return {
        "manifests": manifests,
        "compose": yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8")),
        "env_example": (ROOT / ".env.example").read_text(encoding="utf-8"),
        "secrets_example": (K8S / "secrets.env.example").read_text(encoding="utf-8"),
        "example_jwt": re.search(r'ExampleJwtSecret = "(.*)";', (ROOT / "src/Shop.Silo/Configuration/ProductionRules.cs").read_text()).group(1),
    }


def env_file_vars(text, commented=True):
    """KEY -> value of KEY=value lines (and of `# KEY=value` lines when commented)."""
    pattern = r"^(?:# )?([A-Z][A-Z0-9_]*)=(.*)$" if commented else r"^([A-Z][A-Z0-9_]*)=(.*)$"
    return {m.group(1): m.group(2) for m in re.finditer(pattern, text, re.M)}


def compose_value(value):
    """${NAME:-default} as compose resolves it without a .env entry; other values as they are."""
    m = re.fullmatch(r"\$\{[A-Z_]+:-(.*)\}", str(value))
    return m.group(1) if m else str(value)


def seconds(duration):
    m = re.fullmatch(r"(\d+)(s|m)", str(duration))
    return int(m.group(1)) * (60 if m.group(2) == "m" else 1) if m else None


def check(data):
    problems = []
    err = problems.append
    objects = []  # (file, doc)
    for rel, docs in data["manifests"].items():
        if isinstance(docs, Exception):
            err(f"{rel}: does not parse: {docs}")
            continue
        for doc in docs:
            if not isinstance(doc, dict):
                err(f"{rel}: a document is not a mapping")
                continue
            key = (doc.get("apiVersion"), doc.get("kind"))
            if key not in KINDS:
                err(f"{rel}: unknown or unexpected apiVersion/kind {key[0]}/{key[1]}")
            if doc.get("kind") == "Kustomization":
                objects.append((rel, doc))
                continue
            if not (doc.get("metadata") or {}).get("name"):
                err(f"{rel}: {doc.get('kind')} without metadata.name")
            objects.append((rel, doc))

    def find(kind, name=None):
        return [d for _, d in objects if d.get("kind") == kind and (name is None or d["metadata"].get("name") == name)]

    namespaces = [d["metadata"]["name"] for d in find("Namespace")]
    if len(namespaces) != 1:
        err(f"expected one Namespace, found {namespaces}")
    namespace = namespaces[0] if namespaces else None
    for rel, d in objects:
        if d.get("kind") not in CLUSTER_SCOPED and (d.get("metadata") or {}).get("namespace") != namespace:
            err(f"{rel}: {d.get('kind')}/{(d.get('metadata') or {}).get('name')} is not in namespace {namespace}")

    # ---------------------------------------------------------------- settings
    example = env_file_vars(data["env_example"])
    configs = find("ConfigMap", CONFIG)
    config = (configs[0].get("data") or {}) if configs else {}
    if not configs:
        err(f"no ConfigMap {CONFIG}")
    for name, value in config.items():
        if name not in example:
            err(f"ConfigMap {CONFIG}: {name} is not a variable of .env.example")
        elif name in ALL_SECRETS:
            err(f"ConfigMap {CONFIG}: {name} is a secret: it belongs in {SECRET}")
    # Ops edit the other values (config.yaml is their template, like .env.example); not this one,
    # which would turn the production checks off.
    if str(config.get("NODE_ENV", "production")).lower() != "production" or "ASPNETCORE_ENVIRONMENT" in config:
        err(f"ConfigMap {CONFIG}: NODE_ENV must be production (and ASPNETCORE_ENVIRONMENT unset)")

    secrets_example = env_file_vars(data["secrets_example"])
    for name, value in env_file_vars(data["secrets_example"], commented=False).items():
        if "change-me" not in value:
            err(f"secrets.env.example: {name} holds a value that is not a change-me placeholder")
    if env_file_vars(data["secrets_example"]).get("JWT_SECRET") != data["example_jwt"]:
        err("secrets.env.example: JWT_SECRET is not the example value the production check refuses")
    if set(secrets_example) != ALL_SECRETS:
        err(f"secrets.env.example keys differ from the secrets the pods use: {sorted(set(secrets_example) ^ ALL_SECRETS)}")

    # ---------------------------------------------------------------- workloads vs docker-compose.yml
    services = data["compose"]["services"]
    for service, (kind, name) in WORKLOADS.items():
        found = find(kind, name)
        if len(found) != 1:
            err(f"expected one {kind} {name} (compose service {service}), found {len(found)}")
            continue
        check_workload(service, found[0], services[service], config, example, err)

    # ---------------------------------------------------------------- selectors, ports, probes
    pod_labels = {}
    for kind in ("Deployment", "Job"):
        for d in find(kind):
            labels = d["spec"]["template"]["metadata"].get("labels") or {}
            pod_labels[(kind, d["metadata"]["name"])] = labels
            selector = (d["spec"].get("selector") or {}).get("matchLabels")
            if kind == "Deployment" and (not selector or any(labels.get(k) != v for k, v in selector.items())):
                err(f"Deployment {d['metadata']['name']}: selector {selector} does not match its pod labels {labels}")
    for d in find("PodDisruptionBudget") + find("Service"):
        selector = d["spec"]["selector"]["matchLabels"] if d["kind"] == "PodDisruptionBudget" else d["spec"].get("selector")
        matched = [k for k, labels in pod_labels.items() if k[0] == "Deployment" and selector and all(labels.get(a) == b for a, b in selector.items())]
        if len(matched) != 1:
            err(f"{d['kind']} {d['metadata']['name']}: selector {selector} matches {len(matched)} Deployments")
        elif d["kind"] == "Service":
            ports = container_ports(find("Deployment", matched[0][1])[0])
            for p in d["spec"]["ports"]:
                if p.get("targetPort", p["port"]) not in ports:
                    err(f"Service {d['metadata']['name']}: targetPort {p.get('targetPort')} is no port of {matched[0][1]}")
    for d in find("HorizontalPodAutoscaler"):
        target = d["spec"]["scaleTargetRef"]
        if target.get("kind") != "Deployment" or not find("Deployment", target.get("name")):
            err(f"HorizontalPodAutoscaler {d['metadata']['name']}: scales {target.get('kind')} {target.get('name')}, which is not here")

    # ---------------------------------------------------------------- Orleans' Kubernetes hosting
    for silo in find("Deployment", "shop-silo"):
        labels = silo["spec"]["template"]["metadata"].get("labels") or {}
        for label, setting in (("orleans/clusterId", "CLUSTER_ID"), ("orleans/serviceId", "SERVICE_ID")):
            if labels.get(label) != str(config.get(setting, "shop")):
                err(f"shop-silo: pod label {label}={labels.get(label)} differs from {setting}={config.get(setting, 'shop')}")
        pod = silo["spec"]["template"]["spec"]
        account = pod.get("serviceAccountName")
        if not find("ServiceAccount", account):
            err(f"shop-silo: serviceAccountName {account} is no ServiceAccount here")
        granted = set()
        for binding in find("RoleBinding"):
            if any(s.get("kind") == "ServiceAccount" and s.get("name") == account and s.get("namespace") == namespace for s in binding.get("subjects") or []):
                ref = binding["roleRef"]
                for role in find(ref.get("kind"), ref.get("name")) if ref.get("kind") == "Role" else []:
                    for rule in role.get("rules") or []:
                        if "" in rule.get("apiGroups", []) and "pods" in rule.get("resources", []):
                            granted |= set(rule.get("verbs") or [])
        if not POD_VERBS <= granted:
            err(f"shop-silo: its ServiceAccount may not {sorted(POD_VERBS - granted)} pods, which Orleans' Kubernetes hosting does")
        if (pod.get("terminationGracePeriodSeconds") or 30) < 60:
            err("shop-silo: terminationGracePeriodSeconds under 60 s cuts a silo's graceful shutdown short")

    # ---------------------------------------------------------------- kustomizations
    tags = {}
    listed = set()
    for rel, d in objects:
        if d.get("kind") != "Kustomization":
            continue
        base = pathlib.PurePosixPath(rel).parent
        for resource in d.get("resources") or []:
            path = (base / resource).as_posix()
            listed.add(path)
            if path not in data["manifests"]:
                err(f"{rel}: resource {resource} does not exist")
        for image in d.get("images") or []:
            tags.setdefault(image["name"], set()).add(f"{image.get('newName', image['name'])}:{image.get('newTag', 'latest')}")
    for rel in data["manifests"]:
        if not rel.endswith("kustomization.yaml") and rel not in listed and rel not in NOT_IN_KUSTOMIZATION:
            err(f"{rel} is in no kustomization.yaml")
    for image, values in tags.items():
        if len(values) > 1:
            err(f"kustomizations disagree on the {image} image: {sorted(values)}")
    return problems


def container_ports(workload):
    container = workload["spec"]["template"]["spec"]["containers"][0]
    ports = set()
    for p in container.get("ports") or []:
        ports |= {p["containerPort"], p.get("name")}
    return ports - {None}


def check_workload(service, workload, compose, config, example, err):
    name = workload["metadata"]["name"]
    pod = workload["spec"]["template"]["spec"]
    containers = pod.get("containers") or []
    if len(containers) != 1:
        err(f"{name}: expected one container")
        return
    c = containers[0]
    if c.get("image", "").split(":")[0] != compose["image"].split(":")[0]:
        err(f"{name}: image {c.get('image')}, compose runs {compose['image']}")
    if "command" in c:
        err(f"{name}: `command` replaces the image's entrypoint, which compose keeps")
    if c.get("args") != compose.get("command"):
        err(f"{name}: args {c.get('args')}, compose's command is {compose.get('command')}")
    if {"configMapRef": {"name": CONFIG}} not in (c.get("envFrom") or []):
        err(f"{name}: no envFrom {CONFIG} (compose's env_file)")

    env = {}
    for e in c.get("env") or []:
        if e["name"] in env:
            err(f"{name}: {e['name']} set twice")
        env[e["name"]] = e
    # Compose's `environment:` values, and what Kubernetes hosting adds.
    expected = {k: compose_value(v) for k, v in (compose.get("environment") or {}).items()}
    expected.update(KUBERNETES_ONLY.get(service, {}))
    refs = FIELD_REFS.get(service, {})
    for var, value in expected.items():
        e = env.get(var)
        if var in refs:
            continue
        if e is None:
            err(f"{name}: {var} is not set (expected {var}={value})")
        elif str(e.get("value")) != value:
            err(f"{name}: {var}={e.get('value')}, expected {value}")
    for var, path in refs.items():
        got = ((env.get(var) or {}).get("valueFrom") or {}).get("fieldRef", {}).get("fieldPath")
        if got != path:
            err(f"{name}: {var} must come from the downward API's {path}, not {got}")
    if any(v.startswith("ORLEANS_") for v in env):
        err(f"{name}: ORLEANS_* variables would override CLUSTER_ID / SERVICE_ID")

    secrets = set()
    for var, e in env.items():
        ref = (e.get("valueFrom") or {}).get("secretKeyRef")
        if var in ALL_SECRETS:
            if not ref or ref.get("name") != SECRET or ref.get("key") != var:
                err(f"{name}: {var} must come from secretKeyRef {SECRET}/{var}")
                continue
            secrets.add(var)
            if bool(ref.get("optional")) == (var in REQUIRED_SECRETS):
                err(f"{name}: {var} is {'optional' if ref.get('optional') else 'required'}; only {sorted(REQUIRED_SECRETS)} are required")
        elif ref:
            err(f"{name}: {var} comes from a Secret but is no secret the shop knows")
        elif var not in example and var not in expected and var not in refs:
            err(f"{name}: {var} is not a variable of .env.example or docker-compose.yml")
    if secrets != SECRETS[service]:
        err(f"{name}: secrets {sorted(secrets)}, expected {sorted(SECRETS[service])}")

    # The certificate files compose's paths name: mounted from the Secret in the pod, from a volume in compose.
    folders = sorted({posixpath.dirname(expected[v]) for v in CLUSTER_TLS_PATHS if v in expected})
    volumes = {v.get("name"): v for v in pod.get("volumes") or []}
    mounts = {m.get("mountPath"): m for m in c.get("volumeMounts") or []}
    compose_targets = {str(v).split(":")[1] if isinstance(v, str) else v.get("target") for v in compose.get("volumes") or []}
    for folder in folders:
        mount = mounts.get(folder)
        secret = ((volumes.get(mount.get("name")) or {}).get("secret") or {}) if mount else {}
        if secret.get("secretName") != CLUSTER_TLS_SECRET:
            err(f"{name}: the Secret {CLUSTER_TLS_SECRET} is not mounted at {folder}, where CLUSTER_TLS_* point")
        if folder not in compose_targets:
            err(f"{name}: compose's {service} mounts nothing at {folder}, where its CLUSTER_TLS_* point")

    ports = container_ports(workload)
    for port in compose.get("expose") or []:
        if int(port) not in ports:
            err(f"{name}: compose exposes {port}, the container does not declare it")
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        spec = c.get(probe)
        if spec is None:
            if workload["kind"] == "Deployment":
                err(f"{name}: no {probe}")
            continue
        port = (spec.get("tcpSocket") or spec.get("httpGet") or {}).get("port")
        if port not in ports:
            err(f"{name}: {probe} checks port {port}, which the container does not declare")
    grace = seconds(compose.get("stop_grace_period", "10s"))
    if workload["kind"] == "Deployment" and (pod.get("terminationGracePeriodSeconds") or 30) < grace:
        err(f"{name}: terminationGracePeriodSeconds below compose's stop_grace_period ({grace} s)")
    if workload["kind"] == "Job" and pod.get("restartPolicy") not in ("Never", "OnFailure"):
        err(f"{name}: a Job's pods need restartPolicy Never or OnFailure")
    for key in ("requests", "limits"):
        if not (c.get("resources") or {}).get(key, {}).get("memory"):
            err(f"{name}: no memory {key}")


# ---------------------------------------------------------------- self-test: each mistake is caught

def docs(data, rel):
    return data["manifests"][rel]


def obj(data, rel, kind, name=None):
    return next(d for d in docs(data, rel) if d["kind"] == kind and (name is None or d["metadata"]["name"] == name))


def container(data, rel, kind):
    return obj(data, rel, kind)["spec"]["template"]["spec"]["containers"][0]


def env_entry(data, rel, kind, var):
    return next(e for e in container(data, rel, kind)["env"] if e["name"] == var)


MISTAKES = {
    "a manifest that does not parse": lambda d: d["manifests"].__setitem__("silo.yaml", yaml.YAMLError("broken")),
    "an old apiVersion": lambda d: obj(d, "silo.yaml", "Deployment").__setitem__("apiVersion", "apps/v1beta1"),
    "a committed Secret": lambda d: docs(d, "config.yaml").append({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": SECRET, "namespace": "shop"}}),
    "an object in another namespace": lambda d: obj(d, "rbac.yaml", "Role")["metadata"].__setitem__("namespace", "default"),
    "a misspelt variable": lambda d: env_entry(d, "silo.yaml", "Deployment", "METRICS_PORT").__setitem__("name", "METRIC_PORT"),
    "a value that differs from compose": lambda d: env_entry(d, "silo.yaml", "Deployment", "SILO_PORT").__setitem__("value", "11112"),
    "a compose variable left out": lambda d: container(d, "api.yaml", "Deployment")["env"].pop(0),
    "a secret as a plain value": lambda d: env_entry(d, "api.yaml", "Deployment", "JWT_SECRET").update({"value": "x" * 40, "valueFrom": None}),
    "a secret in the ConfigMap": lambda d: obj(d, "config.yaml", "ConfigMap")["data"].__setitem__("SMTP_PASSWORD", "hunter2"),
    "a development ConfigMap": lambda d: obj(d, "config.yaml", "ConfigMap")["data"].__setitem__("NODE_ENV", "development"),
    "an unknown ConfigMap key": lambda d: obj(d, "config.yaml", "ConfigMap")["data"].__setitem__("SMTP_HOSTNAME", "x"),
    "a real value in secrets.env.example": lambda d: d.__setitem__("secrets_example", d["secrets_example"].replace("SMTP_PASSWORD=change-me-smtp-password", "SMTP_PASSWORD=hunter2")),
    "a secret missing from secrets.env.example": lambda d: d.__setitem__("secrets_example", d["secrets_example"].replace("# SENTRY_DSN=", "# SENTRY=")),
    "a required secret made optional": lambda d: env_entry(d, "api.yaml", "Deployment", "WEBHOOK_API_KEY")["valueFrom"]["secretKeyRef"].__setitem__("optional", True),
    "a secret the silo lacks": lambda d: container(d, "silo.yaml", "Deployment")["env"].remove(env_entry(d, "silo.yaml", "Deployment", "SMTP_PASSWORD")),
    "another image": lambda d: container(d, "api.yaml", "Deployment").__setitem__("image", "shop-web:latest"),
    "the migrate command lost": lambda d: container(d, "migrate/job.yaml", "Job").pop("args"),
    "an entrypoint override": lambda d: container(d, "silo.yaml", "Deployment").__setitem__("command", ["dotnet", "/app/Shop.Silo.dll"]),
    "no ConfigMap for a workload": lambda d: container(d, "migrate/job.yaml", "Job").__setitem__("envFrom", []),
    "POD_IP from the wrong field": lambda d: env_entry(d, "silo.yaml", "Deployment", "POD_IP")["valueFrom"]["fieldRef"].__setitem__("fieldPath", "status.hostIP"),
    "SILO_HOSTING off": lambda d: container(d, "silo.yaml", "Deployment")["env"].remove(env_entry(d, "silo.yaml", "Deployment", "SILO_HOSTING")),
    "a cluster label unlike CLUSTER_ID": lambda d: obj(d, "silo.yaml", "Deployment")["spec"]["template"]["metadata"]["labels"].__setitem__("orleans/clusterId", "other"),
    "a changed SERVICE_ID without the label": lambda d: obj(d, "config.yaml", "ConfigMap")["data"].__setitem__("SERVICE_ID", "shop2"),
    "an ORLEANS_ override": lambda d: container(d, "silo.yaml", "Deployment")["env"].append({"name": "ORLEANS_SERVICE_ID", "value": "shop"}),
    "a Role without watch": lambda d: obj(d, "rbac.yaml", "Role")["rules"][0]["verbs"].remove("watch"),
    "a RoleBinding to another account": lambda d: obj(d, "rbac.yaml", "RoleBinding")["subjects"][0].__setitem__("name", "default"),
    "a missing ServiceAccount": lambda d: obj(d, "silo.yaml", "Deployment")["spec"]["template"]["spec"].__setitem__("serviceAccountName", "silo"),
    "a short grace period": lambda d: obj(d, "silo.yaml", "Deployment")["spec"]["template"]["spec"].__setitem__("terminationGracePeriodSeconds", 30),
    "a selector that misses the pods": lambda d: obj(d, "silo.yaml", "Deployment")["spec"]["selector"]["matchLabels"].__setitem__("app.kubernetes.io/name", "silo"),
    "a Service selecting nothing": lambda d: obj(d, "api.yaml", "Service")["spec"]["selector"].__setitem__("app.kubernetes.io/name", "api"),
    "a Service to an undeclared port": lambda d: obj(d, "api.yaml", "Service")["spec"]["ports"][0].__setitem__("targetPort", "web"),
    "a PodDisruptionBudget selecting nothing": lambda d: obj(d, "silo.yaml", "PodDisruptionBudget")["spec"]["selector"]["matchLabels"].__setitem__("app.kubernetes.io/name", "shop"),
    "a probe on an undeclared port": lambda d: container(d, "silo.yaml", "Deployment")["readinessProbe"]["tcpSocket"].__setitem__("port", "gateways"),
    "a missing probe": lambda d: container(d, "api.yaml", "Deployment").pop("livenessProbe"),
    "a compose port not declared": lambda d: container(d, "silo.yaml", "Deployment")["ports"].pop(),
    "an HPA on a missing Deployment": lambda d: obj(d, "silo-hpa.yaml", "HorizontalPodAutoscaler")["spec"]["scaleTargetRef"].__setitem__("name", "silo"),
    "a kustomization naming a missing file": lambda d: obj(d, "kustomization.yaml", "Kustomization")["resources"].append("web.yaml"),
    "a manifest in no kustomization": lambda d: obj(d, "kustomization.yaml", "Kustomization")["resources"].remove("api.yaml"),
    "two tags for the silo image": lambda d: obj(d, "migrate/kustomization.yaml", "Kustomization")["images"][0].__setitem__("newTag", "2024.06.26"),
    "the cluster certificates not mounted": lambda d: container(d, "silo.yaml", "Deployment").pop("volumeMounts"),
    "the cluster certificates from another Secret": lambda d: obj(d, "api.yaml", "Deployment")["spec"]["template"]["spec"]["volumes"][0]["secret"].__setitem__("secretName", SECRET),
    "compose mounting no certificates": lambda d: d["compose"]["services"]["api"].pop("volumes"),
    "a Job that restarts forever": lambda d: obj(d, "migrate/job.yaml", "Job")["spec"]["template"]["spec"].__setitem__("restartPolicy", "Always"),
}


def self_test(data):
    missed = []
    for mistake, apply in MISTAKES.items():
        broken = copy.deepcopy(data)
        apply(broken)
        if not check(broken):
            missed.append(mistake)
    return missed


def main():
    data = load()
    problems = check(data)
    for p in problems:
        print(f"deploy/k8s: {p}", file=sys.stderr)
    if problems:
        return 1
    if "--self-test" in sys.argv:
        missed = self_test(data)
        for m in missed:
            print(f"deploy/k8s self-test: not caught: {m}", file=sys.stderr)
        if missed:
            return 1
        print(f"{len(MISTAKES)} deliberate mistakes each caught")
    count = sum(len(d) for d in data["manifests"].values() if not isinstance(d, Exception))
    print(f"{len(data['manifests'])} files, {count} objects")
    return 0


if __name__ == "__main__":
    sys.exit(main())
