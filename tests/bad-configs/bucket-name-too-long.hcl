bucket "webqsee-gallery-gallery-gallery-gallery-gallery-gallery-gallery-x" {
  region = "eu-central-1"
}
user "webqsee-admin-user" {}
