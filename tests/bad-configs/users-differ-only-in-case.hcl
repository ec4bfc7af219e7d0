bucket "webqsee" {
  region = "eu-central-1"
}
user "Alice" {}
user "alice" {}
