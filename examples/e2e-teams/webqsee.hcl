# Two webQsee teams sharing two buckets, one per region, each member with their
# own key, one of them in the middle of a key rotation. The end-to-end test
# (tests/e2e.rs) replays this module on a real S3 server and checks that every
# key reaches both teams' items and nothing else.

output_dir  = "modules/e2e-teams"
key_prefix  = "gallery"
teams       = ["team-alpha", "team-beta"]
policy_name = "webqsee-e2e-teams"
group_name  = "webqsee-e2e-teams"

bucket "e2e-gallery-eu" {
  region     = "eu-central-1"
  encryption = "sse-s3"
  versioning = false
}

bucket "e2e-gallery-us" {
  region     = "us-east-1"
  encryption = "none"
  versioning = true
}

user "alice" {}
user "bob" {
  keys = ["2026-06", "2026-12"]
}

cors {
  allowed_origins = ["*"]
  max_age_seconds = 600
}
