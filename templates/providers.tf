{{ header }}

# This folder is a root configuration: OpenTofu runs in it directly. IAM is
# global and every S3 resource names its bucket's own region, so this region,
# the first bucket's, is only the provider's default.
provider "aws" {
  region = {{ root.provider_region | hcl }}
}
