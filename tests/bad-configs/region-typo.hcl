bucket "webqsee" {
  region = "eu-central1"
}
user "webqsee-admin-user" {}
