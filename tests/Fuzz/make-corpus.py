#!/usr/bin/env python3
"""Writes the seed corpora of tests/Fuzz/corpus/<target>/ from the repository's samples and vectors (issue 16).

Run from anywhere: python3 tests/Fuzz/make-corpus.py. The SRTP/SRTCP packets and the responders' genuine offers are made by
the harness itself (run.sh --seeds calls `NanoMikey.Fuzz --seeds`). Each file is one input; names say where it came from.
Standard library only; deterministic output.
"""
import base64, binascii, glob, os, re, shutil, sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
V = os.path.join(ROOT, 'tests', 'vectors')
OUT = os.path.join(ROOT, 'tests', 'Fuzz', 'corpus')


def put(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode('latin-1')
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)


def mikey_messages():
    """(name, bytes) of every MIKEY message in the vectors: hex lines '*message*: HEX', GStreamer base64, samples.md hex."""
    out = []
    for path in sorted(glob.glob(os.path.join(V, 'mikey*', '*.txt'))):
        base = os.path.splitext(os.path.basename(path))[0]
        for line in open(path, encoding='utf-8'):
            m = re.match(r'^([\w-]*message[\w-]*):\s*([0-9a-fA-F]+)\s*$', line)
            if m:
                out.append((base + '-' + m.group(1), binascii.unhexlify(m.group(2))))
                continue
            if path.endswith('gstreamer-1.22.txt') and not line.startswith('#') and line.strip():
                out.append(('gst-%d' % len(out), base64.b64decode(line.split()[-1])))
    for i, line in enumerate(open(os.path.join(V, 'mikey', 'samples.md'), encoding='utf-8')):
        s = line.strip()
        if re.fullmatch(r'01[0-9a-f]{18,}', s) and len(s) % 2 == 0:
            out.append(('samples-md-%d' % i, binascii.unhexlify(s)))
    src = open(os.path.join(ROOT, 'tests', 'Mikey.Nano.Tests', 'Samples.cs'), encoding='utf-8').read()
    for m in re.finditer(r'(\w+)\s*=\s*((?:\s*"[^"]*"\s*\+?)+);', src):
        name, text = m.group(1), ''.join(re.findall(r'"([^"]*)"', m.group(2)))
        try:
            if name.endswith('Hex'):
                out.append(('samples-cs-' + name, binascii.unhexlify(text)))
            elif name.endswith('Base64'):
                out.append(('samples-cs-' + name, base64.b64decode(text, validate=True)))
        except (binascii.Error, ValueError):
            pass
    return out


def certificates():
    out = []
    for d in ('mikey-ecc', 'mikey-rsa', os.path.join('x509', 'rsa')):
        for p in sorted(glob.glob(os.path.join(V, d, '*.der'))):
            out.append((os.path.basename(d) + '-' + os.path.basename(p), open(p, 'rb').read()))
    for p in sorted(glob.glob(os.path.join(V, 'x509', 'chains', '*.pem'))):
        pem = open(p, encoding='ascii').read()
        b = re.search(r'-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----', pem, re.S)
        if b:
            out.append(('chains-' + os.path.basename(p)[:-4] + '.der', base64.b64decode(''.join(b.group(1).split()))))
    return out


def main():
    if os.path.isdir(OUT):
        for t in os.listdir(OUT):
            for f in glob.glob(os.path.join(OUT, t, '*')):
                if not os.path.basename(f).startswith('generated-'):
                    os.remove(f)
    msgs = mikey_messages()
    for name, m in msgs:
        put('mikey-reader', name, m)
    b64 = [base64.b64encode(m).decode() for _, m in msgs]
    for i, s in enumerate(b64[:12]):
        put('base64', 'msg-%d' % i, s)
    for i, s in enumerate(['', 'AA==', 'AAA=', 'AAAA', 'AB==', 'A===', 'QUJD\r\nREVG', '+/+/', '====']):
        put('base64', 'edge-%d' % i, s)

    short = [base64.b64encode(m).decode() for _, m in msgs if len(m) < 200][:6]
    sip_invite = open(os.path.join(V, 'sip', 'rfc3665', '3.1-session-F1-invite.txt'), 'rb').read().decode('latin-1')
    sdp_body = sip_invite.split('\r\n\r\n', 1)[1] if '\r\n\r\n' in sip_invite else sip_invite.split('\n\n', 1)[-1]
    head = ('v=0\r\no=alice 2891092738 2891092738 IN IP4 w-land.example.com\r\ns=Cool stuff\r\n'
            't=0 0\r\nc=IN IP4 192.0.2.1\r\n')
    for i, s in enumerate(short):
        put('sdp-keymgmt', 'session-%d' % i, head + 'a=key-mgmt:mikey ' + s + '\r\nm=audio 49000 RTP/SAVP 0 8\r\na=rtpmap:0 PCMU/8000\r\n')
        put('sdp-keymgmt', 'media-%d' % i, 'v=0\nm=video 0 RTP/SAVP 96\na=key-mgmt: mikey ' + s + '\nm=audio 0 RTP/SAVP 0\na=key-mgmt:other AAAA\n')
    put('sdp-keymgmt', 'rfc3665-invite-body', sdp_body)

    for i, s in enumerate(short):
        put('rtsp-keymgmt', 'rfc4567-%d' % i, 'prot=mikey; uri="rtsp://movie.example.com/action"; data="' + s + '"')
        put('rtsp-keymgmt', 'compact-%d' % i, 'prot=mikey;uri="rtsps://127.0.0.1:8322/stream/trackID=0";data="' + s + '"')
    put('rtsp-keymgmt', 'folded', 'keymgmt: prot=mikey; uri="rtsp://x/a";\r\n         data="' + short[0] + '"')
    put('rtsp-keymgmt', 'empty-uri', 'prot=mikey; uri=""; data="' + short[1] + '"')

    u = 'rtsp://127.0.0.1:8554/stream'
    reqs = {
        'options': 'OPTIONS %s RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: fuzz\r\n\r\n' % u,
        'describe': 'DESCRIBE %s RTSP/1.0\r\nCSeq: 2\r\nAccept: application/sdp\r\n\r\n' % u,
        'setup-udp': 'SETUP %s/trackID=0 RTSP/1.0\r\nCSeq: 3\r\nTransport: RTP/SAVP;unicast;client_port=5000-5001\r\nKeyMgmt: prot=mikey; uri="%s"; data="%s"\r\n\r\n' % (u, u, short[0]),
        'setup-tcp': 'SETUP %s/trackID=1 RTSP/1.0\nCSeq: 4\nSession: 12345678\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1;ssrc=0A0B0C0D;mode=record,RTP/AVP;unicast;client_port=6000-6001\n\n' % u,
        'play': 'PLAY %s RTSP/1.0\r\nCSeq: 5\r\nSession: 12345678\r\nRange: npt=0-\r\n\r\n' % u,
        'announce': 'ANNOUNCE %s RTSP/1.0\r\nCSeq: 6\r\nContent-Type: application/sdp\r\nContent-Length: %d\r\n\r\n%s' % (u, len(sdp_body), sdp_body),
        'teardown-folded': 'TEARDOWN %s RTSP/1.0\r\nCSeq: 7\r\nSession: 12345678\r\nX-Long: a\r\n  b\r\n\r\n' % u,
        'interleaved-then-request': '$\x00\x00\x04abcdGET_PARAMETER %s RTSP/1.0\r\nCSeq: 8\r\n\r\n' % u,
        'two-requests': 'OPTIONS * RTSP/1.0\r\nCSeq: 9\r\n\r\nOPTIONS * RTSP/1.0\r\nCSeq: 10\r\n\r\n',
    }
    for k, r in reqs.items():
        put('rtsp-request', k, r)

    for p in sorted(glob.glob(os.path.join(V, 'sip', 'rfc3665', '*.txt')) + glob.glob(os.path.join(V, 'sip', 'rfc4475', '*.dat'))):
        put('sip-message', os.path.basename(p), open(p, 'rb').read())

    certs = certificates()
    for name, der in certs:
        put('x509', name, der)
        put('der', name, der)
    for p in sorted(glob.glob(os.path.join(V, 'x509', 'rsa', 'rsa*.der'))):
        put('der', 'key-' + os.path.basename(p), open(p, 'rb').read())
    put('der', 'ecdsa-sig', binascii.unhexlify('3044022001' + '00' * 31 + '022001' + '00' * 31))


if __name__ == '__main__':
    main()
