module praxis.local/praxis-inject

go 1.24.3

require github.com/containerd/nri v0.10.0
