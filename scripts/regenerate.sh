#!/usr/bin/env bash
# Regenerates every committed module: the embedded defaults and each example.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

cargo build --quiet --locked
bin=target/debug/webqsee-s3
# No webqsee.hcl at the top of the repository: this is the embedded defaults.
env -u WEBQSEE_S3_CONFIG "$bin" generate
for config in examples/*/webqsee.hcl; do
    "$bin" --config "$config" generate
done
