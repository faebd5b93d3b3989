// hello says which platform it was compiled for: run an image's binary and you learn what is in it.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Printf("Hello from %s/%s!\n", runtime.GOOS, runtime.GOARCH)
}
