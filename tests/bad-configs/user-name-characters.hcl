bucket "webqsee" {
  region = "eu-central-1"
}
user "alice smith" {}
