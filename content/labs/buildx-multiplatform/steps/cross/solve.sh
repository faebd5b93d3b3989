#!/bin/bash
set -euo pipefail
cd /root/lab/hello
cat >Dockerfile <<'DOCKERFILE'
# The build stage runs on the build machine's platform and cross-compiles for the target.
FROM --platform=$BUILDPLATFORM localhost:5000/golang:1.26 AS build
ARG TARGETOS TARGETARCH
WORKDIR /src
COPY go.mod main.go ./
RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/hello .

FROM scratch
COPY --from=build /out/hello /hello
ENTRYPOINT ["/hello"]
DOCKERFILE
buildx build --platform linux/amd64,linux/arm64 -t localhost:5000/hello:1 --push .
