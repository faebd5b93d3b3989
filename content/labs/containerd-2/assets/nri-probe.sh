# Sourced by the lab's checks (not meant to be run by hand). `probe_pod <annotations-json>
# <container>...` starts a throw-away CRI pod in the namespace praxis-checks with one busybox
# container per name, so a check sees what containerd (and any NRI plugin) does to a *new*
# container, never something the learner made earlier. It sets POD and CTR[<name>] and removes the
# pod when the check exits.
export CONTAINER_RUNTIME_ENDPOINT=unix:///run/containerd/containerd.sock
export IMAGE_SERVICE_ENDPOINT=unix:///run/containerd/containerd.sock
PROBE_DIR=$(mktemp -d)
POD=""
declare -A CTR=()
probe_cleanup() {
  [ -n "$POD" ] && crictl rmp -f "$POD" >/dev/null 2>&1
  rm -rf "$PROBE_DIR"
}
trap probe_cleanup EXIT

probe_pod() {
  local annotations=$1; shift
  local name="probe-$$-$RANDOM"
  cat >"$PROBE_DIR/pod.json" <<J
{"metadata":{"name":"$name","namespace":"praxis-checks","uid":"$name","attempt":1},
 "annotations":$annotations,"log_directory":"$PROBE_DIR",
 "linux":{"cgroup_parent":"praxis-pods","security_context":{"namespace_options":{"network":2}}}}
J
  if ! ctr version >/dev/null 2>&1; then
    echo "FAIL: containerd is not running. Start it with: lab-containerd start (its log is /var/log/containerd.log)."
    exit 1
  fi
  crictl inspecti localhost:5000/platform/busybox:1.36 >/dev/null 2>&1 \
    || crictl pull localhost:5000/platform/busybox:1.36 >/dev/null 2>&1
  local out
  if ! out=$(crictl runp "$PROBE_DIR/pod.json" 2>&1); then
    echo "FAIL: containerd could not start a test pod: $(tail -n 1 <<<"$out" | cut -c1-300)"
    exit 1
  fi
  POD=$out
  local c id
  for c in "$@"; do
    cat >"$PROBE_DIR/$c.json" <<J
{"metadata":{"name":"$c"},"image":{"image":"localhost:5000/platform/busybox:1.36"},
 "command":["sleep","300"],"log_path":"$c.log","linux":{}}
J
    if ! id=$(crictl create "$POD" "$PROBE_DIR/$c.json" "$PROBE_DIR/pod.json" 2>&1) || ! crictl start "$id" >/dev/null 2>&1; then
      echo "FAIL: containerd could not create a test container: $(tail -n 1 <<<"$id" | cut -c1-300)"
      exit 1
    fi
    CTR[$c]=$id
  done
}

# How many NRI plugins are connected right now (established connections on containerd's NRI socket).
nri_connections() {
  ss -xp 2>/dev/null | grep -c 'ESTAB.*/var/run/nri/nri.sock'
}

# When a process started, in seconds since the epoch.
proc_started() {
  local boot ticks
  boot=$(awk '/^btime/ {print $2}' /proc/stat)
  ticks=$(getconf CLK_TCK)
  echo $(( boot + $(awk '{print $22}' "/proc/$1/stat") / ticks ))
}
