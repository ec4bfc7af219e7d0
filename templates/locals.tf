{{ header }}

# What webqsee.hcl asks for, resolved by webqsee-s3. Every resource below is
# driven by these maps, keyed by name: adding or removing a bucket, a user or a
# key changes only that entry's resources.
locals {
  # The gallery buckets, each configured in its own region.
  buckets = {{ locals_buckets }}
{%- if any_abort_uploads %}

  # Days after which each bucket removes unfinished multipart uploads; a bucket
  # left out keeps them. Written out rather than filtered from the buckets so
  # that static checkers such as checkov see which buckets have the rule.
  abort_incomplete_uploads_after_days = {{ locals_abort_incomplete_uploads }}
{%- endif %}

  # The storage users. The last of a user's keys is the current one.
  users = {{ locals_users }}

  # One entry per access key, as "user/key".
  access_keys = {{ locals_access_keys }}
}
