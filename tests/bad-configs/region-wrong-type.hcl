# A region that cannot be read is reported once, not also as missing.
bucket "webqsee" {
  region = ["eu-central-1"]
}
user "webqsee-admin-user" {}
