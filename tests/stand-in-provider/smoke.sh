#!/usr/bin/env bash
# End-to-end check of the stand-in hashicorp/aws provider with Terraform 1.0.3:
# init, validate, plan, apply, output, a re-plan that must show no changes,
# show, destroy; then import, and a validate that must fail on a missing block.
#
# Usage: tests/stand-in-provider/smoke.sh
# Installs what it needs through scripts/install-tools.sh, works in a temporary
# directory, and exits non-zero at the first step that goes wrong.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HERE/../.." && pwd)"
FIXTURES="$HERE/smoke"

say() { printf 'smoke: %s\n' "$*" >&2; }
fail() {
  say "FAILED: $*"
  exit 1
}

"$REPO_ROOT/scripts/install-tools.sh" terraform stand-in-provider

export PATH="$REPO_ROOT/.tools/bin:$PATH"
export TF_CLI_CONFIG_FILE="$REPO_ROOT/.tools/terraformrc"
export CHECKPOINT_DISABLE=1
export TF_IN_AUTOMATION=1
export TF_INPUT=0
unset TF_LOG TF_WORKSPACE

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# Runs terraform in a fixture's copy; its output goes to $WORK/<name>.log, shown on failure.
tf() {
  local dir="$1" log
  shift
  log="$WORK/$(basename "$dir").log"
  printf '\n$ terraform %s\n' "$*" >>"$log"
  terraform -chdir="$dir" "$@" >>"$log" 2>&1
}

tf_or_fail() {
  local dir="$1"
  tf "$@" || {
    cat "$WORK/$(basename "$dir").log" >&2
    fail "terraform ${*:2} in $(basename "$dir")"
  }
}

fixture() {
  local name="$1"
  mkdir -p "$WORK/$name"
  cp "$FIXTURES/$name"/*.tf "$WORK/$name/"
  printf '%s\n' "$WORK/$name"
}

# Checks a JSON document on stdin with a Python expression over `doc`.
expect_json() {
  local what="$1" expression="$2"
  python3 -c '
import json, sys
doc = json.load(sys.stdin)
sys.exit(0 if eval(sys.argv[1]) else 1)
' "$expression" || fail "$what"
}

version_report="$(terraform version)"
[[ "${version_report%%$'\n'*}" == "Terraform v1.0.3" ]] || fail "terraform on PATH is not 1.0.3: $version_report"

say "full life cycle"
full="$(fixture full)"
tf_or_fail "$full" init -no-color
tf_or_fail "$full" validate -no-color
tf_or_fail "$full" plan -no-color -out="$WORK/full.plan"
tf_or_fail "$full" apply -no-color -auto-approve "$WORK/full.plan"

terraform -chdir="$full" output -json >"$WORK/outputs.json" || fail "terraform output -json"
expect_json "account id" 'doc["account_id"]["value"] == "123456789012"' <"$WORK/outputs.json"
expect_json "bucket ARNs" \
  'doc["bucket_arns"]["value"] == {"photos": "arn:aws:s3:::webqsee-smoke-photos", "backups": "arn:aws:s3:::webqsee-smoke-backups"}' \
  <"$WORK/outputs.json"
expect_json "bucket regions from the region argument" \
  'doc["bucket_regions"]["value"] == {"photos": "eu-central-1", "backups": "eu-west-1"}' <"$WORK/outputs.json"
expect_json "policy ARN with its path" \
  'doc["policy_arn"]["value"] == "arn:aws:iam::123456789012:policy/webqsee/webqsee-smoke-gallery"' \
  <"$WORK/outputs.json"
expect_json "access key ids" \
  'all(v.startswith("AKIA") and len(v) == 20 for v in doc["access_key_ids"]["value"].values())' \
  <"$WORK/outputs.json"
expect_json "secret only without PGP key" \
  'len(doc["secrets"]["value"]["alice"]) == 40 and doc["secrets"]["value"]["bob"] is None and doc["secrets"]["sensitive"]' \
  <"$WORK/outputs.json"
expect_json "encrypted secret only with PGP key" \
  'doc["encrypted_secrets"]["value"]["alice"] is None and doc["encrypted_secrets"]["value"]["bob"]' \
  <"$WORK/outputs.json"
expect_json "tags_all merges default tags" \
  'doc["bucket_tags"]["value"] == {"Project": "webqsee-smoke", "Purpose": "photos"}' <"$WORK/outputs.json"

set +e
tf "$full" plan -no-color -detailed-exitcode
replan=$?
set -e
if [[ $replan -ne 0 ]]; then
  cat "$WORK/full.log" >&2
  fail "a second plan after apply must show no changes (exit code $replan, 2 means changes)"
fi

say "in-place updates"
cp "$FIXTURES/full-update/main_override.tf" "$full/"
set +e
tf "$full" plan -no-color -detailed-exitcode -out="$WORK/update.plan"
replan=$?
set -e
[[ $replan -eq 2 ]] || {
  cat "$WORK/full.log" >&2
  fail "changed tags and CORS rules must be planned as changes (exit code $replan)"
}
terraform -chdir="$full" show -json "$WORK/update.plan" >"$WORK/update-plan.json" ||
  fail "terraform show -json of the update plan"
expect_json "2 users and 2 CORS configurations updated in place, nothing replaced" \
  'sorted(c["type"] for c in doc["resource_changes"] if c["change"]["actions"] != ["no-op"]) == ["aws_iam_user"] * 2 + ["aws_s3_bucket_cors_configuration"] * 2 and all(c["change"]["actions"] in (["no-op"], ["update"], ["read"]) for c in doc["resource_changes"])' \
  <"$WORK/update-plan.json"
tf_or_fail "$full" apply -no-color -auto-approve "$WORK/update.plan"
set +e
tf "$full" plan -no-color -detailed-exitcode
replan=$?
set -e
[[ $replan -eq 0 ]] || {
  cat "$WORK/full.log" >&2
  fail "a plan after applying the updates must show no changes (exit code $replan)"
}

terraform -chdir="$full" show -json >"$WORK/show.json" || fail "terraform show -json"
expect_json "state holds 23 managed resources and 2 data sources" \
  '[r["mode"] for r in doc["values"]["root_module"]["resources"]].count("managed") == 23' <"$WORK/show.json"
expect_json "show -json carries computed values" \
  'any(r["values"].get("arn") == "arn:aws:s3:::webqsee-smoke-photos" for r in doc["values"]["root_module"]["resources"])' \
  <"$WORK/show.json"

tf_or_fail "$full" destroy -no-color -auto-approve
terraform -chdir="$full" show -json >"$WORK/after-destroy.json" || fail "terraform show -json after destroy"
expect_json "destroy empties the state" 'not doc.get("values")' <"$WORK/after-destroy.json"

say "import"
import="$(fixture import)"
tf_or_fail "$import" init -no-color
tf_or_fail "$import" import -no-color aws_s3_bucket.photos webqsee-import-photos
tf_or_fail "$import" import -no-color aws_iam_user.alice webqsee-import-alice
tf_or_fail "$import" import -no-color aws_iam_group.gallery webqsee-import-gallery
tf_or_fail "$import" import -no-color aws_iam_group_policy_attachment.gallery \
  webqsee-import-gallery/arn:aws:iam::123456789012:policy/webqsee/webqsee-import-gallery
tf_or_fail "$import" import -no-color aws_iam_user_group_membership.alice \
  webqsee-import-alice/webqsee-import-gallery
set +e
tf "$import" plan -no-color -detailed-exitcode
replan=$?
set -e
if [[ $replan -ne 0 ]]; then
  cat "$WORK/import.log" >&2
  fail "a plan after importing must show no changes (exit code $replan)"
fi

say "validate rejects a missing required block"
missing="$(fixture missing-cors-rule)"
tf_or_fail "$missing" init -no-color
if tf "$missing" validate -no-color; then
  cat "$WORK/missing-cors-rule.log" >&2
  fail "validate accepted aws_s3_bucket_cors_configuration without a cors_rule block"
fi
grep -q 'Missing required block "cors_rule"' "$WORK/missing-cors-rule.log" || {
  cat "$WORK/missing-cors-rule.log" >&2
  fail "validate failed, but not with the missing cors_rule message"
}

say "all checks passed"
