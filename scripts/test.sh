#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs the real tools the tests
# use, checks formatting and lints, runs every test, then checks that no
# committed module has drifted from its configuration.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

./scripts/install-tools.sh

cargo fmt --all -- --check
cargo clippy --all-targets --locked -- -D warnings
cargo test --locked

# The project's own drift check, as users run it in their CI: exit code 1 if a
# committed module no longer matches its configuration.
./scripts/each-config.sh diff
