# A team of three, one IAM user and access key each: when a member leaves, remove
# their `user` block and only their user and key are deleted. Bob is in the middle
# of a key rotation: his old key still works while he switches to the new one.

output_dir = "modules/team"

bucket "acme-webqsee-gallery" {
  region = "eu-central-1"
}

user "alice" {}

user "bob" {
  # The last name is the current key; delete "2026-06" once webQsee uses the new one.
  keys = ["2026-06", "2026-12"]
}

user "carol" {}
