{{ header }}

terraform {
  # OpenTofu 1.6 or later. The module keeps to the language Terraform 1.0 also
  # reads; OpenTofu-only features live in .tofu files.
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      version = ">= 6.0"
    }
  }
}
