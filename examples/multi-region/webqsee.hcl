# One account, two galleries: a bucket near each office. One policy and one group
# cover both; each bucket is configured in its own region, and each gets its own
# team-wide storage form in webQsee (`webqsee-s3 settings`).

output_dir  = "modules/multi-region"
policy_name = "acme-webqsee"
group_name  = "acme-webqsee"

bucket "acme-webqsee-frankfurt" {
  region = "eu-central-1"
}

bucket "acme-webqsee-virginia" {
  region     = "us-east-1"
  versioning = true
}

user "acme-webqsee-eu" {}

user "acme-webqsee-us" {}
