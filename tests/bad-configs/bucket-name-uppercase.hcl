bucket "My_Gallery" {
  region = "eu-central-1"
}
user "webqsee-admin-user" {}
