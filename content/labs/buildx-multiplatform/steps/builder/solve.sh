#!/bin/bash
set -euo pipefail
buildx create --name lab --driver remote --use unix:///run/buildkit/buildkitd.sock
buildx inspect --bootstrap
