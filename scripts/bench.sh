#!/usr/bin/env bash
# Measures what the drift check costs, as README.md reports it:
#   1. whole-process `webqsee-s3 diff` against `terraform fmt -check -recursive`
#      on the same committed module, timed by hyperfine in one run, as a ratio
#      (target: at most 0.15);
#   2. render, generate and diff at 1, 100, 1,000 and 5,000 users with time and
#      peak memory (benches/scale.rs; target for 5,000 users and 20 buckets:
#      under 100 ms and 30 MiB each).
# Exits non-zero when a target is missed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

./scripts/install-tools.sh terraform hyperfine
cargo build --release --locked --quiet

module=modules/webqsee-s3
report="$(mktemp)"
trap 'rm -f "$report"' EXIT

echo "== whole process, on $module ($(nproc) cores, $(uname -m))"
env -u WEBQSEE_S3_CONFIG CHECKPOINT_DISABLE=1 TF_CLI_CONFIG_FILE=/dev/null \
    .tools/bin/hyperfine --shell=none --warmup 5 --runs 50 --export-json "$report" \
    --command-name "webqsee-s3 diff" "target/release/webqsee-s3 diff --out $module" \
    --command-name "terraform fmt -check" ".tools/bin/terraform fmt -check -recursive $module"

python3 - "$report" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
diff, fmt = results["webqsee-s3 diff"], results["terraform fmt -check"]
ratio = diff["median"] / fmt["median"]
print(f"webqsee-s3 diff median {diff['median'] * 1000:.2f} ms, "
      f"terraform fmt -check median {fmt['median'] * 1000:.2f} ms, ratio {ratio:.3f} (target <= 0.15)")
sys.exit(0 if ratio <= 0.15 else 1)
PY

echo "== at team scale"
cargo bench --locked --quiet --bench scale
