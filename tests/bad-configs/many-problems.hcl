# Every problem of a file is reported in one run, in the order of the file.
key_prefix = "webqsee/"
teams = ["acme", "team 2"]
bucket "Gallery" {
  region = "eu-central1"
  versoning = true
}
user "Alice" {}
user "alice" {}
cors {
  allowed_origins = ["https://example.com/"]
  max_age_seconds = 90000
}
