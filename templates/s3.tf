{{ header }}

# The gallery buckets. webQsee keeps screenshots, screencasts and reports here;
# its own servers keep only their metadata.
resource "aws_s3_bucket" "gallery" {
  # checkov:skip=CKV_AWS_145: webQsee was tested with SSE-S3 only, and SSE-KMS would need KMS rights the gallery policy does not grant
  # checkov:skip=CKV_AWS_144: one bucket per region by design; replication would need a replica bucket and a role this setup does not create
  # checkov:skip=CKV_AWS_18: server access logs need a second bucket to hold them; use CloudTrail data events for an audit trail
  # checkov:skip=CKV2_AWS_62: nothing consumes bucket events; webQsee's servers keep track of items themselves
{%- if any_unversioned %}
  # checkov:skip=CKV_AWS_21: versioning is set per bucket in webqsee.hcl and is off by default, as in the vendor's tutorial
{%- endif %}
  for_each = local.buckets

  bucket = each.key
  region = each.value.region
}

# Nothing in a gallery is ever public: the extension signs every request.
resource "aws_s3_bucket_public_access_block" "gallery" {
  for_each = local.buckets

  bucket = aws_s3_bucket.gallery[each.key].id
  region = each.value.region

  block_public_acls = true
  block_public_policy = true
  ignore_public_acls = true
  restrict_public_buckets = true
}

# ACLs stay disabled: the bucket owner owns every object.
resource "aws_s3_bucket_ownership_controls" "gallery" {
  for_each = local.buckets

  bucket = aws_s3_bucket.gallery[each.key].id
  region = each.value.region

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

# The extension talks to S3 straight from the browser. Multipart uploads read
# each part's ETag, so the ETag header must be exposed.
resource "aws_s3_bucket_cors_configuration" "gallery" {
  for_each = local.buckets

  bucket = aws_s3_bucket.gallery[each.key].id
  region = each.value.region

  cors_rule {
    allowed_headers = ["*"]
    allowed_methods = {{ cors.methods | hcl }}
    allowed_origins = {{ cors.allowed_origins | hcl }}
    expose_headers = ["ETag"]
    max_age_seconds = {{ cors.max_age_seconds }}
  }
}
{%- if any_sse_s3 %}

# Default encryption with Amazon S3 managed keys, the one webQsee was tested with.
resource "aws_s3_bucket_server_side_encryption_configuration" "gallery" {
  for_each = { for name, bucket in local.buckets : name => bucket if bucket.sse_s3 }

  bucket = aws_s3_bucket.gallery[each.key].id
  region = each.value.region

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
{%- endif %}
{%- if any_versioning %}

resource "aws_s3_bucket_versioning" "gallery" {
  for_each = { for name, bucket in local.buckets : name => bucket if bucket.versioning }

  bucket = aws_s3_bucket.gallery[each.key].id
  region = each.value.region

  versioning_configuration {
    status = "Enabled"
  }
}
{%- endif %}
{%- if any_abort_uploads %}

# Browser uploads that never finish leave parts behind that are stored, and
# billed, but never seen. Remove them after a while.
resource "aws_s3_bucket_lifecycle_configuration" "gallery" {
  for_each = local.abort_incomplete_uploads_after_days

  bucket = aws_s3_bucket.gallery[each.key].id
  region = local.buckets[each.key].region

  rule {
    id = "abort-incomplete-multipart-uploads"
    status = "Enabled"

    filter {}

    abort_incomplete_multipart_upload {
      days_after_initiation = each.value
    }
  }
}
{%- endif %}
{%- if any_deny_insecure_transport %}

# Refuse any request that does not come over TLS.
resource "aws_s3_bucket_policy" "gallery" {
  for_each = { for name, bucket in local.buckets : name => bucket if bucket.deny_insecure_transport }

  bucket = aws_s3_bucket.gallery[each.key].id
  region = each.value.region
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid = "DenyInsecureTransport"
        Effect = "Deny"
        Principal = "*"
        Action = "s3:*"
        Resource = [
          aws_s3_bucket.gallery[each.key].arn,
          "${aws_s3_bucket.gallery[each.key].arn}/*",
        ]
        Condition = {
          Bool = {
            "aws:SecureTransport" = "false"
          }
        }
      },
    ]
  })

  # S3 checks a new bucket policy against the public access block.
  depends_on = [aws_s3_bucket_public_access_block.gallery]
}
{%- endif %}
