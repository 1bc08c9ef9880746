#!/usr/bin/python3
"""Captures the SETUP request real rtspsrc (GStreamer 1.22) sends after a DESCRIBE answer carrying our MIKEY.

Usage: rtspsrc_setup.py BASE64 [TRANSPORT]
A one-connection RTSP server on 127.0.0.1 (ephemeral port) answers OPTIONS and DESCRIBE (SDP: one PCMU audio stream,
RTP/SAVP, media-level a=key-mgmt:mikey BASE64), then records the SETUP request and answers it 454 so rtspsrc stops.
rtspsrc runs as `gst-launch-1.0 rtspsrc ... ! fakesink` (TRANSPORT = its protocols property, default udp).
Prints one JSON object: {"setup": request text, "keymgmt": KeyMgmt header value, "describe_seen": bool}; exit 0 when a
SETUP arrived, 2 when not (stderr then holds gst-launch's output). The child is killed by its pid in every case.
"""
import json
import socket
import subprocess
import sys
import time

TIMEOUT = 20.0


def read_request(conn, buf):
    while b"\r\n\r\n" not in buf:
        chunk = conn.recv(4096)
        if not chunk:
            return None, buf
        buf += chunk
    head, rest = buf.split(b"\r\n\r\n", 1)
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(rest) < length:
        chunk = conn.recv(4096)
        if not chunk:
            break
        rest += chunk
    return head.decode("latin-1"), rest[length:]


def header(request, name):
    for line in request.split("\r\n")[1:]:
        n, _, v = line.partition(":")
        if n.strip().lower() == name.lower():
            return v.strip()
    return None


def main(argv):
    b64 = argv[0]
    transport = argv[1] if len(argv) > 1 else "udp"
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    srv.settimeout(TIMEOUT)
    port = srv.getsockname()[1]
    url = "rtsp://127.0.0.1:%d/sensor" % port
    child = subprocess.Popen(["gst-launch-1.0", "-q", "rtspsrc", "location=" + url, "protocols=" + transport, "!", "fakesink"],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    result = {"describe_seen": False}
    try:
        conn, _ = srv.accept()
        conn.settimeout(TIMEOUT)
        buf = b""
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            req, buf = read_request(conn, buf)
            if req is None:
                break
            method = req.split(" ", 1)[0]
            cseq = header(req, "CSeq") or "0"
            if method == "OPTIONS":
                conn.sendall(("RTSP/1.0 200 OK\r\nCSeq: %s\r\nPublic: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN\r\n\r\n" % cseq).encode())
            elif method == "DESCRIBE":
                result["describe_seen"] = True
                sdp = ("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=sensor\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n"
                       "m=audio 0 RTP/SAVP 0\r\na=rtpmap:0 PCMU/8000\r\na=control:stream=0\r\na=key-mgmt:mikey %s\r\n" % b64)
                conn.sendall(("RTSP/1.0 200 OK\r\nCSeq: %s\r\nContent-Base: %s/\r\nContent-Type: application/sdp\r\n"
                              "Content-Length: %d\r\n\r\n%s" % (cseq, url, len(sdp), sdp)).encode())
            elif method == "SETUP":
                result["setup"] = req
                result["keymgmt"] = header(req, "KeyMgmt")
                conn.sendall(("RTSP/1.0 454 Session Not Found\r\nCSeq: %s\r\n\r\n" % cseq).encode())
                break
            else:
                conn.sendall(("RTSP/1.0 405 Method Not Allowed\r\nCSeq: %s\r\n\r\n" % cseq).encode())
        conn.close()
    except socket.timeout:
        pass
    finally:
        srv.close()
        child.kill()
        out = child.communicate()[0].decode("latin-1", "replace")
    print(json.dumps(result))
    if "setup" not in result:
        sys.stderr.write(out)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
