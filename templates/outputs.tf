{{ header }}

output "webqsee_storage_settings" {
  description = "Per bucket, what to type into webQsee's team-wide storage form: storage type, bucket name and the connection settings JSON."
  value = {
    for name, bucket in local.buckets : name => {
      storage_type = "{{ storage_type }}"
      bucket = aws_s3_bucket.gallery[name].bucket
      connection_settings = jsonencode({ region = bucket.region })
    }
  }
}

output "access_key_ids" {
  description = "Per user, the ID of the current access key: the Access Key Id to type into webQsee."
  value = {
    for name, user in local.users : name => aws_iam_access_key.member["${name}/${user.current_key}"].id
  }
}

output "secret_access_keys" {
  description = "Per user, the secret of the current access key: the Secret Access Key to type into webQsee.{% if any_pgp %} Users with a PGP key are left out; see encrypted_secret_access_keys.{% endif %}"
  value = {
    for name, user in local.users : name => aws_iam_access_key.member["${name}/${user.current_key}"].secret
{%- if any_pgp %}
    if user.pgp_key == null
{%- endif %}
  }
  sensitive = true
}
{%- if any_pgp %}

output "encrypted_secret_access_keys" {
  description = "Per user with a PGP key, the current secret encrypted to that key, base64-encoded. Decrypt with: echo VALUE | base64 --decode | gpg --decrypt"
  value = {
    for name, user in local.users : name => aws_iam_access_key.member["${name}/${user.current_key}"].encrypted_secret
    if user.pgp_key != null
  }
}
{%- endif %}

output "access_keys" {
  description = "Per user, every access key ID by key name, and which key is current. During a rotation a user has two."
  value = {
    for name, user in local.users : name => {
      current = user.current_key
      ids = { for key in user.keys : key => aws_iam_access_key.member["${name}/${key}"].id }
    }
  }
}
