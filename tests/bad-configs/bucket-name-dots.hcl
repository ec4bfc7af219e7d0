# Dots break virtual-hosted HTTPS, which browsers need: an error unless
# `allow_dotted_name = true` says the bucket already exists.
bucket "gallery.example.com" {
  region = "eu-central-1"
}
user "webqsee-admin-user" {}
