bucket "ab" {
  region = "eu-central-1"
}
user "webqsee-admin-user" {}
