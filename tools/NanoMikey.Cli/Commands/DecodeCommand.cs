using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using NanoMikey.Cli.Decode;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Rendering;

namespace NanoMikey.Cli.Commands
{
    /// <summary>The `decode` verb: renders MIKEY messages given as base64, hex, SDP, RTSP KeyMgmt text or a file.</summary>
    public static class DecodeCommand
    {
        /// <summary>Creates the command.</summary>
        public static Command Create()
        {
            var input = new Argument<string?>("input")
            {
                Description = "base64, hex, an SDP text with a=key-mgmt:mikey, or an RTSP KeyMgmt header (quote it); "
                    + "without it and without --file, standard input",
                Arity = ArgumentArity.ZeroOrOne,
            };
            var file = new Option<string?>("--file")
            {
                Description = "read the input from a file: text as above (UTF-8, UTF-16 with or without BOM, UTF-32 with BOM), "
                    + "or a binary MIKEY message",
            };
            var json = new Option<bool>("--json")
            {
                Description = "render as JSON: one object per message; SDP input gives one array of "
                    + "{\"level\": \"session\"|\"media\", \"mLine\": m= line counted from 1 (null at session level), \"message\": {...}}",
            };
            var showKeys = new Option<bool>("--show-keys") { Description = "show key data and salts (elided by default)" };
            var update = new Option<bool>("--update") { Description = "the message updates an existing CSB (RFC 3830 §4.5): no RAND required" };
            var quirks = new Option<string[]>("--quirk")
            {
                Description = "tolerate a peer deviation (repeatable): gstreamer-tag-length, gstreamer-aes-gcm, missing-rand, trailing-pad",
            };
            var cmd = new Command("decode", "Decode and render a MIKEY message.\n" + ExitCode.Help);
            cmd.Arguments.Add(input);
            cmd.Options.Add(file);
            cmd.Options.Add(json);
            cmd.Options.Add(showKeys);
            cmd.Options.Add(update);
            cmd.Options.Add(quirks);
            cmd.SetAction(parseResult => Run(parseResult.GetValue(input), parseResult.GetValue(file), parseResult.GetValue(json),
                parseResult.GetValue(showKeys), parseResult.GetValue(update), parseResult.GetValue(quirks) ?? Array.Empty<string>()));
            return cmd;
        }

        /// <summary>Runs the decode; returns the <see cref="ExitCode"/>.</summary>
        public static int Run(string? text, string? file, bool json, bool showKeys, bool update, string[] quirkNames)
        {
            MikeyQuirks quirks = MikeyQuirks.None;
            foreach (string q in quirkNames)
            {
                switch (q)
                {
                    case "gstreamer-tag-length": quirks |= MikeyQuirks.GStreamerTagLengthInAuthKeyLength; break;
                    case "gstreamer-aes-gcm": quirks |= MikeyQuirks.GStreamerAesGcmDefaults; break;
                    case "missing-rand": quirks |= MikeyQuirks.MissingRand; break;
                    case "trailing-pad": quirks |= MikeyQuirks.TrailingPadByte; break;
                    default:
                        Console.Error.WriteLine("decode: unknown quirk '" + q + "' (gstreamer-tag-length, gstreamer-aes-gcm, missing-rand, trailing-pad)");
                        return ExitCode.UnusableInput;
                }
            }

            string reason;
            List<DecodeItem>? items;
            if (file != null || (text == null && Console.IsInputRedirected))
            {
                byte[]? raw = file != null ? InputBytes.ReadFile(file, out reason)
                    : InputBytes.Read(Console.OpenStandardInput(), "standard input", out reason);
                items = raw == null ? null : DecodeInput.Extract(raw, file != null ? "file " + file : "standard input", out reason);
            }
            else
            {
                items = DecodeInput.Extract(text, out reason);
            }

            if (items == null)
            {
                Console.Error.WriteLine("decode: " + reason);
                return ExitCode.UnusableInput;
            }

            var renderer = new MikeyRenderer { ShowKeys = showKeys, Quirks = quirks, IsCsbUpdate = update };
            bool sdpArray = json && items[0].SdpLevel != null;
            TextWriter output = Console.Out;
            int exit = ExitCode.Valid;
            for (int i = 0; i < items.Count; i++)
            {
                DecodeItem item = items[i];
                if (sdpArray)
                {
                    output.Write((i == 0 ? "[" : ",\n") + "{\"level\":\"" + item.SdpLevel + "\",\"mLine\":"
                        + (item.MediaLine > 0 ? item.MediaLine.ToString() : "null") + ",\"message\":"
                        + renderer.RenderJson(item.Message, 0, item.Message.Length).TrimEnd() + "}");
                }
                else if (json)
                {
                    output.Write(renderer.RenderJson(item.Message, 0, item.Message.Length));
                }
                else
                {
                    output.Write("# " + item.Source + "\n" + renderer.RenderText(item.Message, 0, item.Message.Length));
                }

                if (renderer.Status != MikeyStatus.End)
                {
                    ReportInvalid(renderer, items.Count > 1 || item.SdpLevel != null ? item.Source : null, item.Message.Length, update, quirks);
                    exit = ExitCode.InvalidMessage;
                }
            }

            if (sdpArray)
            {
                output.Write("]\n");
            }

            return exit;
        }

        // One plain line per invalid message; the MIKEY error code (RFC 3830 §6.12) stays beside the reason.
        private static void ReportInvalid(MikeyRenderer r, string? source, int length, bool update, MikeyQuirks quirks)
        {
            string what = r.Status == MikeyStatus.Truncated ? "truncated: " + MikeyRenderer.Describe(r.Status) : MikeyRenderer.Describe(r.Status);
            Console.Error.WriteLine("decode: invalid message" + (source == null ? "" : " (" + source + ")") + ": " + what
                + "; at offset " + r.ErrorOffset + " of " + length + " bytes; MIKEY error " + (int)r.ErrorCode + " ("
                + MikeyRenderer.ErrorName(r.ErrorCode) + ")");
            if (r.Status == MikeyStatus.MissingRand && !update)
            {
                // With the quirk given RAND can still be missing where the quirk does not apply (its scope is the reader's).
                Console.Error.WriteLine("hint: if the message updates an existing CSB (RFC 3830 §4.5), pass --update"
                    + ((quirks & MikeyQuirks.MissingRand) == 0 ? "; if the peer is known to omit RAND, pass --quirk missing-rand" : ""));
            }
        }
    }
}
