// hello is the program of the wasm-server lab. The same source builds to a native Linux binary and
// to a WebAssembly module (GOOS=wasip1 GOARCH=wasm), which is the point: only the build flags change.
//
//	hello              greets and names the platform it was built for
//	hello greet        reads $GREETING and /data/message.txt (needs both to be granted under Wasm)
//	hello probe        reports what the sandbox lets it see: its variables, a host file, a write test
package main

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
)

func main() {
	cmd := ""
	if len(os.Args) > 1 {
		cmd = os.Args[1]
	}
	switch cmd {
	case "":
		fmt.Printf("hello from %s/%s\n", runtime.GOOS, runtime.GOARCH)
	case "greet":
		os.Exit(greet())
	case "probe":
		probe()
	default:
		fmt.Fprintf(os.Stderr, "hello: unknown command %q (use greet or probe, or nothing)\n", cmd)
		os.Exit(2)
	}
}

// greet needs two things from outside the module: a variable and a file.
func greet() int {
	greeting, ok := os.LookupEnv("GREETING")
	if !ok {
		fmt.Println("GREETING is not set")
		greeting = "hello"
	}
	msg, err := os.ReadFile("/data/message.txt")
	if err != nil {
		fmt.Fprintf(os.Stderr, "cannot read /data/message.txt: %v\n", err)
		return 3
	}
	fmt.Printf("%s! the message is: %s\n", greeting, strings.TrimSpace(string(msg)))
	return 0
}

// probe prints what the module can see, so you can tell a tight sandbox from a loose one.
func probe() {
	var names []string
	for _, kv := range os.Environ() {
		names = append(names, strings.SplitN(kv, "=", 2)[0])
	}
	sort.Strings(names)
	fmt.Printf("env: %s\n", strings.Join(names, " "))

	if _, err := os.ReadFile("/etc/passwd"); err == nil {
		fmt.Println("read /etc/passwd: allowed")
	} else {
		fmt.Printf("read /etc/passwd: refused (%v)\n", err)
	}

	err := os.WriteFile("/data/probe.txt", []byte("written from inside the module\n"), 0o644)
	if err == nil {
		os.Remove("/data/probe.txt")
		fmt.Println("write /data: allowed")
	} else {
		fmt.Printf("write /data: refused (%v)\n", err)
	}
}
