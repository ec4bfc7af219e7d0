group_name = "ggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg"
bucket "webqsee" {
  region = "eu-central-1"
}
user "webqsee-admin-user" {}
