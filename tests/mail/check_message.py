#!/usr/bin/python3
"""Reads one delivered message with Python's strict e-mail parser and prints what the tests check, as JSON."""
import email
import email.policy
import json
import sys

with open(sys.argv[1], "rb") as f:
    raw = f.read()
msg = email.message_from_bytes(raw, policy=email.policy.default)
defects = [type(d).__name__ for d in msg.defects]
parts = []
for part in msg.walk():
    defects += [type(d).__name__ for d in part.defects]
    if not part.is_multipart():
        parts.append({"type": part.get_content_type(), "body": part.get_content()})
raw_subject = ""
for line in raw.split(b"\r\n"):
    if line.lower().startswith(b"subject:"):
        raw_subject = line.decode("ascii", "replace")
print(json.dumps({
    "defects": defects,
    "type": msg.get_content_type(),
    "subject": str(msg["subject"]),
    "raw_subject": raw_subject,
    "message_id": str(msg["message-id"]),
    "date": str(msg["date"]),
    "parts": parts,
    "longest_line": max(len(l) for l in raw.split(b"\r\n")),
}))
