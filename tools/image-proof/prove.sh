#!/usr/bin/env bash
# Proves the services' Jib image build offline (no public registry reachable), as root on Debian:
#  1. a throw-away registry on 127.0.0.1:5055 (Debian's docker-registry);
#  2. a JRE base image assembled from Debian packages (base-image.sh) pushed to it;
#  3. the documented build command (docs/operations.md, "Building images") for the three services,
#     with only the registry and the base image overridden, pushing there;
#  4. each image's config checked with skopeo (user 185, the manifests' port, working directory,
#     entrypoint), and case-service's entrypoint run from the unpacked image (umoci) as uid 185,
#     which must boot Quarkus as far as connecting to its (absent) database.
# Takes about 5 minutes (debootstrap, three Quarkus builds): not part of .ci/run.
# Usage: tools/image-proof/prove.sh   (from anywhere; WORK=/tmp/xianjie-image-proof by default)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="${WORK:-/tmp/xianjie-image-proof}"
registry=127.0.0.1:5055
mkdir -p "$work"

missing=""
for tool in docker-registry skopeo umoci debootstrap; do command -v "$tool" >/dev/null || missing="$missing $tool"; done
if [ -n "$missing" ]; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-registry skopeo umoci debootstrap >/dev/null
fi

cat > "$work/registry.yml" <<YML
version: 0.1
storage: {filesystem: {rootdirectory: $work/registry}}
http: {addr: $registry}
YML
docker-registry serve "$work/registry.yml" > "$work/registry.log" 2>&1 &
registry_pid=$!
trap 'kill "$registry_pid"' EXIT
for _ in $(seq 30); do curl -fs "http://$registry/v2/" >/dev/null && break; sleep 1; done

bash "$repo/tools/image-proof/base-image.sh" "$work/rootfs" "$work/base-oci" "$registry" >/dev/null
echo "base image: $registry/xianjie-proof/debian-jre:17 (Debian bookworm, openjdk-17-jre-headless, user 185)"

cd "$repo"
./mvnw -B -q package -pl case-service,referral-service,notification-service -am -DskipTests \
  -Dquarkus.container-image.build=true -Dquarkus.container-image.push=true \
  -Dquarkus.container-image.registry="$registry" -Dquarkus.container-image.insecure=true \
  -Dquarkus.jib.base-jvm-image="$registry/xianjie-proof/debian-jre:17"

fail=0
for service in case-service:8081 referral-service:8082 notification-service:8083; do
  name="${service%%:*}"; port="${service##*:}"
  image="docker://$registry/xianjie/$name:0.1.0-SNAPSHOT"
  config="$(skopeo inspect --tls-verify=false --config "$image")"
  summary="$(python3 - "$port" <<PY
import json, sys
c = json.loads('''$config''')["config"]
port = sys.argv[1]
ok = c.get("User") == "185" and list(c.get("ExposedPorts", {})) == [port + "/tcp"] \
     and c.get("WorkingDir") == "/home/jboss" and c.get("Entrypoint", [])[-2:] == ["-jar", "quarkus-run.jar"]
print(("OK  " if ok else "BAD ") + json.dumps({k: c.get(k) for k in ("User", "ExposedPorts", "WorkingDir", "Entrypoint")}))
PY
)"
  echo "$name: $summary"
  case "$summary" in OK*) ;; *) fail=1 ;; esac
done

rm -rf "$work/case-oci" "$work/case-bundle"
skopeo copy -q --src-tls-verify=false "docker://$registry/xianjie/case-service:0.1.0-SNAPSHOT" "oci:$work/case-oci:case"
umoci unpack --image "$work/case-oci:case" "$work/case-bundle" >/dev/null
entrypoint="$(python3 -c 'import json,sys,shlex; print(shlex.join(json.load(open(sys.argv[1]))["process"]["args"]))' "$work/case-bundle/config.json")"
# The JVM finds its libraries through /proc/self/exe.
mount -t proc proc "$work/case-bundle/rootfs/proc"
set +e
timeout 180 chroot --userspec=185:185 "$work/case-bundle/rootfs" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/home/jboss \
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:1 MP_JWT_VERIFY_ISSUER=https://issuer.invalid/xianjie MP_JWT_VERIFY_PUBLICKEY=none \
  QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:1/xianjie_case \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:1/xianjie_case \
  QUARKUS_DATASOURCE_USERNAME=proof QUARKUS_DATASOURCE_PASSWORD=proof \
  sh -c "id -u && cd /home/jboss && exec $entrypoint" > "$work/case-run.log" 2>&1
set -e
umount "$work/case-bundle/rootfs/proc"
if head -1 "$work/case-run.log" | grep -qx 185 && grep -q 'FlywaySqlUnableToConnectToDbException' "$work/case-run.log"; then
  echo "case-service: entrypoint ran as uid 185 and booted Quarkus up to connecting to PostgreSQL (log: $work/case-run.log)"
else
  echo "case-service: entrypoint did not boot as expected (log: $work/case-run.log)"; fail=1
fi
exit "$fail"
