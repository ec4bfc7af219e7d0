bucket "webqsee" {
  region = "EU-CENTRAL-1"
}
user "webqsee-admin-user" {}
