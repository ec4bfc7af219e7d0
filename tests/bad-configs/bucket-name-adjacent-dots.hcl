bucket "web..qsee" {
  region = "eu-central-1"
  allow_dotted_name = true
}
user "webqsee-admin-user" {}
