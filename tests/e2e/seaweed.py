"""SeaweedFS's `weed mini` on loopback, for one test run.

The server gets an admin key through its environment, listens only on
127.0.0.1 on ports picked free, and serves S3 and IAM both over plain HTTP
and over HTTPS with a certificate made for this run. It is stopped when the
`with` block ends, whatever happened inside it.
"""

import os
import secrets
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import boto3
from botocore.config import Config

LOOPBACK = "127.0.0.1"

# Every listener `weed mini` opens; each gets a port picked free.
PORT_FLAGS = [
    "master.port",
    "master.port.grpc",
    "volume.port",
    "volume.port.grpc",
    "filer.port",
    "filer.port.grpc",
    "s3.port",
    "s3.port.grpc",
    "s3.port.https",
    "admin.port",
    "admin.port.grpc",
]


@dataclass
class Credentials:
    access_key_id: str
    secret_access_key: str


def free_ports(count):
    """Ports nothing listens on right now, all different."""
    sockets = []
    try:
        for _ in range(count):
            s = socket.socket()
            s.bind((LOOPBACK, 0))
            sockets.append(s)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def make_certificate(directory):
    """A self-signed certificate for 127.0.0.1, valid for a day."""
    cert, key = directory / "s3.crt", directory / "s3.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )
    return cert, key


class SeaweedFS:
    def __init__(self, weed, workdir):
        self.weed = weed
        self.workdir = Path(workdir)
        self.admin = Credentials("e2eadmin" + secrets.token_hex(6), secrets.token_hex(20))
        self.process = None

    def __enter__(self):
        ports = dict(zip(PORT_FLAGS, free_ports(len(PORT_FLAGS))))
        self.certificate, key = make_certificate(self.workdir)
        self.https_endpoint = f"https://{LOOPBACK}:{ports['s3.port.https']}"
        self.http_endpoint = f"http://{LOOPBACK}:{ports['s3.port']}"
        data = self.workdir / "data"
        data.mkdir()
        command = [
            str(self.weed), "mini", f"-dir={data}", f"-ip={LOOPBACK}", f"-ip.bind={LOOPBACK}",
            "-master.telemetry=false", "-webdav=false", "-admin.ui=false",
            "-s3.port.iceberg=0", "-s3.port.lance=0", "-s3.iam.readOnly=false",
            "-s3.allowedOrigins=https://no-global-cors.invalid",
            f"-s3.cert.file={self.certificate}", f"-s3.key.file={key}",
        ] + [f"-{flag}={port}" for flag, port in ports.items()]
        environment = dict(os.environ,
                           AWS_ACCESS_KEY_ID=self.admin.access_key_id,
                           AWS_SECRET_ACCESS_KEY=self.admin.secret_access_key)
        self.log = self.workdir / "weed.log"
        with open(self.log, "wb") as log:
            # A session of its own, so that stopping it reaches every child.
            self.process = subprocess.Popen(command, env=environment, stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True)
        try:
            self._wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *_):
        self.stop()

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def client(self, service, credentials, endpoint=None):
        """A boto3 client for this server, path-style, failing fast."""
        return boto3.client(
            service,
            endpoint_url=endpoint or self.https_endpoint,
            verify=str(self.certificate),
            region_name="us-east-1",
            aws_access_key_id=credentials.access_key_id,
            aws_secret_access_key=credentials.secret_access_key,
            config=Config(s3={"addressing_style": "path"},
                          retries={"max_attempts": 1, "mode": "standard"},
                          connect_timeout=5, read_timeout=30),
        )

    def _wait_until_ready(self, timeout=90):
        s3 = self.client("s3", self.admin)
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"weed mini exited with {self.process.returncode}; "
                                   f"its log:\n{self.log.read_text(errors='replace')[-4000:]}")
            try:
                s3.list_buckets()
                return
            except Exception as error:  # not listening yet, or the filer is not up
                if time.monotonic() > deadline:
                    raise RuntimeError(f"SeaweedFS did not answer within {timeout}s: {error}")
                time.sleep(0.5)
