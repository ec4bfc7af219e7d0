{{ header }}

# What webqsee.hcl asks for, resolved by webqsee-s3. Every resource below is
# driven by these maps, keyed by name: adding or removing a bucket, a user or a
# key changes only that entry's resources.
locals {
  # The gallery buckets, each configured in its own region.
  buckets = {
{%- for bucket in buckets %}
    {{ bucket.name | hcl }} = {
      region = {{ bucket.region | hcl }}
      sse_s3 = {{ bucket.sse_s3 }}
      versioning = {{ bucket.versioning }}
      deny_insecure_transport = {{ bucket.deny_insecure_transport }}
    }
{%- endfor %}
  }
{%- if any_abort_uploads %}

  # Days after which each bucket removes unfinished multipart uploads; a bucket
  # left out keeps them. Written out rather than filtered from the buckets so
  # that static checkers such as checkov see which buckets have the rule.
  abort_incomplete_uploads_after_days = {
{%- for bucket in buckets %}{% if bucket.abort_days > 0 %}
    {{ bucket.name | hcl }} = {{ bucket.abort_days }}
{%- endif %}{% endfor %}
  }
{%- endif %}

  # The storage users. The last of a user's keys is the current one.
  users = {
{%- for user in users %}
    {{ user.name | hcl }} = {
      keys = {{ user.keys | hcl }}
      current_key = {{ user.current_key | hcl }}
{%- if any_pgp %}
      pgp_key = {{ user.pgp_key | hcl }}
{%- endif %}
    }
{%- endfor %}
  }

  # One entry per access key, as "user/key".
  access_keys = {
{%- for key in access_keys %}
    {{ key.id | hcl }} = {
      user = {{ key.user | hcl }}
    }
{%- endfor %}
  }
}
