bucket "webqsee" {
  region = "eu-central-1a"
}
user "webqsee-admin-user" {}
