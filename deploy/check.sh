#!/usr/bin/env bash
# Offline check of deploy/: every YAML file parses, every path a
# kustomization lists exists, and (if kubectl or kustomize is installed) every
# kustomization builds, the optional components included, and every rendered
# object validates against the pinned schemas of tools/manifest-validate (if
# node and npm are installed), unknown fields rejected. Needs no cluster.
# Usage: deploy/check.sh        (from anywhere)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

python3 - <<'PY'
import os, sys
try:
    import yaml
except ImportError:
    sys.exit("PyYAML is missing (Debian/Ubuntu: apt-get install -y python3-yaml)")

bad = 0
kustomizations = []
for root, _, files in os.walk("."):
    for f in sorted(files):
        if not f.endswith((".yaml", ".yml")):
            continue
        path = os.path.join(root, f)
        try:
            docs = [d for d in yaml.safe_load_all(open(path, encoding="utf-8")) if d is not None]
        except yaml.YAMLError as e:
            print(f"PARSE ERROR {path}: {e}"); bad += 1; continue
        if f == "kustomization.yaml":
            kustomizations.append((root, docs[0]))

for root, k in kustomizations:
    refs = []
    for key in ("resources", "components"):
        refs += k.get(key) or []
    for gen in (k.get("configMapGenerator") or []) + (k.get("secretGenerator") or []):
        refs += gen.get("envs") or []
        refs += [f.split("=", 1)[-1] for f in gen.get("files") or []]
    refs += [p["path"] for p in k.get("patches") or [] if "path" in p]
    for ref in refs:
        if "://" in ref:
            continue
        if not os.path.exists(os.path.join(root, ref)):
            print(f"MISSING {os.path.join(root, 'kustomization.yaml')}: {ref}"); bad += 1
print(f"{len(kustomizations)} kustomizations, YAML and references checked, {bad} problem(s)")
sys.exit(1 if bad else 0)
PY

if command -v kustomize >/dev/null 2>&1; then build() { kustomize build "$1"; }
elif command -v kubectl >/dev/null 2>&1; then build() { kubectl kustomize "$1"; }
else echo "kubectl/kustomize not installed: builds skipped"; exit 0; fi

tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/rendered"
for dir in base kafka postgres overlays/production; do
  build "$dir" > "$tmp/rendered/${dir//\//-}.yaml" && echo "builds: $dir"
done
# Optional components, each on top of what it extends, from a scratch copy.
cp -r "$here" "$tmp/deploy"
mkdir -p "$tmp/with-agency-directory" "$tmp/with-backup"
printf 'resources: [../deploy/overlays/production]\ncomponents: [../deploy/components/agency-directory]\n' \
  > "$tmp/with-agency-directory/kustomization.yaml"
printf 'resources: [../deploy/postgres]\ncomponents: [../deploy/postgres/backup]\n' \
  > "$tmp/with-backup/kustomization.yaml"
build "$tmp/with-agency-directory" > "$tmp/rendered/with-agency-directory.yaml" \
  && echo "builds: overlays/production + components/agency-directory"
build "$tmp/with-backup" > "$tmp/rendered/with-backup.yaml" && echo "builds: postgres + postgres/backup"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "node/npm not installed: schema validation skipped"; exit 0
fi
validator="$here/../tools/manifest-validate"
(cd "$validator" && npm ci --no-audit --no-fund --ignore-scripts --silent)
node "$validator/validate.mjs" "$tmp"/rendered/*.yaml
# The validator must reject each deliberate mistake in its fixture, one object each.
expected=$(grep -c '^kind:' "$validator/test/wrong-fields.yaml")
if node "$validator/validate.mjs" "$validator/test/wrong-fields.yaml" > "$tmp/wrong.out"; then
  cat "$tmp/wrong.out"; echo "FAIL: the validator accepted objects with wrong fields"; exit 1
fi
rejected=$(grep '^INVALID' "$tmp/wrong.out" | sed -E 's#.* /([^:]+):.*#\1#' | sort -u | wc -l)
if [ "$rejected" -ne "$expected" ]; then
  cat "$tmp/wrong.out"; echo "FAIL: $rejected of $expected deliberately wrong objects rejected"; exit 1
fi
echo "schema validation rejects all $expected deliberately wrong objects (tools/manifest-validate/test/wrong-fields.yaml)"
