#!/usr/bin/python3
"""A real SMTP server for PortalDesk's mail tests (aiosmtpd, from Debian's python3-aiosmtpd).

Prints "READY <port>" once it listens, writes each accepted message to --out as NNNN.eml, and runs until
its standard input closes. Modes make it misbehave the way real servers do.
"""
import argparse
import asyncio
import logging
import os
import ssl
import sys
import time
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import MISSING, SMTP, AuthResult, LoginPassword


class MisbehavingSMTP(SMTP):
    """aiosmtpd's server, with the misbehaviours that need more than a handler hook."""

    def __init__(self, handler, args, **kwargs):
        super().__init__(handler, **kwargs)
        self.args = args

    async def push(self, status):
        if self.args.greeting_reply and isinstance(status, str) and status.startswith("220 ") \
                and not status.startswith("220 Ready to start TLS"):
            status = self.args.greeting_reply
        if self.args.starttls_inject and status == "220 Ready to start TLS":
            # A reply slipped in, in clear, right behind the go-ahead (one write): a STARTTLS injection.
            status += "\r\n250 2.0.0 injected"
        await super().push(status)


class MisbehavingController(Controller):
    def __init__(self, handler, args, **kwargs):
        super().__init__(handler, **kwargs)
        self.args = args

    def factory(self):
        return MisbehavingSMTP(self.handler, self.args, **self.SMTP_kwargs)


class Handler:
    def __init__(self, args):
        self.args = args
        self.count = 0
        self.rcpt_failures_left = args.rcpt_fail_times
        self.drops_left = 1 if args.drop_data_once else 0

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        with open(os.path.join(self.args.out, "mail-from.log"), "a") as f:
            f.write(address + "\n")
        if self.args.mail_reply:
            return self.args.mail_reply
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_AUTH(self, server, session, envelope, args):
        if self.args.auth_reply:
            return self.args.auth_reply
        return MISSING

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
    p.add_argument("--host", default="127.0.0.1", help="the address to listen on")
    p.add_argument("--out", required=True)
    p.add_argument("--tls", choices=["none", "starttls", "implicit"], default="none")
    p.add_argument("--cert")
    p.add_argument("--key")
    p.add_argument("--auth", help="user:password that AUTH accepts; AUTH is then required")
    p.add_argument("--rcpt-reply", help='a reply for RCPT, e.g. "451 4.3.0 Try again later"')
    p.add_argument("--rcpt-fail-times", type=int, default=-1, help="how many RCPTs get it (-1: all)")
    p.add_argument("--drop-data-once", action="store_true")
    p.add_argument("--delay", type=float, default=0)
    p.add_argument("--greeting-reply", help='the greeting instead of 220, e.g. "554 5.3.2 No service"')
    p.add_argument("--mail-reply", help='a reply for MAIL FROM, e.g. "553 5.7.1 Sender rejected"')
    p.add_argument("--auth-reply", help='a reply for every AUTH command, e.g. "535 5.7.8 No"')
    p.add_argument("--auth-mechanisms", help='the AUTH mechanisms offered, e.g. "LOGIN"')
    p.add_argument("--starttls-inject", action="store_true",
                   help="send a reply in clear right behind the go-ahead for STARTTLS")
    args = p.parse_args()
    # AUTH without TLS is only ever on loopback here; aiosmtpd's warnings about it are noise.
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
    logging.getLogger("mail.log").setLevel(logging.ERROR)

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
        if args.auth_mechanisms:
            offered = args.auth_mechanisms.upper().split(",")
            kwargs.update(auth_exclude_mechanism=[m for m in ("PLAIN", "LOGIN") if m not in offered])
    controller = MisbehavingController(Handler(args), args, hostname=args.host, port=args.port,
                                       ssl_context=context if args.tls == "implicit" else None, **kwargs)
    controller.start()
    print("READY %d" % args.port, flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
