# Copied by ../../smoke.sh next to ../full/main.tf after the first apply: these
# changes must be planned as in-place updates, then applied, then plan empty.

resource "aws_iam_user" "gallery" {
  tags = { Team = "gallery" }
}

resource "aws_s3_bucket_cors_configuration" "gallery" {
  cors_rule {
    allowed_headers = ["*"]
    allowed_methods = ["GET", "PUT", "HEAD"]
    allowed_origins = ["chrome-extension://webqsee"]
    max_age_seconds = 600
  }
}
