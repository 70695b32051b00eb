"""Stands in front of a moto server and denies chosen AWS actions the way AWS does, so a CI run
proves the shipped jar parses real error shapes (EC2's <Response><Errors>, the Query services'
<ErrorResponse>). Every other request is passed to moto unchanged.

    python3 .ci/deny_proxy.py PORT MOTO_URL Action[,Action...]
"""
import sys
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

EC2_ERROR = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>UnauthorizedOperation"
             "</Code><Message>You are not authorized to perform this operation. (labcheck CI)</Message></Error>"
             "</Errors><RequestID>ci-deny-1</RequestID></Response>")
QUERY_ERROR = ("<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not"
               " authorized to perform {action} (labcheck CI)</Message></Error><RequestId>ci-deny-2</RequestId>"
               "</ErrorResponse>")


def main(port, moto, denied):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            action = urllib.parse.parse_qs(body.decode("utf-8", "replace")).get("Action", [""])[0]
            if action in denied:
                ec2 = "Version=2016-11-15" in body.decode("utf-8", "replace")
                text = EC2_ERROR if ec2 else QUERY_ERROR.format(action=action)
                self.answer(403, {"Content-Type": "text/xml"}, text.encode())
                return
            self.forward(body)

        def do_GET(self):
            self.forward(None)

        def forward(self, body):
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
            req = urllib.request.Request(moto + self.path, data=body, headers=headers, method=self.command)
            try:
                with urllib.request.urlopen(req, timeout=30) as r:
                    self.answer(r.status, dict(r.headers), r.read())
            except urllib.error.HTTPError as e:
                self.answer(e.code, dict(e.headers), e.read())

        def answer(self, status, headers, data):
            self.send_response(status)
            for k, v in headers.items():
                if k.lower() not in ("content-length", "transfer-encoding", "connection", "server", "date"):
                    self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2].rstrip("/"), set(sys.argv[3].split(",")))
