# An account that already has a "webqsee" bucket and a "webqsee-admin" policy:
# every name is changed, and every ARN follows the bucket name.

output_dir  = "modules/custom-names"
key_prefix  = "webqsee"
teams       = ["*"]
policy_name = "acme-webqsee-gallery"
group_name  = "acme-webqsee-gallery"

bucket "acme-webqsee-gallery" {
  region     = "us-west-2"
  encryption = "sse-s3"
  versioning = true
}

user "acme-webqsee" {}

cors {
  allowed_origins = ["chrome-extension://abcdefghijklmnopabcdefghijklmnop"]
  max_age_seconds = 600
}
