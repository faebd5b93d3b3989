#!/bin/bash
# /etc/containerd/config.toml must be a version 3 file that keeps this node's settings, each in the
# table where containerd 2 reads it.
python3 - <<'PY'
import sys, tomllib

PATH = "/etc/containerd/config.toml"

def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)

try:
    with open(PATH, "rb") as f:
        cfg = tomllib.load(f)
except FileNotFoundError:
    fail(f"{PATH} is missing. Copy the migrated file (/root/lab/config-v3.toml) there.")
except tomllib.TOMLDecodeError as e:
    fail(f"{PATH} is not valid TOML ({e}). Did the redirect write something else into it?")

if cfg.get("version") != 3:
    fail(f"{PATH} still says version = {cfg.get('version')}. Run containerd config migrate into /root/lab/config-v3.toml, then copy that file over this one.")
plugins = cfg.get("plugins", {})
old = plugins.get("io.containerd.grpc.v1.cri", {})
if any(k in old for k in ("containerd", "sandbox_image", "registry", "cni")):
    fail("[plugins.'io.containerd.grpc.v1.cri'] still holds runtime or image settings. In version 3 they live in io.containerd.cri.v1.runtime and io.containerd.cri.v1.images: use the output of containerd config migrate instead of editing by hand.")
images = plugins.get("io.containerd.cri.v1.images", {})
if images.get("pinned_images", {}).get("sandbox") != "localhost:5000/platform/pause:3.10":
    fail("the pod sandbox image is missing: version 3 calls it pinned_images.sandbox under plugins.'io.containerd.cri.v1.images', and it must stay 'localhost:5000/platform/pause:3.10'.")
if images.get("registry", {}).get("config_path") != "/etc/containerd/certs.d":
    fail("registry.config_path = '/etc/containerd/certs.d' should be under plugins.'io.containerd.cri.v1.images' (it tells containerd the local registry speaks plain HTTP).")
runtime = plugins.get("io.containerd.cri.v1.runtime", {})
runc = runtime.get("containerd", {}).get("runtimes", {}).get("runc", {})
if runc.get("runtime_type") != "io.containerd.runc.v2":
    fail("the runc runtime should be under plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc with runtime_type = 'io.containerd.runc.v2'.")
if runtime.get("restrict_oom_score_adj") is not True:
    fail("restrict_oom_score_adj = true got lost (it belongs under plugins.'io.containerd.cri.v1.runtime'). Without it no pod can start in this host.")
PY
