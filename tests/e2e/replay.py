"""Creates on SeaweedFS what a Terraform state says was applied.

The state is `terraform show -json` of the module applied with the stand-in
provider: every argument as Terraform resolved it, `jsonencode` and references
evaluated. Each resource becomes the AWS API call the real provider makes for
it, through boto3. Values are never taken from the webqsee.hcl config.
"""

from dataclasses import dataclass, field

from botocore.exceptions import ClientError

# The order the real provider's dependency graph allows; the bucket policy
# comes last, as it refuses every request that is not made over TLS.
ORDER = [
    "aws_s3_bucket",
    "aws_s3_bucket_public_access_block",
    "aws_s3_bucket_ownership_controls",
    "aws_s3_bucket_versioning",
    "aws_s3_bucket_server_side_encryption_configuration",
    "aws_s3_bucket_lifecycle_configuration",
    "aws_s3_bucket_cors_configuration",
    "aws_iam_policy",
    "aws_iam_group",
    "aws_iam_group_policy_attachment",
    "aws_iam_user",
    "aws_iam_user_group_membership",
    "aws_iam_access_key",
    "aws_s3_bucket_policy",
]


@dataclass
class AccessKey:
    user: str
    name: str
    access_key_id: str
    secret_access_key: str


@dataclass
class Replayed:
    buckets: dict = field(default_factory=dict)  # name -> region
    cors_rules: dict = field(default_factory=dict)  # bucket -> CORS rules as S3 takes them
    access_keys: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # what SeaweedFS cannot take, and why
    # The state's policy ARNs (the stand-in provider's account) -> SeaweedFS's.
    policy_arns: dict = field(default_factory=dict)


def resources(state):
    """Every managed resource in the state, through all child modules."""
    found = []

    def walk(module):
        found.extend(r for r in module.get("resources", []) if r["mode"] == "managed")
        for child in module.get("child_modules", []):
            walk(child)

    walk(state["values"]["root_module"])
    return found


def replay(state, s3, iam, log):
    replayed = Replayed()
    by_type = {}
    for resource in resources(state):
        if resource["type"] not in ORDER:
            raise ValueError(f"the replay does not know {resource['type']} "
                             f"({resource['address']}); teach tests/e2e/replay.py")
        by_type.setdefault(resource["type"], []).append(resource)
    for kind in ORDER:
        for resource in by_type.get(kind, []):
            log(f"replay: {resource['address']}")
            APPLY[kind](resource["values"], s3, iam, replayed, resource)
    return replayed


def only(values, address, allowed):
    """Fails on any argument set in the state that the replay would drop."""
    for name, value in values.items():
        if name not in allowed and value not in (None, [], {}, "", False):
            raise ValueError(f"{address}: the replay does not send `{name}` = {value!r}")


def bucket(v, s3, iam, replayed, r):
    arguments = {"Bucket": v["bucket"]}
    if v["region"] != "us-east-1":
        arguments["CreateBucketConfiguration"] = {"LocationConstraint": v["region"]}
    s3.create_bucket(**arguments)
    replayed.buckets[v["bucket"]] = v["region"]


def public_access_block(v, s3, iam, replayed, r):
    try:
        s3.put_public_access_block(
            Bucket=v["bucket"],
            PublicAccessBlockConfiguration={
                "BlockPublicAcls": v["block_public_acls"],
                "BlockPublicPolicy": v["block_public_policy"],
                "IgnorePublicAcls": v["ignore_public_acls"],
                "RestrictPublicBuckets": v["restrict_public_buckets"],
            },
        )
    except ClientError as error:
        if error.response["Error"]["Code"] != "NotImplemented":
            raise
        replayed.skipped.append(
            f"{r['address']}: SeaweedFS answers PutPublicAccessBlock with 501 NotImplemented, "
            "so the public-access block is left out of the replay; nothing here grants "
            "public access for it to block")


def ownership_controls(v, s3, iam, replayed, r):
    s3.put_bucket_ownership_controls(
        Bucket=v["bucket"],
        OwnershipControls={"Rules": [{"ObjectOwnership": rule["object_ownership"]}
                                     for rule in v["rule"]]},
    )


def versioning(v, s3, iam, replayed, r):
    only(v, r["address"], {"bucket", "region", "id", "versioning_configuration"})
    for configuration in v["versioning_configuration"]:
        only(configuration, r["address"], {"status"})
        s3.put_bucket_versioning(Bucket=v["bucket"],
                                 VersioningConfiguration={"Status": configuration["status"]})


def server_side_encryption(v, s3, iam, replayed, r):
    rules = []
    for rule in v["rule"]:
        default = rule["apply_server_side_encryption_by_default"][0]
        by_default = {"SSEAlgorithm": default["sse_algorithm"]}
        if default.get("kms_master_key_id"):
            by_default["KMSMasterKeyID"] = default["kms_master_key_id"]
        entry = {"ApplyServerSideEncryptionByDefault": by_default}
        if rule.get("bucket_key_enabled") is not None:
            entry["BucketKeyEnabled"] = rule["bucket_key_enabled"]
        rules.append(entry)
    s3.put_bucket_encryption(Bucket=v["bucket"],
                             ServerSideEncryptionConfiguration={"Rules": rules})


def lifecycle(v, s3, iam, replayed, r):
    rules = []
    for rule in v["rule"]:
        only(rule, r["address"], {"id", "status", "filter", "abort_incomplete_multipart_upload",
                                  "prefix"})
        entry = {"ID": rule["id"], "Status": rule["status"], "Filter": {}}
        for rule_filter in rule["filter"]:
            only(rule_filter, r["address"], {"prefix"})
            if rule_filter.get("prefix"):
                entry["Filter"] = {"Prefix": rule_filter["prefix"]}
        for abort in rule["abort_incomplete_multipart_upload"]:
            entry["AbortIncompleteMultipartUpload"] = {
                "DaysAfterInitiation": abort["days_after_initiation"]}
        rules.append(entry)
    s3.put_bucket_lifecycle_configuration(Bucket=v["bucket"],
                                          LifecycleConfiguration={"Rules": rules})


def cors(v, s3, iam, replayed, r):
    rules = []
    for rule in v["cors_rule"]:
        entry = {
            "AllowedHeaders": rule["allowed_headers"],
            "AllowedMethods": rule["allowed_methods"],
            "AllowedOrigins": rule["allowed_origins"],
            "ExposeHeaders": rule["expose_headers"],
        }
        if rule.get("max_age_seconds") is not None:
            entry["MaxAgeSeconds"] = rule["max_age_seconds"]
        if rule.get("id"):
            entry["ID"] = rule["id"]
        rules.append(entry)
    s3.put_bucket_cors(Bucket=v["bucket"], CORSConfiguration={"CORSRules": rules})
    replayed.cors_rules[v["bucket"]] = rules


def bucket_policy(v, s3, iam, replayed, r):
    s3.put_bucket_policy(Bucket=v["bucket"], Policy=v["policy"])


def iam_policy(v, s3, iam, replayed, r):
    arguments = {"PolicyName": v["name"], "Path": v["path"], "PolicyDocument": v["policy"]}
    if v.get("description"):
        arguments["Description"] = v["description"]
    created = iam.create_policy(**arguments)
    replayed.policy_arns[v["arn"]] = created["Policy"]["Arn"]


def group(v, s3, iam, replayed, r):
    iam.create_group(GroupName=v["name"], Path=v["path"])


def attachment(v, s3, iam, replayed, r):
    iam.attach_group_policy(GroupName=v["group"], PolicyArn=replayed.policy_arns[v["policy_arn"]])


def user(v, s3, iam, replayed, r):
    iam.create_user(UserName=v["name"], Path=v["path"])


def membership(v, s3, iam, replayed, r):
    for name in v["groups"]:
        iam.add_user_to_group(GroupName=name, UserName=v["user"])


def access_key(v, s3, iam, replayed, r):
    # The stand-in provider's key is made up; SeaweedFS makes the real one.
    created = iam.create_access_key(UserName=v["user"])["AccessKey"]
    if v.get("status") == "Inactive":
        iam.update_access_key(UserName=v["user"], AccessKeyId=created["AccessKeyId"],
                              Status="Inactive")
    name = str(r["index"]).split("/", 1)[-1]
    replayed.access_keys.append(AccessKey(v["user"], name, created["AccessKeyId"],
                                          created["SecretAccessKey"]))


APPLY = {
    "aws_s3_bucket": bucket,
    "aws_s3_bucket_public_access_block": public_access_block,
    "aws_s3_bucket_ownership_controls": ownership_controls,
    "aws_s3_bucket_versioning": versioning,
    "aws_s3_bucket_server_side_encryption_configuration": server_side_encryption,
    "aws_s3_bucket_lifecycle_configuration": lifecycle,
    "aws_s3_bucket_cors_configuration": cors,
    "aws_iam_policy": iam_policy,
    "aws_iam_group": group,
    "aws_iam_group_policy_attachment": attachment,
    "aws_iam_user": user,
    "aws_iam_user_group_membership": membership,
    "aws_iam_access_key": access_key,
    "aws_s3_bucket_policy": bucket_policy,
}

