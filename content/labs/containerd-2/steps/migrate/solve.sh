#!/bin/bash
set -euo pipefail
containerd config migrate >/root/lab/config-v3.toml
cp /root/lab/config-v3.toml /etc/containerd/config.toml
lab-containerd restart
