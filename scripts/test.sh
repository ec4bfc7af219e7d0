#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs the real tools the tests
# use, checks formatting and lints, then runs every test.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

./scripts/install-tools.sh

cargo fmt --all -- --check
cargo clippy --all-targets --locked -- -D warnings
cargo test --locked
