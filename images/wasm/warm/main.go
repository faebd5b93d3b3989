// A throw-away program built once while the image is made, for wasip1 and for Linux, so that the
// standard library packages the lab's program uses are already in the build cache: the learner's
// first `go build` then takes seconds, not the better part of a minute on a shared machine.
package main

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
)

func main() {
	names := strings.Fields(os.Getenv("NAMES"))
	sort.Strings(names)
	fmt.Println(runtime.GOOS, names)
}
