bucket "webqsee" {
  region = "mars-north-1"
}
user "webqsee-admin-user" {}
