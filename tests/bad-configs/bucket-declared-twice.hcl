bucket "webqsee" {
  region = "eu-central-1"
}
bucket "webqsee" {
  region = "eu-central-1"
  versioning = true
}
user "webqsee-admin-user" {}
