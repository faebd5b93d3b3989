#!/bin/bash
set -euo pipefail
mkdir -p /opt/containerd/image-verifier/bin
cat >/opt/containerd/image-verifier/bin/cosign-verify <<'SH'
#!/bin/sh
# containerd image verifier: allow a pull only when cosign verifies the image's digest with the lab's key.
# containerd runs: cosign-verify -name <ref> -digest <digest> -stdin-media-type <type>, with the image's
# OCI descriptor (JSON) on stdin. Exit 0 allows the pull; stdout is the reason shown to the user.
# It runs in containerd's environment, not your shell's: set what cosign needs here.
export PATH=/usr/local/bin:/usr/bin:/bin HOME=/root TUF_MIRROR=http://tuf.offline.invalid
while [ $# -gt 0 ]; do
  case "$1" in
    -name) name=$2 ;;
    -digest) digest=$2 ;;
  esac
  shift 2
done
cat >/dev/null                                        # the descriptor: the digest argument says the same
repo=${name%@*}                                       # drop @sha256:… if the reference has one
case "${repo##*/}" in *:*) repo=${repo%:*} ;; esac    # drop :tag, but not the registry's :5000
if out=$(cosign verify --key /root/lab/cosign.pub --insecure-ignore-tlog "$repo@$digest" 2>&1); then
  echo "allowed: $repo@$digest is signed by /root/lab/cosign.pub"
  exit 0
fi
echo "denied: no valid signature by /root/lab/cosign.pub on $repo@$digest ($(echo "$out" | tail -n 1))"
exit 1
SH
chmod 0755 /opt/containerd/image-verifier/bin/cosign-verify
ctr image pull localhost:5000/app:v1 >/dev/null
