{{ header }}

# What webqsee.hcl asks for, resolved by webqsee-s3. Every resource below is
# driven by these maps, keyed by name: adding or removing a bucket, a user or a
# key changes only that entry's resources.
locals {
  # The gallery buckets, each configured in its own region.
  buckets = {{ locals_buckets }}

  # The storage users. The last of a user's keys is the current one.
  users = {{ locals_users }}

  # One entry per access key, as "user/key".
  access_keys = {{ locals_access_keys }}
}
