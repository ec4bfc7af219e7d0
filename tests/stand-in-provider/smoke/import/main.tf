# Used by ../../smoke.sh: each resource here is brought in with `terraform
# import`, after which a plan must show no changes.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0"
    }
  }
}

provider "aws" {
  region = "eu-central-1"
}

resource "aws_s3_bucket" "photos" {
  bucket = "webqsee-import-photos"
}

resource "aws_iam_user" "alice" {
  name = "webqsee-import-alice"
}

resource "aws_iam_group" "gallery" {
  name = "webqsee-import-gallery"
}

resource "aws_iam_group_policy_attachment" "gallery" {
  group      = aws_iam_group.gallery.name
  policy_arn = "arn:aws:iam::123456789012:policy/webqsee/webqsee-import-gallery"
}

resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = [aws_iam_group.gallery.name]
}
