#!/usr/bin/python3
"""Runs GStreamer's own MIKEY code (libgstsdp gstmikey.c, GstSdp.MIKEYMessage) for the xunit interop tests.

Commands (one JSON object on stdout each; exit status 0 on success, 2 when GStreamer rejects the input, 3 when
python3-gi / GstSdp is missing):
  to-caps BASE64            a=key-mgmt:mikey BASE64 in an SDP, gst_sdp_media_parse_keymgmt (new_from_data) + to_caps:
                            what rtspsrc takes from our DESCRIBE answer
  from-caps CIPHER AUTH KEYHEX [SSRC ...]
                            new_from_caps (what gst-rtsp-server and rtspclientsink write), plus add_cs_srtp per SSRC
  keymgmt-header CIPHER AUTH KEYHEX URI [SSRC ...]
                            the same message as an RTSP KeyMgmt value (gst_sdp_make_keymgmt): gst-rtsp-server's ANNOUNCE
                            answer, rtspsrc's SETUP
  sdp-keymgmt SDP-TEXT      gst_sdp_media_parse_keymgmt of the first media of a whole SDP, then to_caps
Run as /usr/bin/python3 (the interpreter with gi).
"""
import base64
import binascii
import ctypes
import json
import sys

try:
    import gi
    gi.require_version("Gst", "1.0")
    gi.require_version("GstSdp", "1.0")
    from gi.repository import Gst, GstSdp, GLib
except Exception as e:  # noqa: BLE001 - any import failure means the fixture cannot run
    print(json.dumps({"error": "python3-gi with GstSdp 1.0 is required: %s" % e}))
    sys.exit(3)

Gst.init(None)


# gst_sdp_media_parse_keymgmt returns a gboolean through its GstSDPResult (1 = success, peers.md), which gi cannot
# convert, and gi will not pass a NULL GstMIKEYDecryptInfo to new_from_data: the parse path is called through ctypes,
# exactly as rtspsrc calls it.
_sdp = ctypes.CDLL("libgstsdp-1.0.so.0")
_gst = ctypes.CDLL("libgstreamer-1.0.so.0")
_glib = ctypes.CDLL("libglib-2.0.so.0")
_vp = ctypes.c_void_p


class _MiniObject(ctypes.Structure):
    _fields_ = [("type", ctypes.c_size_t), ("refcount", ctypes.c_int), ("lockstate", ctypes.c_int), ("flags", ctypes.c_uint),
                ("copy", _vp), ("dispose", _vp), ("free", _vp), ("priv_uint", ctypes.c_uint), ("priv_pointer", _vp)]


class _Payload(ctypes.Structure):
    _fields_ = [("mini_object", _MiniObject), ("type", ctypes.c_int), ("len", ctypes.c_uint)]


class _Message(ctypes.Structure):
    _fields_ = [("mini_object", _MiniObject), ("version", ctypes.c_uint8), ("type", ctypes.c_int), ("V", ctypes.c_int),
                ("prf_func", ctypes.c_int), ("CSB_id", ctypes.c_uint32), ("map_type", ctypes.c_int)]


class _MapSrtp(ctypes.Structure):
    _fields_ = [("policy", ctypes.c_uint8), ("ssrc", ctypes.c_uint32), ("roc", ctypes.c_uint32)]


for name, res, args in (
        ("gst_sdp_message_new_from_text", ctypes.c_int, [ctypes.c_char_p, ctypes.POINTER(_vp)]),
        ("gst_sdp_message_medias_len", ctypes.c_uint, [_vp]),
        ("gst_sdp_message_get_media", _vp, [_vp, ctypes.c_uint]),
        ("gst_sdp_media_parse_keymgmt", ctypes.c_int, [_vp, ctypes.POINTER(_vp)]),
        ("gst_sdp_message_free", ctypes.c_int, [_vp]),
        ("gst_mikey_message_get_n_cs", ctypes.c_uint, [_vp]),
        ("gst_mikey_message_get_cs_srtp", ctypes.POINTER(_MapSrtp), [_vp, ctypes.c_uint]),
        ("gst_mikey_message_get_n_payloads", ctypes.c_uint, [_vp]),
        ("gst_mikey_message_get_payload", ctypes.POINTER(_Payload), [_vp, ctypes.c_uint]),
        ("gst_mikey_message_to_caps", ctypes.c_int, [_vp, _vp]),
        ("gst_mikey_message_base64_encode", _vp, [_vp])):
    f = getattr(_sdp, name)
    f.restype = res
    f.argtypes = args
_gst.gst_caps_new_empty_simple.restype = _vp
_gst.gst_caps_new_empty_simple.argtypes = [ctypes.c_char_p]
_gst.gst_caps_to_string.restype = _vp
_gst.gst_caps_to_string.argtypes = [_vp]
_gst.gst_mini_object_unref.argtypes = [_vp]
_glib.g_free.argtypes = [_vp]


def _string(ptr):
    value = ctypes.string_at(ptr).decode()
    _glib.g_free(ptr)
    return value


def describe(msg):
    """What GStreamer made of a parsed message: header, crypto sessions, payload types, and to_caps."""
    m = ctypes.cast(msg, ctypes.POINTER(_Message)).contents
    out = {"version": m.version, "type": m.type, "V": bool(m.V), "prf": m.prf_func, "csb_id": m.CSB_id, "cs": [], "payloads": []}
    for i in range(_sdp.gst_mikey_message_get_n_cs(msg)):
        cs = _sdp.gst_mikey_message_get_cs_srtp(msg, i).contents
        out["cs"].append({"policy": cs.policy, "ssrc": cs.ssrc, "roc": cs.roc})
    for i in range(_sdp.gst_mikey_message_get_n_payloads(msg)):
        out["payloads"].append(_sdp.gst_mikey_message_get_payload(msg, i).contents.type)
    caps = _gst.gst_caps_new_empty_simple(b"application/x-srtp")
    out["to_caps"] = bool(_sdp.gst_mikey_message_to_caps(msg, caps))
    # e.g. application/x-srtp, srtp-key=(buffer)00..01, srtp-cipher=(string)aes-128-icm, ...
    for field in _string(_gst.gst_caps_to_string(caps)).split(", ")[1:]:
        name, value = field.split("=", 1)
        out[name] = value.split(")", 1)[1]
    _gst.gst_mini_object_unref(caps)
    out["base64"] = _string(_sdp.gst_mikey_message_base64_encode(msg))
    return out


SDP_TEMPLATE = (
    "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=nanoMikey\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
    "m=audio 0 RTP/SAVP 0\r\na=control:stream=0\r\na=key-mgmt:mikey %s\r\n")


def to_caps(b64):
    # rtspsrc's path: the media-level a=key-mgmt line through gst_sdp_media_parse_keymgmt, which calls
    # gst_mikey_message_new_from_data (data, size, NULL, NULL); then gst_mikey_message_to_caps.
    return sdp_keymgmt(SDP_TEMPLATE % b64)


def sdp_keymgmt(text):
    sdp = _vp()
    if _sdp.gst_sdp_message_new_from_text(text.encode(), ctypes.byref(sdp)) != 0 or _sdp.gst_sdp_message_medias_len(sdp) < 1:
        print(json.dumps({"error": "SDP parse failed"}))
        return 2
    msg = _vp()
    ok = _sdp.gst_sdp_media_parse_keymgmt(_sdp.gst_sdp_message_get_media(sdp, 0), ctypes.byref(msg))
    _sdp.gst_sdp_message_free(sdp)
    if not msg:
        print(json.dumps({"error": "parse_keymgmt failed (%d)" % ok}))
        return 2
    out = describe(msg)
    _gst.gst_mini_object_unref(msg)
    print(json.dumps(out))
    return 0


def keymgmt_header(cipher, auth, keyhex, uri, ssrcs):
    # gst-rtsp-server's ANNOUNCE answer (rtsp-client.c stream_make_keymgmt) and rtspsrc's SETUP: new_from_caps,
    # add_cs_srtp, base64_encode, gst_sdp_make_keymgmt (uri, base64).
    msg = _message_from_caps(cipher, auth, keyhex, ssrcs)
    if msg is None:
        return 2
    print(json.dumps({"keymgmt": GstSdp.sdp_make_keymgmt(uri, msg.base64_encode())}))
    return 0


def _message_from_caps(cipher, auth, keyhex, ssrcs):
    key = Gst.Buffer.new_wrapped(binascii.unhexlify(keyhex))
    caps = Gst.Caps.new_empty_simple("application/x-srtp")
    caps.set_value("srtp-key", key)
    for name, value in (("srtp-cipher", cipher), ("srtp-auth", auth), ("srtcp-cipher", cipher), ("srtcp-auth", auth)):
        caps.set_value(name, value)
    msg = GstSdp.MIKEYMessage.new_from_caps(caps)
    if msg is None:
        print(json.dumps({"error": "new_from_caps returned NULL"}))
        return None
    for ssrc in ssrcs:
        msg.add_cs_srtp(0, int(ssrc, 0), 0)
    return msg


def from_caps(cipher, auth, keyhex, ssrcs):
    msg = _message_from_caps(cipher, auth, keyhex, ssrcs)
    if msg is None:
        return 2
    # Described as GStreamer reads it back (its base64 is in the output).
    return to_caps(msg.base64_encode())


def main(argv):
    if len(argv) >= 2 and argv[0] == "to-caps":
        return to_caps(argv[1])
    if len(argv) >= 4 and argv[0] == "from-caps":
        return from_caps(argv[1], argv[2], argv[3], argv[4:])
    if len(argv) >= 5 and argv[0] == "keymgmt-header":
        return keymgmt_header(argv[1], argv[2], argv[3], argv[4], argv[5:])
    if len(argv) >= 2 and argv[0] == "sdp-keymgmt":
        return sdp_keymgmt(argv[1])
    print(json.dumps({"error": "usage: to-caps B64 | from-caps CIPHER AUTH KEYHEX [SSRC...] | keymgmt-header CIPHER AUTH KEYHEX URI [SSRC...] | sdp-keymgmt SDP"}))
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
