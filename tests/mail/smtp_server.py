#!/usr/bin/python3
"""A real SMTP server for PortalDesk's mail tests (aiosmtpd, from Debian's python3-aiosmtpd).

Prints "READY <port>" once it listens, writes each accepted message to --out as NNNN.eml, and runs until
its standard input closes. Modes make it misbehave the way real servers do.
"""
import argparse
import asyncio
import os
import ssl
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, args):
        self.args = args
        self.count = 0
        self.rcpt_failures_left = args.rcpt_fail_times
        self.drops_left = 1 if args.drop_data_once else 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.args.rcpt_reply and self.rcpt_failures_left != 0:
            self.rcpt_failures_left -= 1
            return self.args.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.args.delay:
            await asyncio.sleep(self.args.delay)
        if self.drops_left:
            # The connection goes away after the message's last line, before any reply.
            self.drops_left -= 1
            server.transport.close()
            return "250 never sent"
        self.count += 1
        path = os.path.join(self.args.out, "%04d.eml" % self.count)
        with open(path + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.replace(path + ".tmp", path)
        with open(path + ".envelope", "w") as f:
            f.write("%s\n%s\n%s\n" % (envelope.mail_from, ",".join(envelope.rcpt_tos),
                                      " ".join(envelope.mail_options)))
        return "250 2.0.0 Accepted"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--tls", choices=["none", "starttls", "implicit"], default="none")
    p.add_argument("--cert")
    p.add_argument("--key")
    p.add_argument("--auth", help="user:password that AUTH accepts; AUTH is then required")
    p.add_argument("--rcpt-reply", help='a reply for RCPT, e.g. "451 4.3.0 Try again later"')
    p.add_argument("--rcpt-fail-times", type=int, default=-1, help="how many RCPTs get it (-1: all)")
    p.add_argument("--drop-data-once", action="store_true")
    p.add_argument("--delay", type=float, default=0)
    args = p.parse_args()

    context = None
    if args.tls != "none":
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)

    kwargs = {"enable_SMTPUTF8": True}
    if args.tls == "starttls":
        kwargs.update(tls_context=context, require_starttls=True)
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user \
                and auth_data.password.decode() == password
            return AuthResult(success=ok)

        kwargs.update(authenticator=authenticator, auth_required=True,
                      auth_require_tls=args.tls != "none")
    controller = Controller(Handler(args), hostname="127.0.0.1", port=args.port,
                            ssl_context=context if args.tls == "implicit" else None, **kwargs)
    controller.start()
    print("READY %d" % args.port, flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
