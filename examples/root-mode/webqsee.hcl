# The output folder is a root configuration, applied where it stands: it carries
# the AWS provider (in the first bucket's region) and, for OpenTofu, encryption
# of the state that holds the access keys' secrets. Give the passphrase with
# `export TF_VAR_state_passphrase=...` before `tofu init`.

output_dir = "modules/root-mode"
root       = true

bucket "acme-webqsee-stockholm" {
  region = "eu-north-1"
}

bucket "acme-webqsee-oregon" {
  region = "us-west-2"
}

user "alice" {}

user "bob" {}
