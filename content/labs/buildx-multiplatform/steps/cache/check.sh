#!/bin/bash
# hello:buildcache must be a BuildKit registry cache, and one exported with mode=max: besides the final
# image's layers it must hold the build stage's, which always start with the layer of the golang:1.26
# base image. With mode=min only the final stage (FROM scratch + the copied binary) is exported, and an
# empty builder would have to compile again.
REF=localhost:5000/hello:buildcache
fail() { echo "FAIL: $*"; exit 1; }
m=$(crane manifest "$REF" 2>/dev/null) || fail "$REF does not exist: add --cache-to type=registry,ref=$REF,mode=max to your build."
# BuildKit writes an image manifest whose config is the cache description (image-manifest=true, the
# default) or, with image-manifest=false, an index that lists the description next to the layers.
kind=$(jq -r '.config.mediaType // (.manifests[]? | select(.mediaType=="application/vnd.buildkit.cacheconfig.v0") | .mediaType) // empty' <<<"$m")
[ "$kind" = application/vnd.buildkit.cacheconfig.v0 ] || fail "$REF is not a BuildKit cache (it looks like an ordinary image). Write the cache with --cache-to, to a tag of its own."
layers=$(jq -r '(.layers // .manifests)[] | select(.mediaType != "application/vnd.buildkit.cacheconfig.v0") | .digest' <<<"$m")
base=$(crane manifest --platform linux/amd64 localhost:5000/golang:1.26 | jq -r '.layers[0].digest')
grep -qxF "$base" <<<"$layers" || fail "$REF holds only $(wc -l <<<"$layers") layer(s), those of the final images, not the go build stage. Either it was exported with mode=min, or with mode=max by a build whose every step came from a mode=min cache: the build stage never ran, so there was nothing more to export. Build once with --no-cache and --cache-to …,mode=max to fill it."
echo "$REF is a mode=max BuildKit cache with $(wc -l <<<"$layers") layers, the build stage's included"
