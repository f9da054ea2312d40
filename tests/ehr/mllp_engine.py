#!/usr/bin/env python3
"""Sends a file of HL7 v2 messages to an MLLP listener as an interface engine does: one at a time,
waiting for each acknowledgement, and sending a message again after an AR or a lost connection.
The framing, the file reading and the socket are python3-hl7's (hl7.client); this only drives it.

Prints one line per message: the ACK's MSA-1 and MSA-2 ("AA M1"), or NOACK when none came."""
import argparse
import socket
import ssl
import sys
import time

import hl7
import hl7.client


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--file", required=True)
    parser.add_argument("--ca", help="trust this CA for the listener's certificate (TLS)")
    parser.add_argument("--cert", help="client certificate (TLS)")
    parser.add_argument("--key", help="client key (TLS)")
    parser.add_argument("--retries", type=int, default=300)
    args = parser.parse_args()

    def connect():
        if not args.ca:
            return hl7.client.MLLPClient("127.0.0.1", args.port)
        context = ssl.create_default_context(cafile=args.ca)
        if args.cert:
            context.load_cert_chain(args.cert, args.key)
        raw = socket.create_connection(("127.0.0.1", args.port), timeout=10)
        client = hl7.client.MLLPClient.__new__(hl7.client.MLLPClient)
        client.socket = context.wrap_socket(raw, server_hostname="127.0.0.1")
        client.encoding = "utf-8"
        return client

    with open(args.file, "rb") as f:
        messages = list(hl7.client.read_loose(f))
    client = None
    started = time.monotonic()
    retried = 0
    for message in messages:
        answer = "NOACK"
        for _ in range(args.retries):
            try:
                if client is None:
                    client = connect()
                ack = client.send_message(message)
                if not ack:
                    raise ConnectionError("closed")
                text = ack.strip(hl7.client.SB + hl7.client.EB + hl7.client.CR).decode("utf-8")
                msa = hl7.parse(text).segment("MSA")
                code, control = str(msa[1]), str(msa[2])
                if code == "AR":
                    retried += 1
                    time.sleep(0.2)
                    continue
                answer = f"{code} {control}"
                break
            except (OSError, ConnectionError, ssl.SSLError, ValueError, KeyError):
                if client is not None:
                    try:
                        client.close()
                    except OSError:
                        pass
                client = None
                retried += 1
                time.sleep(0.2)
        print(answer, flush=True)
    elapsed = time.monotonic() - started
    print(f"sent {len(messages)} messages in {elapsed:.1f} s ({len(messages) / max(elapsed, 1e-9):.0f}/s), "
          f"{retried} sent again", file=sys.stderr)
    if client is not None:
        client.close()


if __name__ == "__main__":
    main()
