# A team that followed the vendor's console tutorial, then added a second bucket
# for its US members and a second user. Everything below already exists in the
# account, under exactly these names: `adopt_existing` imports it instead of
# creating it again. After the first `tofu apply`, set it to false.

output_dir     = "modules/adopt"
adopt_existing = true

bucket "webqsee" {
  region     = "eu-central-1"
  encryption = "sse-s3"
}

bucket "webqsee-us" {
  region     = "us-east-1"
  encryption = "none"
}

user "webqsee-admin-user" {}

user "webqsee-reviewer" {}
