#!/bin/bash
set -euo pipefail
cat > /root/lab/run.sh <<'SH'
#!/bin/bash
# One variable and one read-only folder: everything else stays outside the sandbox.
exec wazero run -env GREETING=hi -mount /root/lab/data:/data:ro /root/lab/hello.wasm "$@"
SH
chmod +x /root/lab/run.sh
/root/lab/run.sh greet
