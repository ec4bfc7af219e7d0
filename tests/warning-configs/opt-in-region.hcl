bucket "webqsee" {
  region = "eu-south-2"
}
user "webqsee-admin-user" {}
