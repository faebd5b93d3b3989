#!/usr/bin/env bash
# Builds a two-ended link for the XDP program: veth-b stays in this host's network namespace
# (10.250.0.2), its peer veth-a lives in a namespace of its own, lab-peer (10.250.0.1). Pings from
# lab-peer therefore arrive on veth-b. Two namespaces are needed: with both addresses in one, the
# kernel would route the traffic over lo and never touch the veth pair.
set -euo pipefail
if ! ip netns list | grep -qw lab-peer; then
  ip netns add lab-peer
fi
if ! ip link show veth-b >/dev/null 2>&1; then
  ip link add veth-b type veth peer name veth-a netns lab-peer
  ip addr add 10.250.0.2/30 dev veth-b
  ip -n lab-peer addr add 10.250.0.1/30 dev veth-a
fi
ip link set veth-b up
ip -n lab-peer link set veth-a up
ip -n lab-peer link set lo up
