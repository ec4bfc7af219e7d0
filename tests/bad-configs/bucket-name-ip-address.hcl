bucket "192.168.5.4" {
  region = "eu-central-1"
  allow_dotted_name = true
}
user "webqsee-admin-user" {}
