#!/usr/bin/env bash
# Assembles a JRE base image from Debian packages, without any container registry or daemon:
# debootstrap (minbase + openjdk-17-jre-headless) -> OCI layout (umoci) -> the given registry
# (skopeo). It stands in for registry.access.redhat.com/ubi9/openjdk-21-runtime only to prove the
# Jib build offline; production images use the UBI base (application.properties).
# Usage: base-image.sh ROOTFS_DIR OCI_DIR REGISTRY_HOST:PORT   (as root)
set -euo pipefail
rootfs="$1"; oci="$2"; registry="$3"
if [ ! -x "$rootfs/usr/bin/java" ]; then
  debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$rootfs" http://deb.debian.org/debian
fi
# The UBI OpenJDK images' non-root user, which deploy/ runs as.
chroot "$rootfs" sh -c 'getent passwd 185 >/dev/null || useradd --uid 185 --user-group --home-dir /home/jboss --create-home jboss'
rm -rf "$oci" "$oci.bundle"
umoci init --layout "$oci"
umoci new --image "$oci:jre"
umoci unpack --image "$oci:jre" "$oci.bundle"
cp -a "$rootfs"/. "$oci.bundle/rootfs/"
umoci repack --image "$oci:jre" "$oci.bundle"
umoci config --image "$oci:jre" --config.user 185 --config.workingdir /home/jboss \
  --config.env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
rm -rf "$oci.bundle"
skopeo copy --dest-tls-verify=false "oci:$oci:jre" "docker://$registry/xianjie-proof/debian-jre:17"
