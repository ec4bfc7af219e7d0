#!/usr/bin/env bash
# Regenerates every committed module: the embedded defaults and each example.
set -euo pipefail

exec "$(dirname "${BASH_SOURCE[0]}")/each-config.sh" generate
