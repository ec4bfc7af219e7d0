# Two webQsee teams share one bucket. The keys reach only these teams' items:
# object ARNs and the listing prefixes name the team IDs instead of `*`.

output_dir = "modules/team-scoped"
teams      = ["5f3a9c2e", "8d41b7a0"]

bucket "acme-webqsee-shared" {
  region = "eu-west-1"
}

user "design-team" {}

user "support-team" {}
