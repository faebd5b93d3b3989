#!/bin/bash
# With a read-only root, /tmp must be a tmpfs the running container can write to. Read from the
# process's own mount table (the daemon runs in this host), so it is what is in force, not just asked for.
pid=$(docker inspect --type container -f '{{.State.Pid}}' web 2>/dev/null) \
  || { echo "FAIL: there is no container named web yet: start one with docker run --name web …"; exit 1; }
[[ $pid != 0 ]] || { echo "FAIL: container web is not running; docker logs web says why it stopped"; exit 1; }
opts=$(awk '$2 == "/tmp" && $3 == "tmpfs" { o = $4 } END { print o }' "/proc/$pid/mounts")
[[ -n $opts ]] || { echo "FAIL: /tmp in container web is part of the root filesystem, not a tmpfs: add --tmpfs /tmp so programs have somewhere to write when the root is read-only"; exit 1; }
[[ ,$opts, == *,rw,* ]] || { echo "FAIL: /tmp in container web is a tmpfs, but mounted read-only ($opts): leave out :ro"; exit 1; }
