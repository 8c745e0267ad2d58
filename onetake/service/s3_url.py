"""`s3://bucket/prefix` -> (bucket, key prefix), with the reason when it is not one (no boto3 needed)."""

from __future__ import annotations

import re

# S3's own bucket naming rules: 3-63 characters, lowercase letters, digits, dots and hyphens, a letter or digit at each end.
_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")


def parse_s3_url(url: str) -> tuple[str, str]:
    """The bucket and the key prefix every object goes under ("" or ending in "/")."""
    if not url.startswith("s3://"):
        raise ValueError(f"must be 'local' or s3://bucket/prefix, not '{url[:100]}'")
    bucket, _, prefix = url.removeprefix("s3://").partition("/")
    if not _BUCKET.match(bucket) or ".." in bucket:
        raise ValueError(f"'{bucket[:100]}' is not an S3 bucket name (3-63 lowercase letters, digits, dots or hyphens)")
    prefix = prefix.strip("/")
    if len(prefix) > 512:
        raise ValueError(f"the key prefix is {len(prefix)} characters; the limit is 512")
    return bucket, prefix + "/" if prefix else ""
