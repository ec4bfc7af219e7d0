bucket "webqsee" {
  region = "eu-central-1"
}
bucket "webqsee-cn" {
  region = "cn-north-1"
}
user "webqsee-admin-user" {}
