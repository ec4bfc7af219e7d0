teams = "acme"
bucket "webqsee" {
  region = "eu-central-1"
  versioning = "yes"
}
user "webqsee-admin-user" {}
cors {
  max_age_seconds = "600"
}
