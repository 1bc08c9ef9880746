#!/usr/bin/python3
"""gst-rtsp-server test fixture for the nanoMikey RTSP client tests (issue 12).

Runs GStreamer's own RTSP server (gi: Gst, GstRtspServer) on 127.0.0.1 with the RTP/SAVP profile, so
SDPs carry a=key-mgmt:mikey (RFC 4567) and media is SRTP (RFC 3711):

  play   : serves u-law audio at rtsp://127.0.0.1:<port>/test: a sine tone (--tone HZ, --volume V, the
           samples audiotestsrc makes) or a WAV file (--wav-in PATH, 8 kHz mono 16-bit, looped). The
           SRTP policy and master key (--cipher, --auth, --key HEX = key || salt) are set on the stream's
           srtpenc, so the MIKEY in the DESCRIBE SDP carries them.
  record : accepts ANNOUNCE/SETUP(mode=record)/RECORD at rtsp://127.0.0.1:<port>/test, decrypts the
           SRTP with the key the client sent, decodes u-law and writes what it heard as a WAV file
           (--wav-out PATH, 8 kHz mono 16-bit) when the client tears down (and on SIGTERM).

Prints "READY <port>" on stdout when listening; lines "WAV <path> <samples>" when a WAV is written.
Exits on SIGTERM/SIGINT. Run it with /usr/bin/python3 (the system Python that has gi).
"""
import argparse
import os
import signal
import sys
import threading
import wave

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
gi.require_version("GstRtsp", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402


def log(*args):
    print(*args, file=sys.stderr, flush=True)


class Recorder:
    """Collects decoded 16-bit samples from an appsink and writes them as a WAV file."""

    def __init__(self, path):
        self.path = path
        self.lock = threading.Lock()
        self.chunks = []
        self.written = False

    def on_sample(self, sink):
        sample = sink.emit("pull-sample")
        if sample is None:
            return Gst.FlowReturn.EOS
        buf = sample.get_buffer()
        ok, info = buf.map(Gst.MapFlags.READ)
        if ok:
            with self.lock:
                self.chunks.append(bytes(info.data))
            buf.unmap(info)
        return Gst.FlowReturn.OK

    def write(self):
        with self.lock:
            data = b"".join(self.chunks)
        tmp = self.path + ".part"
        with wave.open(tmp, "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(8000)
            w.writeframes(data)
        os.replace(tmp, self.path)  # the test never sees a half-written file
        print("WAV %s %d" % (self.path, len(data) // 2), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["play", "record"])
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--path", default="/test")
    ap.add_argument("--tone", type=float, default=440.0)
    ap.add_argument("--volume", type=float, default=0.5)
    ap.add_argument("--wav-in")
    ap.add_argument("--wav-out")
    ap.add_argument("--cipher", default="aes-128-icm", help="srtpenc rtp-cipher/rtcp-cipher nick")
    ap.add_argument("--auth", default="hmac-sha1-80", help="srtpenc rtp-auth/rtcp-auth nick")
    ap.add_argument("--key", help="master key || salt in hex (random if absent)")
    ap.add_argument("--protocols", default="udp", help="udp, tcp or udp+tcp")
    args = ap.parse_args()

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_profiles(GstRtsp.RTSPProfile.SAVP)
    protocols = GstRtsp.RTSPLowerTrans(0)
    if "udp" in args.protocols:
        protocols |= GstRtsp.RTSPLowerTrans.UDP
    if "tcp" in args.protocols:
        protocols |= GstRtsp.RTSPLowerTrans.TCP
    factory.set_protocols(protocols)
    factory.set_shared(False)
    recorder = None

    if args.mode == "play":
        if args.wav_in:
            src = "multifilesrc location=%s loop=true ! wavparse ! audioconvert ! audioresample" % args.wav_in
        else:
            src = "audiotestsrc is-live=true wave=sine freq=%s volume=%s samplesperbuffer=160" % (args.tone, args.volume)
        factory.set_launch(
            "( %s ! audio/x-raw,format=S16LE,rate=8000,channels=1 ! mulawenc ! rtppcmupay name=pay0 pt=0 )" % src)
        factory.set_transport_mode(GstRtspServer.RTSPTransportMode.PLAY)
    else:
        if not args.wav_out:
            ap.error("record needs --wav-out")
        recorder = Recorder(args.wav_out)
        factory.set_launch(
            "( rtppcmudepay name=depay0 ! mulawdec ! audio/x-raw,format=S16LE,rate=8000,channels=1 "
            "! appsink name=rec emit-signals=true sync=false async=false )")
        factory.set_transport_mode(GstRtspServer.RTSPTransportMode.RECORD)

    def on_new_encoder(stream, enc):
        # RFC 3711 policy of what this server sends (SRTP in play, SRTCP in both); the SDP/KeyMgmt MIKEY
        # is made from these properties (gst_mikey_message_new_from_caps).
        enc.set_property("rtp-cipher", args.cipher)
        enc.set_property("rtcp-cipher", args.cipher)
        enc.set_property("rtp-auth", args.auth)
        enc.set_property("rtcp-auth", args.auth)
        if args.key:
            enc.set_property("random-key", False)
            enc.set_property("key", Gst.Buffer.new_wrapped(bytes.fromhex(args.key)))
        log("encoder configured", args.cipher, args.auth)

    def on_new_stream(media, stream):
        stream.connect("new-rtp-encoder", on_new_encoder)
        stream.connect("new-rtcp-encoder", on_new_encoder)

    def on_media_configure(factory_, media):
        media.connect("new-stream", on_new_stream)
        for i in range(media.n_streams()):  # streams made before media-configure
            on_new_stream(media, media.get_stream(i))
        if recorder is not None:
            sink = media.get_element().get_by_name("rec")
            sink.connect("new-sample", recorder.on_sample)
            media.connect("unprepared", lambda m: recorder.write())

    factory.connect("media-configure", on_media_configure)
    server.get_mount_points().add_factory(args.path, factory)
    if server.attach(None) == 0:
        log("cannot listen on port", args.port)
        sys.exit(2)

    loop = GLib.MainLoop()

    def stop(*_):
        if recorder is not None:
            recorder.write()
        loop.quit()
        return GLib.SOURCE_REMOVE

    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, stop)
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGINT, stop)
    print("READY %d" % args.port, flush=True)
    loop.run()


if __name__ == "__main__":
    main()
