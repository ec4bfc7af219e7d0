"""What each generated user's key may and may not do, tried on the server.

The expectation comes from what webQsee needs (the intent: key prefix, teams,
buckets, users, as the checked config says); the outcome from the server
enforcing the policy Terraform would have sent. A cell is one request by one
key; it holds when the outcome is the expected one.
"""

from collections import Counter
from dataclasses import dataclass

from botocore.exceptions import ClientError

ITEM_FOLDERS = ["shared", "protected", "private"]
DENIED_CODES = {"AccessDenied", "403"}
# Team IDs tried when the keys may reach every team (`teams = ["*"]`).
ANY_TEAMS = ["team-4f2a91", "team-c07e3d"]
# A team that no scoped config in this repository lists.
FOREIGN_TEAM = "team-not-listed"
BODY = b"webqsee-s3 end-to-end object\n"


@dataclass
class Cell:
    user: str
    key: str
    bucket: str
    operation: str
    where: str  # what kind of place, for the table
    target: str  # the object key or list prefix
    expected: str  # "allowed" or "denied"
    outcome: str  # "allowed", "denied" or "error: ..."

    @property
    def holds(self):
        return self.outcome == self.expected


def outcome_of(request):
    try:
        request()
        return "allowed"
    except ClientError as error:
        code = error.response["Error"]["Code"]
        if code in DENIED_CODES:
            return "denied"
        return f"error: {code}: {error.response['Error'].get('Message', '')}"
    except Exception as error:  # a failure of the request itself fails the cell
        return f"error: {error!r}"


class Trial:
    """One user's key against one bucket."""

    def __init__(self, user_s3, admin_s3, plain_http_s3, access_key, bucket, cells):
        self.s3 = user_s3
        self.admin = admin_s3
        self.plain_http = plain_http_s3
        self.access_key = access_key
        self.bucket = bucket
        self.cells = cells

    def record(self, operation, where, target, expected, request):
        self.cells.append(Cell(self.access_key.user, self.access_key.name, self.bucket, operation,
                               where, target, expected, outcome_of(request)))

    # Each operation, as webQsee would send it.
    def put(self, key):
        self.s3.put_object(Bucket=self.bucket, Key=key, Body=BODY)

    def get(self, key):
        body = self.s3.get_object(Bucket=self.bucket, Key=key)["Body"].read()
        if body != BODY:
            raise AssertionError(f"read back {body!r}")

    def head(self, key):
        self.s3.head_object(Bucket=self.bucket, Key=key)

    def delete(self, key):
        self.s3.delete_object(Bucket=self.bucket, Key=key)

    def multipart(self, key):
        upload = self.s3.create_multipart_upload(Bucket=self.bucket, Key=key)["UploadId"]
        part = self.s3.upload_part(Bucket=self.bucket, Key=key, UploadId=upload, PartNumber=1,
                                   Body=BODY)
        self.s3.complete_multipart_upload(
            Bucket=self.bucket, Key=key, UploadId=upload,
            MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": part["ETag"]}]})

    def abort(self, key):
        # Started by the admin, so that only the abort is tried with the user's key.
        upload = self.admin.create_multipart_upload(Bucket=self.bucket, Key=key)["UploadId"]
        try:
            self.s3.abort_multipart_upload(Bucket=self.bucket, Key=key, UploadId=upload)
        except ClientError:
            self.admin.abort_multipart_upload(Bucket=self.bucket, Key=key, UploadId=upload)
            raise

    def list(self, prefix):
        arguments = {"Bucket": self.bucket}
        if prefix is not None:
            arguments["Prefix"] = prefix
        self.s3.list_objects_v2(**arguments)

    def allowed_place(self, where, key):
        """Everything webQsee does with an item, in order, on a key it may reach."""
        self.record("put", where, key, "allowed", lambda: self.put(key))
        self.record("head", where, key, "allowed", lambda: self.head(key))
        self.record("get", where, key, "allowed", lambda: self.get(key))
        self.record("delete", where, key, "allowed", lambda: self.delete(key))
        self.record("multipart upload", where, key, "allowed", lambda: self.multipart(key))
        self.record("abort upload", where, key, "allowed", lambda: self.abort(key))
        self.admin.delete_object(Bucket=self.bucket, Key=key)

    def denied_place(self, where, key):
        """The same requests on a key outside the grant. The admin puts an object
        there before each, so that a refusal is a refusal and not a missing key."""
        for operation, request in [("put", self.put), ("head", self.head), ("get", self.get),
                                   ("delete", self.delete), ("multipart upload", self.multipart),
                                   ("abort upload", self.abort)]:
            self.admin.put_object(Bucket=self.bucket, Key=key, Body=BODY)
            self.record(operation, where, key, "denied", lambda: request(key))
        self.admin.delete_object(Bucket=self.bucket, Key=key)

def run(intent, clients, access_keys):
    """Every cell for every key and bucket. `clients` makes boto3 S3 clients:
    clients(access_key or None for the admin, plain_http=False)."""
    cells = []
    prefix = intent["key_prefix"]
    scoped = intent["teams"] is not None
    teams = intent["teams"] if scoped else ANY_TEAMS
    admin = clients(None)
    for access_key in access_keys:
        user_s3 = clients(access_key)
        for bucket in intent["buckets"]:
            name = bucket["name"]
            trial = Trial(user_s3, admin, clients(access_key, plain_http=True), access_key, name,
                          cells)
            for team in teams:
                items = f"{prefix}/{team}/items-root"
                for folder in ITEM_FOLDERS:
                    trial.allowed_place(f"items-root/{folder}/",
                                        f"{items}/{folder}/e2e-{access_key.user}.txt")
                trial.record("list", "items-root/", f"{items}/", "allowed",
                             lambda p=f"{items}/": trial.list(p))
                trial.record("list", "items-root/shared/", f"{items}/shared/", "allowed",
                             lambda p=f"{items}/shared/": trial.list(p))
                trial.denied_place("team root", f"{prefix}/{team}/e2e-outside.txt")
                trial.denied_place("items-root itself", f"{items}/e2e-outside.txt")
                trial.denied_place("other items-root folder", f"{items}/public/e2e-outside.txt")
                trial.denied_place("other key prefix",
                                   f"not-{prefix}/{team}/items-root/shared/e2e-outside.txt")
                for shorter in [f"{prefix}/", f"{prefix}/{team}/", items]:
                    trial.record("list", "shorter prefix", shorter, "denied",
                                 lambda p=shorter: trial.list(p))
            trial.denied_place("bucket root", "e2e-outside.txt")
            trial.denied_place("key prefix root", f"{prefix}/e2e-outside.txt")
            if scoped:
                other = f"{prefix}/{FOREIGN_TEAM}/items-root"
                trial.denied_place("team not in teams", f"{other}/shared/e2e-outside.txt")
                trial.record("list", "team not in teams", f"{other}/", "denied",
                             lambda p=f"{other}/": trial.list(p))
            trial.record("list", "no prefix", "", "denied", lambda: trial.list(None))
            bucket_level(trial, admin, name)
            plain_http(trial, bucket, f"{prefix}/{teams[0]}/items-root/shared/e2e-http.txt")
    return cells


def bucket_level(trial, admin, name):
    """Changing the bucket itself is the admin's business, never webQsee's."""
    s3 = trial.s3
    rules = admin.get_bucket_cors(Bucket=name)["CORSRules"]
    trial.record("delete bucket", "bucket", name, "denied", lambda: s3.delete_bucket(Bucket=name))
    trial.record("put bucket CORS", "bucket", name, "denied",
                 lambda: s3.put_bucket_cors(Bucket=name, CORSConfiguration={"CORSRules": rules}))
    trial.record("delete bucket CORS", "bucket", name, "denied",
                 lambda: s3.delete_bucket_cors(Bucket=name))
    policy = '{"Version":"2012-10-17","Statement":[]}'
    try:
        policy = admin.get_bucket_policy(Bucket=name)["Policy"]
    except ClientError as error:
        if error.response["Error"]["Code"] != "NoSuchBucketPolicy":
            raise
    trial.record("put bucket policy", "bucket", name, "denied",
                 lambda: s3.put_bucket_policy(Bucket=name, Policy=policy))
    trial.record("delete bucket policy", "bucket", name, "denied",
                 lambda: s3.delete_bucket_policy(Bucket=name))


def plain_http(trial, bucket, key):
    """A put the user may make, sent without TLS: the bucket policy refuses it
    when the config asks to deny insecure transport."""
    expected = "denied" if bucket["deny_insecure_transport"] else "allowed"
    trial.record("put over plain HTTP", "items-root/shared/", key, expected,
                 lambda: trial.plain_http.put_object(Bucket=trial.bucket, Key=key, Body=BODY))
    trial.admin.delete_object(Bucket=trial.bucket, Key=key)


def table(cells):
    """One line per expectation, operation and place, with how many cells hold."""
    totals, holding = Counter(), Counter()
    for cell in cells:
        row = (cell.expected, cell.operation, cell.where)
        totals[row] += 1
        holding[row] += cell.holds
    held = sum(cell.holds for cell in cells)
    lines = [f"{held} of {len(cells)} cells hold",
             f"{'expected':<9} {'operation':<21} {'where':<24} cells"]
    for row in sorted(totals):
        expected, operation, where = row
        mark = "ok" if holding[row] == totals[row] else "FAILED"
        lines.append(f"{expected:<9} {operation:<21} {where:<24} "
                     f"{holding[row]}/{totals[row]} {mark}")
    for cell in cells:
        if not cell.holds:
            lines.append(f"  FAILED: {cell.user}/{cell.key} {cell.operation} "
                         f"s3://{cell.bucket}/{cell.target}: expected {cell.expected}, "
                         f"got {cell.outcome}")
    return "\n".join(lines)
