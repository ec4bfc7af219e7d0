bucket "webqsee" {
  region = "eu-central-1"
  encryption = "sse-kms"
}
user "webqsee-admin-user" {}
