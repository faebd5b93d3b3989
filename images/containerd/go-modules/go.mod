// The modules a learner's NRI plugin may import inside the lab, offline. The image builder downloads
// their whole graph on the host and ships it as a file-based GOPROXY in /opt/goproxy.
module praxis.local/containerd-lab/go-modules

go 1.24.3

require github.com/containerd/nri v0.10.0
