#!/bin/bash
# hello:1 must be a manifest list (an OCI index) with a linux/amd64 and a linux/arm64 image, and each
# image's /hello must be a static program for that image's own CPU, not just claim to be. Entries for
# unknown/unknown are buildx's provenance attestations, not images, and are ignored.
IMG=localhost:5000/hello:1
fail() { echo "FAIL: $*"; exit 1; }
index=$(crane manifest "$IMG" 2>/dev/null) || fail "$IMG does not exist yet: the build has to succeed for both platforms, with --push so the result lands in the registry."
plats=$(jq -r '[.manifests[]?.platform | select(.os != "unknown") | "\(.os)/\(.architecture)"] | sort | join(" ")' <<<"$index")
[ -n "$plats" ] || fail "$IMG is a single image, not a manifest list: build with --platform linux/amd64,linux/arm64."
[ "$plats" = "linux/amd64 linux/arm64" ] || fail "$IMG has the platforms [$plats]; it needs exactly linux/amd64 and linux/arm64."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for arch in amd64 arm64; do
  want=x86-64; [ $arch = arm64 ] && want=aarch64
  d=$tmp/$arch; mkdir "$d"
  crane export --platform linux/$arch "$IMG" - 2>/dev/null | tar -x -C "$d" 2>/dev/null
  [ -f "$d/hello" ] || fail "the linux/$arch image has no /hello: keep COPY --from=build /out/hello /hello in the final stage."
  kind=$(file -b "$d/hello")
  grep -q "$want" <<<"$kind" || fail "the linux/$arch image's /hello is a program for $(cut -d, -f2 <<<"$kind" | sed 's/^ //'), not $arch: pass GOOS=\$TARGETOS GOARCH=\$TARGETARCH to go build."
  grep -q 'statically linked' <<<"$kind" || fail "the linux/$arch image's /hello is dynamically linked, which cannot run in an empty (scratch) image: build with CGO_ENABLED=0."
done
echo "$IMG: linux/amd64 and linux/arm64, each with its own static hello"
