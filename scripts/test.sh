#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs the real tools the tests
# use, checks formatting and lints, checks that no committed module has drifted
# from its configuration, then runs every test.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

./scripts/install-tools.sh

cargo fmt --all -- --check
cargo clippy --all-targets --locked -- -D warnings

# The stand-in AWS provider's own unit tests, in the release profile that
# install-tools.sh already built its dependencies in.
stand_in=tests/stand-in-provider/Cargo.toml
cargo fmt --manifest-path "$stand_in" -- --check
cargo test --release --locked --quiet --manifest-path "$stand_in"

# The project's own drift check, as users run it in their CI: exit code 1 if a
# committed module no longer matches its configuration.
./scripts/each-config.sh diff

# Unit and integration tests; the crate has no doctests, and the benchmark is
# run by scripts/bench.sh, not here.
cargo test --locked --lib --bins --tests
