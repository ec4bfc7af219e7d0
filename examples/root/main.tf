# A root configuration that applies the generated module. Copy it next to your
# webqsee.hcl, point `source` at the module's folder, and run `tofu init` and
# `tofu apply`.

terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0"
    }
  }
}

# The module's S3 resources name their own region; this one is for IAM.
provider "aws" {
  region = "eu-central-1"
}

module "webqsee_s3" {
  source = "../../modules/webqsee-s3"
}

output "webqsee_storage_settings" {
  description = "What to type into webQsee's team-wide storage form, per bucket."
  value       = module.webqsee_s3.webqsee_storage_settings
}

output "access_key_ids" {
  description = "Each member's Access Key Id."
  value       = module.webqsee_s3.access_key_ids
}

output "secret_access_keys" {
  description = "Each member's Secret Access Key. Read with `tofu output -json secret_access_keys`."
  value       = module.webqsee_s3.secret_access_keys
  sensitive   = true
}
