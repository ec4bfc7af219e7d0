#!/usr/bin/env bash
# Runs `webqsee-s3 ARGS...` for every configuration whose module is committed:
# the embedded defaults (the repository root has no webqsee.hcl) and each
# examples/*/webqsee.hcl. Runs them all, then exits with the highest exit code
# any of them gave (for `diff`: 1 if a module drifted, 2 on an error).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ -e webqsee.hcl ]]; then
    echo "each-config: ./webqsee.hcl would replace the embedded defaults; remove it" >&2
    exit 2
fi

cargo build --quiet --locked
bin=target/debug/webqsee-s3

worst=0
run() {
    local code=0
    "$@" || code=$?
    if ((code > worst)); then
        worst=$code
    fi
}

run env -u WEBQSEE_S3_CONFIG "$bin" "$@"
for config in examples/*/webqsee.hcl; do
    run "$bin" --config "$config" "$@"
done
exit "$worst"
