bucket "webqsee" {
  region = "eu-central-1"
  region = "eu-west-1"
}
user "webqsee-admin-user" {}
