bucket "webqsee-s3alias" {
  region = "eu-central-1"
}
user "webqsee-admin-user" {}
