bucket "webqsee" {
  region = "eu-central-1"
}
user "webqsee-admin-user" {}
cors {
  allowed_origins = ["gallery.example.com"]
}
