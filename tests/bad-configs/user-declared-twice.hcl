bucket "webqsee" {
  region = "eu-central-1"
}
user "alice" {}
user "alice" {}
