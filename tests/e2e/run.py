"""Replays an applied module on SeaweedFS and tries it: the access matrix with
every generated key, and a browser upload that must read the ETag.

Run by tests/e2e.rs with the .tools virtual environment's Python; it writes a
JSON report that the Rust test asserts on, and prints a short table to stderr.

    run.py --state STATE.json --intent INTENT.json --report REPORT.json
           --workdir DIR --weed WEED --aws4fetch FILE --chromium BIN
           --chromedriver BIN
"""

import argparse
import json
import signal
import sys
import time
from dataclasses import asdict
from pathlib import Path

from botocore.exceptions import ClientError

import matrix
import replay
from browser import Browser
from seaweed import Credentials, SeaweedFS

# A bucket whose CORS rule is the module's minus the exposed ETag: the browser
# run against it must not see the ETag, or the browser check proves nothing.
CONTROL_BUCKET = "e2e-cors-without-etag"


def log(message):
    print(message, file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for name in ["state", "intent", "report", "workdir", "weed", "aws4fetch", "chromium",
                 "chromedriver"]:
        parser.add_argument(f"--{name}", required=True)
    args = parser.parse_args()
    # Stopped from outside, still leave through the `with` blocks that stop
    # SeaweedFS and Chromium.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    state = json.loads(Path(args.state).read_text())
    intent = json.loads(Path(args.intent).read_text())

    with SeaweedFS(args.weed, args.workdir) as server:
        admin_s3 = server.client("s3", server.admin)
        replayed = replay.replay(state, admin_s3, server.client("iam", server.admin), log)
        for reason in replayed.skipped:
            log(f"skipped {reason}")

        def clients(access_key, plain_http=False):
            credentials = server.admin if access_key is None else Credentials(
                access_key.access_key_id, access_key.secret_access_key)
            endpoint = server.http_endpoint if plain_http else None
            return server.client("s3", credentials, endpoint)

        wait_for_keys(intent, replayed, clients)
        if intent["teams"] is None:
            log('teams = ["*"] reaches every team, so no team lies outside it to try; '
                f"the keys are tried on teams {', '.join(matrix.ANY_TEAMS)}")
        cells = matrix.run(intent, clients, replayed.access_keys)
        log(matrix.table(cells))

        with Browser(args.workdir, args.aws4fetch, args.chromium, args.chromedriver) as browser:
            uploads = browser_uploads(intent, replayed, server, admin_s3, browser)
        for upload in uploads:
            log(f"browser: PUT s3://{upload['bucket']}/{upload['key']} from {upload['origin']}: "
                f"{upload['seen']} (server's ETag {upload['server_etag']})")

    report = {
        "cells": [asdict(cell) | {"holds": cell.holds} for cell in cells],
        "browser": uploads,
        "skipped": replayed.skipped,
        "access_keys": [{"user": k.user, "name": k.name} for k in replayed.access_keys],
    }
    Path(args.report).write_text(json.dumps(report, indent=2))


def wait_for_keys(intent, replayed, clients, timeout=30):
    """New keys reach the S3 gateway through the filer; wait until each works."""
    team = (intent["teams"] or matrix.ANY_TEAMS)[0]
    prefix = f"{intent['key_prefix']}/{team}/items-root/"
    bucket = intent["buckets"][0]["name"]
    for access_key in replayed.access_keys:
        s3 = clients(access_key)
        deadline = time.monotonic() + timeout
        while True:
            try:
                s3.list_objects_v2(Bucket=bucket, Prefix=prefix)
                break
            except ClientError as error:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the key of {access_key.user} still fails after "
                                       f"{timeout}s: {error}")
                time.sleep(0.5)


def browser_uploads(intent, replayed, server, admin_s3, browser):
    team = (intent["teams"] or matrix.ANY_TEAMS)[0]
    key = f"{intent['key_prefix']}/{team}/items-root/shared/browser-upload.txt"
    uploads = []

    def upload(bucket, region, credentials, user, expect_etag):
        seen = browser.upload(f"{server.https_endpoint}/{bucket}/{key}", region,
                              credentials.access_key_id, credentials.secret_access_key,
                              f"uploaded by Chromium to {bucket}")
        server_etag = None
        if seen.get("status") == 200:
            server_etag = admin_s3.head_object(Bucket=bucket, Key=key)["ETag"]
        uploads.append({"bucket": bucket, "key": key, "user": user, "origin": browser.origin,
                        "expect_etag": expect_etag, "seen": seen, "server_etag": server_etag})

    first_key = replayed.access_keys[0]
    for bucket, region in replayed.buckets.items():
        upload(bucket, region, Credentials(first_key.access_key_id, first_key.secret_access_key),
               first_key.user, True)

    bucket, rules = next(iter(replayed.cors_rules.items()))
    without_etag = [dict(rule, ExposeHeaders=[h for h in rule["ExposeHeaders"]
                                              if h.lower() != "etag"]) for rule in rules]
    admin_s3.create_bucket(Bucket=CONTROL_BUCKET)
    admin_s3.put_bucket_cors(Bucket=CONTROL_BUCKET, CORSConfiguration={"CORSRules": without_etag})
    upload(CONTROL_BUCKET, replayed.buckets[bucket], server.admin, "the admin", False)
    return uploads


if __name__ == "__main__":
    main()
