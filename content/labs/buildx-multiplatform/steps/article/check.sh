#!/bin/bash
# hello:2 must be a manifest list for linux/amd64 and linux/arm64 in which every program matches its
# image's platform: the busybox of the runtime base as well as the hello compiled in the build stage.
# The image config's "architecture" is not enough, since BuildKit writes the target platform there
# even when the layers below come from another one (that is the bug this step is about).
IMG=localhost:5000/hello:2
fail() { echo "FAIL: $*"; exit 1; }
index=$(crane manifest "$IMG" 2>/dev/null) || fail "$IMG does not exist. Build /root/lab/article with -t $IMG --push."
plats=$(jq -r '[.manifests[]?.platform | select(.os != "unknown") | "\(.os)/\(.architecture)"] | sort | join(" ")' <<<"$index")
[ "$plats" = "linux/amd64 linux/arm64" ] || fail "$IMG must be a manifest list for linux/amd64 and linux/arm64 (it has [${plats:-one image}])."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for arch in amd64 arm64; do
  want=x86-64; [ $arch = arm64 ] && want=aarch64
  d=$tmp/$arch; mkdir "$d"
  crane export --platform linux/$arch "$IMG" - 2>/dev/null | tar -x -C "$d" 2>/dev/null
  for f in bin/busybox usr/local/bin/hello; do
    [ -f "$d/$f" ] || fail "the linux/$arch image of $IMG has no /$f: keep the article's busybox base and its COPY line."
    kind=$(file -b "$d/$f")
    grep -q "$want" <<<"$kind" && continue
    cpu=$(cut -d, -f2 <<<"$kind" | sed 's/^ //')
    case $f in
      bin/busybox) fail "the linux/$arch image of $IMG says linux/$arch, but its /bin/busybox is a program for $cpu: its base layers come from the build machine's platform. Which FROM line asks for \$BUILDPLATFORM where the target platform belongs?" ;;
      *) fail "the linux/$arch image's /usr/local/bin/hello is a program for $cpu: the build stage must pass GOOS=\$TARGETOS GOARCH=\$TARGETARCH to go build." ;;
    esac
  done
done
echo "$IMG: the amd64 image is amd64 throughout, the arm64 image arm64 throughout"
