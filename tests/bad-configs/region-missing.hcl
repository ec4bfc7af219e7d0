bucket "webqsee" {
  versioning = true
}
user "webqsee-admin-user" {}
