# Used by ../../smoke.sh: `terraform validate` must
# reject it because aws_s3_bucket_cors_configuration needs a cors_rule block.

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

resource "aws_s3_bucket_cors_configuration" "no_rules" {
  bucket = "webqsee-smoke-photos"
}
