# webqsee-s3 configuration: what the generated OpenTofu module creates for
# webQsee's Cloud Gallery on Amazon S3. Run `webqsee-s3 generate` after editing.

# Where `generate` writes the module and `diff` looks for it, relative to the
# directory you run webqsee-s3 from.
output_dir = "modules/webqsee-s3"

# The first path segment of every object webQsee writes. Keep "webqsee" unless
# your extension is configured otherwise.
key_prefix = "webqsee"

# webQsee team IDs whose items the keys may reach. ["*"] allows every team, as
# the vendor's tutorial does; list IDs to scope the keys to those teams only.
teams = ["*"]

# Names of the IAM customer-managed policy and of the group it is attached to.
policy_name = "webqsee-admin"
group_name  = "webqsee-admin"

# true when the bucket, policy, group and users below already exist, made by
# hand after the vendor's console tutorial: `generate` then also writes import
# blocks that adopt them instead of creating them again.
adopt_existing = false

# One block per gallery bucket. The label is the bucket name: 3 to 63 lower-case
# letters, digits and `-`. A name with dots is an error, since browsers cannot
# reach such a bucket over HTTPS; to keep an existing one, add
# `allow_dotted_name = true` to its block.
bucket "webqsee" {
  region     = "eu-central-1"
  encryption = "sse-s3" # or "none"
  versioning = false
}

# One block per storage user; each gets its own access key. The label is the
# IAM user name. To rotate a key, name the keys: `keys = ["primary", "2027-01"]`
# (the last is current; AWS allows two). `pgp_key = "..."` (the output of
# `gpg --export KEYID | base64 -w0`, or "keybase:NAME") keeps the secret
# encrypted to that key.
user "webqsee-admin-user" {}

# The browser reaches the bucket directly, so it needs CORS. Narrow the origins
# to your extension's origin (for example "chrome-extension://ID") if you can.
cors {
  allowed_origins = ["*"]
  max_age_seconds = 3600
}
