#!/bin/bash
set -euo pipefail
mkdir -p /opt/containerd/image-verifier/bin
cat >/opt/containerd/image-verifier/bin/allowlist <<'SH'
#!/bin/sh
# containerd image verifier: allow only images from localhost:5000/platform/.
# containerd runs: allowlist -name <ref> -digest <digest> -stdin-media-type <type>, with the image's
# OCI descriptor (JSON) on stdin. Exit 0 allows the pull; stdout is the reason shown to the user.
while [ $# -gt 0 ]; do
  case "$1" in
    -name) name=$2 ;;
    -digest) digest=$2 ;;
  esac
  shift 2
done
descriptor=$(cat)
echo "$(date -u +%FT%TZ) name=$name digest=$digest descriptor=$descriptor" >>/var/log/image-verifier.log
case "$name" in
  localhost:5000/platform/*) echo "allowed: $name is from the platform team's repositories"; exit 0 ;;
esac
echo "denied: $name is not under localhost:5000/platform/"
exit 1
SH
chmod 0755 /opt/containerd/image-verifier/bin/allowlist
