bucket "webqsee" {
  region = "eu-central-1"
  abort_incomplete_uploads_after_days = 5000
}
user "webqsee-admin-user" {}
