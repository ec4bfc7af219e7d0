{{ header }}

# What webQsee needs, and no more: read, write and delete gallery items under
# each team's items-root folders, and list only below those prefixes.
resource "aws_iam_policy" "gallery_access" {
  name = {{ policy_name | hcl }}
  policy = jsonencode({{ policy }})
}

# Users get their rights through this group, never directly.
resource "aws_iam_group" "gallery_users" {
  name = {{ group_name | hcl }}
}

resource "aws_iam_group_policy_attachment" "gallery_access" {
  group = aws_iam_group.gallery_users.name
  policy_arn = aws_iam_policy.gallery_access.arn
}

resource "aws_iam_user" "member" {
  # checkov:skip=CKV_AWS_273: webQsee signs its requests with an IAM user's access key; short-lived SSO credentials cannot be typed into the extension
  for_each = local.users

  name = each.key
}

# Adds each user to the group without touching its other members: users added
# to the group by hand stay.
resource "aws_iam_user_group_membership" "member" {
  for_each = local.users

  user = aws_iam_user.member[each.key].name
  groups = [aws_iam_group.gallery_users.name]
}

# The keys typed into webQsee. A user holds two while a key is being rotated.
resource "aws_iam_access_key" "member" {
  for_each = local.access_keys

  user = aws_iam_user.member[each.value.user].name
{%- if any_pgp %}
  pgp_key = local.users[each.value.user].pgp_key
{%- endif %}
}
