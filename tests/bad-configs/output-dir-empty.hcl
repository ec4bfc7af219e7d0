output_dir = ""

bucket "webqsee" {
  region = "eu-central-1"
}
user "webqsee-admin-user" {}
