# A root configuration shaped like what webqsee-s3 emits, used by ../../smoke.sh to
# drive Terraform 1.0.3 through a whole life cycle against the stand-in provider.

terraform {
  required_version = ">= 1.0.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0"
    }
  }
}

provider "aws" {
  region = "eu-central-1"
  default_tags {
    tags = { Project = "webqsee-smoke" }
  }
}

locals {
  bucket_regions = {
    photos  = "eu-central-1"
    backups = "eu-west-1"
  }
  users = toset(["alice", "bob"])
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

resource "aws_s3_bucket" "gallery" {
  for_each = local.bucket_regions

  bucket = "webqsee-smoke-${each.key}"
  region = each.value
  tags   = { Purpose = each.key }
}

resource "aws_s3_bucket_public_access_block" "gallery" {
  for_each = aws_s3_bucket.gallery

  bucket                  = each.value.id
  region                  = each.value.region
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "gallery" {
  for_each = aws_s3_bucket.gallery

  bucket = each.value.id
  region = each.value.region
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "gallery" {
  for_each = aws_s3_bucket.gallery

  bucket = each.value.id
  region = each.value.region
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_cors_configuration" "gallery" {
  for_each = aws_s3_bucket.gallery

  bucket = each.value.id
  region = each.value.region
  cors_rule {
    allowed_headers = ["*"]
    allowed_methods = ["GET", "PUT", "DELETE", "HEAD"]
    allowed_origins = ["chrome-extension://webqsee"]
    expose_headers  = ["ETag"]
    max_age_seconds = 3000
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "gallery" {
  for_each = aws_s3_bucket.gallery

  bucket = each.value.id
  region = each.value.region
  rule {
    id     = "abort-incomplete-uploads"
    status = "Enabled"
    filter {}
    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }
}

resource "aws_s3_bucket_policy" "gallery" {
  for_each = aws_s3_bucket.gallery

  bucket = each.value.id
  region = each.value.region
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [each.value.arn, "${each.value.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_iam_policy" "gallery" {
  name = "webqsee-smoke-gallery"
  path = "/webqsee/"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
      Resource = [for bucket in aws_s3_bucket.gallery : "arn:${data.aws_partition.current.partition}:s3:::${bucket.bucket}/*"]
    }]
  })
}

resource "aws_iam_group" "gallery" {
  name = "webqsee-smoke-gallery"
}

resource "aws_iam_group_policy_attachment" "gallery" {
  group      = aws_iam_group.gallery.name
  policy_arn = aws_iam_policy.gallery.arn
}

resource "aws_iam_user" "gallery" {
  for_each = local.users

  name = "webqsee-smoke-${each.key}"
}

resource "aws_iam_user_group_membership" "gallery" {
  for_each = aws_iam_user.gallery

  user   = each.value.name
  groups = [aws_iam_group.gallery.name]
}

resource "aws_iam_access_key" "gallery" {
  for_each = aws_iam_user.gallery

  user    = each.value.name
  pgp_key = each.key == "bob" ? "keybase:webqsee-smoke-bob" : null
}

output "account_id" {
  value = data.aws_caller_identity.current.account_id
}

output "bucket_arns" {
  value = { for key, bucket in aws_s3_bucket.gallery : key => bucket.arn }
}

output "bucket_regions" {
  value = { for key, bucket in aws_s3_bucket.gallery : key => bucket.region }
}

output "policy_arn" {
  value = aws_iam_policy.gallery.arn
}

output "access_key_ids" {
  value = { for key, access_key in aws_iam_access_key.gallery : key => access_key.id }
}

output "encrypted_secrets" {
  value = { for key, access_key in aws_iam_access_key.gallery : key => access_key.encrypted_secret }
}

output "secrets" {
  value     = { for key, access_key in aws_iam_access_key.gallery : key => access_key.secret }
  sensitive = true
}

output "bucket_tags" {
  value = aws_s3_bucket.gallery["photos"].tags_all
}
