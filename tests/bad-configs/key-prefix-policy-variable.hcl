# `$${` writes a literal `${` in HCL: an IAM policy variable.
key_prefix = "$${aws:username}"
bucket "webqsee" {
  region = "eu-central-1"
}
user "webqsee-admin-user" {}
