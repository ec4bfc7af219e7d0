bucket "webqsee" {
  region = "eu-central-1"
}
user "webqsee-admin-user" {}
cors {
  max_age_seconds = 100000
}
